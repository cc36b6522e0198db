/**
 * The 15 文种 of 《党政机关公文处理工作条例》 Art. 8 (DOMAIN.md §2), and how a title's ending
 * maps onto them. 命令（令） is one type; both spellings map to 命令.
 */

export const DOC_TYPES = [
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/**
 * Title endings, longest first so 会议纪要 wins over 纪要 and 复函 over 函. Practice names
 * (实施意见, 紧急通知, 邀请函 …) end in their 文种 and need no entry of their own.
 */
type Ending = readonly [suffix: string, type: DocType];
const TYPE_ENDINGS: readonly Ending[] = [
  ['会议纪要', '纪要'] as const,
  ['复函', '函'] as const,
  ...DOC_TYPES.map((type): Ending => [type, type]),
].sort((a, b) => b[0].length - a[0].length);

/** 令 alone is a type only after an issuing organ (国务院令, 主席令, 交通运输部令), not in 禁令 or 指令. */
const BARE_ORDER = /(?:院|席|部|委|局|署|府|会|行)令$/u;

/** A doubled 文种 (请示报告) is a drafting error: the type is ambiguous, so we don't guess. */
const DOUBLED_TYPE = /(?:请示报告|报告请示)$/u;

/**
 * Documents that are not 文种: rules, plans and the like. They travel as attachments of a 通知
 * ("关于印发…办法的通知"), so a title ending in one of them is a title without a 文种.
 */
const NON_TYPE_NAMES =
  /(?:方案|办法|规定|细则|规划|要点|条例|规则|章程|纲要|计划|总结|讲话|制度|规范|指南|清单|目录|标准|守则|须知|说明|简报)$/u;

/** A trailing status note such as （试行） or （征求意见稿） is not part of the ending. */
const STATUS_NOTE = /[（(][^（）()]{1,12}[）)]$/u;

function titleEnding(title: string): string {
  return title.trim().replace(STATUS_NOTE, '').trim();
}

/** The 文种 a title ends in, or null (no 文种, a non-文种 document name, or an ambiguous ending). */
export function docTypeOfTitle(title: string): DocType | null {
  const ending = titleEnding(title);
  if (DOUBLED_TYPE.test(ending)) return null;
  for (const [suffix, type] of TYPE_ENDINGS) {
    if (ending.endsWith(suffix)) return type;
  }
  return BARE_ORDER.test(ending) ? '命令' : null;
}

/** True when a title ends in a document name that is not a 文种 (办法, 方案, 规定 …). */
export function endsWithNonTypeName(title: string): boolean {
  return NON_TYPE_NAMES.test(titleEnding(title));
}

/** True when the text ends like the title of some document: a 文种, a doubled one, or 办法/方案 …. */
export function endsLikeDocumentTitle(title: string): boolean {
  const ending = titleEnding(title);
  return docTypeOfTitle(ending) !== null || DOUBLED_TYPE.test(ending) || NON_TYPE_NAMES.test(ending);
}
