import type { FieldType, FormField, FormKind, FormProfile, ProfileField, ValidationType } from '../domain/form';

/**
 * A form's profile derived from its fields: what a person calls each field and what its value
 * must look like. Only a first guess — the user corrects it once and the profile is kept.
 */

const LABEL_MAX = 200;

/** Trailing colons, underscores (the blank to write on) and brackets around a DOCX placeholder. */
function cleanText(text: string): string {
  return text
    .replace(/^[\s{【[«]+|[\s}】\]»]+$/g, '')
    .replace(/[\s:：_＿]+$/u, '')
    .trim();
}

/** `form1[0].applicant[0].fullName[0]` → `full Name`; `user_name` → `user name`. */
export function readableName(name: string): string {
  const last =
    name
      .replace(/\[\d+\]/g, '')
      .split('.')
      .filter(Boolean)
      .pop() ?? name;
  return cleanText(
    last
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

/** The best human name: the file's own description, the text printed beside the field, its name. */
export function fieldLabel(field: FormField): string {
  const label =
    [field.tooltip, field.nearbyText].map((t) => cleanText(t ?? '')).find(Boolean) ?? readableName(field.name);
  return (label || field.name).slice(0, LABEL_MAX);
}

const CHOICE_TYPES: ReadonlySet<FieldType> = new Set(['checkbox', 'radio', 'dropdown', 'list']);

/** In order: the first that matches wins (出生日期 is a date, 身份证号码 an ID number). */
const GUESSES: [ValidationType, RegExp][] = [
  ['id_number', /身份证|公民身份号码|证件号码|\bid\s*(?:number|no\.?|card)\b|\bssn\b/i],
  ['credit_code', /统一社会信用代码|信用代码|\bcredit\s*code\b|\buscc\b/i],
  ['phone', /电话|手机|联系方式|\bphone\b|\btel\b|\btelephone\b|\bmobile\b/i],
  ['date', /日期|时间|出生年月|\bdate\b|\bdob\b/i],
  [
    'amount',
    /金额|价格|费用|资本|资金|总额|合计|万元|[(（]\s*[万亿]?元\s*[)）]|\bamount\b|\bprice\b|\bfee\b|\bcost\b|\btotal\b/i,
  ],
];

export function guessValidation(field: Pick<FormField, 'type' | 'name'>, label: string): ValidationType {
  if (CHOICE_TYPES.has(field.type)) return 'choice';
  const text = `${label} ${readableName(field.name)}`;
  return GUESSES.find(([, re]) => re.test(text))?.[0] ?? 'none';
}

const NEVER_FILLED: ReadonlySet<FieldType> = new Set(['signature', 'button']);

export function deriveField(field: FormField): ProfileField {
  const label = fieldLabel(field);
  return {
    name: field.name,
    label,
    type: field.type,
    validation: guessValidation(field, label),
    ...(field.options && { options: field.options }),
    readOnly: field.readOnly,
    required: field.required,
    ...(field.maxLength !== undefined && { maxLength: field.maxLength }),
    skip: field.readOnly || NEVER_FILLED.has(field.type),
  };
}

export function deriveProfile(
  fields: readonly FormField[],
  meta: { formHash: string; kind: FormKind; title: string },
): FormProfile {
  return {
    version: 1,
    formHash: meta.formHash,
    kind: meta.kind,
    title: meta.title.slice(0, LABEL_MAX),
    fields: fields.map(deriveField),
  };
}
