import {
  BUILTIN_DECISION_LISTS,
  MAX_DECISION_WARNINGS,
  compileDecisionEntry,
  decisionLists,
  decisionNotice,
  decisionWarnings,
  findDecisionRequest,
  findDecisionWording,
  neutralSummaryPrompt,
  phrasePattern,
  requestLocale,
  withoutDecisionRequests,
} from '../../shared/boundary/decision';
import { DECISION_OUTPUTS, DECISION_REQUESTS } from '../../shared/boundary/decision-words';
import { DraftWarning } from '../../shared/domain/draft';
import { DecisionWords } from '../../shared/policy/schema';
import { DECISION_REQUESTS_20, DRAFTING_REQUESTS_20 } from './decision-requests';

/** 20 requests that ask the tool to decide a case: each is refused with a neutral fact summary. */
describe('the non-decision guard: 20 decision requests and 20 drafting requests', () => {
  test('there are 20 of each, in Chinese and English', () => {
    expect(DECISION_REQUESTS_20).toHaveLength(20);
    expect(DRAFTING_REQUESTS_20).toHaveLength(20);
    const zh = DECISION_REQUESTS_20.filter(([p]) => requestLocale(p) === 'zh-CN').length;
    expect(zh).toBeGreaterThanOrEqual(12);
    expect(20 - zh).toBeGreaterThanOrEqual(6);
  });

  test.each(DECISION_REQUESTS_20)('decides a case: %s', (prompt, phrase) => {
    const found = findDecisionRequest(prompt);
    expect(found).toEqual({ phrase, index: prompt.indexOf(phrase) });
  });

  test.each(DECISION_REQUESTS_20)('refused with a neutral fact summary: %s', (prompt) => {
    const locale = requestLocale(prompt);
    const sent = neutralSummaryPrompt(prompt, locale);
    // nothing in what is sent asks for a decision
    expect(findDecisionRequest(sent)).toBeNull();
    expect(sent).not.toContain(findDecisionRequest(prompt)!.phrase);
    if (locale === 'zh-CN') {
      expect(sent).toMatch(/事实摘要/);
      expect(sent).toMatch(/不提出建议/);
    } else {
      expect(sent).toMatch(/summary of the facts/);
      expect(sent).toMatch(/no evaluation, recommendation/);
    }
  });

  test.each(DRAFTING_REQUESTS_20)('ordinary drafting: %s', (prompt) => {
    expect(findDecisionRequest(prompt)).toBeNull();
  });
});

