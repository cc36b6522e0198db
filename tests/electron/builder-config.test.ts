import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { ROOT } from '../support/temp';

// electron-builder validates its configuration with these ajv options (app-builder-lib's
// schemaValidator); doing the same here catches a bad key offline, before any download.
const schema = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
const readConfig = () =>
  load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('matches the electron-builder schema', () => {
    const valid = validate(readConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key (the check is real)', () => {
    const config = readConfig();
    expect(validate({ ...config, linux: { ...(config.linux as object), categoryy: 'Office' } })).toBe(false);
  });

  it('packages the built app, unpacks native modules and never publishes or auto-updates', () => {
    const config = readConfig();
    expect(config.files).toEqual([
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'assets/fonts/NotoSansCJKsc-Regular-subset.ttf',
      'assets/fonts/LICENSE-OFL.txt',
    ]);
    // Every packaged file exists in the checkout (the font is what PDF export embeds).
    for (const file of (config.files as string[]).filter((f) => !f.includes('*'))) {
      expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    }
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('targets deb, rpm and AppImage on x64 and arm64, and a per-machine NSIS installer', () => {
    const config = readConfig();
    const linux = config.linux as { target: { target: string; arch: string[] }[]; category: string };
    expect(linux.target.map((t) => t.target)).toEqual(['deb', 'rpm', 'AppImage']);
    for (const t of linux.target) expect(t.arch).toEqual(['x64', 'arm64']);
    expect(linux.category).toBe('Office');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true });
  });
});
