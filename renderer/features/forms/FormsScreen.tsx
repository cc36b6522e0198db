import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDetail } from '../../../shared/domain/form';
import { useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { FillSection } from './FillSection';
import { OpenFormButton } from './OpenFormButton';
import { ProfileSection } from './ProfileSection';
import { RecentForms } from './RecentForms';
import { useOpenForm } from './useOpenForm';
import { useProfile } from './useProfile';

/**
 * 填表: a PDF form or Word template opened (or reopened from the list), its fields as a person
 * sees them (corrected once, kept), source documents chosen, then each field's value proposed
 * with the quote it rests on; the filled form opens right here as a draft under review.
 */
export function FormsScreen() {
  const { t } = useTranslation();
  const id = useId();
  const forms = useQuery('forms:list', {});
  const opened = useOpenForm(forms.reload);
  const chooser = <OpenFormButton busy={opened.busy} error={opened.error} onFile={(file) => void opened.open(file)} />;

  let body;
  if (forms.error && !forms.data) {
    body = <ErrorNotice title={t('forms.listFailed')} error={forms.error} onRetry={forms.reload} />;
  } else if (!forms.data) {
    body = <Loading />;
  } else if (forms.data.length === 0 && !opened.detail) {
    body = (
      <EmptyState title={t('forms.emptyTitle')} body={t('forms.emptyBody')}>
        {chooser}
      </EmptyState>
    );
  } else {
    body = (
      <section className="panel form-chooser" aria-labelledby={`${id}-forms`}>
        <h2 id={`${id}-forms`}>{t('forms.listTitle')}</h2>
        {chooser}
        {forms.data.length > 0 && (
          <RecentForms
            forms={forms.data}
            currentId={opened.detail?.form.id}
            disabled={opened.busy !== undefined}
            onOpen={(form) => void opened.reopen(form)}
          />
        )}
      </section>
    );
  }

  return (
    <>
      <ScreenHeader title={t('nav.forms')}>
        <a className="button" href={hrefFor({ screen: 'review' })}>
          {t('draft.toQueue')}
        </a>
      </ScreenHeader>
      {body}
      {opened.detail && (
        <OpenedForm
          key={opened.detail.form.id}
          detail={opened.detail}
          onSaved={opened.replace}
          onChanged={forms.reload}
        />
      )}
    </>
  );
}

interface OpenedProps {
  detail: FormDetail;
  onSaved: (detail: FormDetail) => void;
  /** The list changed (a fill made the form the most recently used). */
  onChanged: () => void;
}

/** One form: its field settings, then filling it. */
function OpenedForm({ detail, onSaved, onChanged }: OpenedProps) {
  const profile = useProfile(detail, onSaved);
  return (
    <>
      <ProfileSection
        detail={detail}
        profile={profile.profile}
        dirty={profile.dirty}
        save={profile.save}
        onChange={profile.change}
        onSave={() => void profile.saveIfDirty()}
      />
      <FillSection
        formId={detail.form.id}
        fillable={profile.profile.fields.some((f) => !f.skip)}
        beforeFill={profile.saveIfDirty}
        onFilled={onChanged}
      />
    </>
  );
}
