import type { ProfileField } from '../domain/form';

/**
 * A draft holds every value as text (what the reviewer sees and approves); a form file wants
 * typed values. Checkboxes are 'true'/'false', a multi-select list is one choice per line, and ''
 * means "leave the field as it is".
 */
export function toFillValue(field: Pick<ProfileField, 'type'>, text: string): string | boolean | string[] | undefined {
  if (text === '') return undefined;
  if (field.type === 'checkbox') return /^(true|on|yes|是|☑|☒|✓|1)$/i.test(text.trim());
  if (field.type === 'list') return text.split('\n').filter((v) => v !== '');
  return text;
}
