import { z } from 'zod';

export const appCalls = {
  /** What the UI shows in Settings and the status bar. */
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'web']),
      dataDir: z.string(),
      dbPath: z.string(),
      /** Offline until an approved endpoint is configured (endpoint work). */
      engine: z.enum(['offline', 'endpoint']),
    }),
  },
} as const;
