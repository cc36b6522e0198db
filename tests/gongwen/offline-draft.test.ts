import { formatDate, normalizeDate, offlineDraft } from '../../shared/gongwen/offline-draft';
import { titleFor } from '../../shared/gongwen/type-registry';
import type { DocTypeSpec } from '../../shared/gongwen/type-spec';
import { BUILTIN_TYPES } from '../../shared/gongwen/types';

const type = (id: string): DocTypeSpec => BUILTIN_TYPES.find((t) => t.id === id)!;
const TODAY = new Date(2026, 4, 8);
const draft = (id: string, fields: Record<string, string>) => offlineDraft(type(id), fields, TODAY).text.split('\n');

describe('titleFor', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'tongzhi',
      { issuer: '某市人民政府办公室', subject: '做好2026年春季防汛工作' },
      '某市人民政府办公室关于做好2026年春季防汛工作的通知',
    ],
    [
      'tongzhi',
      { issuer: '某市人民政府办公室', subject: '关于做好2026年春季防汛工作' },
      '某市人民政府办公室关于做好2026年春季防汛工作的通知',
    ],
    [
      'tongzhi',
      { issuer: '某市人民政府办公室', subject: '  做好2026年春季防汛工作。 ' },
      '某市人民政府办公室关于做好2026年春季防汛工作的通知',
    ],
    [
      'tongzhi',
      { issuer: '某市人民政府办公室', subject: '做好2026年春季防汛工作的通知' },
      '某市人民政府办公室关于做好2026年春季防汛工作的通知',
    ],
    [
      'qingshi',
      { issuer: '某区应急管理局', subject: '申请追加2026年防汛经费' },
      '某区应急管理局关于申请追加2026年防汛经费的请示',
    ],
    ['qingshi', { subject: '申请追加2026年防汛经费' }, '关于申请追加2026年防汛经费的请示'],
    [
      'baogao',
      { issuer: '某区人民政府', subject: '2026年一季度安全生产工作情况' },
      '某区人民政府关于2026年一季度安全生产工作情况的报告',
    ],
    ['pifu', { issuer: '某市人民政府', subject: '同意设立某某产业园区' }, '某市人民政府关于同意设立某某产业园区的批复'],
    [
      'han',
      { issuer: '某市教育局', subject: '商请支持校园周边交通整治' },
      '某市教育局关于商请支持校园周边交通整治的函',
    ],
    ['bianhan', { issuer: '某市教育局', subject: '商请提供2025年度统计数据' }, '关于商请提供2025年度统计数据的函'],
    [
      'jiyao',
      { issuer: '某市人民政府办公室', meetingName: '某市人民政府第十二次常务会议' },
      '某市人民政府第十二次常务会议纪要',
    ],
    [
      'jiyao',
      { issuer: '某市人民政府办公室', meetingName: '某市人民政府第十二次常务会议纪要' },
      '某市人民政府第十二次常务会议纪要',
    ],
    [
      'jiyao',
      { issuer: '某市人民政府办公室', subject: '城市更新工作' },
      '某市人民政府办公室关于城市更新工作的会议纪要',
    ],
    ['gonggao', { issuer: '某市公安局' }, '某市公安局公告'],
    [
      'tonggao',
      { issuer: '某市公安局', subject: '春节期间烟花爆竹燃放管理' },
      '某市公安局关于春节期间烟花爆竹燃放管理的通告',
    ],
    ['gongbao', { issuer: '某市第十六届人民代表大会第三次会议' }, '某市第十六届人民代表大会第三次会议公报'],
    ['mingling', { issuer: '某省人民政府' }, '某省人民政府令'],
    [
      'yian',
      { issuer: '某市人民政府', subject: '提请审议《某市物业管理条例（草案）》' },
      '某市人民政府关于提请审议《某市物业管理条例（草案）》的议案',
    ],
    ['tongzhi', {}, '通知'],
  ])('%s %j', (id, fields, title) => {
    expect(titleFor(type(id), fields)).toBe(title);
  });
});

