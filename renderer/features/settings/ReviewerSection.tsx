import { useTranslation } from 'react-i18next';
import { SettingFieldSection } from './SettingFieldSection';

/** The reviewer's display name: recorded with each approval beside the OS account. */
export function ReviewerSection() {
  const { t } = useTranslation();
  return (
    <SettingFieldSection
      setting="reviewerName"
      title={t('review.settingsTitle')}
      label={t('review.reviewerName')}
      saveLabel={t('review.reviewerSave')}
      parse={(text) => text.trim()}
      hint={t('review.reviewerHint')}
      savedHint={t('review.reviewerSaved')}
      input={{ type: 'text', className: 'input--wide', maxLength: 100, autoComplete: 'name' }}
    />
  );
}
