/**
 * The summary Wenshu writes without a model: extractive and honest. Sentences are ranked within
 * their document (TF-IDF centrality over character bigrams, a bonus for the opening and for
 * directive words, boilerplate left out) and quoted verbatim, each followed by its passage's
 * marker, in document order, so every sentence is found word for word where it says it is.
 */
import type { SummaryPreset } from '../domain/summary';
import { isDocNumberLine } from '../lint/structure';
import { tokenList } from '../search/tokens';
import type { SourcePassage } from '../verify/types';
import { documentKey, findActionItems, findKeyDates } from './actions';
import type { ActionItem, KeyDate } from './actions';
import { heading } from './headings';
import type { TextLanguage } from './language';
import { sentencesOf } from './language';

export interface OfflineOptions {
  /** The language of the headings; quoted sentences stay in the source's. Default 'zh'. */
  language?: TextLanguage;
  /** Document titles by document key (documentId): their words mark a sentence as on topic. */
  titles?: Readonly<Record<string, string>>;
}

interface Sentence {
  /** Position among its document's usable sentences. */
  pos: number;
  /** Position over all documents, for document order. */
  order: number;
  label: string;
  text: string;
  vector: Map<string, number>;
  score: number;
}

/** 版头 and 版记 lines: 文号, 主送, 抄送/印发, 附件 list, page numbers, 签发人. */
const BOILERPLATE = [
  /^[^。！？]{2,150}[：:]$/u,
  /^(?:抄送|印发|主送|分送|发送|签发人|附件)[：:]/u,
  /印发$/u,
  /^[-—－\s]*(?:第\s*)?[0-9０-９]{1,4}\s*页?[-—－\s]*$/u,
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/u,
];
const isBoilerplate = (passage: string): boolean =>
  isDocNumberLine(passage) || BOILERPLATE.some((re) => re.test(passage));

const ENDED = /[。！？!?.…][”’」』）)"']*$/u;
const CONTENT = /[\p{Script=Han}\p{L}\p{N}]/gu;
/** Words of a sentence that states a requirement or the document's purpose. */
const CUES = /要求|请|应当|必须|务必|决定|通知如下|为了|为进一步|shall|must|should|required/iu;
/** The opening's purpose sentence: 为…, 根据…, 经…同意, 现将…通知如下, …决定…(not 决定性). */
const PURPOSE =
  /^(?:为了?|根据|按照|依据|经.{1,16}(?:同意|批准)|现将|现就)|通知如下|特制定|决定(?!性)|\b(?:purpose|aims?)\b/iu;
/** Text in quotation marks: a sentence that is mostly a list of quoted names says little by itself. */
const QUOTED = /“[^”]*”|「[^」]*」/gu;

const contentLength = (text: string): number => text.match(CONTENT)?.length ?? 0;

/** A sentence worth quoting: long enough, and a sentence rather than a heading or a fragment. */
const worthQuoting = (text: string): boolean =>
  contentLength(text) >= 8 && (ENDED.test(text) || text.length >= 40) && !/^【[^】]*】$/u.test(text);
/** When a source has no such sentence (a title, a few words), any words it has are all there is. */
const anyWords = (text: string): boolean => contentLength(text) > 0 && !/^【[^】]*】$/u.test(text);

function vectorOf(text: string): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of tokenList(text)) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) sum += w * (large.get(t) ?? 0);
  return sum;
}

/** Weights each sentence's term counts by inverse sentence frequency and scales it to length 1. */
function weigh(sentences: Sentence[]): void {
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.vector.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  for (const s of sentences) {
    for (const [t, tf] of s.vector) s.vector.set(t, tf * Math.log(1 + sentences.length / df.get(t)!));
    const norm = Math.sqrt(dot(s.vector, s.vector)) || 1;
    for (const [t, w] of s.vector) s.vector.set(t, w / norm);
  }
}

