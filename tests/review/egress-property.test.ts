import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createApp } from '../../electron/app/create-app';
import { folderSinks } from '../../electron/app/sinks';
import { main } from '../../electron/cli/index';
import { parseFile } from '../../electron/ingest/parse-file';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { CallContext } from '../../electron/ipc/handlers';
import type { CallName } from '../../shared/contract';
import type { DraftDetail } from '../../shared/domain/draft';
import { tempDir } from '../support/temp';

// The review gate as a property: whatever sequence of IPC calls and CLI commands runs, content
// leaves the app (export, copy, print) only when its exact hash was approved through the review
// flow, and an edit after approval closes the way out again. The oracle hashes content itself.

const root = tempDir();
let run = 0;

const hashOf = (text: string) =>
  createHash('sha256')
    .update(JSON.stringify({ fields: {}, text }))
    .digest('hex');

const TEXTS = ['关于召开年度工作会议的通知', '经研究，同意该项目立项。', '　　请各单位于3月5日前报送材料。', ''];

type Op =
  | { op: 'generate'; prompt: string }
  | { op: 'edit'; draft: number; text: number }
  | { op: 'approve'; draft: number; hash: 'shown' | 'stale' | 'forged'; ackAll: boolean }
  | { op: 'reject'; draft: number }
  | { op: 'export'; draft: number; format: 'docx' | 'pdf' | 'md' | 'txt' }
  | { op: 'copy'; draft: number }
  | { op: 'print'; draft: number }
  | { op: 'cliExport'; draft: number; format: 'md' | 'txt' }
  | { op: 'cliApprove'; draft: number }
  | { op: 'cliRead'; command: 'drafts' | 'metrics' };

const draftIndex = fc.nat({ max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.constantFrom('起草会议通知', '写一份工作报告').map((prompt) => ({ op: 'generate' as const, prompt })),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('edit' as const), draft: draftIndex, text: fc.nat({ max: TEXTS.length }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('approve' as const),
      draft: draftIndex,
      hash: fc.constantFrom('shown' as const, 'stale' as const, 'forged' as const),
      ackAll: fc.boolean(),
    }),
    weight: 4,
  },
  fc.record({ op: fc.constant('reject' as const), draft: draftIndex }),
  {
    arbitrary: fc.record({
      op: fc.constant('export' as const),
      draft: draftIndex,
      format: fc.constantFrom('docx' as const, 'pdf' as const, 'md' as const, 'txt' as const),
    }),
    weight: 3,
  },
  fc.record({ op: fc.constant('copy' as const), draft: draftIndex }),
  fc.record({ op: fc.constant('print' as const), draft: draftIndex }),
  {
    arbitrary: fc.record({
      op: fc.constant('cliExport' as const),
      draft: draftIndex,
      format: fc.constantFrom('md' as const, 'txt' as const),
    }),
    weight: 2,
  },
  fc.record({ op: fc.constant('cliApprove' as const), draft: draftIndex }),
  fc.record({ op: fc.constant('cliRead' as const), command: fc.constantFrom('drafts' as const, 'metrics' as const) }),
);

