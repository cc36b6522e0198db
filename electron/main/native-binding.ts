import fs from 'node:fs';
import path from 'node:path';

/** Which build of better-sqlite3 the running Electron needs. */
export interface NativeTarget {
  betterSqlite3Version: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

export interface NativeBindingContext extends NativeTarget {
  isPackaged: boolean;
  /** app.getAppPath(): the project root when running from a checkout. */
  appPath: string;
  exists?: (file: string) => boolean;
}

/**
 * Where scripts/electron-native.mjs puts the Electron build (same layout there; a test keeps the
 * two in step). Keyed by both versions so an upgrade of either never loads a stale binary.
 */
export function nativeBindingFile(root: string, t: NativeTarget): string {
  const dir = `better-sqlite3-${t.betterSqlite3Version}-electron-${t.electronVersion}-${t.platform}-${t.arch}`;
  return path.join(root, '.electron-native', dir, 'better_sqlite3.node');
}

/**
 * The `nativeBinding` for better-sqlite3. Packaged: undefined, electron-builder rebuilt the module
 * for Electron inside the package. Checkout: node_modules holds the Node build (tests, CLI), so the
 * Electron build comes from the side cache instead.
 */
export function electronNativeBinding(ctx: NativeBindingContext): string | undefined {
  if (ctx.isPackaged) return undefined;
  const file = nativeBindingFile(ctx.appPath, ctx);
  if (!(ctx.exists ?? fs.existsSync)(file)) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${ctx.electronVersion} (${ctx.platform}-${ctx.arch}) at ${file}; ` +
        'run `node scripts/electron-native.mjs` (npm start does this)',
    );
  }
  return file;
}
