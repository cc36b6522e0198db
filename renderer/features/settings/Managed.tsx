import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { usePolicyStatus } from '../endpoint/useEndpointStatus';

export type SettingKey = keyof Settings;

/**
 * Which settings the machine policy fixes. Until the policy is known nothing counts as locked
 * (main refuses a change to a locked setting anyway, with `setting_locked`).
 */
export function useManaged(): { isLocked: (key: SettingKey) => boolean; organization: string | null } {
  const policy = usePolicyStatus();
  const locked = policy.data?.locked ?? [];
  return {
    isLocked: (key) => locked.includes(key),
    organization: policy.data?.organization ?? null,
  };
}

/**
 * "由单位统一管理 / Managed by your organization", next to a control the policy locked. Give the
 * control `aria-describedby` with this note's id, so screen readers say why it is disabled.
 */
export function ManagedNote({ id, organization }: { id: string; organization?: string | null }) {
  const { t } = useTranslation();
  return (
    <span id={id} className="managed-note" title={organization ? t('settings.managedBy', { organization }) : undefined}>
      <svg className="managed-note__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="7" rx="1.5" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
      </svg>
      {t('settings.managed')}
    </span>
  );
}

/** The ids a control is described by, skipping the ones not shown. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