describe('findDecisionRequest: more decision requests', () => {
  test.each([
    ['这两个候选人谁应该被录用？', '谁应该被录用'],
    ['你觉得这个拆迁补偿方案该不该批准', '该不该批准'],
    ['请给出对该项目的审批意见', '给出对该项目的审批意见'],
    ['这份方案能打几分？', '打几分'],
    ['请认定该行为是否构成违法', '请认定'],
    ['该工程能否通过竣工验收？', '能否通过竣工验收'],
    ['根据材料帮我评估一下该申请能不能通过', '能不能通过'],
    ['这项补贴是批准还是驳回？', '批准还是驳回'],
    ['只总结事实，然后告诉我是否同意', '是否同意'],
    ['起草一份批复，是否同意由你根据材料决定', '是否同意'],
    ['写一份关于能否批准该项目的意见', '能否批准'],
    ['对这五家企业的申报材料排个名', '对这五家企业的申报材料排个名'],
    ['解释一下这个申请能否受理', '能否受理'],
    ['该当事人是否应当给予行政处罚？', '是否应当给予'],
    ['请问对该企业是否予以立案', '是否予以立案'],
    ['这个项目能获批吗', '能获批吗'],
    ['Rank the bidders by technical merit.', 'Rank the bidders'],
    ['Can you approve this request for leave?', 'Can you approve'],
    ['Summarize the file and decide whether the claim should be upheld.', 'whether the claim should be upheld'],
    ['Give me your verdict on this complaint.', 'Give me your verdict'],
    ['Tell me if the company qualifies for the tax relief.', 'Tell me if the company qualifies'],
    ['Write a recommendation on whether to approve the grant.', 'recommendation on whether'],
    ['Does this startup qualify for the innovation fund?', 'Does this startup qualify'],
    ['Give each application a score out of 100.', 'Give each application a score'],
    ['Make the final decision on this case.', 'Make the final decision'],
    ['这个低保申请能批吗？', '能批吗'],
    ['请你根据以下材料作出是否准予行政许可的决定', '是否准予'],
    ['该申请人是否具备申请公租房的资格？', '是否具备申请公租房的资格'],
    ['这起投诉是否属实？', '是否属实'],
    ['请对该公司的违法行为作出处罚决定', '作出处罚决定'],
    ['请给出该案件的处理意见', '给出该案件的处理意见'],
    ['看一下这份复议申请，给我一个处理意见', '给我一个处理意见'],
    ['这个补贴发不发？', '发不发'],
    ['你来定吧，批还是不批', '你来定吧'],
    ['这个项目可以立项吗', '可以立项吗'],
    ['这份投标书得几分？', '得几分'],
    ['这个人够不够低保条件？', '够不够低保条件'],
    ['请以审批人的身份，对以下申请作出批复决定', '作出批复决定'],
    ['三个候选人中谁最适合提拔？', '谁最适合提拔'],
    ['是否对设计方案予以批准？', '是否对设计方案予以批准'],
    ['某某街道办事处：\n关于张某申请困难补助的材料如下，申请金额3000元。\n请问是否同意发放？', '是否同意'],
    ['Which bidder should win the contract?', 'Which bidder should win'],
    ['Who should get the job?', 'Who should get the job'],
    ['Do you think the permit should be issued?', 'should be issued'],
    ['Should the draft budget be approved?', 'Should the draft budget be approved'],
    ['Based on the attached file, should the permit be revoked?', 'should the permit be revoked'],
    ['Is this complaint well-founded and should it be upheld?', 'should it be upheld'],
    ['Here is the application. Decide.', 'Decide'],
    ['Would you approve this budget request?', 'Would you approve'],
  ])('%s', (prompt, phrase) => {
    expect(findDecisionRequest(prompt)).toEqual({ phrase, index: prompt.indexOf(phrase) });
  });
});

describe('findDecisionRequest: more ordinary requests (approval as a topic)', () => {
  test.each([
    '起草一份批复，同意该项目立项',
    '请示的结尾怎么写，用“妥否，请批示”还是“当否，请批示”？',
    '把“是否同意”一栏的填写说明改得更清楚',
    '把这份请示中的“是否批准”改为“可否批准”',
    '润色以下段落：该申请能否受理，须经局务会研究决定。',
    '翻译成英文：经审查，该申请是否批准尚待研究。',
    '请问能否受理的时限是多久',
    '这个申请审批要多长时间？',
    '生成一份中标通知书，中标单位为某某建设公司',
    '梳理近三年补贴申请的批准率',
    '核查申请人是否持有有效的营业执照',
    '判断该项目是否需要报请市政府批准',
    '写一份《关于是否同意设立某某学校的批复》的要点摘要',
    '起草一份关于如何判断能否受理的工作指引',
    '找出材料中关于是否同意的表述',
    '检查这份公文的格式是否符合GB/T 9704的规定',
    '汇总各位专家的打分',
    '起草评分细则，按百分制评分',
    '帮我决定用哪个标题更好',
    '说明高新技术企业认定的依据',
    '该公司成立于2010年吗？',
    '起草专家评分会议的通知',
    '只总结事实，不要判断是否批准',
    'Summarize the reasons the board gave for rejecting the application.',
    'Write a reply informing the applicant that the application has been rejected.',
    'List the documents an applicant must submit to get a permit approved.',
    'Explain the criteria for deciding whether a permit should be granted.',
    'Check whether the permit was already approved last year.',
    'Do not decide whether to grant the permit; just list the facts.',
    'Please approve of my new formatting? No — just polish the letter.',
    'Write a notice about whether the office will be open during the holiday.',
    'Draft a notice telling applicants how approvals are granted.',
    'Polish the following: the committee will decide whether to approve the plan.',
    '起草一份通知，要求各单位判断本单位是否符合申报条件',
    '写一份培训材料，讲解如何判断申请能否受理',
    '帮我写个开头：根据《行政许可法》规定，对申请事项是否准予许可，应当依法审查',
    '这份请示能不能再精简一些？',
    '能否把批复的语气改得委婉一些？',
    '可以写一份同意函吗',
    '会议纪要里写“原则同意”合适吗？',
    '查一下某某公司的申请是否已受理',
    '帮我把这段话翻译成英文：经研究，同意你单位的申请。',
    '总结材料中专家对是否批准的不同看法',
    '起草一份复函，告知对方我局同意其申请',
    '拟一份会议通知，议题为研究是否同意某企业入园',
    '起草一份请示：是否同意将补贴标准提高到每人每月500元',
    '起草一份关于是否批准某项目的请示，请市政府审定',
    '能给我一份同意书的模板吗',
    '该公司是否表示同意？',
    '会议决定同意该项目，请起草会议纪要',
    '审批表里“是否同意”那一栏应该怎么填写格式？',
    '起草一份公告：经审查，以下企业符合补贴条件，予以公示',
    '标题你来定',
    'Write guidance on how officers decide whether to approve permits.',
    'Could you draft an email asking whether the board approved the budget?',
    'Should I use "approve" or "endorse" in this letter?',
    'Summarize the rule that applications should be approved within 20 days.',
    'Summarize the decision of the appeals board.',
    'Draft a decision letter granting the permit (the director has approved it).',
  ])('%s', (prompt) => {
    expect(findDecisionRequest(prompt)).toBeNull();
  });
});

