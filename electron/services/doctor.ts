import type { CheckId, CheckItem, DoctorReport } from '../../shared/domain/endpoint';
import type { Locale } from '../../shared/domain/settings';
import { AppError, toErrorData } from '../../shared/errors';
import type { ChatResult } from '../../shared/llm/types';
import type { AppErrorData } from '../../shared/errors';
import { checkFixes } from '../../shared/i18n/doctor';
import type { FixId } from '../../shared/i18n/doctor';
import { formatError } from '../../shared/i18n/errors';
import { fillTemplate } from '../../shared/i18n/template';
import type { PolicyState } from '../policy/load';
import type { EndpointRuntime } from './endpoint-runtime';
import type { ModelRequest } from './model-service';

export interface DoctorDeps {
  policy: PolicyState;
  runtime: EndpointRuntime;
  /** 'ok' or SQLite's list of problems. */
  storeCheck: () => string;
  locale: Locale;
  /** The audited model call (ModelService.complete). */
  complete: (request: ModelRequest) => Promise<ChatResult>;
  /** Per network check; the endpoint's own timeouts still bound the completion. */
  timeoutMs?: number;
}

/**
 * The machine check behind `wenshu doctor` and Settings → Check connection: policy, store, then the
 * endpoint step by step (DNS, TCP, TLS, credentials, model list, a one-token streamed completion).
 * A failed step names its fix; the steps after it are skipped.
 */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const { locale } = deps;
  const items: CheckItem[] = [];
  const fix = (id: FixId, params?: Record<string, string | number>) => fillTemplate(checkFixes[locale][id], params);
  const say = (e: AppErrorData) => formatError(e, locale);
  const pass = (id: CheckId, detail: string) => items.push({ id, ok: true, skipped: false, detail, fix: null });
  const failed = (id: CheckId, detail: string, fixText: string | null) =>
    items.push({ id, ok: false, skipped: false, detail, fix: fixText });

  const { policy } = deps;
  if (policy.kind === 'absent') failed('policy', policy.path, fix('policy_absent', { path: policy.path }));
  else if (policy.kind === 'invalid') {
    const detail = policy.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    failed('policy', `${policy.path}: ${detail}`, fix('policy_invalid', { path: policy.path }));
  } else pass('policy', policy.path);

  const store = safe(deps.storeCheck);
  if (store === 'ok') pass('store', 'integrity_check ok');
  else failed('store', store, fix('store'));

  const endpointChecks = await checkEndpoint(deps, say, fix);
  items.push(...endpointChecks);
  return { ok: items.every((i) => i.ok), items };
}

async function checkEndpoint(
  deps: DoctorDeps,
  say: (e: AppErrorData) => string,
  fix: (id: FixId, params?: Record<string, string | number>) => string,
): Promise<CheckItem[]> {
  const { runtime } = deps;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const items: CheckItem[] = [];
  const steps: CheckId[] = ['dns', 'tcp', 'tls', 'auth', 'models', 'completion'];
  const skipRest = (detail: string) => {
    for (const id of steps.slice(items.length)) items.push({ id, ok: false, skipped: true, detail, fix: null });
    return items;
  };

  let endpoint;
  try {
    endpoint = runtime.endpoint();
  } catch (err) {
    const e = toErrorData(err);
    items.push({ id: 'dns', ok: false, skipped: false, detail: say(e), fix: fix('policy_no_endpoint') });
    return skipRest('—');
  }
  const url = new URL(endpoint.baseUrl);
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const egress = runtime.egress();

  const step = async (id: CheckId, run: () => Promise<string>, fixFor: (e: AppErrorData) => string | null) => {
    try {
      items.push({ id, ok: true, skipped: false, detail: await run(), fix: null });
      return true;
    } catch (err) {
      const e = toErrorData(err);
      items.push({
        id,
        ok: false,
        skipped: false,
        detail: say(e),
        fix: e.code === 'endpoint_not_allowed' ? fix('not_allowed') : fixFor(e),
      });
      return false;
    }
  };

  if (
    !(await step(
      'dns',
      async () => (await egress.resolve(endpoint.baseUrl)).join(', '),
      () => fix('dns', { host }),
    ))
  )
    return skipRest('—');
  if (
    !(await step(
      'tcp',
      async () => (await egress.connect(endpoint.baseUrl, timeoutMs), `${host}:${port}`),
      () => fix('tcp', { host, port }),
    ))
  )
    return skipRest('—');
  if (url.protocol === 'https:') {
    const ok = await step(
      'tls',
      async () => {
        const tls = await egress.handshake(endpoint.baseUrl, timeoutMs);
        return `${tls.protocol} ${tls.subject}`;
      },
      () => fix('tls'),
    );
    if (!ok) return skipRest('—');
  } else {
    items.push({ id: 'tls', ok: true, skipped: true, detail: 'http (loopback)', fix: null });
  }

  const client = runtime.client(endpoint);
  let models: string[] = [];
  const authOk = await step(
    'auth',
    async () => {
      models = await client.listModels();
      return `GET /models: ${models.length}`;
    },
    (e) => (e.code === 'endpoint_auth' ? fix('auth') : fix('completion')),
  );
  if (!authOk) return skipRest('—');
  const modelsOk = await step(
    'models',
    async () => {
      if (!models.includes(endpoint.model)) {
        throw new AppError('model_not_found', `no model ${endpoint.model}`, { model: endpoint.model });
      }
      return endpoint.model;
    },
    () => fix('models', { models: models.join(', ') || '—' }),
  );
  if (!modelsOk) return skipRest('—');
  const started = Date.now();
  await step(
    'completion',
    async () => {
      const result = await deps.complete({ prompt: 'ping', maxTokens: 1, tool: 'doctor' });
      return `${result.model} · ${Date.now() - started} ms`;
    },
    (e) => (e.code === 'endpoint_auth' ? fix('auth') : fix('completion')),
  );
  return items;
}

function safe(run: () => string): string {
  try {
    return run();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
