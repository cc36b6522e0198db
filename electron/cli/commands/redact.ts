import type { Command } from 'commander';
import type { PiiEntity } from '../../../shared/domain/endpoint';
import { Redactor } from '../../../shared/pii/redactor';
import type { PiiRules } from '../../../shared/policy/schema';
import type { ParsedDocument } from '../../ingest/parsed';
import type { CliContext } from '../context';
import { readDocument } from '../read-file';

export interface RedactedText {
  /** The text as it would be sent, identifiers replaced by placeholders. */
  text: string;
  /** `start`/`end`: UTF-16 offsets into the text before redaction. */
  entities: PiiEntity[];
}

/** One text through the data boundary's redaction (all identifier types unless `rules` says otherwise). */
export function redactFileText(text: string, rules: Partial<PiiRules> = {}): RedactedText {
  const { text: redacted, entities } = new Redactor(rules).redact(text);
  return {
    text: redacted,
    entities: entities.map(({ type, start, end, value, placeholder }) => ({ type, start, end, value, placeholder })),
  };
}

/** What a request would carry of this document: its passages, one per line (as create-app sends them). */
export const sentText = (doc: Pick<ParsedDocument, 'passages'>): string => doc.passages.map((p) => p.text).join('\n');

/** Terminal columns: CJK characters and full-width brackets take two. */
const columns = (s: string) => [...s].reduce((n, c) => n + (c >= '\u2e80' ? 2 : 1), 0);
const pad = (s: string, width: number) => s + ' '.repeat(width - columns(s));

const table = (entities: PiiEntity[]): string => {
  if (entities.length === 0) return '（未发现个人信息 / no personal identifiers found）\n';
  const rows = [
    ['placeholder', 'type', 'start–end', 'value'],
    ...entities.map((e) => [e.placeholder, e.type, `${e.start}–${e.end}`, e.value]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => columns(r[i]!))));
  return rows.map((r) => `${widths.map((w, i) => pad(r[i]!, w)).join('  ')}  ${r[3]}\n`).join('');
};

/** `wenshu redact FILE`: exactly what the data boundary would send of a document, and what it replaced. */
export function registerRedactCommand(program: Command, ctx: CliContext): void {
  program
    .command('redact')
    .description('show what would be sent of a file: personal identifiers replaced by placeholders')
    .argument('<file>', 'a PDF, DOCX, TXT or Markdown file (nothing is imported)')
    .option('--password <password>', 'password for an encrypted PDF')
    .action(async (file: string, cmd: { password?: string }) => {
      const doc = await readDocument(file, cmd.password);
      const result = redactFileText(sentText(doc));
      ctx.print(result, `${result.text}\n\n${table(result.entities)}`);
    });
}
