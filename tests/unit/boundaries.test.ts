import path from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../support/temp';

/**
 * The layering rules of docs/architecture.md, checked with the project's own ESLint config on
 * source text as if it stood at the given path (nothing is written to the tree).
 */
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [file: string, importLine: string, allowed: boolean][] = [
  ['renderer/features/x.tsx', "import { ipcRenderer } from 'electron';", false],
  ['renderer/features/x.tsx', "import fs from 'node:fs';", false],
  ['renderer/features/x.tsx', "import fs from 'fs';", false],
  ['renderer/features/x.tsx', "import { createApp } from '../../electron/app/create-app';", false],
  ['renderer/features/x.tsx', "import { calls } from '../../shared/contract';", true],
  ['shared/domain/x.ts', "import path from 'node:path';", false],
  ['shared/domain/x.ts', "import { useState } from 'react';", false],
  ['shared/domain/x.ts', "import { z } from 'zod';", true],
  ['electron/services/x.ts', "import { app } from 'electron';", false],
  ['electron/services/x.ts', "import Database from 'better-sqlite3';", false],
  ['electron/services/x.ts', "import fs from 'node:fs';", true],
  ['electron/store/x.ts', "import Database from 'better-sqlite3';", true],
  ['electron/main/x.ts', "import { app } from 'electron';", true],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';", true],
];

test.each(cases)('%s: %s → allowed %s', async (file, importLine, allowed) => {
  const messages = await restricted(
    file,
    `${importLine}\nexport const used = [${importLine.match(/import (?:\{ )?(\w+)/)![1]}];\n`,
  );
  expect(messages.length === 0).toBe(allowed);
});
