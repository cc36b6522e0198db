import { DOC_TYPES, docTypeOfTitle } from '../../shared/gongwen/doc-types';
import { DocTypeSpec, FIELD_KEYS } from '../../shared/gongwen/type-spec';
import { BUILTIN_TYPES, RULE_IDS } from '../../shared/gongwen/types';
import { titleFor } from '../../shared/gongwen/type-registry';

const type = (id: string): DocTypeSpec => {
  const t = BUILTIN_TYPES.find((x) => x.id === id);
  if (!t) throw new Error(`no type ${id}`);
  return t;
};
const field = (id: string, key: string) => type(id).fields.find((f) => f.key === key);

test('the 15 types of 条例 Art. 8 plus 便函, in that order, with the agreed ids', () => {
  expect(BUILTIN_TYPES.map((t) => t.id)).toEqual([
    'jueyi',
    'jueding',
    'mingling',
    'gongbao',
    'gonggao',
    'tonggao',
    'yijian',
    'tongzhi',
    'tongbao',
    'baogao',
    'qingshi',
    'pifu',
    'yian',
    'han',
    'jiyao',
    'bianhan',
  ]);
  expect(BUILTIN_TYPES.map((t) => t.name)).toEqual([...DOC_TYPES, '便函']);
});

test('every built-in type is valid against the schema, as is', () => {
  for (const t of BUILTIN_TYPES) {
    const r = DocTypeSpec.safeParse(t);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(t);
  }
});

test('ids are unique, and field keys are unique within each type', () => {
  expect(new Set(BUILTIN_TYPES.map((t) => t.id)).size).toBe(BUILTIN_TYPES.length);
  for (const t of BUILTIN_TYPES) expect(new Set(t.fields.map((f) => f.key)).size).toBe(t.fields.length);
});

test('every type has 发文机关, 事由, 正文要点 and 成文日期; 发文机关 and 正文要点 required', () => {
  for (const t of BUILTIN_TYPES) {
    for (const key of ['issuer', 'subject', 'points', 'date'])
      expect([t.id, field(t.id, key)?.key]).toEqual([t.id, key]);
    expect([t.id, field(t.id, 'issuer')?.required, field(t.id, 'points')?.required]).toEqual([t.id, true, true]);
  }
});

test('well-known field keys keep their kinds across types', () => {
  const kinds: Record<string, string> = {
    issuer: 'text',
    recipients: 'organs',
    points: 'multiline',
    date: 'date',
    docNumber: 'docNumber',
    attachments: 'list',
    cc: 'organs',
  };
  for (const t of BUILTIN_TYPES) {
    for (const f of t.fields) {
      if (f.key in kinds) expect([t.id, f.key, f.kind]).toEqual([t.id, f.key, kinds[f.key]]);
    }
  }
  expect(FIELD_KEYS).toContain('signer');
});

test('directions follow DOMAIN.md §2', () => {
  const dir = Object.fromEntries(BUILTIN_TYPES.map((t) => [t.id, t.direction]));
  expect(dir).toEqual({
    jueyi: 'down',
    jueding: 'down',
    mingling: 'down',
    gongbao: 'down',
    gonggao: 'any',
    tonggao: 'any',
    yijian: 'any',
    tongzhi: 'down',
    tongbao: 'down',
    baogao: 'up',
    qingshi: 'up',
    pifu: 'down',
    yian: 'up',
    han: 'parallel',
    jiyao: 'any',
    bianhan: 'parallel',
  });
});

test('every 上行 type requires 签发人, shows it, and carries rule U1', () => {
  const up = BUILTIN_TYPES.filter((t) => t.direction === 'up');
  expect(up.map((t) => t.id)).toEqual(['baogao', 'qingshi', 'yian']);
  for (const t of up) {
    expect([t.id, field(t.id, 'signer')?.required]).toEqual([t.id, true]);
    expect(t.structure).toContain('signer');
    expect(t.rules).toContain('U1');
  }
});

test('请示: one required 主送, a required 联系人 in the 附注, rules Q1 and Q2', () => {
  expect(field('qingshi', 'recipients')?.required).toBe(true);
  expect(field('qingshi', 'contact')?.required).toBe(true);
  expect(type('qingshi').structure).toContain('note');
  expect(type('qingshi').rules).toEqual(expect.arrayContaining(['Q1', 'Q2', 'U1']));
  expect(type('qingshi').closings[0]).toBe('妥否，请批示。');
  expect(type('qingshi').closings).toContain('以上请示当否，请批示。');
});

test('报告 carries R1 and its closing has no request wording', () => {
  expect(type('baogao').rules).toContain('R1');
  expect(type('baogao').closings[0]).toBe('特此报告。');
  for (const c of type('baogao').closings) expect(c).not.toMatch(/请示|批示|批准|妥否/);
});

test('批复 names the 来文 (title and number) and its recipients; 函 and 通知 need recipients', () => {
  expect(field('pifu', 'replyTo')?.required).toBe(true);
  expect(field('pifu', 'replyToNumber')?.kind).toBe('docNumber');
  expect(field('pifu', 'recipients')?.required).toBe(true);
  expect(type('pifu').closings.slice(0, 2)).toEqual(['此复。', '特此批复。']);
  expect(type('pifu').rules).toContain('P1');
  expect(field('han', 'recipients')?.required).toBe(true);
  expect(type('han').closings).toEqual(expect.arrayContaining(['请予支持为盼。', '特此函告。', '盼复。']));
  expect(field('tongzhi', 'recipients')?.required).toBe(true);
  expect(field('tongzhi', 'attachments')).toBeDefined();
  expect(type('tongzhi').closings[0]).toBe('特此通知。');
  expect(type('tonggao').closings[0]).toBe('特此通告。');
  expect(type('gonggao').closings[0]).toBe('特此公告。');
});

test('纪要: meeting name, time, place, chair and attendees; no 主送机关 (J1)', () => {
  for (const key of ['meetingName', 'meetingTime', 'meetingPlace', 'chair', 'attendees'])
    expect(field('jiyao', key)?.required).toBe(true);
  expect(field('jiyao', 'recipients')).toBeUndefined();
  expect(type('jiyao').structure).not.toContain('recipients');
  expect(type('jiyao').rules).toContain('J1');
  expect(type('jiyao').closings).toEqual([]);
});

test('every type carries F1–F6, and only rule ids that are listed', () => {
  for (const t of BUILTIN_TYPES) {
    expect(t.rules.slice(0, 6)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    for (const r of t.rules) expect(Object.keys(RULE_IDS)).toContain(r);
  }
});

test('every type has guidance in both languages, and a title its 文种 can be read back from', () => {
  const fields = { issuer: '某市人民政府', subject: '某某事项', meetingName: '某市人民政府常务会议' };
  for (const t of BUILTIN_TYPES) {
    expect(t.guidance.zh.length).toBeGreaterThan(20);
    expect(t.guidance.en.length).toBeGreaterThan(20);
    const title = titleFor(t, fields);
    expect([t.id, docTypeOfTitle(title)]).toEqual([t.id, t.id === 'bianhan' ? '函' : t.name]);
  }
});

test('the closing formulas end in 。', () => {
  for (const t of BUILTIN_TYPES) for (const c of t.closings) expect(c).toMatch(/。$/);
});
