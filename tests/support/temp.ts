import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the OS temp dir, removed after the test file. */
export function tempDir(prefix = 'wenshu-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
export const ROOT = path.resolve(__dirname, '..', '..');
