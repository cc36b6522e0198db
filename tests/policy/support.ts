import fs from 'node:fs';
import path from 'node:path';
import type { PolicyInput } from '../../shared/policy/schema';
import { ROOT } from '../support/temp';

/** The published example: a province's 政务云 endpoint with two models and a CA. */
export const EXAMPLE_FILE = path.join(ROOT, 'docs', 'policy.example.json');
export const example = (): Record<string, unknown> => JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8'));

export const TEST_CA = (example().caCertificates as string[])[0]!;

/** A small valid policy; `endpoint(…)` builds entries for it. */
export function policy(fields: Partial<PolicyInput> = {}): PolicyInput {
  return { version: 1, ...fields };
}

export function endpoint(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    name: `端点 ${id}`,
    baseUrl: `https://${id}.example/v1`,
    models: [{ name: `${id}-model`, contextWindow: 8192 }],
    ...fields,
  } as NonNullable<PolicyInput['endpoints']>[number];
}

/** Writes a file in `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Buffer | object): string {
  const file = path.join(dir, name);
  const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
  fs.writeFileSync(file, data);
  return file;
}