/** Centrality (cosine to the document's centroid) times the position, cue, topic and length factors. */
function score(sentences: Sentence[], title: string | undefined): void {
  weigh(sentences);
  const centroid = new Map<string, number>();
  for (const s of sentences) for (const [t, w] of s.vector) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const centroidNorm = Math.sqrt(dot(centroid, centroid)) || 1;
  const titleTokens = new Set(title ? tokenList(title) : []);
  for (const s of sentences) {
    const tokens = [...s.vector.keys()];
    const onTopic = titleTokens.size ? tokens.filter((t) => titleTokens.has(t)).length / titleTokens.size : 0;
    const opening = s.pos < 3 ? 0.3 - 0.1 * s.pos : 0;
    const cue = CUES.test(s.text) ? 0.2 : 0;
    const length = contentLength(s.text);
    const lengthFactor = length < 15 ? 0.6 : length > 200 ? 0.7 : 1;
    const quoted = (s.text.match(QUOTED)?.join('').length ?? 0) / s.text.length;
    const listFactor = quoted > 0.5 ? 0.5 : 1;
    s.score =
      (dot(s.vector, centroid) / centroidNorm) * (1 + opening + cue + 0.3 * onTopic) * lengthFactor * listFactor;
  }
}

/** Sentences per document that pass `usable`, scored, in document order. */
function sentencesByDocument(
  passages: readonly SourcePassage[],
  titles: OfflineOptions['titles'],
  usable: (text: string) => boolean,
): Sentence[][] {
  const docs = new Map<string, Sentence[]>();
  let order = 0;
  for (const p of passages) {
    const key = documentKey(p);
    if (!docs.has(key)) docs.set(key, []);
    const title = titles?.[key];
    const passage = p.text.trim();
    if (isBoilerplate(passage) || (title && title.includes(passage))) continue;
    const list = docs.get(key)!;
    for (const { text } of sentencesOf(p.text)) {
      if (!usable(text)) continue;
      list.push({
        pos: list.length,
        order: order++,
        label: p.label,
        text,
        vector: vectorOf(text),
        score: 0,
      });
    }
  }
  const keys = [...docs.keys()];
  return [...docs.values()].map((list, i) => {
    score(list, titles?.[keys[i]!]);
    return list;
  });
}

/** Sentences that differ from those chosen: a near-repeat adds nothing. */
function pick(ranked: readonly Sentence[], count: number, taken: ReadonlySet<Sentence>): Sentence[] {
  const out: Sentence[] = [];
  for (const s of ranked) {
    if (out.length >= count) break;
    if (taken.has(s) || out.some((o) => dot(o.vector, s.vector) > 0.6)) continue;
    out.push(s);
  }
  return out;
}

const byScore = (a: Sentence, b: Sentence): number => b.score - a.score || a.order - b.order;
const byOrder = (a: Sentence, b: Sentence): number => a.order - b.order;

/**
 * Splits `count` over the documents in proportion to their text: one at a time to the document
 * furthest below its due share, every document served once before any twice.
 */
function shares(docs: readonly Sentence[][], count: number): number[] {
  const sizes = docs.map((d) => d.reduce((n, s) => n + s.text.length, 0));
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  const out = docs.map(() => 0);
  for (let given = 0; given < count; given++) {
    let best = -1;
    let bestGap = -Infinity;
    docs.forEach((d, i) => {
      const gap = (count * sizes[i]!) / total - out[i]! + (out[i] === 0 ? count : 0);
      if (out[i]! < d.length && gap > bestGap) [best, bestGap] = [i, gap];
    });
    if (best < 0) break;
    out[best]!++;
  }
  return out;
}

/**
 * The opening of each document: its first sentence, and its purpose sentence when a later one;
 * without one, the second sentence when the first is short (现在，我代表国务院，向大会报告…).
 * Of a selection of more than two documents, one sentence each: the purpose, or the first.
 */
function overviewOf(docs: readonly Sentence[][]): Sentence[] {
  return docs.flatMap((all) => {
    // Joined in one paragraph, a sentence without its stop would run into the next.
    const d = all.filter((s) => ENDED.test(s.text));
    const [first, second] = d;
    if (!first) return [];
    const purpose = d.slice(0, 6).find((s) => PURPOSE.test(s.text));
    if (docs.length > 2) return [purpose ?? first];
    if (purpose && purpose !== first) return [first, purpose];
    return !purpose && second && first.text.length < 60 ? [first, second] : [first];
  });
}

const COUNTS: Record<SummaryPreset, (n: number) => number> = {
  one_sentence: () => 1,
  key_points: (n) => Math.min(8, 5 + Math.floor(n / 60)),
  detailed: (n) => Math.min(15, 10 + Math.floor(n / 40)),
};
const LIST_CAP: Record<SummaryPreset, number> = { one_sentence: 0, key_points: 5, detailed: 8 };

/**
 * The `cap` items to list, in their order: each document's best (by `rank`, then order) before
 * any document's second best, so every document of a selection is heard.
 */
