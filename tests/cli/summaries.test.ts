import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer, ServerRequest } from '../support/llm-server';
import { FIXTURES, ROOT, tempDir } from '../support/temp';
import { writePolicy } from '../endpoint/support';
import { NOTICE, labelledLines, userMessage } from '../summaries/support';

/** The real `wenshu` bin in a child process (async: the test endpoint lives in this process). */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();
const NOTICE_FILE = path.join(FIXTURES, 'gongwen', NOTICE);
const PDF = path.join(FIXTURES, 'pdf', 'pdfjs__XiaoBiaoSong.pdf');

function wenshu(args: string[], env: Record<string, string> = {}, db = 'cli.db') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, '--db', path.join(dir, db), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'en_US.UTF-8', WENSHU_POLICY: path.join(dir, 'none.json'), ...env },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

interface Verified {
  sentences: {
    index: number;
    text: string;
    verdict: string;
    evidence: { passageId?: string; page?: number; text: string } | null;
    problems: { kind: string; detail: string }[];
  }[];
}

describe('wenshu verify', () => {
  test('a summary of a real 通知, sentence by sentence in order, with evidence and problems; exit 1 when any is flagged', async () => {
    const summary = write(
      'summary.txt',
      [
        '2021年，国务院部署在北京、上海、重庆、杭州、广州、深圳6个城市开展营商环境创新试点。',
        '国务院部署在北京、上海等8个城市开展营商环境创新试点！',
        '通知要求“开展‘一照多址’改革”？',
        '国务院决定对全部试点城市给予一百亿元奖励。',
      ].join('\n'),
    );
    const r = await wenshu(['verify', '--source', NOTICE_FILE, '--summary', summary, '--json']);
    expect(r.code).toBe(1);
    const { sentences } = JSON.parse(r.stdout) as Verified;
    expect(sentences.map((s) => [s.index, s.verdict])).toEqual([
      [0, 'supported'],
      [1, 'contradicted'],
      [2, 'supported'],
      [3, 'unsupported'],
    ]);
    expect(sentences[0]).toMatchObject({ evidence: { passageId: expect.stringMatching(/^P\d+$/), page: 1 } });
    expect(sentences[0]!.evidence!.text).toContain('6个城市');
    expect(sentences[1]!.problems).toEqual([expect.objectContaining({ kind: 'number' })]);
    expect(sentences[3]!.problems.length).toBeGreaterThan(0);

    const human = await wenshu(['verify', '--source', NOTICE_FILE, '--summary', summary]);
    expect(human.stdout).toContain('✗ 2.');
    expect(human.stdout).toContain('2/4 句有依据 supported');
  });

  test('against a real PDF, and all supported: exit 0', async () => {
    const summary = write('pdf-summary.txt', '《同各方接洽要有谦逊态度》写于一九三七年八月十日。');
    const r = await wenshu(['verify', '--source', PDF, '--summary', summary, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Verified).sentences).toEqual([
      expect.objectContaining({ index: 0, verdict: 'supported', problems: [] }),
    ]);
  });

  test('a missing summary file or source is a translated error', async () => {
    const r = await wenshu(['verify', '--source', NOTICE_FILE, '--summary', path.join(dir, 'nope.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('nope.txt');
    const s = await wenshu(['verify', '--source', 'deadbeef', '--summary', write('x.txt', '一句话。')]);
    expect(s.code).not.toBe(0);
    expect(s.stderr).toMatch(/deadbeef/);
  });
});

describe('wenshu summarize', () => {
  let server: LlmServer;
  beforeAll(async () => {
    server = await startLlmServer({
      handler: (req: ServerRequest) => {
        if (!req.path.endsWith('/chat/completions')) return undefined;
        const line = labelledLines(userMessage(req)).find((l) => l.text.includes('6个城市'))!;
        return textStream(`国务院部署在6个城市开展营商环境创新试点。[${line.label}]`, { per: 5 });
      },
    });
  });
  afterAll(() => server.close());

  test('a file, offline: imported, summarized verbatim, a draft awaiting review', async () => {
    const r = await wenshu(['summarize', NOTICE_FILE, '--offline', '--preset', '详细', '--json'], {}, 'offline.db');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      draft: { id: string; state: string; engine: string };
      sentences: { verdict: string; citations: string[] }[];
      passages: { label: string; page: number; paragraph: number }[];
    };
    expect(out.draft).toMatchObject({ state: 'draft', engine: 'offline' });
    expect(out.sentences.length).toBeGreaterThan(5);
    expect(out.sentences.every((s) => s.verdict === 'supported' && s.citations.length > 0)).toBe(true);
    expect(out.passages.length).toBeGreaterThan(0);
    const drafts = await wenshu(['drafts', '--json'], {}, 'offline.db');
    expect(JSON.parse(drafts.stdout)).toEqual([
      expect.objectContaining({ id: out.draft.id, kind: 'summary', tool: 'summarize', state: 'draft' }),
    ]);
    // The CLI cannot approve: export is refused until a person approves in the app.
    const refused = await wenshu(
      ['export', out.draft.id, '--format', 'txt', '--out', path.join(dir, 'o.txt')],
      {},
      'offline.db',
    );
    expect(refused.code).toBe(3);
  });

  test('on the approved endpoint, with the 一句话 preset; a stored document by id prefix', async () => {
    const env = {
      WENSHU_POLICY: writePolicy(server.url, { contextWindow: 32768, maxTokens: 1024 }),
      WENSHU_API_KEY: 'sk',
    };
    const imported = await wenshu(['import', NOTICE_FILE, '--json'], env, 'online.db');
    const { id } = (JSON.parse(imported.stdout) as { id: string }[])[0]!;
    const r = await wenshu(['summarize', id.slice(0, 8), '--preset', '一句话', '--json'], env, 'online.db');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      draft: { engine: string; model: string };
      text: string;
      sentences: { verdict: string }[];
    };
    expect(out.draft).toMatchObject({ engine: 'endpoint', model: 'test-model' });
    expect(out.text).toMatch(/^国务院部署在6个城市开展营商环境创新试点。\[P\d+\]$/);
    expect(out.sentences.map((s) => s.verdict)).toEqual(['supported']);
    const human = await wenshu(['summarize', id.slice(0, 8), '--preset', '一句话'], env, 'online.db');
    expect(human.stdout).toContain('国务院部署在6个城市开展营商环境创新试点。');
    expect(human.stdout).toContain('缓存 cached');
    expect(server.requests.filter((q) => q.path.endsWith('/chat/completions'))).toHaveLength(1);
  });

  test('an unknown preset is refused with the choices', async () => {
    const r = await wenshu(['summarize', NOTICE_FILE, '--preset', '很长']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('一句话');
  });
});
