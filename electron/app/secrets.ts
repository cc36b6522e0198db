/**
 * Where the endpoint's API key lives. Electron keeps it encrypted with safeStorage (the OS
 * keychain / DPAPI / libsecret, see electron/main/secrets.ts); the CLI and the browser harness
 * take it from WENSHU_API_KEY and never write it anywhere.
 */
export interface SecretStore {
  readonly storage: 'safeStorage' | 'env' | 'memory' | 'unavailable';
  get(): string | undefined;
  /** '' removes the key. Throws when the store cannot keep secrets. */
  set(apiKey: string): void;
}

/** WENSHU_API_KEY first; a key typed into the browser harness lives only as long as the process. */
export function envSecretStore(env: NodeJS.ProcessEnv): SecretStore {
  const fromEnv = env.WENSHU_API_KEY?.trim() || undefined;
  let typed: string | undefined;
  return {
    get storage() {
      return fromEnv !== undefined ? 'env' : 'memory';
    },
    get: () => fromEnv ?? typed,
    set: (apiKey) => {
      typed = apiKey === '' ? undefined : apiKey;
    },
  };
}
