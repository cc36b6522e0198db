import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** User preferences kept in the store. Machine policy (later) overrides and locks these. */
export const Settings = z.object({
  locale: Locale,
  /** Files larger than this are refused before parsing, in MB. */
  maxImportMb: z.number().int().min(1).max(2000),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { locale: DEFAULT_LOCALE, maxImportMb: 200 };
