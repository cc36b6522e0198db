/**
 * Action items and key dates, on the two real 通知 (what they ask of whom, by when), the real
 * government work reports and NPC resolutions (no item made up from narrative), and the patterns
 * 公文 write deadlines in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { findActionItems, findDate, findDeadline, findKeyDates } from '../../shared/summarize/actions';
import type { ActionItem } from '../../shared/summarize/actions';
import type { SourcePassage } from '../../shared/verify/types';

const REAL = path.join(__dirname, '../../../shared/fixtures/real/gongwen');
const HOLIDAYS = 'indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt';
const BUSINESS = 'indexid-30450065090__tongzhi_guobanfa-2022-35.txt';

function passagesOf(fileName: string, doc = 'doc'): SourcePassage[] {
  const parsed = parseTextDocument(new Uint8Array(fs.readFileSync(path.join(REAL, fileName))), fileName, 'txt');
  return parsed.passages.map((p) => ({
    label: `P${p.seq + 1}`,
    id: `${doc}#${p.seq}`,
    documentId: doc,
    page: p.page,
    paragraph: p.paragraph,
    text: p.text,
  }));
}

/** Passages of a made-up document, one a line. */
const lines = (...texts: string[]): SourcePassage[] =>
  texts.map((text, i) => ({ label: `P${i + 1}`, id: `t#${i}`, documentId: 't', text }));

function expectVerbatim(items: readonly ActionItem[], passages: readonly SourcePassage[]) {
  for (const item of items) {
    const p = passages.find((x) => x.label === item.label)!;
    expect(p.text.slice(item.start, item.end)).toBe(item.what);
  }
}

describe('action items in the real 通知', () => {
  test('国办发〔2022〕35号: who must do what, and the one deadline (2022年底前)', () => {
    const passages = passagesOf(BUSINESS);
    const items = findActionItems(passages);
    expectVerbatim(items, passages);
    expect(items.map((i) => [i.who, i.deadline])).toEqual([
      ['各地区', null],
      ['国务院各有关部门', '2022年底前'],
      ['各试点城市', null],
      ['国务院办公厅', null],
      ['各地区、各有关部门', null],
      ['各地区、各有关部门', null],
    ]);
    const ministries = items[1]!;
    expect(ministries.what.startsWith('要结合自身职责，及时出台改革配套政策')).toBe(true);
    expect(ministries.what.endsWith('确保2022年底前落实到位。')).toBe(true);
    // The addressee opens the sentence: `what` starts at its 要 so who + what read as the source does.
    const p = passages.find((x) => x.label === ministries.label)!;
    expect(p.text.slice(ministries.start - ministries.who!.length, ministries.end)).toBe(
      `${ministries.who}${ministries.what}`,
    );
    // The last sentence names its addressee mid-sentence: it is quoted whole.
    expect(items[5]!.what).toBe('复制推广工作中的重要情况，各地区、各有关部门要及时向国务院请示报告。');
  });

  test('国办发明电〔2024〕12号: the one duty of 各地区、各部门 over the holidays', () => {
    const passages = passagesOf(HOLIDAYS);
    const items = findActionItems(passages);
    expectVerbatim(items, passages);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ who: '各地区、各部门', deadline: null });
    expect(items[0]!.what).toMatch(/^节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作/);
  });

  test('the holiday dates, with the event next to them; the 成文日期 alone is none', () => {
    const dates = findKeyDates(passagesOf(HOLIDAYS));
    const byDate = new Map(dates.map((d) => [d.date, d.what]));
    expect(byDate.get('2025年1月1日')).toMatch(/自2025年1月1日起，全体公民放假的假日增加2天/);
    expect(byDate.get('1月1日')).toBe('元旦：1月1日（周三）放假1天，不调休。');
    expect(byDate.get('1月28日至2月4日')).toBe(
      '春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。',
    );
    expect(byDate.get('1月26日、2月8日')).toBe('1月26日（周日）、2月8日（周六）上班。');
    expect(byDate.get('4月4日至6日')).toBe('清明节：4月4日（周五）至6日（周日）放假，共3天。');
    expect(byDate.get('10月1日至8日')).toBe('国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。');
    expect(dates.some((d) => d.date === '2024年11月12日')).toBe(false);
    expect(findKeyDates(passagesOf(BUSINESS)).map((d) => d.date)).toEqual(['2022年底']);
  });
});