function fairFirst<T extends { label: string }>(
  items: readonly T[],
  cap: number,
  documentOf: ReadonlyMap<string, string>,
  rank: (item: T) => number,
): T[] {
  const byDoc = new Map<string, T[]>();
  for (const item of items) {
    const doc = documentOf.get(item.label) ?? '';
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), item]);
  }
  const turns = [...byDoc.values()].flatMap((list) =>
    [...list].sort((a, b) => rank(a) - rank(b)).map((item, nth) => ({ item, nth })),
  );
  const kept = new Set(
    turns
      .sort((a, b) => a.nth - b.nth || rank(a.item) - rank(b.item))
      .slice(0, cap)
      .map((t) => t.item),
  );
  return items.filter((item) => kept.has(item));
}

/** A date said again (据一九五三年底的统计… 到一九五三年底…) is listed once, where it first comes. */
const firstOfEachDate = (dates: readonly KeyDate[]): KeyDate[] =>
  dates.filter((d, i) => dates.findIndex((e) => e.date === d.date) === i);
/** A day is a date to note; a month or a year's end is more often a reference point. */
const dateRank = (d: KeyDate): number => (/日/u.test(d.date) ? 0 : 1);

/** Action items with a deadline, then with an addressee, are the ones a reader must not miss. */
const actionRank = (a: ActionItem): number => (a.deadline ? 0 : 2) + (a.who ? 0 : 1);

const marker = (label: string): string => `[${label}]`;

/** The one sentence: the main document's best, shorter ones preferred (一句话 is read at a glance). */
function oneSentence(docs: readonly Sentence[][]): string {
  const main = docs.reduce((a, b) => (b.length > a.length ? b : a));
  const glance = (s: Sentence) => s.score * Math.min(1, 150 / s.text.length);
  const best = [...main].sort((a, b) => glance(b) - glance(a) || a.order - b.order)[0]!;
  return `${best.text}${marker(best.label)}`;
}

/** The summary text, laid out as shared/summarize/sections.ts reads it; '' when nothing can be quoted. */
export function offlineSummary(
  passages: readonly SourcePassage[],
  preset: SummaryPreset,
  options: OfflineOptions = {},
): string {
  const language = options.language ?? 'zh';
  let docs = sentencesByDocument(passages, options.titles, worthQuoting);
  if (docs.every((d) => d.length === 0)) docs = sentencesByDocument(passages, options.titles, anyWords);
  const all = docs.flat();
  if (all.length === 0) return '';
  if (preset === 'one_sentence') return oneSentence(docs);

  const sep = language === 'en' ? ': ' : '：';
  const overview = preset === 'detailed' ? overviewOf(docs) : [];
  const documentOf = new Map(passages.map((p) => [p.label, documentKey(p)]));
  const actions = fairFirst(findActionItems(passages), LIST_CAP[preset], documentOf, actionRank);
  const dates = fairFirst(firstOfEachDate(findKeyDates(passages)), LIST_CAP[preset], documentOf, dateRank);
  const listed = all.filter(
    (s) =>
      actions.some((a) => a.label === s.label && s.text.includes(a.what)) ||
      dates.some((d) => d.label === s.label && s.text.includes(d.what)),
  );
  const count = Math.min(COUNTS[preset](all.length), all.length - overview.length);
  // Points repeat no action or date listed below while there are enough other sentences.
  const taken = new Set(all.length - overview.length - listed.length >= count ? [...overview, ...listed] : overview);
  const perDoc = shares(docs, count);
  const points = docs.flatMap((d, i) => pick([...d].sort(byScore), perDoc[i]!, taken)).sort(byOrder);

  const lines: string[] = [];
  if (overview.length) {
    const paragraph = overview.map((s) => `${s.text}${marker(s.label)}`).join(language === 'en' ? ' ' : '');
    lines.push(heading('overview', language), paragraph);
  }
  if (points.length) {
    lines.push(heading('points', language), ...points.map((s, i) => `${i + 1}. ${s.text}${marker(s.label)}`));
  }
  if (actions.length) {
    const who = (a: ActionItem) => (a.who ? `${a.who}${sep}` : '');
    lines.push(heading('actions', language), ...actions.map((a) => `- ${who(a)}${a.what}${marker(a.label)}`));
  }
  if (dates.length) {
    lines.push(heading('dates', language), ...dates.map((d) => `- ${d.date}${sep}${d.what}${marker(d.label)}`));
  }
  return lines.join('\n');
}
