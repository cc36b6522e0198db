import fs from 'node:fs';
import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { SecretStore } from '../app/secrets';

/**
 * The API key encrypted by the OS (safeStorage) in a file beside the store. WENSHU_API_KEY, when
 * set, wins: IT may hand the key to a machine through the environment.
 */
export function safeSecretStore(safeStorage: SafeStorage, file: string, env: NodeJS.ProcessEnv): SecretStore {
  const fromEnv = env.WENSHU_API_KEY?.trim() || undefined;
  const available = () => safeStorage.isEncryptionAvailable();
  return {
    get storage() {
      if (fromEnv !== undefined) return 'env';
      return available() ? 'safeStorage' : 'unavailable';
    },
    get: () => {
      if (fromEnv !== undefined) return fromEnv;
      if (!available() || !fs.existsSync(file)) return undefined;
      try {
        return safeStorage.decryptString(fs.readFileSync(file));
      } catch {
        return undefined; // encrypted by another OS account or a reinstalled keyring: ask again
      }
    },
    set: (apiKey) => {
      if (apiKey === '') return fs.rmSync(file, { force: true });
      // Never fall back to plain text: without OS encryption the key is not stored at all.
      if (!available()) throw new AppError('forbidden', 'safeStorage is not available on this system');
      fs.writeFileSync(file, safeStorage.encryptString(apiKey), { mode: 0o600 });
    },
  };
}
