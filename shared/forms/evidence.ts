import type { Evidence, FieldProblem, ProfileField, ProposedValue } from '../domain/form';
import { findDates } from '../verify/dates';
import { findQuantities } from '../verify/numbers';
import { compact, compactWithOrigins, foldWidth } from '../verify/text';
import {
  compactCode,
  matchOption,
  normalizeValue,
  readAmount,
  readDate,
  readPhone,
  readYesNo,
  validateValue,
} from './validate';

/**
 * The anti-hallucination core of form filling: a proposed value counts only with a quote that is
 * really in the sources and a value that agrees with that quote. A field without such evidence
 * stays empty and is flagged — never guessed; the refused claim is kept aside for the reviewer.
 */

export interface EvidencePassage {
  text: string;
  documentId: string;
  page?: number;
  paragraph?: number;
}

/** One field as the model (or the patterns) proposed it; `passageId` as cited (a label like P3, or an id). */
export interface ModelProposal {
  name: string;
  value: string;
  quote: string;
  passageId: string;
}

interface Located {
  passageId: string;
  passage: EvidencePassage;
  /** The quote as the passage writes it (the model may have changed spacing or width). */
  quote: string;
}

/** Where `quote` stands in `text`, compared without white space, quotation marks, width or case. */
function locate(text: string, quote: string): string | null {
  const needle = compact(quote);
  const hay = compactWithOrigins(text);
  const at = hay.text.indexOf(needle);
  if (needle === '' || at < 0) return null;
  return text.slice(hay.origins[at], hay.origins[at + needle.length - 1]! + 1);
}

/**
 * The cited passage first; a quote found verbatim in another passage still rests on the sources
 * (models often cite a neighbouring label), so it counts there, with that passage as evidence.
 */
function findQuote(quote: string, cited: string, passages: ReadonlyMap<string, EvidencePassage>): Located | null {
  const first = passages.get(cited);
  const order: [string, EvidencePassage][] = first ? [[cited, first], ...passages] : [...passages];
  for (const [passageId, passage] of order) {
    const verbatim = locate(passage.text, quote);
    if (verbatim !== null) return { passageId, passage, quote: verbatim };
  }
  return null;
}

const YES_CUE = /是|有|已|同意|愿意|√|✓|☑|☒|■|\byes\b|\btrue\b/i;
const NO_CUE = /否|无|没有|未|不|☐|□|\bno\b|\bfalse\b/i;
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
const withoutSeparators = (text: string) => foldWidth(text).replace(/[\s\-–—()]/g, '');

/**
 * Whether the quote says the value: as text (ignoring white space and width), or by what it means
 * — the same date in another notation, the same sum, the same digits, the option or a yes/no cue.
 */
export function valueAgrees(field: ProfileField, value: string, quote: string): boolean {
  if (compact(quote).includes(compact(value))) return true;
  switch (field.validation) {
    case 'date': {
      const d = readDate(value);
      return d !== null && findDates(quote).some((m) => m.year === d.year && m.month === d.month && m.day === d.day);
    }
    case 'amount': {
      const n = readAmount(value);
      return (
        n !== null && findQuantities(quote, findDates(quote)).some((q) => q.low === q.high && sameNumber(q.low, n))
      );
    }
    case 'phone': {
      const phone = readPhone(value);
      return phone !== null && withoutSeparators(quote).includes(phone.replace('-', ''));
    }
    case 'id_number':
    case 'credit_code':
      return compactCode(quote).includes(compactCode(value));
    case 'choice': {
      const yes = readYesNo(value) ?? (field.type === 'checkbox' && matchOption(field.options, value) ? true : null);
      // 是否党员：否 answers no: the question's 是否 is no cue.
      return yes !== null && (yes ? YES_CUE : NO_CUE).test(quote.replace(/是否/g, ''));
    }
    default:
      return false;
  }
}

