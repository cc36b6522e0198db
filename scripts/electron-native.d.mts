export interface NativeTarget {
  betterSqlite3Version: string;
  electronVersion: string;
  platform: string;
  arch: string;
}
/** Where the Electron build of better-sqlite3 is cached under the project `root`. */
export function nativeBindingFile(root: string, target: NativeTarget): string;
/** Whether a .node file exports the registration symbol of this native ABI. */
export function hasElectronAbi(binary: Buffer, abi: string): boolean;
/** How to run node-gyp: npm's copy when it can be found, else npx. */
export function nodeGypCommand(env?: NodeJS.ProcessEnv, execPath?: string): { command: string; args: string[] };
