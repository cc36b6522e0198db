/**
 * The grounding verifier: each sentence of a summary against the passages it was made from,
 * deterministically, without a model. A sentence is supported when its evidence — the passages it
 * cites, their neighbours and the best matches — says its content, clause by clause, and its
 * figures and dates stand there; its quotations and names must stand in the source. See types.ts.
 */
import { SENTENCE_COVERAGE, clausesOf, judgeSupport } from './coverage';
import type { Clause } from './coverage';
import { findDates } from './dates';
import { PassageFacts, checkDates, checkEntities, checkIdentifiers, checkQuantities } from './facts';
import type { FactProblem } from './facts';
import { findQuantities } from './numbers';
import { checkQuote, findQuotes } from './quotes';
import type { QuoteMention } from './quotes';
import { splitSentences } from './sentences';
import type { SummarySentence } from './sentences';
import { NgramIndex } from './support';
import { compactWithOrigins } from './text';
import type { ProblemKind, SentenceVerdict, SourcePassage, Verdict, VerifyOptions } from './types';

/** Best-matching passages added to the cited ones. */
const TOP = 3;
/** Below this share the best passage is no evidence at all. */
const EVIDENCE_FLOOR = 0.35;

/** Words a summary adds about the document rather than from it. */
const DISCOURSE = new RegExp(
  [
    '(?:该|本|此)?(?:文件|通知|报告|会议|意见|方案|决定|决议|纲要|规划|公告|通报|办法)?(?:指出|要求|提出|强调|明确|表示|认为|显示|规定|部署|提到|介绍|表明)',
    '(?:该|本)(?:文件|通知|报告|意见|方案|决定|决议|办法)',
    '主要包括|具体包括|主要有|包括|此外|另外|同时|其中|总体来看|总的来看|总体上|综上',
    '(?:责任方|期限)(?=[：:])',
    '\\b(?:the (?:document|report|notice|circular|plan|meeting|opinion|decision)s? (?:states?|says?|notes?|points? out|requires?|stresses|emphasi[sz]es|proposes|calls for|highlights|mentions)(?: that)?|according to the (?:document|report|notice)|it (?:notes|states|says) that|in addition|moreover|furthermore|additionally|overall)\\b',
  ].join('|'),
  'gi',
);

/** The sentence with its markers blanked: offsets in it plus s.start are offsets in the summary. */
function blankMarkers(s: SummarySentence): string {
  let text = s.raw;
  for (const m of s.citations) {
    text = text.slice(0, m.start - s.start) + ' '.repeat(m.end - m.start) + text.slice(m.end - s.start);
  }
  return text;
}

function verdictOf(problems: readonly FactProblem[]): Verdict {
  if (problems.some((p) => p.contradicted)) return 'contradicted';
  return problems.some((p) => p.kind !== 'citation') ? 'unsupported' : 'supported';
}

export class SourceIndex {
  private readonly passages: readonly SourcePassage[];
  private readonly ngrams: NgramIndex;
  private readonly byLabel = new Map<string, number>();
  private readonly facts: (PassageFacts | undefined)[];
  private readonly years = new Map<number, boolean>();
  private compacted: { text: string; origins: Int32Array; original: string } | undefined;

  constructor(passages: readonly SourcePassage[]) {
    this.passages = passages;
    this.ngrams = new NgramIndex(passages.map((p) => p.text));
    this.facts = new Array(passages.length);
    passages.forEach((p, i) => this.byLabel.set(p.label.toUpperCase(), i));
  }

  verify(summary: string, options: VerifyOptions = {}): SentenceVerdict[] {
    return splitSentences(summary).map((s) => this.verifySentence(s, options));
  }

