import fs from 'node:fs';
import path from 'node:path';
import type { ExtractedMeta } from '../../shared/gongwen/meta';
import { extractMeta } from '../../shared/gongwen/meta';
import { FIXTURES } from '../support/temp';

const NONE: ExtractedMeta = {
  docNumber: null,
  issuer: null,
  issuedDate: null,
  docType: null,
  classification: null,
  title: null,
  classificationMark: null,
};

const meta = (fields: Partial<ExtractedMeta>): ExtractedMeta => ({ ...NONE, ...fields });
const lines = (...parts: string[]): string => parts.join('\n');

/** A 公文 laid out as GB/T 9704-2012 prescribes, with the traps a body usually holds. */
const FULL = lines(
  '000001',
  '秘密★1年',
  '特急',
  'XX市人民政府文件',
  '',
  'X政发〔2026〕5号',
  '',
  'XX市人民政府关于加强',
  '安全生产工作的通知',
  '',
  '各区县人民政府，市政府各部门：',
  '　　为贯彻落实《国务院办公厅关于复制推广营商环境创新试点改革举措的通知》（国办发〔2022〕35号）精神，现将有关事项通知如下。',
  '　　一、各单位要保守国家秘密，严格执行保密制度。',
  '　　二、2021年3月5日以来的工作情况请于2026年6月1日前报送。',
  '',
  '　　附件：XX市安全生产检查办法',
  '',
  'XX市人民政府',
  '2026年5月8日',
  '（此件公开发布）',
  '',
  '抄送：市委各部门，市人大常委会办公室。',
  'XX市人民政府办公室　　　　2026年5月9日印发',
);

describe('extractMeta on real 公文 texts', () => {
  const read = (name: string) => fs.readFileSync(path.join(FIXTURES, 'gongwen', name), 'utf8');

  test('国办发〔2022〕35号: title over two lines with a blank between, 文号 under it, no 落款 in the copy', () => {
    expect(extractMeta(read('indexid-30450065090__tongzhi_guobanfa-2022-35.txt'))).toEqual(
      meta({
        docNumber: '国办发〔2022〕35号',
        issuer: '国务院办公厅',
        docType: '通知',
        title: '国务院办公厅关于复制推广营商环境创新试点改革举措的通知',
        // The copy ends at the 附件 line: no 成文日期. "2021年" and "2022年底前" are body text.
        issuedDate: null,
      }),
    );
  });

  test('国办发明电〔2024〕12号: 明电 代字, 落款 with 署名 and date at the very end', () => {
    expect(extractMeta(read('indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt'))).toEqual(
      meta({
        docNumber: '国办发明电〔2024〕12号',
        issuer: '国务院办公厅',
        issuedDate: '2024-11-12',
        docType: '通知',
        title: '国务院办公厅关于2025年部分节假日安排的通知',
      }),
    );
  });

  test('2024 government work report: title and 题注 date; the byline names a speaker, not an issuing organ', () => {
    expect(extractMeta(read('chinese-political-corpora__government_work_report_2024.txt'))).toEqual(
      meta({ title: '政府工作报告', docType: '报告', issuedDate: '2024-03-05' }),
    );
  });

  // These copies start at "各位代表：": the title, date and speaker were not scraped, and a
  // 报告 by 国务院 cannot be read from the text itself (only "我代表国务院" in a sentence).
  test.each(['1954', '1979', '2000', '2015'])(
    '%s government work report: the copy has no title, so nothing',
    (year) => {
      expect(extractMeta(read(`chinese-political-corpora__government_work_report_${year}.txt`))).toEqual(NONE);
    },
  );

  test('NPC 决议 with its title and 题注 (2023)', () => {
    expect(extractMeta(read('chinese-political-corpora__npc_resolution_3.txt'))).toEqual(
      meta({
        title: '第十四届全国人民代表大会第一次会议关于政府工作报告的决议',
        docType: '决议',
        issuer: '第十四届全国人民代表大会第一次会议',
        issuedDate: '2023-03-13',
      }),
    );
  });

  // Resolutions 1 and 2 lost their title in the scrape; their first lines are a sentence broken
  // around a link ("…所作的" / "政府工作报告" / "。会议…"), which must not read as a 报告 title.
  test.each(['1', '2'])('NPC 决议 %s without its title: nothing', (n) => {
    expect(extractMeta(read(`chinese-political-corpora__npc_resolution_${n}.txt`))).toEqual(NONE);
  });

  test('every real text is read within a few milliseconds', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'gongwen'))) {
      const text = read(name);
      extractMeta(text); // warm-up
      expect(medianMs(() => extractMeta(text))).toBeLessThan(5);
    }
  });
});

