import type { ProfileField } from '../../shared/domain/form';
import { ProposedValue } from '../../shared/domain/form';
import { type EvidencePassage, checkProposal, parseModelProposals, valueAgrees } from '../../shared/forms/evidence';
import { profileField } from './support';

const field = (over: Partial<ProfileField> = {}) => profileField('f', over);

const PASSAGES = new Map<string, EvidencePassage>([
  ['doc1#0', { documentId: 'doc1', page: 1, paragraph: 0, text: '关于申请调入的报告' }],
  [
    'doc1#1',
    {
      documentId: 'doc1',
      page: 1,
      paragraph: 1,
      text: '本人姓名：张三，身份证号码：11010519491231002X，联系电话：138 0013 8000。现工作单位：北京市海淀区人民政府办公室。',
    },
  ],
  [
    'doc2#0',
    { documentId: 'doc2', page: 2, paragraph: 3, text: '该公司成立于2015年6月18日，注册资本为人民币1000万元。' },
  ],
]);

const check = (over: Partial<ProfileField>, value: string, quote: string, passageId = 'doc1#1') =>
  ProposedValue.parse(checkProposal(field(over), { value, quote, passageId }, PASSAGES));

describe('checkProposal', () => {
  it('takes a value with a verbatim quote of the cited passage', () => {
    expect(check({ name: 'name' }, '张三', '本人姓名：张三')).toEqual({
      name: 'name',
      value: '张三',
      evidence: { documentId: 'doc1', passageId: 'doc1#1', page: 1, paragraph: 1, quote: '本人姓名：张三' },
      problems: [],
      source: 'model',
    });
  });

  it('leaves a field without a value or a quote empty, never guessed', () => {
    expect(check({}, '', '')).toMatchObject({ value: '', evidence: null, problems: ['no_evidence'] });
    expect(check({}, '', '本人姓名：张三')).toMatchObject({ value: '', evidence: null, problems: ['no_evidence'] });
    const guessed = check({}, '张三', '  ');
    expect(guessed).toMatchObject({ value: '', evidence: null, problems: ['no_evidence'] });
    expect(guessed.rejected).toEqual({ value: '张三', quote: '' });
  });

  it('catches an invented quote: the value is refused and kept aside for the reviewer', () => {
    const invented = check({ name: 'name' }, '李四', '申请人姓名：李四');
    expect(invented).toEqual({
      name: 'name',
      value: '',
      evidence: null,
      problems: ['quote_not_found'],
      source: 'model',
      rejected: { value: '李四', quote: '申请人姓名：李四' },
    });
    // Close is not enough: one character changed is another sentence.
    expect(check({}, '北京市海淀区', '现工作单位：北京市朝阳区人民政府办公室').problems).toEqual(['quote_not_found']);
  });

  it('compares the quote without white space, quotation marks or full width', () => {
    const spaced = check({ validation: 'phone' }, '13800138000', '联系电话： 13800138000');
    expect(spaced.problems).toEqual([]);
    expect(spaced.evidence?.quote).toBe('联系电话：138 0013 8000');
    const wide = check(
      { validation: 'id_number' },
      '11010519491231002X',
      '身份证号码：１１０１０５１９４９１２３１００２Ｘ',
    );
    expect(wide).toMatchObject({ value: '11010519491231002X', problems: [] });
    expect(wide.evidence?.quote).toBe('身份证号码：11010519491231002X');
  });

  it('finds a quote under a neighbouring passage when the citation is off', () => {
    const miscited = check({ validation: 'amount' }, '1000万元', '注册资本为人民币1000万元', 'doc1#1');
    expect(miscited.problems).toEqual([]);
    expect(miscited.evidence).toMatchObject({ documentId: 'doc2', passageId: 'doc2#0', page: 2, paragraph: 3 });
  });

  it('flags a value that contradicts its evidence, and keeps it visible', () => {
    expect(check({ name: 'name' }, '李四', '本人姓名：张三')).toMatchObject({
      value: '李四',
      problems: ['value_not_in_quote'],
      evidence: { quote: '本人姓名：张三' },
    });
    expect(check({ validation: 'phone' }, '13900139000', '联系电话：138 0013 8000').problems).toEqual([
      'value_not_in_quote',
    ]);
    expect(check({ validation: 'date' }, '2016年6月18日', '该公司成立于2015年6月18日', 'doc2#0').problems).toEqual([
      'value_not_in_quote',
    ]);
    expect(check({ validation: 'amount' }, '100万元', '注册资本为人民币1000万元', 'doc2#0').problems).toEqual([
      'value_not_in_quote',
    ]);
  });

  it('agrees on dates in several notations, and normalizes them', () => {
    for (const value of ['2015年6月18日', '2015-06-18', '2015/6/18', '2015.6.18', '二〇一五年六月十八日']) {
      const proposed = check({ validation: 'date' }, value, '该公司成立于2015年6月18日', 'doc2#0');
      expect(proposed).toMatchObject({ value: '2015年6月18日', problems: [] });
    }
  });

  it('agrees on amounts as numbers and phones as digits', () => {
    for (const value of ['1000万元', '10,000,000', '10000000元', '一千万元']) {
      expect(check({ validation: 'amount' }, value, '注册资本为人民币1000万元', 'doc2#0').problems).toEqual([]);
    }
    expect(check({ validation: 'phone' }, '+86 13800138000', '联系电话：138 0013 8000')).toMatchObject({
      value: '13800138000',
      problems: [],
    });
  });

  it('runs the validation after the evidence: a wrong checksum in the source is flagged', () => {
    const passages = new Map([['p', { documentId: 'd', text: '身份证号码：110105194912310021' }]]);
    const proposed = checkProposal(
      field({ validation: 'id_number' }),
      { value: '110105194912310021', quote: '身份证号码：110105194912310021', passageId: 'p' },
      passages,
      'pattern',
    );
    expect(proposed).toMatchObject({ value: '110105194912310021', problems: ['invalid'], source: 'pattern' });
  });

  it('checks a choice against its options and yes/no cues', () => {
    const sex = field({ type: 'radio', validation: 'choice', options: ['男', '女'] });
    expect(valueAgrees(sex, '男', '性别：男')).toBe(true);
    expect(valueAgrees(sex, '女', '性别：男')).toBe(false);
    const member = field({ type: 'checkbox', validation: 'choice', options: ['On'] });
    expect(valueAgrees(member, 'true', '本人已于2010年加入中国共产党')).toBe(true);
    expect(valueAgrees(member, 'On', '是否党员：是')).toBe(true);
    expect(valueAgrees(member, 'true', '是否党员：否')).toBe(false);
    expect(valueAgrees(member, 'false', '本人未婚')).toBe(true);
    expect(valueAgrees(member, 'true', '本人身体健康')).toBe(false);
  });

  it('flags a value that is not an option or too long', () => {
    const passages = new Map([['p', { documentId: 'd', text: '性别：男性。地址：北京市海淀区长春桥路17号' }]]);
    const sex = field({ type: 'radio', validation: 'choice', options: ['男', '女'] });
    expect(checkProposal(sex, { value: '男性', quote: '性别：男性', passageId: 'p' }, passages).problems).toEqual([
      'not_an_option',
    ]);
    const address = field({ maxLength: 6 });
    expect(
      checkProposal(
        address,
        { value: '北京市海淀区长春桥路17号', quote: '地址：北京市海淀区长春桥路17号', passageId: 'p' },
        passages,
      ).problems,
    ).toEqual(['too_long']);
  });
});