/** One proposal checked against its evidence: its value, evidence and every problem found. */
export function checkProposal(
  field: ProfileField,
  proposal: Pick<ModelProposal, 'value' | 'quote' | 'passageId'>,
  passages: ReadonlyMap<string, EvidencePassage>,
  source: ProposedValue['source'] = 'model',
): ProposedValue {
  const value = proposal.value.trim();
  const quote = proposal.quote.trim();
  const refused = (problem: FieldProblem): ProposedValue => ({
    name: field.name,
    value: '',
    evidence: null,
    problems: [problem],
    source,
    ...(value !== '' && { rejected: { value, quote } }),
  });
  if (value === '' || compact(quote) === '') return refused('no_evidence');
  const found = findQuote(quote, proposal.passageId, passages);
  if (!found) return refused('quote_not_found');
  const { passage } = found;
  const evidence: Evidence = {
    documentId: passage.documentId,
    passageId: found.passageId,
    ...(passage.page !== undefined && { page: passage.page }),
    ...(passage.paragraph !== undefined && { paragraph: passage.paragraph }),
    quote: found.quote,
  };
  const normalized = normalizeValue(field, value);
  const problems: FieldProblem[] = valueAgrees(field, value, found.quote) ? [] : ['value_not_in_quote'];
  problems.push(...validateValue(field, normalized));
  return { name: field.name, value: normalized, evidence, problems, source };
}

// ---- The model's answer -------------------------------------------------------------------------

/** Spans that may hold the JSON: fenced blocks first, then each balanced [...] or {...}. */
function* jsonCandidates(text: string): Generator<string> {
  for (const m of text.matchAll(/```[a-zA-Z]*[ \t]*\n?([\s\S]*?)```/g)) yield m[1]!;
  let tries = 0;
  for (let i = text.search(/[[{]/); i >= 0 && tries++ < 50; i = nextOpening(text, i + 1)) {
    const end = balancedEnd(text, i);
    if (end > 0) yield text.slice(i, end);
  }
}

function nextOpening(text: string, from: number): number {
  const at = text.slice(from).search(/[[{]/);
  return at < 0 ? -1 : from + at;
}

/** The end (exclusive) of the bracketed value opening at `start`, or -1 when it never closes. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}');
    else if (c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** JSON with trailing commas (`[1, 2,]`, `{"a": 1,}`) allowed; undefined when it does not parse. */
function parseLoose(json: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === '\\') out += json[i++] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[\]}]/.test(json.slice(i + 1))) continue;
    out += c;
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list of field entries: a top-level array, {fields: […]}, or {name: {value, quote}} by name. */
function entriesOf(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) return parsed;
  if (!isRecord(parsed)) return null;
  const list = ['fields', 'items', 'values', 'results'].map((k) => parsed[k]).find(Array.isArray);
  if (list) return list;
  const byName = Object.entries(parsed).filter(([, v]) => isRecord(v));
  return byName.length > 0 ? byName.map(([name, v]) => ({ name, ...(v as object) })) : null;
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(text).join('、');
  return '';
}

/** A cited passage as the label the prompt gave: `[P3]`, `p3` and `3` all mean P3. */
function passageLabel(v: unknown): string {
  const cited = text(v)
    .trim()
    .replace(/^[[【]\s*|\s*[\]】]$/g, '');
  if (/^\d+$/.test(cited)) return `P${cited}`;
  return /^p\d+$/i.test(cited) ? cited.toUpperCase() : cited;
}

function toProposal(entry: unknown): ModelProposal[] {
  if (!isRecord(entry)) return [];
  const name = text(entry.name ?? entry.field ?? entry.key).trim();
  if (!name) return [];
  const evidence = isRecord(entry.evidence) ? entry.evidence : {};
  const quote = text(entry.quote ?? (isRecord(entry.evidence) ? evidence.quote : entry.evidence));
  const cited = [
    entry.passage,
    entry.passageId,
    entry.passage_id,
    evidence.passage,
    evidence.passageId,
    evidence.passage_id,
  ];
  return [
    {
      name,
      value: text(entry.value),
      quote,
      passageId: passageLabel(cited.find((v) => v !== undefined && v !== null)),
    },
  ];
}

/**
 * The field entries of a model's answer, tolerantly: a fenced ```json block or JSON amid prose, a
 * top-level array or {fields: […]}, trailing commas. Never throws; an answer without any is [].
 */
export function parseModelProposals(answer: string): ModelProposal[] {
  const visible = answer.replace(/<think>[\s\S]*?<\/think>/g, '');
  for (const candidate of jsonCandidates(visible)) {
    // A citation like [3] in the prose parses too: go on until some span holds field entries.
    const proposals = entriesOf(parseLoose(candidate))?.flatMap(toProposal) ?? [];
    if (proposals.length > 0) return proposals;
  }
  return [];
}