describe('extractMeta on a full GB/T 9704 layout', () => {
  test('reads every element and skips the traps in the body and 版记', () => {
    expect(extractMeta(FULL)).toEqual({
      docNumber: 'X政发〔2026〕5号', // not the cited 国办发〔2022〕35号
      issuer: 'XX市人民政府',
      issuedDate: '2026-05-08', // not 2021年3月5日, 2026年6月1日 or the 印发 date
      docType: '通知',
      classification: '秘密',
      title: 'XX市人民政府关于加强安全生产工作的通知',
      classificationMark: '秘密★1年',
    });
  });

  test('CRLF line ends and zero-width characters change nothing', () => {
    const noisy = `\ufeff${FULL}`.replace(/\n/g, '\r\n').replace('2026年5月8日', '2026年5月8日\u200b');
    expect(extractMeta(noisy)).toEqual(extractMeta(FULL));
  });
});

describe('文号', () => {
  const withNumber = (number: string) => lines('XX市人民政府关于XX的通知', number, '各单位：', '　　现通知如下。');

  test.each([
    ['X政办发〔2026〕12号', 'X政办发〔2026〕12号'],
    ['X政办发[2026]12号', 'X政办发〔2026〕12号'],
    ['X政办发［2026］12号', 'X政办发〔2026〕12号'],
    ['X政办发【2026】12号', 'X政办发〔2026〕12号'],
    ['X政办发(2026)12号', 'X政办发〔2026〕12号'],
    ['X政办发（2026）12号', 'X政办发〔2026〕12号'],
    ['X政办发〈2026〉12号', 'X政办发〔2026〕12号'],
    ['X政办发﹝2026﹞12号', 'X政办发〔2026〕12号'],
    ['X政办发 〔 2026 〕 12 号', 'X政办发〔2026〕12号'],
    ['X政办发〔２０２６〕１２号', 'X政办发〔2026〕12号'],
    ['国办发明电〔2024〕12号', '国办发明电〔2024〕12号'],
  ])('%s → %s', (written, expected) => {
    expect(extractMeta(withNumber(written)).docNumber).toBe(expected);
  });

  test('a wrongly written 第 is kept as written (the linter flags it, F2)', () => {
    expect(extractMeta(withNumber('X政发〔2026〕第5号')).docNumber).toBe('X政发〔2026〕第5号');
  });

  test('a 文号 sharing its line with the 签发人 (上行文)', () => {
    const text = lines(
      'XX县人民政府文件',
      'X政〔2026〕3号　　　　签发人：张三',
      'XX县人民政府关于XX的请示',
      'XX市人民政府：',
      '　　妥否，请批示。',
    );
    expect(extractMeta(text)).toMatchObject({ docNumber: 'X政〔2026〕3号', docType: '请示', issuer: 'XX县人民政府' });
  });

  test('a 文号 inside another 版头 line still counts', () => {
    expect(extractMeta(lines('XX市人民政府文件 X政发〔2026〕5号', '关于XX的通知', '各单位：')).docNumber).toBe(
      'X政发〔2026〕5号',
    );
  });

  test('a cited 文号 in the body is never the document’s own', () => {
    const text = lines(
      '关于转发XX的通知',
      '各单位：',
      '　　现将《国务院办公厅关于XX的通知》（国办发〔2022〕35号）转发给你们，请认真贯彻执行。',
      '　　根据国发〔2021〕7号文件精神，',
      '国办发〔2020〕1号',
    );
    expect(extractMeta(text).docNumber).toBe('国办发〔2020〕1号');
    expect(extractMeta(text.split('\n').slice(0, -1).join('\n')).docNumber).toBeNull();
  });

  test('a bracketed citation in a 版头 line is skipped', () => {
    expect(extractMeta(lines('关于转发《XX规定》（国发〔2021〕7号）的通知', '各单位：')).docNumber).toBeNull();
  });

  test('the top 文号 wins over one standing alone further down', () => {
    expect(
      extractMeta(lines('A发〔2026〕1号', '关于XX的通知', '各单位：', '　　正文。', 'B发〔2025〕9号')).docNumber,
    ).toBe('A发〔2026〕1号');
  });

  test.each(['X政发〔26〕5号', 'X政发〔2026〕号', 'X政发2026年5号'])('not a 文号: %s', (written) => {
    expect(extractMeta(withNumber(written)).docNumber).toBeNull();
  });
});