describe('parseModelProposals', () => {
  const ENTRY = { name: '姓名', value: '张三', quote: '本人姓名：张三', passageId: 'P2' };

  it('reads a fenced JSON block', () => {
    const answer =
      '```json\n{"fields": [{"name": "姓名", "value": "张三", "quote": "本人姓名：张三", "passage": "P2"}]}\n```';
    expect(parseModelProposals(answer)).toEqual([ENTRY]);
  });

  it('reads JSON wrapped in prose, with trailing commas', () => {
    const answer =
      '好的，根据材料[P2]，填写结果如下：\n{"fields": [\n  {"name": "姓名", "value": "张三", "quote": "本人姓名：张三", "passage": "[P2]",},\n  {"name": "邮编", "value": "", "quote": "", "passage": ""},\n],}\n以上内容请审核。';
    expect(parseModelProposals(answer)).toEqual([ENTRY, { name: '邮编', value: '', quote: '', passageId: '' }]);
  });

  it('reads a top-level array and the other key spellings', () => {
    const answer = JSON.stringify([
      { field: '姓名', value: '张三', evidence: { quote: '本人姓名：张三', passage_id: 'p2' } },
      { name: '电话', value: 13800138000, evidence: '联系电话：138 0013 8000', passageId: 2 },
      { name: '学历', value: ['硕士', '博士'], quote: '学历：硕士、博士', passage: 'doc1#4' },
      { value: 'no name' },
      '姓名',
    ]);
    expect(parseModelProposals(answer)).toEqual([
      ENTRY,
      { name: '电话', value: '13800138000', quote: '联系电话：138 0013 8000', passageId: 'P2' },
      { name: '学历', value: '硕士、博士', quote: '学历：硕士、博士', passageId: 'doc1#4' },
    ]);
  });

  it('reads fields keyed by name, and skips reasoning', () => {
    const answer =
      '<think>先看 {"fields": []} 的格式</think>{"姓名": {"value": "张三", "quote": "本人姓名：张三", "passage": "P2"}}';
    expect(parseModelProposals(answer)).toEqual([ENTRY]);
  });

  it('never throws on garbage', () => {
    for (const answer of [
      '',
      '无法填写。',
      '{',
      '[P3]',
      '{"fields": [{"name": "姓名", "value": "张三"',
      "{'name': '姓名'}",
      'null',
      '42',
      '```json\n```',
    ]) {
      expect(parseModelProposals(answer)).toEqual([]);
    }
  });
});
