/** The Electron executable under `electronDir` (node_modules/electron), or undefined if not installed. */
export function findElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | undefined;
