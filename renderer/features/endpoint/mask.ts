import type { PiiType } from '../../../shared/domain/endpoint';

/**
 * A personal identifier shown partially, so the user can tell which one was found without the
 * screen showing it whole: the first 3 and last 4 letters or digits of a number stay (separators
 * too), an e-mail keeps its first letter and its domain.
 */
export function maskValue(type: PiiType, value: string): string {
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    if (at <= 0) return '***';
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  const chars = [...value];
  const significant = chars.filter((c) => /[0-9A-Za-z]/.test(c)).length;
  const keepHead = significant > 7 ? 3 : 1;
  const keepTail = significant > 7 ? 4 : 1;
  let seen = 0;
  return chars
    .map((c) => {
      if (!/[0-9A-Za-z]/.test(c)) return c;
      seen += 1;
      return seen <= keepHead || seen > significant - keepTail ? c : '*';
    })
    .join('');
}

export interface TextPart {
  text: string;
  /** This part is one of the placeholders that replaced a personal identifier. */
  placeholder: boolean;
}

/** Splits text at the given placeholders (exact strings), so they can be marked where they stand. */
export function splitPlaceholders(text: string, placeholders: readonly string[]): TextPart[] {
  const unique = [...new Set(placeholders.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return [{ text, placeholder: false }];
  const pattern = new RegExp(unique.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), placeholder: false });
    parts.push({ text: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}
