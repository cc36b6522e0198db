import fs from 'node:fs';
import path from 'node:path';
import { electronNativeBinding, nativeBindingFile } from '../../electron/main/native-binding';
import { tempDir } from '../support/temp';

const target = { betterSqlite3Version: '12.11.1', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
const root = tempDir();
const expected = path.join(
  root,
  '.electron-native',
  'better-sqlite3-12.11.1-electron-45.5.0-linux-x64',
  'better_sqlite3.node',
);

describe('electron native binding', () => {
  it('is left to the package when packaged (electron-builder rebuilt better-sqlite3 for Electron)', () => {
    expect(
      electronNativeBinding({ ...target, isPackaged: true, appPath: '/opt/Wenshu/resources/app.asar' }),
    ).toBeUndefined();
  });

  it('is the side-cache build in a checkout', () => {
    fs.mkdirSync(path.dirname(expected), { recursive: true });
    fs.writeFileSync(expected, '');
    expect(electronNativeBinding({ ...target, isPackaged: false, appPath: root })).toBe(expected);
  });

  it('names the script to run when the build is missing', () => {
    const run = () => electronNativeBinding({ ...target, electronVersion: '46.0.0', isPackaged: false, appPath: root });
    expect(run).toThrow(/no build for Electron 46\.0\.0 \(linux-x64\).*run `node scripts\/electron-native\.mjs`/);
  });

  it('is where scripts/electron-native.mjs puts it', async () => {
    const script = await import('../../scripts/electron-native.mjs');
    for (const t of [target, { ...target, platform: 'win32', arch: 'arm64' }]) {
      expect(script.nativeBindingFile(root, t)).toBe(nativeBindingFile(root, t));
    }
  });
});

describe('scripts/electron-native.mjs helpers', () => {
  it('tells an Electron build from a Node build by its ABI symbol', async () => {
    const { hasElectronAbi } = await import('../../scripts/electron-native.mjs');
    expect(hasElectronAbi(Buffer.from('\0node_register_module_v150\0'), '150')).toBe(true);
    expect(hasElectronAbi(Buffer.from('\0node_register_module_v115\0'), '150')).toBe(false);
  });

  it('uses npm_config_node_gyp when npm provides it, npx when nothing is found', async () => {
    const { nodeGypCommand } = await import('../../scripts/electron-native.mjs');
    const gyp = path.join(root, 'node-gyp.js');
    fs.writeFileSync(gyp, '');
    expect(nodeGypCommand({ npm_config_node_gyp: gyp }, '/nonexistent/bin/node')).toEqual({
      command: '/nonexistent/bin/node',
      args: [gyp],
    });
    expect(nodeGypCommand({}, '/nonexistent/bin/node')).toEqual({ command: 'npx', args: ['--yes', 'node-gyp'] });
  });
});
