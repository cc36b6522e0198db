import type { PiiEntity, PiiType } from '../domain/endpoint';
import type { PiiRules } from '../policy/schema';
import { detectPii } from './detect';

/**
 * 去标识化 for one request: identifiers become typed placeholders before anything is sent, and the
 * model's answer gets them back locally. The mapping lives only in this object.
 */

const LABELS: Record<PiiType, string> = { id_number: '身份证', mobile: '手机号', bank_card: '银行卡', email: '邮箱' };
/** Anything shaped like one of our placeholders (the text itself may contain such strings). */
const PLACEHOLDER_SHAPE = /〔(?:身份证|手机号|银行卡|邮箱)\d+〕/g;

/** Restores placeholders in a streamed answer, chunk by chunk. */
export interface StreamRestorer {
  /** Text that is final: everything but a possible placeholder prefix at the end. */
  push(chunk: string): string;
  /** What is still held back, restored as far as it can be. */
  end(): string;
}

export class Redactor {
  private readonly rules: Partial<PiiRules>;
  private readonly byValue = new Map<string, PiiEntity>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters: Record<PiiType, number> = { id_number: 0, mobile: 0, bank_card: 0, email: 0 };
  /** Placeholder-shaped strings that occur in the input, so never handed out (restore would change them). */
  private readonly reserved = new Set<string>();
  private longest = 0;

  constructor(rules: Partial<PiiRules> = {}) {
    this.rules = rules;
  }

  /** Typed placeholders for the identifiers in `text`; entity offsets index into `text` itself. */
  redact(text: string): { text: string; entities: PiiEntity[] } {
    for (const m of text.matchAll(PLACEHOLDER_SHAPE)) this.reserved.add(m[0]);
    const entities = detectPii(text, this.rules).map((e) => ({ ...e, placeholder: this.placeholderFor(e) }));
    let out = '';
    let at = 0;
    for (const e of entities) {
      out += text.slice(at, e.start) + e.placeholder;
      at = e.end;
    }
    return { text: out + text.slice(at), entities };
  }

  /** One entity per distinct value, in first-seen order, with the offsets of its first occurrence. */
  entities(): PiiEntity[] {
    return [...this.byValue.values()];
  }

  /** Known placeholders back to their values; anything else (an invented 〔身份证9〕, 〔2022〕) stays. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER_SHAPE, (p) => this.byPlaceholder.get(p) ?? p);
  }

  restorer(): StreamRestorer {
    let held = '';
    const release = (final: boolean): string => {
      let out = '';
      let at = 0;
      for (let open = held.indexOf('〔'); open >= 0; open = held.indexOf('〔', at)) {
        out += held.slice(at, open);
        const rest = held.slice(open, open + this.longest);
        const whole = this.knownAt(rest);
        if (whole) {
          out += this.byPlaceholder.get(whole);
          at = open + whole.length;
        } else if (!final && held.length - open < this.longest && this.isKnownPrefix(held.slice(open))) {
          held = held.slice(open);
          return out;
        } else {
          out += '〔';
          at = open + 1;
        }
      }
      out += held.slice(at);
      held = '';
      return out;
    };
    return {
      push: (chunk) => {
        held += chunk;
        return release(false);
      },
      end: () => release(true),
    };
  }

  private placeholderFor(e: Omit<PiiEntity, 'placeholder'>): string {
    const known = this.byValue.get(e.value);
    if (known) return known.placeholder;
    let placeholder: string;
    do placeholder = `〔${LABELS[e.type]}${++this.counters[e.type]}〕`;
    while (this.reserved.has(placeholder));
    this.byValue.set(e.value, { ...e, placeholder });
    this.byPlaceholder.set(placeholder, e.value);
    this.longest = Math.max(this.longest, placeholder.length);
    return placeholder;
  }

  /** The known placeholder `s` starts with. No placeholder is a prefix of another (all end in 〕). */
  private knownAt(s: string): string | undefined {
    const close = s.indexOf('〕');
    if (close < 0) return undefined;
    const candidate = s.slice(0, close + 1);
    return this.byPlaceholder.has(candidate) ? candidate : undefined;
  }

  private isKnownPrefix(s: string): boolean {
    for (const p of this.byPlaceholder.keys()) if (p.startsWith(s)) return true;
    return false;
  }
}
