import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiKeyChangeAudit,
  AuditKind,
  ModelCallAudit,
  PolicyLoadedAudit,
  SettingsChangeAudit,
} from '../../../shared/domain/audit';
import type { AuditBreak, AuditEntry } from '../../../shared/domain/audit';
import { useFormat } from '../../components/useFormat';

/** Hashes are long: the first 12 hex digits tell them apart on screen. */
export const shortHash = (hash: string) => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

/** A host name, or the text itself when it is not a URL. */
function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}

/** A recorded setting value as the user would type it. */
function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Everything the Audit screen says about an entry, in the UI language. */
export function useAuditText() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const kindName = (kind: string) => {
      const known = AuditKind.safeParse(kind);
      return known.success ? t(`audit.kinds.${known.data}`) : t('audit.unknownKind', { kind });
    };

    const reason = (r: AuditBreak) => t(`audit.reasons.${r}`);

    const outcome = (o: string) =>
      o === 'ok' || o === 'length' || o === 'cancelled' || o === 'cached'
        ? t(`audit.outcomes.${o}`)
        : t('audit.outcomes.error', { code: o });

    const modelCall = (d: ModelCallAudit) =>
      [
        t(`audit.tool.${d.tool}`, { defaultValue: d.tool }),
        d.engine === 'offline' || d.endpoint === null ? t('audit.summary.offline') : hostOf(d.endpoint),
        d.model ?? t('audit.summary.noModel'),
        d.promptTokens === null && d.completionTokens === null
          ? t('audit.summary.tokensUnknown')
          : t('audit.summary.tokens', {
              prompt: d.promptTokens === null ? '?' : format.number(d.promptTokens),
              completion: d.completionTokens === null ? '?' : format.number(d.completionTokens),
            }),
        t('audit.summary.seconds', { seconds: format.number(Math.round(d.durationMs / 100) / 10) }),
        outcome(d.outcome),
        ...(d.redactions > 0 ? [t('audit.summary.redactions', { count: d.redactions })] : []),
      ].join(' · ');

    const policy = (d: PolicyLoadedAudit) => {
      const base =
        d.state === 'valid'
          ? t('audit.summary.policyValid', { path: d.path })
          : d.state === 'invalid'
            ? t('audit.summary.policyInvalid', { path: d.path, count: d.problems })
            : t('audit.summary.policyAbsent', { path: d.path });
      const changed = d.from !== null && d.from !== d.to;
      return changed
        ? base + t('audit.summary.policyChanged', { from: shortHash(d.from!), to: shortHash(d.to) })
        : base;
    };

    /** One line about what happened; entries of a shape this version does not know list their facts. */
    const summary = (entry: AuditEntry): string => {
      const empty = t('audit.summary.emptyValue');
      if (entry.kind === 'model_call') {
        const d = ModelCallAudit.safeParse(entry.data);
        if (d.success) return modelCall(d.data);
      } else if (entry.kind === 'settings_change') {
        const d = SettingsChangeAudit.safeParse(entry.data);
        if (d.success) {
          return t('audit.summary.settingChange', {
            key: d.data.key,
            from: valueText(d.data.from, empty),
            to: valueText(d.data.to, empty),
          });
        }
      } else if (entry.kind === 'policy_loaded') {
        const d = PolicyLoadedAudit.safeParse(entry.data);
        if (d.success) return policy(d.data);
      } else if (entry.kind === 'api_key_change') {
        const d = ApiKeyChangeAudit.safeParse(entry.data);
        if (d.success) {
          return d.data.action === 'stored'
            ? t('audit.summary.apiKeyStored', { storage: d.data.storage })
            : t('audit.summary.apiKeyRemoved');
        }
      }
      const review = reviewSummary(entry);
      if (review) return review;
      return Object.entries(entry.data)
        .map(([k, v]) => `${k}: ${valueText(v, empty)}`)
        .join(' · ');
    };

    /** Review-gate entries: which draft, which version, by whom, with the content hash. */
    const reviewSummary = (entry: AuditEntry): string | null => {
      const d = entry.data as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const draft = shortHash(str(d.id));
      const hash = d.contentHash ? ` · ${shortHash(str(d.contentHash))}` : '';
      switch (entry.kind) {
        case 'draft_created':
          return t('audit.summary.draftCreated', {
            draft,
            tool: t(`audit.tool.${str(d.tool)}`, { defaultValue: str(d.tool) }),
            sources: Number(d.sources ?? 0),
          });
        case 'draft_edited':
          return (
            t(d.origin === 'ai' ? 'audit.summary.draftGenerated' : 'audit.summary.draftEdited', {
              draft,
              version: Number(d.version),
            }) + hash
          );
        case 'draft_approved': {
          const reviewer = (d.reviewer ?? {}) as { account?: string; name?: string };
          return (
            t('audit.summary.draftApproved', {
              draft,
              version: Number(d.version),
              reviewer: reviewer.name ? `${reviewer.name}（${reviewer.account ?? ''}）` : (reviewer.account ?? ''),
              count: Array.isArray(d.acknowledged) ? d.acknowledged.length : 0,
            }) + hash
          );
        }
        case 'draft_rejected':
          return t('audit.summary.draftRejected', {
            draft,
            version: Number(d.version),
            reason: t(`review.reasons.${str(d.reason)}`, { defaultValue: str(d.reason) }),
          });
        case 'content_exported':
          return (
            t('audit.summary.contentExported', {
              draft,
              action: t(`audit.summary.egress.${str(d.action)}`, { defaultValue: str(d.action) }),
              format: str(d.format),
              outcome: outcome(str(d.outcome)),
            }) + hash
          );
        default:
          return null;
      }
    };

    return { kindName, reason, summary };
  }, [t, format]);
}