describe('findDecisionWording', () => {
  test('exact offsets, longest phrase where they overlap', () => {
    const text = '经研究，同意你单位的申请。对材料不全的，不予受理。依法予以批准。该申请被驳回。';
    expect(findDecisionWording(text)).toEqual([
      { phrase: '同意', start: text.indexOf('同意'), end: text.indexOf('同意') + 2 },
      { phrase: '不予受理', start: text.indexOf('不予受理'), end: text.indexOf('不予受理') + 4 },
      { phrase: '予以批准', start: text.indexOf('予以批准'), end: text.indexOf('予以批准') + 4 },
      { phrase: '驳回', start: text.indexOf('驳回'), end: text.indexOf('驳回') + 2 },
    ]);
  });

  test('报请批准 and 请予批准 are still flagged: the reviewer decides', () => {
    expect(findDecisionWording('现报请批准。').map((f) => f.phrase)).toEqual(['批准']);
    expect(findDecisionWording('妥否，请予批准。').map((f) => f.phrase)).toEqual(['批准']);
  });

  test.each([
    ['会上有不同意见。', []],
    ['体现了全体职工的共同意志。', []],
    ['大家一同意识到问题所在，陪同意大利客人参观。', []],
    ['各方形成了相同意见，赞同意见占多数。', []],
    ['按照国家标准予以公布。', []],
    ['审核准确无误，符合考核准则。', []],
    ['We take it for granted.', []],
    ['The plan was disapproved by nobody.', []],
    ['不同意该申请。', ['不同意']],
    ['准予登记，核准变更。', ['准予', '核准']],
    ['The application is approved; the appeal was denied and the licence granted.', ['approved', 'denied', 'granted']],
    ['Approved.', ['Approved']],
    ['审核通过后拟录用张某。', ['审核通过', '拟录用']],
    ['该企业不符合申报条件。', ['不符合申报条件']],
    ['经评审，综合得分为85分。', ['综合得分']],
  ])('%s', (text, phrases) => {
    expect(findDecisionWording(text).map((f) => f.phrase)).toEqual(phrases);
  });
});

