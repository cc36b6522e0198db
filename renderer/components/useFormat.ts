import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** Numbers, sizes and times in the UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale);
    const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    // A calendar date (YYYY-MM-DD) has no time zone: format it in UTC so it never shifts a day.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    return {
      number: (n: number) => integer.format(n),
      bytes: (n: number) => {
        let value = n;
        let unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
          value /= 1024;
          unit++;
        }
        return `${(unit === 0 ? integer : oneDecimal).format(value)} ${UNITS[unit]}`;
      },
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [locale]);
}