describe('dates', () => {
  test('GB/T 9704 form: Arabic numerals, no leading zeros', () => {
    expect(formatDate(new Date(2026, 0, 5))).toBe('2026年1月5日');
    expect(normalizeDate('2026-05-08')).toBe('2026年5月8日');
    expect(normalizeDate('2026年05月08日')).toBe('2026年5月8日');
    expect(normalizeDate('二〇二六年五月八日')).toBe('2026年5月8日');
    expect(normalizeDate('2026.5.8')).toBe('2026年5月8日');
    expect(normalizeDate('五月上旬')).toBe('五月上旬');
  });
});

describe('offlineDraft', () => {
  const issuer = '某市人民政府办公室';

  test('通知: the structure in order, 附件说明, 特此通知。, today as 成文日期', () => {
    const r = offlineDraft(
      type('tongzhi'),
      {
        issuer,
        docNumber: '某政办发〔2026〕5号',
        subject: '做好2026年春季防汛工作',
        recipients: '各区县人民政府\n市政府各部门',
        points: '为切实做好今年春季防汛工作，现将有关事项通知如下：\n一、压实防汛责任\n二、加强隐患排查',
        attachments: '1.防汛责任人名单。\n2、防汛物资储备清单',
        cc: '市委办公室\n市人大常委会办公室',
        printer: issuer,
      },
      TODAY,
    );
    expect(r.template).toBe(true);
    expect(r.fields.date).toBe('2026年5月8日');
    expect(r.text.split('\n')).toEqual([
      '某政办发〔2026〕5号',
      '某市人民政府办公室关于做好2026年春季防汛工作的通知',
      '各区县人民政府，市政府各部门：',
      '　　为切实做好今年春季防汛工作，现将有关事项通知如下：',
      '　　一、压实防汛责任',
      '　　二、加强隐患排查',
      '　　特此通知。',
      '　　附件：1.防汛责任人名单',
      '　　　　　2.防汛物资储备清单',
      '某市人民政府办公室',
      '2026年5月8日',
      '抄送：市委办公室，市人大常委会办公室。',
      '某市人民政府办公室　　2026年5月8日印发',
    ]);
  });

  test('请示: 签发人, one 主送, 妥否，请批示。, the 附注 with the contact', () => {
    expect(
      draft('qingshi', {
        issuer: '某区应急管理局',
        signer: '张三',
        subject: '申请追加2026年防汛经费',
        recipients: '某区人民政府',
        points: '　　今年汛期提前，现有经费不足。\n拟申请追加防汛经费120万元。',
        attachments: '防汛经费测算表',
        contact: '李四，电话：0000-12345678',
        date: '2026-05-06',
      }),
    ).toEqual([
      '签发人：张三',
      '某区应急管理局关于申请追加2026年防汛经费的请示',
      '某区人民政府：',
      '　　今年汛期提前，现有经费不足。',
      '　　拟申请追加防汛经费120万元。',
      '　　妥否，请批示。',
      '　　附件：防汛经费测算表',
      '某区应急管理局',
      '2026年5月6日',
      '　　（联系人：李四，电话：0000-12345678）',
    ]);
  });

  test('请示 with required fields left empty: marks to fill, nothing invented', () => {
    expect(draft('qingshi', { issuer: '某区应急管理局' })).toEqual([
      '签发人：【签发人】',
      '某区应急管理局关于【事由】的请示',
      '【主送机关】：',
      '　　【正文要点】',
      '　　妥否，请批示。',
      '某区应急管理局',
      '2026年5月8日',
      '　　（联系人：【联系人及电话】）',
    ]);
  });

  test('报告: 特此报告。 once, even when the points already end with it', () => {
    const lines = draft('baogao', {
      issuer: '某区人民政府',
      signer: '王五',
      subject: '2026年一季度安全生产工作情况',
      recipients: '某市人民政府',
      points: '一季度全区安全生产形势总体平稳。\n特此报告。',
      date: '2026年4月10日',
    });
    expect(lines).toEqual([
      '签发人：王五',
      '某区人民政府关于2026年一季度安全生产工作情况的报告',
      '某市人民政府：',
      '　　一季度全区安全生产形势总体平稳。',
      '　　特此报告。',
      '某区人民政府',
      '2026年4月10日',
    ]);
  });

  test('函: 请予支持为盼。 and the contact note', () => {
    expect(
      draft('han', {
        issuer: '某市教育局',
        subject: '商请支持校园周边交通整治',
        recipients: '某市公安局交通警察支队',
        points: '为保障学生上下学安全，拟于5月开展校园周边交通整治。',
        contact: '（赵六，电话：0000-7654321）',
        date: '2026年5月8日',
      }),
    ).toEqual([
      '某市教育局关于商请支持校园周边交通整治的函',
      '某市公安局交通警察支队：',
      '　　为保障学生上下学安全，拟于5月开展校园周边交通整治。',
      '　　请予支持为盼。',
      '某市教育局',
      '2026年5月8日',
      '　　（联系人：赵六，电话：0000-7654321）',
    ]);
  });

  test('批复: cites the 来文 title and number, then 此复。', () => {
    expect(
      draft('pifu', {
        issuer: '某市人民政府',
        subject: '同意设立某某产业园区',
        recipients: '某区人民政府',
        replyTo: '《关于设立某某产业园区的请示》',
        replyToNumber: '某区政发〔2026〕12号',
        points: '一、同意设立某某产业园区。\n二、请你区抓紧制定园区建设方案。',
        date: '二〇二六年五月八日',
      }),
    ).toEqual([
      '某市人民政府关于同意设立某某产业园区的批复',
      '某区人民政府：',
      '　　你单位《关于设立某某产业园区的请示》（某区政发〔2026〕12号）收悉。经研究，现批复如下：',
      '　　一、同意设立某某产业园区。',
      '　　二、请你区抓紧制定园区建设方案。',
      '　　此复。',
      '某市人民政府',
      '2026年5月8日',
    ]);
  });

  test('批复 without the 来文 number: the opening without it', () => {
    const lines = draft('pifu', {
      issuer: '某市人民政府',
      subject: '同意',
      recipients: '某区人民政府',
      replyTo: '关于设立某园区的请示',
      points: '同意。',
    });
    expect(lines[2]).toBe('　　你单位《关于设立某园区的请示》收悉。经研究，现批复如下：');
  });

  test('纪要: 会议名称 + 纪要, the meeting lines, the 议定事项, who attended; no 主送, no closing', () => {
    expect(
      draft('jiyao', {
        issuer: '某市人民政府办公室',
        meetingName: '某市人民政府第十二次常务会议',
        meetingTime: '2026年5月7日上午',
        meetingPlace: '市政府第一会议室',
        chair: '市长张三',
        points: '一、会议听取了全市春季防汛工作情况汇报。\n二、会议决定，成立市防汛工作专班。',
        attendees: '李四\n王五',
        observers: '赵六',
        date: '2026年5月8日',
      }),
    ).toEqual([
      '某市人民政府第十二次常务会议纪要',
      '　　时间：2026年5月7日上午',
      '　　地点：市政府第一会议室',
      '　　主持：市长张三',
      '　　一、会议听取了全市春季防汛工作情况汇报。',
      '　　二、会议决定，成立市防汛工作专班。',
      '　　出席：李四、王五',
      '　　列席：赵六',
      '某市人民政府办公室',
      '2026年5月8日',
    ]);
  });

  test('every built-in type drafts: title first, indented body, closing, an Arabic date', () => {
    const given = { issuer: '某市人民政府', subject: '某某事项', points: '第一点\n第二点' };
    for (const t of BUILTIN_TYPES) {
      const lines = offlineDraft(t, given, TODAY).text.split('\n');
      const marks = Object.fromEntries(t.fields.filter((f) => f.required).map((f) => [f.key, `【${f.label.zh}】`]));
      const title = titleFor(t, { ...marks, ...given });
      // Only the 密级, 紧急程度, 发文字号 and 签发人 lines (none given here, or a mark) come before the title.
      expect([t.id, lines.slice(0, lines.indexOf(title)).every((l) => l.startsWith('签发人'))]).toEqual([t.id, true]);
      expect(lines).toContain('　　第一点');
      if (t.closings[0])
        expect([t.id, lines[lines.indexOf('　　第二点') + 1]]).toEqual([t.id, '\u3000\u3000' + t.closings[0]]);
      for (const l of lines) expect(l).not.toMatch(/二〇|\d{4}-\d{2}-\d{2}/);
      if (t.structure.includes('date')) expect(lines).toContain('2026年5月8日');
    }
  });
});
