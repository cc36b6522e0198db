import fs from 'node:fs';
import path from 'node:path';
import type { WenshuApp } from '../../electron/app/create-app';
import type { ServerRequest } from '../support/llm-server';
import { FIXTURES } from '../support/temp';

export const GONGWEN = path.join(FIXTURES, 'gongwen');
export const NOTICE = 'indexid-30450065090__tongzhi_guobanfa-2022-35.txt';
export const REPORT_2000 = 'chinese-political-corpora__government_work_report_2000.txt';

/** Imports one of the real 公文 texts; its document id. */
export async function importGongwen(app: WenshuApp, file: string, name = file): Promise<string> {
  const [outcome] = await app.documents.importFiles([
    { name, load: () => new Uint8Array(fs.readFileSync(path.join(GONGWEN, file))) },
  ]);
  if (outcome!.status === 'rejected') throw new Error(`import failed: ${outcome!.reason.message}`);
  return outcome!.id;
}

/** The user message of a chat request (material included). */
export function userMessage(req: ServerRequest): string {
  const body = req.json as { messages: { role: string; content: string }[] };
  return body.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
}

/** Labelled passage lines `[P12] text` in a request's material, in order. */
export function labelledLines(text: string): { label: string; text: string }[] {
  return [...text.matchAll(/^\[(P\d+)\] (.+)$/gm)].map((m) => ({ label: m[1]!, text: m[2]! }));
}

/** The first sentence of a passage, as written (a verbatim claim a summary may make). */
export function firstSentence(text: string): string {
  return (text.match(/^[^。！？]{8,}?[。！？]/)?.[0] ?? text).trim();
}