describe('nothing made up from narrative', () => {
  const REPORTS = fs.readdirSync(REAL).filter((f) => f.startsWith('chinese-political-corpora__'));

  test.each(REPORTS)('%s: every item is addressed to someone and quoted verbatim', (file) => {
    const passages = passagesOf(file);
    const items = findActionItems(passages);
    expectVerbatim(items, passages);
    for (const item of items) {
      expect(item.who).not.toBeNull();
      expect(passages.find((p) => p.label === item.label)!.text).toContain(item.who!);
    }
  });

  test('the NPC resolutions and the 1954 report (a record, and traditional characters) ask nothing', () => {
    for (const file of REPORTS.filter((f) => /resolution|1954/.test(f))) {
      expect(findActionItems(passagesOf(file))).toEqual([]);
    }
  });

  test('the 2024 report: nothing from its review of the past year, its directives found', () => {
    const passages = passagesOf('chinese-political-corpora__government_work_report_2024.txt');
    const items = findActionItems(passages);
    const plans = passages.findIndex((p) => p.text.startsWith('二、2024年经济社会发展总体要求和政策取向'));
    expect(plans).toBeGreaterThan(0);
    const firstPlan = Number(passages[plans]!.label.slice(1));
    expect(items.every((i) => Number(i.label.slice(1)) > firstPlan)).toBe(true);
    expect(items.map((i) => i.who)).toEqual(expect.arrayContaining(['各地区各部门', '各级政府']));
  });

  test('a qualifying date, a past completion and a first person are no action items', () => {
    const items = findActionItems(
      lines(
        '2005年底前注册营运的黄标车今年要全部淘汰。',
        '2023年3月底前，全市已完成改造任务。',
        '解放以前，这里十分贫困。',
        '我们要继续努力，全年经济社会发展主要目标任务圆满完成。',
        '截至2023年底，全国共有各类学校50万所。',
        '请予审议，并请全国政协委员提出意见。',
      ),
    );
    expect(items).toEqual([]);
  });
});

describe('the patterns of a directive', () => {
  test('请各… 于…前报送: the addressee, the deadline, and what follows the addressee', () => {
    const [item] = findActionItems(lines('请各省级人民政府于2026年3月31日前报送实施方案。'));
    expect(item).toMatchObject({
      who: '各省级人民政府',
      what: '于2026年3月31日前报送实施方案。',
      deadline: '2026年3月31日前',
      label: 'P1',
      start: 8,
    });
  });

  test('请 without an addressee asks the 主送机关', () => {
    const passages = lines(
      '关于开展安全生产大检查的通知',
      '各区县人民政府，市政府各部门：',
      '为切实做好安全生产工作，现将有关事项通知如下。',
      '请于3月底前将自查报告报送市应急管理局。',
    );
    expect(findActionItems(passages)).toEqual([
      {
        who: '各区县人民政府，市政府各部门',
        what: '请于3月底前将自查报告报送市应急管理局。',
        deadline: '3月底前',
        label: 'P4',
        start: 0,
        end: 20,
      },
    ]);
  });

  test.each([
    ['各单位务必于每年12月底前报送年度工作总结。', '各单位', '每年12月底前'],
    ['收到通知后10个工作日内反馈意见。', null, '10个工作日内'],
    ['项目申报截止2026年4月30日。', null, '截止2026年4月30日'],
    ['相关整改工作须在2026年6月30日之前完成。', null, '2026年6月30日之前'],
    ['市教育局负责在开学前完成校舍安全排查。', '市教育局', '在开学前'],
    ['各地区各部门要抓紧推进，确保二〇二六年三月底前完成。', '各地区各部门', '二〇二六年三月底前'],
    ['财政部、国家发展改革委要加强指导。', '财政部、国家发展改革委', null],
    ['请有关单位认真贯彻执行。', '有关单位', null],
  ])('%s', (sentence, who, deadline) => {
    const items = findActionItems(lines(sentence));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ who, deadline });
    expect(sentence.slice(items[0]!.start, items[0]!.end)).toBe(items[0]!.what);
  });

  test('English text has no 公文 directives to find', () => {
    const english = lines('The committee shall submit its report by March 31, 2026.', 'Members met on 5 March.');
    expect(findActionItems(english)).toEqual([]);
    expect(findKeyDates(english)).toEqual([]);
    expect(findActionItems([])).toEqual([]);
  });

  test('findDeadline and findDate read one phrase as written', () => {
    expect(findDeadline('请于2026年3月31日前报送')).toBe('2026年3月31日前');
    expect(findDeadline('会议讨论了有关问题')).toBeNull();
    expect(findDate('会议定于2026年3月5日（周四）召开，3月底前报名')).toBe('2026年3月5日');
    expect(findDate('1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假')).toBe('1月28日至2月4日');
    expect(findDate('2021年，国务院部署开展试点')).toBeNull();
  });
});
