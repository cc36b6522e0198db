import type { ProfileField, ProposedValue } from '../../shared/domain/form';
import { type SourceText, extractByPatterns } from '../../shared/forms/extract';
import { profileField } from './support';

const field = profileField;

/** One passage a line, as the ingest makes of a short TXT. */
const source = (documentId: string, text: string): SourceText[] =>
  text
    .trim()
    .split('\n')
    .map((line, i) => ({ id: `${documentId}#${i}`, documentId, page: 1, paragraph: i, text: line }));

const LETTER = source(
  'letter',
  `
调动申请书
市委组织部：
本人姓名：张三，性别：男，身份证号码：11010519491231002X，联系电话：138 0013 8000。
现工作单位：北京市海淀区人民政府办公室，任一级科员。通讯地址：北京市海淀区长春桥路17号。
因家庭原因，本人申请调入市发展和改革委员会工作，恳请组织予以考虑。
申请人：张三
2026年3月5日
`,
);

const NOTICE = source(
  'notice',
  `
企业设立登记通知书
北京云帆科技有限公司：
经审核，你单位提交的设立登记申请材料齐全，符合法定形式，准予设立登记。登记事项如下：
统一社会信用代码：91110000600037341L
法定代表人：王五
注册资本：人民币1000万元
成立日期：2015年6月18日
住所：北京市朝阳区建国路88号
特此通知。
北京市市场监督管理局
2015年6月18日
`,
);

const FORM: ProfileField[] = [
  field('姓名'),
  field('性别', { type: 'radio', validation: 'choice', options: ['男', '女'] }),
  field('身份证号码', { validation: 'id_number' }),
  field('联系电话', { validation: 'phone' }),
  field('工作单位'),
  field('通讯地址'),
  field('统一社会信用代码', { validation: 'credit_code' }),
  field('法定代表人'),
  field('注册资本', { validation: 'amount' }),
  field('成立日期', { validation: 'date' }),
  field('出生日期', { validation: 'date' }),
  field('电子邮箱'),
  field('邮政编码'),
  field('申请日期', { validation: 'date' }),
  field('是否党员', { type: 'checkbox', validation: 'choice' }),
];

const byName = (proposals: ProposedValue[]) => new Map(proposals.map((p) => [p.name, p]));

describe('extractByPatterns on an application letter and a registration notice', () => {
  const found = byName(extractByPatterns(FORM, [...LETTER, ...NOTICE]));
  const line3 = '本人姓名：张三，性别：男，身份证号码：11010519491231002X，联系电话：138 0013 8000。';

  it.each([
    ['姓名', '张三', 'letter#2', line3],
    ['性别', '男', 'letter#2', line3],
    ['身份证号码', '11010519491231002X', 'letter#2', line3],
    ['联系电话', '13800138000', 'letter#2', line3],
    ['工作单位', '北京市海淀区人民政府办公室', 'letter#3', '现工作单位：北京市海淀区人民政府办公室，任一级科员。'],
    ['通讯地址', '北京市海淀区长春桥路17号', 'letter#3', '通讯地址：北京市海淀区长春桥路17号。'],
    ['统一社会信用代码', '91110000600037341L', 'notice#3', '统一社会信用代码：91110000600037341L'],
    ['法定代表人', '王五', 'notice#4', '法定代表人：王五'],
    ['注册资本', '人民币1000万元', 'notice#5', '注册资本：人民币1000万元'],
    ['成立日期', '2015年6月18日', 'notice#6', '成立日期：2015年6月18日'],
  ])('fills %s with %s and its evidence', (name, value, passageId, quote) => {
    const documentId = passageId.split('#')[0];
    expect(found.get(name)).toEqual({
      name,
      value,
      evidence: { documentId, passageId, page: 1, paragraph: Number(passageId.split('#')[1]), quote },
      problems: [],
      source: 'pattern',
    });
  });

  it.each(['出生日期', '电子邮箱', '邮政编码', '申请日期', '是否党员'])(
    'leaves %s empty: nothing in the sources says it (no birth date from the ID, no unlabelled date)',
    (name) => {
      expect(found.get(name)).toEqual({
        name,
        value: '',
        evidence: null,
        problems: ['no_evidence'],
        source: 'pattern',
      });
    },
  );

  it('answers every field, in the form order', () => {
    expect(extractByPatterns(FORM, LETTER).map((p) => p.name)).toEqual(FORM.map((f) => f.name));
  });

  it('prefers the field’s own label to a synonym (通讯地址 over 住所)', () => {
    const [address] = extractByPatterns([field('通讯地址')], [...NOTICE, ...LETTER]);
    expect(address?.value).toBe('北京市海淀区长春桥路17号');
    const [seat] = extractByPatterns([field('地址')], NOTICE);
    expect(seat?.value).toBe('北京市朝阳区建国路88号');
  });
});