describe('文种 and 标题', () => {
  test('a title over three lines', () => {
    const text = lines(
      '国务院办公厅关于',
      '进一步优化营商环境',
      '更好服务市场主体的实施意见',
      '',
      '各省、自治区、直辖市人民政府：',
    );
    expect(extractMeta(text)).toMatchObject({
      title: '国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见',
      docType: '意见',
      issuer: '国务院办公厅',
    });
  });

  test('a first title line that happens to end in a 文种 is extended', () => {
    const text = lines('XX市人民政府关于批转市发展改革委工作报告', '的通知', '各区县人民政府：');
    expect(extractMeta(text)).toMatchObject({
      title: 'XX市人民政府关于批转市发展改革委工作报告的通知',
      docType: '通知',
    });
  });

  test.each([
    ['XX市人民政府公告', '公告'],
    ['XX市人民政府常务会议纪要', '纪要'],
    ['中华人民共和国国务院令', '命令'],
    ['政府工作报告', '报告'],
  ])('a title without 关于: %s → %s', (title, type) => {
    expect(extractMeta(lines(title, '　　根据有关规定，现公布如下。')).docType).toBe(type);
  });

  test('关于印发…办法的通知 is a 通知; the 办法 itself has no 文种', () => {
    expect(extractMeta(lines('XX市人民政府关于印发XX管理办法的通知', '各单位：')).docType).toBe('通知');
    expect(extractMeta(lines('关于XX的实施办法', '第一条　为了……，制定本办法。'))).toEqual(
      meta({ title: '关于XX的实施办法' }),
    );
  });

  test('a plan without 关于 is not taken for a title', () => {
    expect(extractMeta(lines('XX市优化营商环境工作方案', '为深入贯彻……，制定本方案。')).title).toBeNull();
  });

  test('复函 is a 函', () => {
    expect(extractMeta(lines('XX省财政厅关于XX事项的复函', 'XX市财政局：')).docType).toBe('函');
  });

  test('a sentence wrapped around a link is not a title', () => {
    const text = lines('大会听取和审议了国务院总理所作的', '政府工作报告', '。会议充分肯定国务院过去一年的工作。');
    expect(extractMeta(text)).toEqual(NONE);
  });

  test('a 书名 broken out of its sentence is not a title', () => {
    expect(extractMeta(lines('依据《', '国务院关于XX的决定', '》，现就有关事项通知如下：')).title).toBeNull();
    expect(extractMeta(lines('学习《', '国务院关于XX的决定')).title).toBeNull();
  });

  test('a title in the body is not the document’s', () => {
    expect(extractMeta(lines('各单位：', '关于XX的通知', '　　现转发给你们。')).title).toBeNull();
  });

  test('a line like "第0号文件" is neither a masthead nor part of the title', () => {
    const text = lines('第0号文件', '国务院办公厅关于XX的通知', '各单位：');
    expect(extractMeta(text)).toMatchObject({ title: '国务院办公厅关于XX的通知', issuer: '国务院办公厅' });
  });
});

