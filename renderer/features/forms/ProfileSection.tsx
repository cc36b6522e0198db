import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDetail, FormProfile } from '../../../shared/domain/form';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormFacts } from './FormFacts';
import { ProfileTable } from './ProfileTable';
import type { ProfileSave } from './useProfile';

interface Props {
  detail: FormDetail;
  profile: FormProfile;
  dirty: boolean;
  save: ProfileSave;
  onChange: (profile: FormProfile) => void;
  onSave: () => void;
}

/** The open form and its field settings, saved for the next time this form is used. */
export function ProfileSection({ detail, profile, dirty, save, onChange, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  let status = '';
  if (save.phase === 'saving') status = t('forms.profile.saving');
  else if (dirty) status = t('forms.profile.unsaved');
  else if (save.phase === 'saved') status = t('forms.profile.saved');

  return (
    <section className="panel form-profile" aria-labelledby={`${id}-title`} aria-busy={save.phase === 'saving'}>
      <FormFacts detail={detail} titleId={`${id}-title`} />
      <h3>{t('forms.profile.title')}</h3>
      <p className="field__hint panel__intro">{t('forms.profile.intro')}</p>
      <div className="profile-table__scroll">
        <ProfileTable profile={profile} disabled={save.phase === 'saving'} onChange={onChange} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" disabled={!dirty || save.phase === 'saving'} onClick={onSave}>
          {t('forms.profile.save')}
        </button>
        <span className="field__hint" role="status">
          {status}
        </span>
      </div>
      {save.phase === 'failed' && <ErrorNotice title={t('forms.profile.saveFailed')} error={save.error} />}
    </section>
  );
}
