import type { CheckId } from '../domain/endpoint';
import type { Locale } from '../domain/settings';

/** Names of the machine checks and what to do when one fails (CLI and Settings). */
export const checkNames: Record<Locale, Record<CheckId, string>> = {
  'zh-CN': {
    policy: '单位策略',
    store: '资料库',
    dns: '域名解析',
    tcp: '网络连接',
    tls: 'TLS 证书',
    auth: '访问凭据',
    models: '模型列表',
    completion: '试生成',
  },
  'en-US': {
    policy: 'Machine policy',
    store: 'Store',
    dns: 'DNS',
    tcp: 'TCP connection',
    tls: 'TLS certificate',
    auth: 'Credentials',
    models: 'Model list',
    completion: 'Test completion',
  },
};

export type FixId =
  | 'policy_absent'
  | 'policy_invalid'
  | 'policy_no_endpoint'
  | 'store'
  | 'dns'
  | 'tcp'
  | 'tls'
  | 'auth'
  | 'models'
  | 'completion'
  | 'not_allowed';

export const checkFixes: Record<Locale, Record<FixId, string>> = {
  'zh-CN': {
    policy_absent: '请信息中心将策略文件放到 {{path}}（见 docs/policy.md）',
    policy_invalid: '请按上面列出的问题修正 {{path}}',
    policy_no_endpoint: '策略未批准任何模型服务：在 endpoints 中添加区域模型服务',
    store: '关闭文书后用备份恢复资料库，或联系信息中心',
    dns: '检查主机名 {{host}} 是否正确、本机 DNS 是否可用（政务外网 DNS）',
    tcp: '检查 {{host}}:{{port}} 是否开放、防火墙或代理是否放行',
    tls: '将签发该服务证书的 CA（PEM）加入策略 caCertificates',
    auth: '在设置中重新输入 API 密钥，或设置 WENSHU_API_KEY',
    models: '在策略中填写服务上实际存在的模型名（可用：{{models}}）',
    completion: '查看上面的错误；确认模型已加载、服务未过载',
    not_allowed: '该地址不在策略批准的模型服务中',
  },
  'en-US': {
    policy_absent: 'IT must place the policy file at {{path}} (see docs/policy.md)',
    policy_invalid: 'Fix the problems listed above in {{path}}',
    policy_no_endpoint: 'The policy approves no endpoint: add the regional endpoint under endpoints',
    store: 'Close Wenshu and restore the store from a backup, or contact IT',
    dns: 'Check that the host name {{host}} is right and that DNS works on this machine',
    tcp: 'Check that {{host}}:{{port}} is open and that the firewall or proxy lets it through',
    tls: "Add the CA (PEM) that issued the endpoint's certificate to the policy's caCertificates",
    auth: 'Enter the API key again in Settings, or set WENSHU_API_KEY',
    models: 'Name a model the endpoint actually serves in the policy (available: {{models}})',
    completion: 'See the error above; check that the model is loaded and the endpoint not overloaded',
    not_allowed: 'This address is not an endpoint approved by the policy',
  },
};