describe('发文机关', () => {
  test('joint issue in the title: the lead organ', () => {
    expect(extractMeta(lines('财政部 税务总局关于XX的公告', '　　现将有关事项公告如下。')).issuer).toBe('财政部');
    expect(extractMeta(lines('中共中央办公厅、国务院办公厅关于XX的意见', '各省：')).issuer).toBe('中共中央办公厅');
  });

  test('"等部门" names the lead organ', () => {
    expect(extractMeta(lines('国家发展改革委等部门关于XX的意见', '各省：')).issuer).toBe('国家发展改革委');
    expect(extractMeta(lines('国务院办公厅转发国家发展改革委等部门关于XX意见的通知', '各省：')).issuer).toBe(
      '国务院办公厅',
    );
  });

  test('a title that only reports on an organ names no issuer', () => {
    expect(
      extractMeta(lines('教育部发布关于做好高考工作的通知', '新华社北京3月5日电 教育部近日印发通知。')).issuer,
    ).toBeNull();
  });

  test('a forwarding title names the forwarding organ, not the one forwarded', () => {
    expect(extractMeta(lines('国务院办公厅转发国家发展改革委关于XX意见的通知', '各省：')).issuer).toBe('国务院办公厅');
  });

  test('no organ in the title: the 署名 above the 成文日期', () => {
    const text = lines('关于XX的通知', '各科室：', '　　特此通知。', '', 'XX县财政局', '2026年5月8日');
    expect(extractMeta(text)).toMatchObject({ issuer: 'XX县财政局', issuedDate: '2026-05-08' });
  });

  test('joint 署名: the lead (first) organ', () => {
    const text = lines('关于XX的通知', '各单位：', '　　特此通知。', 'XX市教育局　　XX市财政局', '2026年5月8日');
    expect(extractMeta(text).issuer).toBe('XX市教育局');
    const stacked = lines('关于XX的通知', '各单位：', '　　特此通知。', 'XX市教育局', 'XX市财政局', '2026年5月8日');
    expect(extractMeta(stacked).issuer).toBe('XX市教育局');
  });

  test('署名 and date on one line', () => {
    expect(extractMeta(lines('关于XX的通知', '各单位：', '　　特此通知。', 'XX市教育局　2026年5月8日'))).toMatchObject({
      issuer: 'XX市教育局',
      issuedDate: '2026-05-08',
    });
  });

  test('no title organ and no 署名: the 发文机关标志', () => {
    expect(
      extractMeta(lines('XX市人民政府文件', 'X政发〔2026〕5号', '关于XX的通知', '各单位：', '　　特此通知。')).issuer,
    ).toBe('XX市人民政府');
    expect(extractMeta(lines('国家发展改革委 财政部文件', '发改〔2026〕5号', '关于XX的通知', '各单位：')).issuer).toBe(
      '国家发展改革委',
    );
    expect(
      extractMeta(lines('国家发展和改革委员会', '财政部', '文件', '发改〔2026〕5号', '关于XX的通知', '各单位：'))
        .issuer,
    ).toBe('国家发展和改革委员会');
  });
});

