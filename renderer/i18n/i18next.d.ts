import type { resources } from './resources';

/** Typed keys: `t('nav.library')` is checked against the zh-CN resources. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['zh-CN'];
  }
}
