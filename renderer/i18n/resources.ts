import type { Locale } from '../../shared/domain/settings';
import { errorMessages } from '../../shared/i18n/errors';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** Error texts come from shared/, so the CLI and the UI word every error code the same way. */
export const resources = {
  'zh-CN': { translation: { ...zhCN, errors: errorMessages['zh-CN'] } },
  'en-US': { translation: { ...enUS, errors: errorMessages['en-US'] } },
} satisfies Record<Locale, { translation: object }>;
