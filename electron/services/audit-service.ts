import { createHash } from 'node:crypto';
import os from 'node:os';
import type { z } from 'zod';
import { AuditKind, AuditQuery, GENESIS_HASH, canonicalJson, hashInput } from '../../shared/domain/audit';
import type { AuditBreak, AuditEntry, AuditPage, AuditVerification } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import type { AuditRepo, AuditRow } from '../store/audit-repo';

export type AuditExportFormat = 'jsonl' | 'csv';

export interface AuditExportOptions {
  format: AuditExportFormat;
  /** YYYY-MM-DD (UTC): only entries from that day on. */
  since?: string;
}

/** Column order of the CSV export. */
export const CSV_HEADER = ['seq', 'at', 'actor', 'kind', 'data', 'prev_hash', 'hash'] as const;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The hash of an entry whose data is already canonical JSON text:
 *
 *   hash = sha256_hex(prev_hash + "\n" + canonical({seq, at, actor, kind, data}))
 *
 * canonical = JSON with object keys sorted recursively (by UTF-16 code units) and no whitespace
 * (RFC 8785); sha256_hex = lowercase hex of the SHA-256 of the UTF-8 bytes; the first entry's
 * prev_hash is 64 zeros. docs/audit.md shows how to check an export independently.
 */
export function entryHash(prevHash: string, e: { seq: number; at: string; actor: string; kind: string; data: string }) {
  return sha256Hex(hashInput(prevHash, { seq: e.seq, at: e.at, actor: e.actor, kind: e.kind, dataJson: e.data }));
}

/** The OS account running Wenshu (DOMAIN\user on a Windows domain), or the best the environment says. */
export function osAccount(env: NodeJS.ProcessEnv = process.env): string {
  let name = '';
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry (a container, some service accounts): fall back to the environment.
  }
  name ||= env.USER || env.USERNAME || env.LOGNAME || 'unknown';
  const domain = process.platform === 'win32' ? env.USERDOMAIN : undefined;
  return domain && domain !== env.COMPUTERNAME && !name.includes('\\') ? `${domain}\\${name}` : name;
}

/** `data` as stored, or (for a row whose text is not JSON any more) the text itself. */
function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return { unreadable: text };
}

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  // What is stored; a kind this version does not know can only come from outside the app (verify says so).
  kind: row.kind as AuditKind,
  data: parseData(row.data),
  prevHash: row.prevHash,
  hash: row.hash,
});

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const csvLine = (r: AuditRow) =>
  `${[r.seq, r.at, r.actor, r.kind, r.data, r.prevHash, r.hash].map(csvField).join(',')}\r\n`;

const jsonLine = (r: AuditRow) => `${JSON.stringify(toEntry(r))}\n`;

/** Exports write in chunks of about this many characters. */
const CHUNK = 64 * 1024;

/**
 * The append-only, hash-chained audit log (docs/audit.md): every model call and every settings
 * or policy change, with who and when. Nothing here edits or removes an entry.
 */
export class AuditService {
  constructor(
    private readonly repo: AuditRepo,
    private readonly actor: () => string = osAccount,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records one event, chained to the last; returns the entry as stored. */
  append(kind: AuditKind, data: Record<string, unknown>): AuditEntry {
    const checkedKind = AuditKind.parse(kind);
    const dataJson = canonicalJson(data);
    if (!dataJson.startsWith('{')) throw new TypeError('audit data must be an object');
    const at = this.now().toISOString();
    const actor = this.actor();
    const row = this.repo.append(({ seq, prevHash }) => {
      const content = { seq, at, actor, kind: checkedKind, data: dataJson };
      return { ...content, prevHash, hash: entryHash(prevHash, content) };
    });
    return toEntry(row);
  }

  /** Entries matching the query, newest first, and how many match in all. */
  list(query: z.input<typeof AuditQuery>): AuditPage {
    const q = AuditQuery.parse(query);
    const { rows, total } = this.repo.list({ kind: q.kind, from: q.from, to: q.to, text: q.text }, q.limit, q.offset);
    return { entries: rows.map(toEntry), total };
  }

  /**
   * Walks the chain in seq order, one row at a time, and stops at the first entry that fails:
   * - hash_mismatch: its content (or its prev_hash) does not give its hash — edited;
   * - prev_mismatch: its prev_hash is not the hash of the entry before — one was removed,
   *   inserted or moved;
   * - sequence_gap: the links hold but the seqs do not run 1, 2, 3, …;
   * - head_mismatch: all rows are fine, but the last is not the head recorded at the last append
   *   (entries at the end were removed, or added outside the app). brokenAt is then the first
   *   missing or unexpected seq.
   */
  verify(): AuditVerification {
    return this.repo.read((head, rows): AuditVerification => {
      let prev = GENESIS_HASH;
      let expected = 1;
      let count = 0;
      for (const row of rows) {
        const reason: AuditBreak | null =
          entryHash(row.prevHash, row) !== row.hash
            ? 'hash_mismatch'
            : row.prevHash !== prev
              ? 'prev_mismatch'
              : row.seq !== expected
                ? 'sequence_gap'
                : null;
        if (reason) {
          const brokenEntry = { at: row.at, kind: row.kind, actor: row.actor };
          return { ok: false, count, head: null, brokenAt: row.seq, reason, brokenEntry };
        }
        prev = row.hash;
        expected++;
        count++;
      }
      const last = expected - 1;
      if (head && head.seq === last && head.hash === prev) {
        return { ok: true, count, head: count > 0 ? prev : null, brokenAt: null, reason: null, brokenEntry: null };
      }
      // Rows missing at the end (head ahead), added at the end (head behind), or the last rewritten.
      const brokenAt = !head || head.seq > last ? last + 1 : head.seq < last ? head.seq + 1 : last;
      // The walk is over, so the connection is free to read the row named (in the same snapshot).
      const row = this.repo.get(brokenAt);
      return {
        ok: false,
        count: Math.min(count, brokenAt - 1),
        head: null,
        brokenAt,
        reason: 'head_mismatch',
        brokenEntry: row ? { at: row.at, kind: row.kind, actor: row.actor } : null,
      };
    });
  }

  /**
   * Writes the log (or the entries from `since` on) in seq order, in chunks: JSONL (one
   * AuditEntry per line) or CSV (UTF-8 with a BOM, CRLF lines, header
   * `seq,at,actor,kind,data,prev_hash,hash`, data as its canonical JSON). Returns the entry count.
   */
  export(options: AuditExportOptions, write: (chunk: string) => void): number {
    if (options.format !== 'jsonl' && options.format !== 'csv') {
      throw new AppError('invalid_input', `unknown export format ${String(options.format)}`, { field: 'format' });
    }
    if (options.since !== undefined && !AuditQuery.shape.from.safeParse(options.since).success) {
      throw new AppError('invalid_input', `since must be a date YYYY-MM-DD: ${options.since}`, { field: 'since' });
    }
    const line = options.format === 'csv' ? csvLine : jsonLine;
    return this.repo.read((_head, rows) => {
      let buffer = options.format === 'csv' ? `\uFEFF${CSV_HEADER.join(',')}\r\n` : '';
      let n = 0;
      for (const row of rows) {
        buffer += line(row);
        n++;
        if (buffer.length >= CHUNK) {
          write(buffer);
          buffer = '';
        }
      }
      if (buffer) write(buffer);
      return n;
    }, options.since);
  }
}
