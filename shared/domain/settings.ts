import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** User preferences kept in the store. Machine policy overrides and locks these. */
export const Settings = z.object({
  locale: Locale,
  /** Files larger than this are refused before parsing, in MB. */
  maxImportMb: z.number().int().min(1).max(2000),
  /**
   * A model endpoint chosen by the user, used only when no machine policy exists (a policy's
   * endpoint list is authoritative). '' = none: the offline engine.
   */
  endpointUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** Model name at that endpoint, or the policy model to use when the policy approves several. */
  model: z.string().max(200),
  /** Context window of the user's model, in tokens (policy endpoints name their own). */
  contextWindow: z.number().int().min(512).max(10_000_000),
  /** The reviewer's display name, recorded with each approval beside the OS account. */
  reviewerName: z.string().max(100),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = {
  locale: DEFAULT_LOCALE,
  maxImportMb: 200,
  endpointUrl: '',
  model: '',
  contextWindow: 8192,
  reviewerName: '',
};