async function runSequence(ops: Op[]): Promise<void> {
  const dir = path.join(root, `run-${++run}`);
  const dbPath = path.join(dir, 'wenshu.db');
  const sinks = folderSinks(path.join(dir, 'exports'));
  const noPolicy = path.join(dir, 'no-policy.json');
  fs.mkdirSync(dir);
  const app = createApp({
    dbPath,
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
    policyPath: noPolicy,
    env: {},
    sinks,
  });
  const dispatch = createDispatch(app.handlers);
  const ctx: CallContext = { emit: () => {} };
  const call = (name: CallName, input: unknown) => dispatch(name, input, ctx);
  const cli = async (args: string[]) => {
    let out = '';
    const code = await main(['--db', dbPath, ...args], {
      out: (t) => void (out += t),
      err: () => {},
      env: { WENSHU_POLICY: noPolicy, LANG: 'en_US.UTF-8' },
    });
    return { code, out };
  };

  const ids: string[] = [];
  const approved = new Set<string>(); // hashes a reviewer approved, by the oracle's own hashing
  const shownBefore = new Map<string, string>(); // the previous version's hash, for stale approvals
  let left = 0; // how many times content left through the sinks or the CLI
  const get = async (i: number) => {
    const id = ids[i % ids.length]!;
    const result = await call('drafts:get', { id });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as DraftDetail;
  };
  // The property: a way out works exactly when the current content's hash was approved and the
  // draft is approved; what leaves is that content.
  const mayLeave = (d: DraftDetail) => d.state === 'approved' && approved.has(hashOf(d.versions.at(-1)!.content.text));

  try {
    for (const op of ops) {
      if (op.op === 'generate') {
        const r = await call('drafts:generate', { requestId: `g${ids.length}`, prompt: op.prompt });
        expect(r.ok).toBe(true);
        if (r.ok) ids.push((r.value as DraftDetail).id);
        continue;
      }
      if (ids.length === 0) continue;
      const d = await get('draft' in op ? op.draft : 0);
      const current = d.versions.at(-1)!;
      switch (op.op) {
        case 'edit': {
          const text = op.text < TEXTS.length ? TEXTS[op.text]! : `${current.content.text}（补充）`;
          const r = await call('drafts:edit', { id: d.id, baseVersion: d.version, content: { text, fields: {} } });
          expect(r.ok).toBe(d.state !== 'generating');
          if (r.ok && text !== current.content.text) shownBefore.set(d.id, current.contentHash);
          break;
        }
        case 'approve': {
          const contentHash =
            op.hash === 'shown'
              ? current.contentHash
              : op.hash === 'stale'
                ? (shownBefore.get(d.id) ?? 'f'.repeat(64))
                : 'e'.repeat(64);
          const acknowledged = op.ackAll ? current.warnings.map((w) => w.id) : [];
          const r = await call('drafts:approve', {
            id: d.id,
            version: d.version,
            contentHash,
            acknowledged,
            confirmed: true,
          });
          const shouldPass =
            d.state === 'draft' &&
            contentHash === hashOf(current.content.text) &&
            (op.ackAll || current.warnings.length === 0);
          expect(r.ok).toBe(shouldPass);
          if (r.ok) approved.add(hashOf(current.content.text));
          break;
        }
        case 'reject': {
          const r = await call('drafts:reject', { id: d.id, version: d.version, reason: 'inaccurate', note: '' });
          expect(r.ok).toBe(d.state === 'draft' || d.state === 'approved');
          break;
        }
        case 'export':
        case 'copy':
        case 'print': {
          const r = await call(`drafts:${op.op}`, op.op === 'export' ? { id: d.id, format: op.format } : { id: d.id });
          expect(r.ok).toBe(mayLeave(d));
          if (!r.ok) expect(r.error.code).toBe('not_approved');
          else left += 1;
          if (r.ok && op.op === 'copy') expect(sinks.clipboard.at(-1)!.endsWith(current.content.text)).toBe(true);
          if (r.ok && op.op === 'export' && (op.format === 'md' || op.format === 'txt')) {
            const saved = (r.value as { path: string }).path;
            expect(fs.readFileSync(saved, 'utf8')).toContain(current.content.text.trim().split('\n')[0] ?? '');
          }
          break;
        }
        case 'cliExport': {
          const out = path.join(dir, `cli-${left}-${Math.random().toString(36).slice(2)}.${op.format}`);
          const r = await cli(['export', d.id, '--format', op.format, '--out', out]);
          expect(r.code).toBe(mayLeave(d) ? 0 : 3);
          expect(fs.existsSync(out)).toBe(mayLeave(d));
          if (r.code === 0) left += 1;
          break;
        }
        case 'cliApprove': {
          // There is no approve command: a person approves, in the app.
          expect((await cli(['approve', d.id])).code).toBe(2);
          expect((await get(op.draft)).state).toBe(d.state);
          break;
        }
        case 'cliRead': {
          const r = await cli([op.command, '--json']);
          expect(r.code).toBe(0);
          for (const id of ids) {
            const detail = await get(ids.indexOf(id));
            // Listings carry ids, states and counts: never the drafts' text.
            for (const v of detail.versions) if (v.content.text.length > 8) expect(r.out).not.toContain(v.content.text);
          }
          break;
        }
      }
    }
    // Nothing left the app that the oracle did not allow: every file in the sinks' folder, every
    // clipboard entry and print job is one counted success.
    const exported = fs.existsSync(path.join(dir, 'exports')) ? fs.readdirSync(path.join(dir, 'exports')).length : 0;
    const cliFiles = fs.readdirSync(dir).filter((f) => f.startsWith('cli-')).length;
    expect(exported + sinks.clipboard.length + cliFiles).toBe(left);
  } finally {
    await app.close();
  }
}

test('no sequence of IPC calls and CLI commands lets unapproved content out', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 18 }), (ops) =>
      runSequence([{ op: 'generate', prompt: '起草会议通知' }, ...ops]),
    ),
    { numRuns: 40, seed: 20261128 },
  );
}, 240_000);