describe('decisionWarnings', () => {
  test('one warning per occurrence, valid DraftWarnings with the span', () => {
    const text = '经审查，准予许可。不予受理的情形除外。';
    const warnings = decisionWarnings(text);
    expect(warnings.map((w) => DraftWarning.parse(w))).toEqual(warnings);
    expect(warnings).toEqual([
      {
        id: 'decision_wording:0',
        kind: 'decision_wording',
        severity: 'warning',
        message: 'decision wording "准予": the decision belongs to the responsible officer',
        params: { phrase: '准予' },
        start: 4,
        end: 6,
        field: null,
      },
      expect.objectContaining({ id: 'decision_wording:1', params: { phrase: '不予受理' }, start: 9, end: 13 }),
    ]);
    for (const w of warnings) expect(text.slice(w.start!, w.end!)).toBe(w.params.phrase);
  });

  test('capped: the first 20, then one warning counting the rest', () => {
    const text = '同意。'.repeat(25) + '驳回。'.repeat(5);
    const warnings = decisionWarnings(text);
    expect(warnings).toHaveLength(MAX_DECISION_WARNINGS + 1);
    expect(warnings[19]!.id).toBe('decision_wording:19');
    const more = warnings[20]!;
    expect(more).toMatchObject({
      id: 'decision_wording:more',
      kind: 'decision_wording',
      severity: 'warning',
      params: { count: 10, phrase: '同意、驳回' },
      start: 60,
      end: text.length - 1,
    });
  });

  test("the guard's own notice is not flagged, the answer after it is", () => {
    const text = `${decisionNotice('zh-CN')}\n\n申请人请求批准延期。`;
    expect(decisionWarnings(text).map((w) => [w.params.phrase, w.start])).toEqual([['批准', text.lastIndexOf('批准')]]);
    expect(decisionWarnings(decisionNotice('en-US'))).toEqual([]);
  });

  test('no wording, no warnings', () => {
    expect(decisionWarnings('关于做好2026年春节期间安全生产工作的通知')).toEqual([]);
  });
});

describe('lists: data, tuned by policy', () => {
  const policy = (p: Partial<DecisionWords>): DecisionWords => DecisionWords.parse(p);

  test('every built-in entry compiles', () => {
    expect(DECISION_REQUESTS.length).toBeGreaterThan(30);
    expect(DECISION_OUTPUTS.length).toBeGreaterThan(20);
    for (const entry of [...DECISION_REQUESTS, ...DECISION_OUTPUTS]) {
      expect([entry, compileDecisionEntry(entry)]).toEqual([entry, expect.any(RegExp)]);
    }
    expect(compileDecisionEntry('(unclosed')).toBeNull();
  });

  test('no policy or an empty extend: the built-in lists', () => {
    expect(decisionLists()).toBe(BUILTIN_DECISION_LISTS);
    expect(decisionLists(policy({}))).toEqual(BUILTIN_DECISION_LISTS);
  });

  test('extend adds plain phrases to the built-in lists', () => {
    const lists = decisionLists(policy({ requests: ['帮忙拍个板'], outputs: ['予以表彰'] }));
    expect(findDecisionRequest('这事你帮忙拍个板吧', lists)).toEqual({ phrase: '帮忙拍个板', index: 3 });
    expect(findDecisionRequest('这事你帮忙拍个板吧')).toBeNull();
    expect(findDecisionRequest('这个申请是否批准？', lists)).not.toBeNull();
    expect(findDecisionWording('对张三予以表彰，同意。', lists).map((f) => f.phrase)).toEqual(['予以表彰', '同意']);
  });

  test('replace uses only the policy lists', () => {
    const lists = decisionLists(policy({ mode: 'replace', requests: ['签不签'], outputs: ['准予备案'] }));
    expect(findDecisionRequest('这个申请是否批准？', lists)).toBeNull();
    expect(findDecisionRequest('这份合同签不签？', lists)).toEqual({ phrase: '签不签', index: 4 });
    expect(findDecisionWording('同意，准予备案。', lists).map((f) => f.phrase)).toEqual(['准予备案']);
  });

  test('policy phrases are literal text: regex characters do not break or widen matching', () => {
    expect(phrasePattern('a.b (c)')).toBe('a\\.b \\(c\\)');
    const lists = decisionLists(policy({ mode: 'replace', requests: ['(是否)*'], outputs: ['a.b'] }));
    expect(findDecisionRequest('是否是否', lists)).toBeNull();
    expect(findDecisionRequest('请看(是否)*', lists)).toEqual({ phrase: '(是否)*', index: 2 });
    expect(findDecisionWording('axb a.b', lists)).toEqual([{ phrase: 'a.b', start: 4, end: 7 }]);
  });

  test('a policy phrase may hold a gap (… or ...) and English phrases match whole words', () => {
    const lists = decisionLists(policy({ mode: 'replace', requests: ['是否…签约', 'sign off on'], outputs: ['OK'] }));
    expect(findDecisionRequest('该合同是否可以签约？', lists)).toEqual({ phrase: '是否可以签约', index: 3 });
    expect(findDecisionRequest('Can you sign  off on this?', lists)).toEqual({ phrase: 'sign  off on', index: 8 });
    expect(findDecisionRequest('design off online', lists)).toBeNull();
    expect(findDecisionWording('OK, looks okay', lists)).toEqual([{ phrase: 'OK', start: 0, end: 2 }]);
  });
});