  private verifySentence(s: SummarySentence, options: VerifyOptions): SentenceVerdict {
    const text = blankMarkers(s);
    const problems: FactProblem[] = [];
    // Spans of words are trimmed of blanks (and so of blanked markers); a marker's span is its own.
    const add = (kind: ProblemKind, from: number, to: number, detail: string, marker = false) => {
      let start = from;
      let end = to;
      while (!marker && start < end && /\s/.test(text[start]!)) start++;
      while (!marker && end > start && /\s/.test(text[end - 1]!)) end--;
      problems.push({ kind, start, end, text: s.raw.slice(start, end), detail, contradicted: false });
    };

    const cited: number[] = [];
    for (const marker of s.citations) {
      for (const label of marker.labels) {
        const p = this.byLabel.get(label);
        if (p === undefined)
          add('citation', marker.start - s.start, marker.end - s.start, `${label} names no passage`, true);
        else if (!cited.includes(p)) cited.push(p);
      }
    }
    if (options.requireCitations && s.labels.length === 0) add('citation', 0, text.length, 'no citation');

    const dates = findDates(text);
    const quantities = findQuantities(text, dates);
    const quotes = findQuotes(text);
    const masked = new Uint8Array(text.length);
    for (const span of [...dates, ...quantities]) masked.fill(1, span.start, span.end);
    for (const m of text.matchAll(DISCOURSE)) masked.fill(1, m.index, m.index + m[0].length);
    const clauses = clausesOf(this.ngrams, text, masked, quotes);

    const local = this.withNeighbours(cited);
    const top = this.ngrams.rank(searchKeys(clauses), TOP);
    const support = judgeSupport(this.ngrams, clauses, cited, local, top);
    // The clauses nothing says; the whole sentence when that is all of it (or none alone is weak).
    const wholly = support.weak.length === clauses.length || support.weak.length === 0;
    if (support.coverage < SENTENCE_COVERAGE && wholly)
      add('no_support', 0, text.length, 'nothing in the source says this');
    else
      for (const c of support.weak)
        add('no_support', c.start, c.end, `not in the source: “${text.slice(c.start, c.end).trim()}”`);
    if (support.uncited !== null) {
      const labels = cited.map((p) => this.passages[p]!.label).join(', ');
      const detail = `the words are in ${this.passages[support.uncited]!.label}, not in the cited ${labels}`;
      add(
        'citation',
        s.citations[0]!.start - s.start,
        s.citations[s.citations.length - 1]!.end - s.start,
        detail,
        true,
      );
    }

    // A sentence that cites nothing may join its best match with a neighbour (a title and its date).
    const around = cited.length === 0 && top.length > 0 ? this.withNeighbours([top[0]!]) : [];
    const evidence = [...new Set([...local, ...top, ...around])];
    // The passages the sentence draws on: those it cites (and their neighbours), else its best match.
    const drawn = local.length > 0 ? local : support.best >= 0 ? [support.best] : [];
    const where = cited.length === 0 ? 'the source' : cited.length === 1 ? 'the cited passage' : 'the cited passages';
    const facts = evidence.map((p) => this.factsAt(p));
    problems.push(
      ...checkQuantities(text, quantities, facts, where),
      ...checkDates(text, dates, facts, where, (y) => this.yearInSource(y)),
      ...checkIdentifiers(
        text,
        this.compactForm().text,
        evidence.map((p) => this.passages[p]!.text),
        where,
      ),
      ...quotes.flatMap((q) => this.quoteProblem(q)),
      ...checkEntities(
        text,
        drawn.map((p) => this.factsAt(p)),
        this.compactForm().text,
        where,
      ),
    );
    problems.sort((a, b) => a.start - b.start || a.end - b.end);

    const best = support.best >= 0 && support.bestCoverage >= EVIDENCE_FLOOR ? this.passages[support.best]! : null;
    return {
      index: s.index,
      text: s.body,
      start: s.start,
      end: s.end,
      citations: s.labels,
      verdict: verdictOf(problems),
      evidence: best && {
        passageId: best.id,
        label: best.label,
        page: best.page,
        paragraph: best.paragraph,
        text: best.text,
      },
      problems: problems.map((p) => ({
        kind: p.kind,
        detail: p.detail,
        text: p.text,
        start: s.start + p.start,
        end: s.start + p.end,
        ...(p.says !== undefined && { says: p.says }),
      })),
    };
  }

  /** Cited passages and their neighbours in the same document. */
  private withNeighbours(cited: readonly number[]): number[] {
    const set = new Set<number>(cited);
    for (const p of cited) {
      for (const q of [p - 1, p + 1]) {
        if (this.passages[q] && this.passages[q].documentId === this.passages[p]!.documentId) set.add(q);
      }
    }
    return [...set];
  }

  private factsAt(p: number): PassageFacts {
    return (this.facts[p] ??= new PassageFacts(this.passages[p]!.text));
  }

  /** All passages in compact form (text.ts) for verbatim checks, with the way back to the text. */
  private compactForm(): { text: string; origins: Int32Array; original: string } {
    if (!this.compacted) {
      // Joined as they stand: a parser's cut may fall inside a quotation or a designation (M\n2).
      const original = this.passages.map((p) => p.text).join('');
      this.compacted = { ...compactWithOrigins(original), original };
    }
    return this.compacted;
  }

  /** A bare year stated anywhere in the source, in Arabic or Chinese digits. */
  private yearInSource(year: number): boolean {
    let found = this.years.get(year);
    if (found === undefined) {
      const chinese = [...String(year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
      found = new RegExp(`(?<!\\d)${year}(?!\\d)|${chinese}`).test(this.compactForm().text);
      this.years.set(year, found);
    }
    return found;
  }

  private quoteProblem(q: QuoteMention): FactProblem[] {
    const form = this.compactForm();
    const check = checkQuote(q.text, form.text);
    if (check.found) return [];
    const what = q.kind === 'title' ? `《${q.text}》` : `“${q.text}”`;
    let near = '';
    if (check.near) {
      // Back to the source's own words, widened to whole words (the compact form has no blanks).
      let from = form.origins[check.near.start]!;
      let to = form.origins[check.near.end - 1]! + 1;
      while (from > 0 && /[A-Za-z0-9]/.test(form.original[from - 1]!)) from--;
      while (to < form.original.length && /[A-Za-z0-9]/.test(form.original[to]!)) to++;
      near = form.original.slice(from, to).replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
    }
    const detail = near ? `${what} is not verbatim in the source (it says “${near}”)` : `${what} is not in the source`;
    return [
      {
        kind: 'quote',
        start: q.start,
        end: q.end,
        text: q.text,
        detail,
        contradicted: near !== '',
        ...(near && { says: near }),
      },
    ];
  }
}

/** Bigrams and words (not single characters) find the best matching passages. */
function searchKeys(clauses: readonly Clause[]): number[] {
  return [...new Set(clauses.flatMap((c) => c.units.filter((u) => u.kind !== 'char').map((u) => u.key)))];
}

/** Checks a summary against the passages it was made from (SourceIndex checks again cheaply). */
export function verifySummary(
  summary: string,
  passages: readonly SourcePassage[],
  options?: VerifyOptions,
): SentenceVerdict[] {
  return new SourceIndex(passages).verify(summary, options);
}
