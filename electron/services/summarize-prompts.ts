import type { SummaryPreset } from '../../shared/domain/summary';
import type { SourcePassage } from '../../shared/verify/types';

/** Part of every cache key: a change of wording here must not serve summaries made by the old one. */
export const SUMMARY_PROMPT_VERSION = 1;

export type OutputLanguage = 'zh' | 'en';

const ROLE = {
  zh:
    '你是政府机关工作人员的文稿辅助工具，只做摘要，不作任何决定，由工作人员审核后使用。\n' +
    '只依据所给材料，不添加材料中没有的事实、数字、日期、机构或地名；数字、百分比、金额、日期、引文按原文写。\n' +
    '材料按段落编号，形如 [P12]。每一句话末尾都必须标注依据段落的编号，如“……。[P3]”或“……。[P3][P7]”，只能使用材料中出现的编号。',
  en:
    'You are a writing aid for government staff: you summarize and never decide; a person reviews everything.\n' +
    'Use only the material given: add no fact, figure, date, organisation or place it does not contain; copy figures, dates and quotations exactly.\n' +
    'Passages are labelled like [P12]. End every sentence with the labels of the passages it rests on, e.g. "… . [P3]" or "… . [P3][P7]"; use only labels that appear in the material.',
};

const LAYOUT = {
  zh: {
    one_sentence: '用一句话（不超过80字）概括材料的主旨，句末标注编号。不要标题。',
    key_points:
      '按以下格式输出，没有内容的部分省略：\n【要点】\n1. ……。[P3]\n（3至8条）\n【行动事项】\n- 责任方：事项（期限：……）。[P5]\n【重要日期】\n- 日期：事项。[P4]',
    detailed:
      '按以下格式输出，没有内容的部分省略：\n【概述】\n一段概述（3至5句），每句标注编号。\n【要点】\n1. ……。[P3]\n（8至15条）\n【行动事项】\n- 责任方：事项（期限：……）。[P5]\n【重要日期】\n- 日期：事项。[P4]',
  },
  en: {
    one_sentence:
      'Give the gist of the material in one sentence (at most 40 words), ending with its labels. No heading.',
    key_points:
      'Use this layout and leave out empty parts:\n【Key points】\n1. … . [P3]\n(3 to 8 points)\n【Action items】\n- Who: what (deadline: …). [P5]\n【Key dates】\n- Date: what. [P4]',
    detailed:
      'Use this layout and leave out empty parts:\n【Overview】\nA paragraph of 3 to 5 sentences, each with its labels.\n【Key points】\n1. … . [P3]\n(8 to 15 points)\n【Action items】\n- Who: what (deadline: …). [P5]\n【Key dates】\n- Date: what. [P4]',
  },
} satisfies Record<OutputLanguage, Record<SummaryPreset, string>>;

export function summarySystemPrompt(language: OutputLanguage): string {
  return ROLE[language];
}

/** The passages as the model sees them: one labelled line each. */
export function renderPassages(passages: readonly SourcePassage[]): string {
  return passages.map((p) => `[${p.label}] ${p.text.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}

/** A summary of material that fits the context in one request. */
export function wholePrompt(preset: SummaryPreset, language: OutputLanguage): string {
  return language === 'zh'
    ? `请为下列材料写摘要。${LAYOUT.zh[preset]}`
    : `Summarize the material below. ${LAYOUT.en[preset]}`;
}

/** One chunk of a long input (map stage): its points, actions and dates, every sentence cited. */
export function chunkPrompt(part: number, parts: number, language: OutputLanguage): string {
  return language === 'zh'
    ? `下列材料是一份较长材料的第${part}部分（共${parts}部分）。请摘出这部分的要点、行动事项和重要日期，每条一句，句末标注编号。${LAYOUT.zh.key_points}`
    : `The material below is part ${part} of ${parts} of a longer text. List this part's key points, action items and key dates, one sentence each, ending with its labels. ${LAYOUT.en.key_points}`;
}

/** Combining partial summaries (reduce stage): their labels are the only ones allowed. */
export function combinePrompt(preset: SummaryPreset | 'partial', language: OutputLanguage): string {
  const layout = preset === 'partial' ? LAYOUT[language].key_points : LAYOUT[language][preset];
  return language === 'zh'
    ? `下列材料是同一份材料各部分的摘要，句末的编号指向原文段落。请合并为一份摘要：保留每句的编号，只能使用其中已有的编号，不添加新的事实。${layout}`
    : `The material below holds summaries of the parts of one text; the labels point at passages of the original. Combine them into one summary: keep each sentence's labels, use only labels already there, add no new fact. ${layout}`;
}