describe('the neutral summary', () => {
  test('the decision-asking clauses are left out, the material is kept', () => {
    const prompt = '某公司申请专项补贴50万元，于2026年3月1日提交，材料齐全。请判断能否受理，并给出是否批准的意见。';
    const material = withoutDecisionRequests(prompt);
    expect(material).toBe('某公司申请专项补贴50万元，于2026年3月1日提交，材料齐全。');
    const sent = neutralSummaryPrompt(prompt, 'zh-CN');
    expect(sent).toContain(material);
    expect(sent).not.toMatch(/能否受理|是否批准/);
    expect(findDecisionRequest(sent)).toBeNull();
    expect(sent).toMatch(/当事人/);
    expect(sent).toMatch(/日期/);
    expect(sent).toMatch(/金额/);
    expect(sent).toMatch(/法律、法规/);
  });

  test('English', () => {
    const prompt = 'Acme Ltd applied on 3 March 2026 for a permit to build a warehouse. Should we approve it?';
    const sent = neutralSummaryPrompt(prompt, 'en-US');
    expect(sent).toContain('Acme Ltd applied on 3 March 2026 for a permit to build a warehouse.');
    expect(sent).not.toMatch(/Should we approve/);
    expect(sent).toMatch(/parties/);
    expect(sent).toMatch(/dates, deadlines and amounts/);
    expect(sent).toMatch(/no outcome, score or grade/);
    expect(findDecisionRequest(sent)).toBeNull();
  });

  test('policy phrases are left out of the material too', () => {
    const lists = decisionLists(DecisionWords.parse({ requests: ['帮忙拍个板'] }));
    const sent = neutralSummaryPrompt('某企业申请补贴10万元。这事你帮忙拍个板吧', 'zh-CN', lists);
    expect(sent).toContain('某企业申请补贴10万元。');
    expect(sent).not.toContain('拍个板');
  });

  test('nothing left of the request: the prompt names the material provided', () => {
    expect(neutralSummaryPrompt('这个申请是否批准？', 'zh-CN')).not.toMatch(/材料：/);
  });

  test('the notice', () => {
    expect(decisionNotice('zh-CN')).toBe('该事项是否批准/同意由承办人员依职权决定；以下仅为材料中的事实摘要，供参考。');
    expect(decisionNotice('en-US')).toBe(
      'The decision on this matter belongs to the responsible officer; below is only a summary of the facts in the material.',
    );
    // the notice itself is not a request (it may be shown before an answer that is checked again)
    expect(findDecisionRequest(decisionNotice('en-US'))).toBeNull();
  });
});

describe('requestLocale', () => {
  test.each([
    ['这个申请是否批准？', 'zh-CN'],
    ['Should we approve the 补贴 application?', 'zh-CN'],
    ['Should we approve this application?', 'en-US'],
    ['', 'en-US'],
    ['１２３？', 'en-US'],
  ])('%s → %s', (text, locale) => {
    expect(requestLocale(text)).toBe(locale);
  });
});

describe('speed', () => {
  test('a long request with material is checked quickly', () => {
    const material = '某公司于2026年3月1日提交申请，申请金额50万元，附营业执照、财务报表等材料。'.repeat(5000);
    const t0 = performance.now();
    expect(findDecisionRequest(`请总结以下材料：${material}`)).toBeNull();
    findDecisionWording(material);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
