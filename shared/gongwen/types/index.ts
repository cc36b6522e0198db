/**
 * The built-in document types: the 15 文种 of 《党政机关公文处理工作条例》 Art. 8 plus 便函, as data
 * (DOMAIN.md §2). Adding a type is adding an entry here or in a template pack — no code.
 *
 * Lint rule ids in `rules` (shared/lint implements them):
 * - F1 文号 year in 〔〕 · F2 文号 form (no 第, no leading 0, 4-digit year) · F3 dates in Arabic
 *   numerals (2026年5月8日) · F4 heading numbering 一、（一）1.（1） · F5 title form and no end
 *   punctuation · F6 punctuation of 附件 (none), 主送 (：) and 抄送 (。) — every type.
 * - Q1 请示: one 主送机关 and one request · Q2 请示: 附注 with 联系人 and 电话 (warning).
 * - R1 报告: no request wording (妥否，请批示 / 请予批准).
 * - U1 上行文 (请示, 报告, 议案): 签发人 given.
 * - P1 批复: cites the 来文 title and 文号 (你单位《…》（…号）收悉).
 * - J1 纪要: no 主送机关.
 */
import { DocTypeSpec } from '../type-spec';
import { DIRECTIVE_TYPES } from './directive';
import { LATERAL_TYPES } from './lateral';
import { PUBLIC_TYPES } from './public';
import { UPWARD_TYPES } from './upward';

/** Order of 条例 Art. 8, then 便函. */
const ORDER = [
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
];

const all = [...DIRECTIVE_TYPES, ...PUBLIC_TYPES, ...UPWARD_TYPES, ...LATERAL_TYPES];
const byId = new Map(all.map((t) => [t.id, t]));

/** Parsed once (defaults filled, cross-field checks run): a broken entry fails at load, in tests. */
export const BUILTIN_TYPES: readonly DocTypeSpec[] = Object.freeze(ORDER.map((id) => DocTypeSpec.parse(byId.get(id))));

/** The rule ids the built-in types use, with what each checks. */
export const RULE_IDS = {
  F1: '文号 year brackets 〔〕',
  F2: '文号 form',
  F3: 'dates in Arabic numerals',
  F4: 'heading numbering and levels',
  F5: 'title form and punctuation',
  F6: 'punctuation of 附件, 主送 and 抄送',
  Q1: '请示: one 主送机关 and one request',
  Q2: '请示: 附注 with 联系人 and 电话',
  R1: '报告: no request wording',
  U1: '上行文: 签发人',
  P1: '批复: cites the 来文 title and 文号',
  J1: '纪要: no 主送机关',
} as const;
