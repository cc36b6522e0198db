import type { ErrorCode, ErrorParams } from '../errors';
import type { Locale } from '../domain/settings';
import { fillTemplate } from './template';

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
    setting_locked: '此设置由单位统一管理，不能修改（{{key}}）',
    policy_invalid: '单位策略文件无效（{{path}}）：{{detail}}。已进入安全状态，不连接任何模型服务',
    endpoint_not_configured: '尚未配置经批准的模型服务，当前为离线模式',
    endpoint_not_allowed: '已拒绝连接 {{target}}：该地址不在单位批准的模型服务范围内',
    endpoint_unreachable: '无法连接模型服务 {{target}}（{{detail}}）',
    endpoint_timeout: '模型服务响应超时（{{phase}}，{{ms}} 毫秒）',
    tls_untrusted: '模型服务 {{target}} 的证书不受信任（{{detail}}），请确认单位策略中的 CA 证书',
    endpoint_redirect: '模型服务试图重定向到 {{location}}，已拒绝',
    endpoint_auth: '模型服务拒绝了访问凭据（HTTP {{status}}），请检查 API 密钥',
    endpoint_rate_limited: '模型服务繁忙（HTTP 429），请 {{retryAfter}} 秒后重试',
    endpoint_server_error: '模型服务出错（HTTP {{status}}）：{{detail}}',
    endpoint_bad_request: '模型服务拒绝了请求（HTTP {{status}}）：{{detail}}',
    endpoint_bad_response: '模型服务返回了无法识别的内容（{{detail}}）',
    model_not_found: '模型服务上没有模型 {{model}}',
    context_length_exceeded: '输入超出模型的上下文长度（{{detail}}）',
    stream_interrupted: '模型服务连接中断（{{detail}}），已保留已收到的部分内容',
    input_too_long: '输入过长：约 {{tokens}} 个词元，超出模型可用的 {{available}} 个词元',
    classified_content: '内容标有密级（{{level}}），不得发送给模型服务（允许的最高密级：{{ceiling}}）',
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
    setting_locked: 'This setting is managed by your organization ({{key}})',
    policy_invalid:
      'The machine policy ({{path}}) is invalid: {{detail}}. Wenshu started in a safe state with no model endpoint',
    endpoint_not_configured: 'No approved model endpoint is configured; Wenshu works offline',
    endpoint_not_allowed: 'Refused to connect to {{target}}: it is not an endpoint approved by policy',
    endpoint_unreachable: 'Cannot reach the model endpoint {{target}} ({{detail}})',
    endpoint_timeout: 'The model endpoint timed out ({{phase}}, {{ms}} ms)',
    tls_untrusted: 'The certificate of {{target}} is not trusted ({{detail}}); check the CA certificates in the policy',
    endpoint_redirect: 'The model endpoint tried to redirect to {{location}}; refused',
    endpoint_auth: 'The model endpoint refused the credentials (HTTP {{status}}); check the API key',
    endpoint_rate_limited: 'The model endpoint is busy (HTTP 429); retry in {{retryAfter}} s',
    endpoint_server_error: 'The model endpoint failed (HTTP {{status}}): {{detail}}',
    endpoint_bad_request: 'The model endpoint refused the request (HTTP {{status}}): {{detail}}',
    endpoint_bad_response: 'The model endpoint sent something unreadable ({{detail}})',
    model_not_found: 'The endpoint has no model {{model}}',
    context_length_exceeded: "The input exceeds the model's context length ({{detail}})",
    stream_interrupted: 'The connection to the model endpoint broke ({{detail}}); the text received so far is kept',
    input_too_long: 'Input too long: about {{tokens}} tokens, more than the {{available}} the model has room for',
    classified_content:
      'The content is marked {{level}} and must not be sent to the model endpoint (highest allowed: {{ceiling}})',
    internal: 'Something went wrong inside Wenshu; try again or contact IT',
  },
};

/** For the CLI and logs, outside i18next: fills {{param}}; a missing param stays visible. */
export function formatError(error: { code: string; message: string; params?: ErrorParams }, locale: Locale): string {
  const template = (errorMessages[locale] as Record<string, string>)[error.code];
  if (!template) return error.message;
  return fillTemplate(template, error.params);
}
