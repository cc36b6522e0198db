import { z } from 'zod';
import { Settings } from '../domain/settings';

export const settingsCalls = {
  'settings:get': { input: z.object({}).strict(), output: Settings },
  'settings:update': { input: Settings.partial().strict(), output: Settings },
} as const;
