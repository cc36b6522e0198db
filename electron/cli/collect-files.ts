import fs from 'node:fs';
import path from 'node:path';

/** A path to import as the user typed it (or found under a folder they typed). */
export interface FoundPath {
  path: string;
  missing: boolean;
}

/** Expands folders recursively (hidden entries skipped), keeping order and paths that do not exist. */
export function collectFiles(paths: string[]): FoundPath[] {
  const found: FoundPath[] = [];
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      found.push({ path: p, missing: true });
      return;
    }
    if (!stat.isDirectory()) found.push({ path: p, missing: false });
    else for (const entry of fs.readdirSync(p).sort()) if (!entry.startsWith('.')) visit(path.join(p, entry));
  };
  paths.forEach(visit);
  return found;
}
