import type { ErrorCode, ErrorParams } from '../errors';
import type { Locale } from '../domain/settings';

/** Error texts for every code, in i18next's {{param}} syntax (the renderer loads these too). */
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    invalid_input: '请求内容无效（{{field}}）',
    forbidden: '此操作不被允许',
    unknown_channel: '未知的操作',
    not_found: '找不到文档 {{id}}',
    ambiguous_id: '编号 {{id}} 对应多个文档，请输入更长的编号',
    file_not_found: '找不到文件：{{file}}',
    file_unreadable: '无法读取文件：{{file}}',
    unsupported_type: '{{file}}：不支持导入此类文件（{{type}}）',
    empty_file: '{{file}}：文件为空或没有文字内容',
    too_large: '{{file}}：文件过大（{{size}} 字节，上限 {{limit}} 字节）',
    unknown_encoding: '{{file}}：无法识别文字编码（支持 UTF-8、UTF-16、GB18030/GBK）',
    password_required: '{{file}}：文件已加密，请输入密码',
    wrong_password: '{{file}}：密码不正确',
    corrupt_file: '{{file}}：文件已损坏，无法读取（{{detail}}）',
    unsafe_file: '{{file}}：文件结构异常，为安全起见拒绝导入（{{detail}}）',
    parse_failed: '{{file}}：解析失败（{{detail}}）',
    cancelled: '已取消',
    store_unavailable: '无法打开资料库：{{path}}',
    store_too_new: '资料库版本（{{found}}）高于本程序支持的版本（{{supported}}），请升级文书',
    internal: '发生内部错误，请重试或联系信息中心',
  },
  'en-US': {
    invalid_input: 'Invalid request ({{field}})',
    forbidden: 'This action is not allowed',
    unknown_channel: 'Unknown action',
    not_found: 'No document {{id}}',
    ambiguous_id: '{{id}} matches several documents; type more of the id',
    file_not_found: 'File not found: {{file}}',
    file_unreadable: 'Cannot read file: {{file}}',
    unsupported_type: '{{file}}: this kind of file cannot be imported ({{type}})',
    empty_file: '{{file}}: the file is empty or has no text',
    too_large: '{{file}}: file too large ({{size}} bytes; the limit is {{limit}})',
    unknown_encoding: '{{file}}: unknown text encoding (UTF-8, UTF-16 and GB18030/GBK are supported)',
    password_required: '{{file}}: the file is encrypted; enter its password',
    wrong_password: '{{file}}: wrong password',
    corrupt_file: '{{file}}: the file is damaged and cannot be read ({{detail}})',
    unsafe_file: '{{file}}: refused for safety: the file is built in a suspicious way ({{detail}})',
    parse_failed: '{{file}}: could not be read ({{detail}})',
    cancelled: 'Cancelled',
    store_unavailable: 'Cannot open the store: {{path}}',
    store_too_new:
      'The store (schema {{found}}) is newer than this version of Wenshu supports ({{supported}}); please upgrade',
    internal: 'Something went wrong inside Wenshu; try again or contact IT',
  },
};

/** For the CLI and logs, outside i18next: fills {{param}}; a missing param stays visible. */
export function formatError(error: { code: string; message: string; params?: ErrorParams }, locale: Locale): string {
  const template = (errorMessages[locale] as Record<string, string>)[error.code];
  if (!template) return error.message;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(error.params?.[key] ?? `{{${key}}}`));
}
