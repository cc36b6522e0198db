// Finds the Electron executable the way node_modules/electron/index.js does, but without its side
// effect: requiring 'electron' from Node starts a download when the binary is missing.
import fs from 'node:fs';
import path from 'node:path';

/** The executable's path, or undefined when it is missing or from another Electron version. */
export function findElectronBinary(electronDir, env = process.env) {
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return fs.existsSync(overridden) ? overridden : undefined;
  }
  if (!relative) return undefined;
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  let installed;
  try {
    installed = fs
      .readFileSync(path.join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    return undefined;
  }
  const binary = path.join(electronDir, 'dist', relative);
  return installed === version && fs.existsSync(binary) ? binary : undefined;
}
