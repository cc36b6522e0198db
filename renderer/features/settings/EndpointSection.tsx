import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointStatus, PolicyStatus } from '../../../shared/domain/endpoint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../components/useFormat';
import { ConnectionCheck } from '../endpoint/ConnectionCheck';
import { useEndpointStatus } from '../endpoint/useEndpointStatus';
import { ApiKeyForm } from './ApiKeyForm';
import { ModelChoice, UserEndpointForm } from './EndpointForm';

const SETTING_KEYS = ['locale', 'maxImportMb', 'endpointUrl', 'model', 'contextWindow'] as const;
const TOOL_KEYS = ['draft', 'summarize', 'forms'] as const;
const isSettingKey = (k: string): k is (typeof SETTING_KEYS)[number] => (SETTING_KEYS as readonly string[]).includes(k);
const isToolKey = (k: string): k is (typeof TOOL_KEYS)[number] => (TOOL_KEYS as readonly string[]).includes(k);

/** Which engine the tools use: the endpoint (name, address, model, limits) or offline, and why. */
function EngineFacts({ status }: { status: EndpointStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { endpoint } = status;
  const online = status.engine === 'endpoint';
  return (
    <dl className="facts">
      <dt>{t('settings.engineNow')}</dt>
      <dd className="engine-now">
        <span className={`tag ${online ? 'tag--online' : 'tag--offline'}`}>
          {online ? t('endpoint.onlineTag') : t('endpoint.offlineTag')}
        </span>
        {online && endpoint && <strong>{endpoint.name}</strong>}
        <span className="engine-now__reason">
          {t(online ? `engine.reason.${status.reason}` : `engine.offlineReason.${status.reason}`)}
        </span>
      </dd>
      {endpoint && (
        <>
          <dt>{t('settings.baseUrl')}</dt>
          <dd className="path">{endpoint.baseUrl}</dd>
          <dt>{t('settings.modelNow')}</dt>
          <dd>
            <code>{endpoint.model}</code>
          </dd>
          <dt>{t('settings.contextWindowNow')}</dt>
          <dd>{t('settings.tokens', { count: endpoint.contextWindow, n: format.number(endpoint.contextWindow) })}</dd>
          <dt>{t('settings.maxTokensNow')}</dt>
          <dd>{t('settings.tokens', { count: endpoint.maxTokens, n: format.number(endpoint.maxTokens) })}</dd>
          <dt>{t('settings.ceiling')}</dt>
          <dd>
            {endpoint.classificationCeiling === 'none'
              ? t('settings.ceilingNone')
              : t('settings.ceilingLevel', { level: endpoint.classificationCeiling })}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Where the machine policy is looked for, whether it was found and valid, and what it fixes. */
function PolicyFacts({ policy }: { policy: PolicyStatus }) {
  const { t } = useTranslation();
  const id = useId();
  const state = !policy.found ? 'notFound' : policy.valid ? 'valid' : 'invalid';
  const list = (items: string[]) => items.join(t('common.listSeparator'));
  return (
    <div className="policy" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>{t('settings.policyTitle')}</h3>
      <dl className="facts">
        <dt>{t('settings.policyPath')}</dt>
        <dd className="path">{policy.path}</dd>
        <dt>{t('settings.policyState')}</dt>
        <dd>
          <span className={`tag policy-state policy-state--${state}`}>{t(`settings.policyStateValue.${state}`)}</span>
        </dd>
        {policy.found && (
          <>
            <dt>{t('settings.organization')}</dt>
            <dd>{policy.organization ?? t('settings.organizationUnknown')}</dd>
          </>
        )}
        {policy.locked.length > 0 && (
          <>
            <dt>{t('settings.lockedSettings')}</dt>
            <dd>{list(policy.locked.map((k) => (isSettingKey(k) ? t(`settings.key.${k}`) : k)))}</dd>
          </>
        )}
        {policy.disabledTools.length > 0 && (
          <>
            <dt>{t('settings.disabledTools')}</dt>
            <dd>{list(policy.disabledTools.map((k) => (isToolKey(k) ? t(`nav.${k}`) : k)))}</dd>
          </>
        )}
      </dl>
      {policy.found && !policy.valid && (
        <div className="notice notice--error policy-problems" role="alert">
          <p className="notice__title">{t('settings.policyInvalidTitle')}</p>
          <p>{t('settings.policyInvalidSafe')}</p>
          <ul className="problem-list" aria-label={t('settings.policyProblems')}>
            {policy.problems.map((p, i) => (
              <li key={i}>
                <code className="problem-list__path">{p.path || t('settings.policyRoot')}</code>
                {t('settings.problemSeparator')}
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
          <p>{t('settings.policyInvalidFix', { path: policy.path })}</p>
        </div>
      )}
    </div>
  );
}

/**
 * Settings → 模型服务: the engine in use, the machine policy, the user's own endpoint (only where
 * no policy governs endpoints), the model choice among approved ones, the API key and a check.
 */
export function EndpointSection() {
  const { t } = useTranslation();
  const id = useId();
  const status = useEndpointStatus();

  let body;
  if (status.data) {
    const s = status.data;
    // A policy's endpoint list is authoritative (an invalid policy: none at all).
    const userConfigurable = !s.policy.found;
    const policyModels = s.reason === 'policy' && s.endpoint && s.endpoint.models.length > 1 ? s.endpoint : null;
    const keyApplies = userConfigurable || s.endpoint !== null;
    body = (
      <>
        <EngineFacts status={s} />
        {policyModels && <ModelChoice endpoint={policyModels} />}
        <PolicyFacts policy={s.policy} />
        {userConfigurable && <UserEndpointForm />}
        {keyApplies && <ApiKeyForm apiKey={s.apiKey} onChange={status.reload} />}
        <div className="check" role="group" aria-labelledby={`${id}-check`}>
          <h3 id={`${id}-check`}>{t('endpoint.checkTitle')}</h3>
          <ConnectionCheck />
        </div>
      </>
    );
  } else if (status.error) {
    body = <ErrorNotice title={t('settings.endpointLoadFailed')} error={status.error} onRetry={status.reload} />;
  } else {
    body = <Loading />;
  }

  return (
    <section className="panel panel--narrow endpoint-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.endpointTitle')}</h2>
      {body}
    </section>
  );
}
