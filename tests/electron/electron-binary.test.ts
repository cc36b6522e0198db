import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/temp';

const root = tempDir();
let made = 0;

/** A node_modules/electron folder in any state of installation. */
function electronDir(files: Record<string, string>) {
  const dir = path.join(root, `electron-${++made}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('findElectronBinary', () => {
  const load = () => import('../../scripts/electron-binary.mjs');

  it('is undefined for the package as npm installs it (no path.txt, no dist/)', async () => {
    const { findElectronBinary } = await load();
    expect(findElectronBinary(electronDir({}), {})).toBeUndefined();
  });

  it('finds the downloaded executable', async () => {
    const { findElectronBinary } = await load();
    const dir = electronDir({ 'path.txt': 'electron', 'dist/version': 'v45.5.0', 'dist/electron': '' });
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('is undefined when dist/ is missing, incomplete or from another version', async () => {
    const { findElectronBinary } = await load();
    expect(findElectronBinary(electronDir({ 'path.txt': 'electron' }), {})).toBeUndefined();
    expect(findElectronBinary(electronDir({ 'path.txt': 'electron', 'dist/version': '45.5.0' }), {})).toBeUndefined();
    expect(
      findElectronBinary(electronDir({ 'path.txt': 'electron', 'dist/version': '44.0.0', 'dist/electron': '' }), {}),
    ).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', async () => {
    const { findElectronBinary } = await load();
    const custom = electronDir({ electron: '' });
    expect(findElectronBinary(electronDir({}), { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBe(
      path.join(custom, 'electron'),
    );
    expect(
      findElectronBinary(electronDir({}), { ELECTRON_OVERRIDE_DIST_PATH: path.join(custom, 'nope') }),
    ).toBeUndefined();
  });

  it('never requires electron (which would start a download)', async () => {
    const source = fs.readFileSync(path.join(__dirname, '../../scripts/electron-binary.mjs'), 'utf8');
    expect(source).not.toMatch(/require\(['"]electron['"]\)|from ['"]electron['"]/);
  });
});