describe('extractByPatterns, label by label', () => {
  const one = (f: ProfileField, text: string) => extractByPatterns([f], source('d', text))[0]!;

  it('stops a value at the next label, even without punctuation', () => {
    expect(one(field('姓名'), '姓名：李四  性别：女').value).toBe('李四');
    expect(one(field('姓名'), '姓名：李四性别：女').value).toBe('李四');
    expect(one(field('单位'), '单位名称：某某市财政局').value).toBe('某某市财政局');
  });

  it('reads labels with a note and ignores clock times', () => {
    expect(one(field('手机', { validation: 'phone' }), '联系电话（手机）：13912345678').value).toBe('13912345678');
    expect(one(field('会议地点'), '会议时间：9:30，会议地点：三楼会议室').value).toBe('三楼会议室');
  });

  it('picks the phone nearest its own label', () => {
    const text = '办公电话：010-65001234，手机：13912345678';
    expect(one(field('手机', { validation: 'phone' }), text).value).toBe('13912345678');
    expect(one(field('办公电话', { validation: 'phone' }), text).value).toBe('010-65001234');
  });

  it('does not take a value across another label', () => {
    const birth = one(field('出生日期', { validation: 'date' }), '出生日期：不详，成立日期：2015年6月18日');
    expect(birth).toMatchObject({ value: '不详', problems: ['invalid'] });
    expect(one(field('出生日期', { validation: 'date' }), '出生日期：，成立日期：2015年6月18日').problems).toEqual([
      'no_evidence',
    ]);
  });

  it('shows a labelled value that fails its check, flagged', () => {
    expect(one(field('身份证号', { validation: 'id_number' }), '身份证号：110105194912310021')).toMatchObject({
      value: '110105194912310021',
      problems: ['invalid'],
      evidence: { quote: '身份证号：110105194912310021' },
    });
  });

  it('leaves a blank on the page blank', () => {
    expect(one(field('姓名'), '姓名：________').problems).toEqual(['no_evidence']);
  });
});

describe('extractByPatterns, names', () => {
  const one = (f: ProfileField, text: string) => extractByPatterns([f], source('d', text))[0]!;

  it('takes synonyms for a label that is one of them, with or without the applicant named', () => {
    expect(one(field('申请人联系电话', { validation: 'phone' }), '联系电话：13912345678').value).toBe('13912345678');
    expect(one(field('申请人姓名'), '姓名：李四').value).toBe('李四');
    expect(one(field('姓名'), '申请人：李四').value).toBe('李四');
    expect(one(field('注册资本（万元）', { validation: 'amount' }), '注册资金：500万元').value).toBe('500万元');
  });

  it('takes no synonym for a label with a modifier of its own', () => {
    expect(one(field('发文单位'), '工作单位：某某市财政局').problems).toEqual(['no_evidence']);
    expect(one(field('项目名称'), '企业名称：北京云帆科技有限公司').problems).toEqual(['no_evidence']);
    expect(one(field('项目名称'), '项目名称：智慧政务平台').value).toBe('智慧政务平台');
  });
});