describe('成文日期', () => {
  const closing = (date: string) => lines('关于XX的通知', '各单位：', '　　特此通知。', 'XX市人民政府', date);

  test.each([
    ['2024年12月11日', '2024-12-11'],
    ['二〇二四年十二月十一日', '2024-12-11'],
    ['二○二四年十二月十一日', '2024-12-11'],
    ['二〇二五年一月二十一日', '2025-01-21'],
    ['２０２４年３月１日', '2024-03-01'],
  ])('%s → %s', (written, iso) => {
    expect(extractMeta(closing(written)).issuedDate).toBe(iso);
  });

  test.each(['2026年2月30日', '2025年2月29日', '二〇二四年十三月一日'])(
    'a 落款 date that does not exist: %s → null',
    (written) => {
      expect(extractMeta(closing(written))).toMatchObject({ issuedDate: null, issuer: 'XX市人民政府' });
    },
  );

  test('dates inside body sentences are not the 成文日期', () => {
    const text = lines(
      '关于XX的通知',
      '各单位：',
      '　　2021年3月5日起施行的规定，请于2026年6月1日前报送。',
      '会议定于2026年6月1日',
    );
    expect(extractMeta(text).issuedDate).toBeNull();
  });

  test('an unsigned date at the end counts; one in the middle of the body does not', () => {
    expect(
      extractMeta(lines('关于XX的通知', '各单位：', '　　特此通知。', '2026年5月8日', '（联系人：张三）')).issuedDate,
    ).toBe('2026-05-08');
    const middle = lines(
      '关于XX的通知',
      '各单位：',
      '2026年5月8日',
      ...Array.from({ length: 8 }, (_, i) => `\u3000\u3000第${i + 1}段。`),
    );
    expect(extractMeta(middle).issuedDate).toBeNull();
  });

  test('the main 落款 wins over a signed attachment after it', () => {
    const text = lines(
      '国务院办公厅转发XX部关于XX意见的通知',
      '各省：',
      '　　XX部《关于XX的意见》已经国务院同意，现转发给你们，请认真贯彻执行。',
      '国务院办公厅',
      '2026年5月8日',
      '关于XX的意见',
      '　　为了……，提出以下意见。',
      'XX部',
      '2026年4月1日',
    );
    expect(extractMeta(text)).toMatchObject({ issuer: '国务院办公厅', issuedDate: '2026-05-08' });
  });

  test('a short text with no body-like line still has its 落款 read', () => {
    expect(extractMeta(lines('关于XX的通知', 'XX局', '2026年5月8日'))).toMatchObject({
      title: '关于XX的通知',
      issuer: 'XX局',
      issuedDate: '2026-05-08',
    });
  });

  test('an organ and date in the 版头 (纪要 format) are not the 落款', () => {
    const text = lines(
      'XX市人民政府常务会议纪要',
      '第12期',
      'XX市人民政府办公室　　2026年5月8日',
      '　　2026年5月6日，市长主持召开常务会议。',
    );
    expect(extractMeta(text)).toEqual(meta({ title: 'XX市人民政府常务会议纪要', docType: '纪要' }));
  });

  test('the 版记 is not the 落款: its dates are ignored and it does not push the 落款 out of the tail', () => {
    const record = ['抄送：市委各部门，市人大常委会办公室，市政协办公室。', 'XX市人民政府办公室　2026年5月9日印发'];
    expect(extractMeta(lines('关于XX的通知', '各单位：', '　　特此通知。', ...record)).issuedDate).toBeNull();
    const undatedRecord = ['抄送：市委各部门。', 'XX市人民政府办公室　　2026年5月9日'];
    expect(extractMeta(lines('关于XX的通知', '各单位：', '　　特此通知。', ...undatedRecord)).issuedDate).toBeNull();
    const longRecord = Array.from({ length: 8 }, (_, i) => `抄送：第${i + 1}组单位。`);
    const unsigned = lines('关于XX的通知', '各单位：', '　　特此通知。', '2026年5月8日', ...longRecord);
    expect(extractMeta(unsigned).issuedDate).toBe('2026-05-08');
  });

  test('a 题注 under the title dates a resolution', () => {
    const text = lines(
      'XX市人民代表大会关于XX的决议',
      '（2026年1月15日XX市第十七届人民代表大会第五次会议通过）',
      'XX市第十七届人民代表大会第五次会议听取了……。',
    );
    expect(extractMeta(text)).toMatchObject({ issuedDate: '2026-01-15', docType: '决议', issuer: 'XX市人民代表大会' });
  });
});

