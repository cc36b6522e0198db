import { parseModelProposals } from '../../shared/forms/evidence';
import { FILL_JSON_SCHEMA, fillSystemPrompt, fillUserPrompt } from '../../shared/forms/prompt';
import { profileField } from './support';

const field = profileField;

describe('fillSystemPrompt', () => {
  it('forbids guessing, asks for verbatim quotes with their passage label and one entry per field', () => {
    const system = fillSystemPrompt();
    expect(system).toContain('不猜测');
    expect(system).toContain('逐字复制');
    expect(system).toContain('[P12]');
    expect(system).toContain('每个字段输出一项');
    expect(system).toMatch(/value、quote、passage 都填空字符串/);
  });
});

describe('fillUserPrompt', () => {
  it('lists each field as one JSON line, with what its value must be', () => {
    const prompt = fillUserPrompt([
      field('form1[0].name[0]', { label: '姓名', maxLength: 20 }),
      field('id', { label: '身份证号码', validation: 'id_number' }),
      field('sex', { label: '性别', type: 'radio', validation: 'choice', options: ['男', '女'] }),
      field('member', { label: '是否党员', type: 'checkbox', validation: 'choice', options: ['On'] }),
      field('note "a"\nb', { label: '备注' }),
    ]);
    const lines = prompt.split('\n').slice(1);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { name: 'form1[0].name[0]', label: '姓名', maxLength: 20 },
      { name: 'id', label: '身份证号码', kind: '身份证号码' },
      { name: 'sex', label: '性别', kind: '选项', options: ['男', '女'] },
      { name: 'member', label: '是否党员', kind: '复选框' },
      { name: 'note "a"\nb', label: '备注' },
    ]);
  });
});

describe('FILL_JSON_SCHEMA', () => {
  it('is a strict-mode schema: every property required, no others allowed', () => {
    const item = FILL_JSON_SCHEMA.properties.fields.items;
    expect(FILL_JSON_SCHEMA).toMatchObject({ type: 'object', required: ['fields'], additionalProperties: false });
    expect(item.required).toEqual(Object.keys(item.properties));
    expect(item.required).toEqual(['name', 'value', 'quote', 'passage']);
    expect(item.additionalProperties).toBe(false);
    for (const p of Object.values(item.properties)) expect(p.type).toBe('string');
  });

  it('describes answers that parseModelProposals reads', () => {
    const answer = JSON.stringify({
      fields: [
        { name: '姓名', value: '张三', quote: '本人姓名：张三', passage: 'P2' },
        { name: '邮编', value: '', quote: '', passage: '' },
      ],
    });
    expect(parseModelProposals(answer)).toEqual([
      { name: '姓名', value: '张三', quote: '本人姓名：张三', passageId: 'P2' },
      { name: '邮编', value: '', quote: '', passageId: '' },
    ]);
  });
});
