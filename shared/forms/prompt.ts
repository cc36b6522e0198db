import type { ProfileField } from '../domain/form';

/**
 * The model request of AI form filling. The material goes with it as labelled passages, one line
 * each (`[P3] …`, see shared/summarize/labels.ts); the answer is one JSON entry per field, each
 * with a verbatim quote and the passage it comes from, which evidence.ts then checks.
 */

export function fillSystemPrompt(): string {
  return [
    '你是政府机关工作人员的表格填写辅助工具：只从所给材料中摘取各字段的值，不作任何决定，由工作人员逐项审核后使用。',
    '材料按段落编号，形如 [P12]。规则：',
    '1. 只依据材料，不猜测、不推算、不补全。材料中没有明确写出的字段，value、quote、passage 都填空字符串 ""。例如不得由身份证号推算出生日期，不得由地址推断邮编。',
    '2. quote 从材料中逐字复制：包含该值的原句或短语，不改字、不改标点、不概括、不拼接不同段落。',
    '3. value 必须能在 quote 中找到；姓名、号码、日期、金额按原文写。',
    '4. passage 填 quote 所在段落的编号，如 "P3"，只能使用材料中出现的编号。',
    '5. 每个字段输出一项，name 与给出的字段名完全一致，不增加、不遗漏、不合并。',
    '6. 有选项的字段，value 只能是给出的选项之一；复选框的 value 填 "true" 或 "false"，同样要有 quote 作依据。',
    '7. 只输出 JSON：{"fields":[{"name":"…","value":"…","quote":"…","passage":"P3"}]}，不输出其他文字。',
  ].join('\n');
}

const KIND: Record<ProfileField['validation'], string | undefined> = {
  none: undefined,
  id_number: '身份证号码',
  credit_code: '统一社会信用代码',
  phone: '电话号码',
  date: '日期',
  amount: '金额',
  choice: '选项',
};

/** The fields to fill, one JSON object a line: names may hold any character. */
export function fillUserPrompt(fields: readonly ProfileField[]): string {
  const lines = fields.map((f) => {
    const kind = f.type === 'checkbox' ? '复选框' : KIND[f.validation];
    return JSON.stringify({
      name: f.name,
      label: f.label,
      ...(kind && { kind }),
      ...(f.options?.length && f.type !== 'checkbox' && { options: f.options }),
      ...(f.maxLength !== undefined && { maxLength: f.maxLength }),
    });
  });
  return `请根据材料填写下列字段（每行一个，name 为字段名，label 为字段在表格上的名称）：\n${lines.join('\n')}`;
}

/** The answer's shape, for `response_format: {type: 'json_schema', json_schema: {name, schema, strict: true}}`. */
export const FILL_JSON_SCHEMA = {
  type: 'object',
  properties: {
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', description: '字段名，与给出的一致' },
          value: { type: 'string', description: '字段的值；材料中没有则为空字符串' },
          quote: { type: 'string', description: '逐字摘自材料、包含该值的原文；没有则为空字符串' },
          passage: { type: 'string', description: 'quote 所在段落的编号，如 P3；没有则为空字符串' },
        },
        required: ['name', 'value', 'quote', 'passage'],
        additionalProperties: false,
      },
    },
  },
  required: ['fields'],
  additionalProperties: false,
} as const;