describe('密级', () => {
  const official = (...top: string[]) => lines(...top, 'X政发〔2026〕5号', '关于XX的通知', '各单位：', '　　正文。');

  test.each([
    [['秘密★1年'], '秘密', '秘密★1年'],
    [['机密★5年'], '机密', '机密★5年'],
    [['绝密★长期'], '绝密', '绝密★长期'],
    [['机密'], '机密', '机密'],
    [['秘密 ★ 1 年'], '秘密', '秘密★1年'],
    [['密级：秘密'], '秘密', '秘密'],
    [['密级：机密★10年'], '机密', '机密★10年'],
    [['000001', '秘密★1年', '特急'], '秘密', '秘密★1年'],
    [['000001', '机密★5年'], '机密', '机密★5年'],
    [['秘密★1年', '加急'], '秘密', '秘密★1年'],
    [['000001 秘密★1年 特急'], '秘密', '秘密★1年'],
    [['份号：000001', '密级：绝密★长期', '紧急程度：特急'], '绝密', '绝密★长期'],
  ])('%j → %s', (top, level, mark) => {
    expect(extractMeta(official(...top))).toMatchObject({ classification: level, classificationMark: mark });
  });

  test('秘密 in the body never classifies', () => {
    const text = lines('关于XX的通知', '各单位：', '　　各单位要保守国家秘密，不得泄露工作秘密。', '秘密', '机密★5年');
    expect(extractMeta(text)).toMatchObject({ classification: null, classificationMark: null });
  });

  test('a 标志 extracted ahead of the 密级 does not hide it', () => {
    const text = lines('XX市人民政府文件', '秘密★1年', 'X政发〔2026〕5号', '关于XX的通知', '各单位：');
    expect(extractMeta(text)).toMatchObject({ classification: '秘密', issuer: 'XX市人民政府' });
  });

  test('a mark below the title is not the 版头 密级', () => {
    expect(extractMeta(lines('关于XX的通知', '秘密★1年', '各单位：')).classification).toBeNull();
  });

  test('a bare level word opening an ordinary text is a heading, not a 密级', () => {
    expect(extractMeta(lines('秘密', '', '他把那个秘密藏了很多年，直到那个夏天。')).classification).toBeNull();
    expect(extractMeta(lines('秘密★1年', '', '他把那个秘密藏了很多年。')).classification).toBe('秘密');
  });

  test.each(['特急', '000001', '普通', '秘密文件'])('no 密级 in %j', (top) => {
    expect(extractMeta(official(top)).classification).toBeNull();
  });
});

describe('ordinary text and edge input', () => {
  test.each([
    ['empty', ''],
    ['blank lines', '\n\n  \n\u3000\n'],
    ['English', 'Meeting notes\n\nWe agreed to ship the report on 12 May 2024.\nRegards,\nAlice'],
    ['a Chinese essay', '春天来了。\n\n公园里的花都开了，孩子们在草地上奔跑。\n2024年3月5日，我们去了植物园。'],
    ['a single long line', '各'.repeat(5000)],
  ])('%s → all null', (_name, text) => {
    expect(extractMeta(text)).toEqual(NONE);
  });

  test('a raw Markdown file: heading markers and bold are not part of the title', () => {
    const md = lines(
      '# 国务院办公厅关于XX的通知',
      '',
      '**国办发〔2026〕1号**',
      '',
      '各省、自治区、直辖市人民政府：',
      '',
      '现通知如下。',
    );
    expect(extractMeta(md)).toMatchObject({
      title: '国务院办公厅关于XX的通知',
      docNumber: '国办发〔2026〕1号',
      issuer: '国务院办公厅',
    });
  });

  test('never throws on odd input', () => {
    for (const input of [undefined, null, 42, '\ud800', '〔〕号年月日★', '（'.repeat(1000)] as unknown[]) {
      expect(() => extractMeta(input as string)).not.toThrow();
    }
    expect(extractMeta(null as unknown as string)).toEqual(NONE);
  });

  test('a 30k-character 公文 is read well under 5 ms, and hostile lines stay linear', () => {
    const paragraph =
      '　　各地区、各部门要按照党中央、国务院决策部署，结合实际抓好贯彻落实，2021年以来的工作要及时总结。\n';
    const long = FULL.replace('　　附件', paragraph.repeat(Math.ceil(30000 / paragraph.length)) + '　　附件');
    expect(long.length).toBeGreaterThan(30000);
    expect(extractMeta(long).issuedDate).toBe('2026-05-08');
    extractMeta(long);
    expect(medianMs(() => extractMeta(long))).toBeLessThan(5);
    for (const hostile of [
      `x${' '.repeat(30000)}x日`,
      `秘密${' '.repeat(30000)}`,
      `A${' '.repeat(30000)}〔2026〕1号`,
      '关于'.repeat(15000),
    ]) {
      expect(medianMs(() => extractMeta(hostile))).toBeLessThan(5);
    }
  });
});

function medianMs(run: () => unknown, times = 15): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? Infinity;
}
