import { useTranslation } from 'react-i18next';
import { SettingFieldSection } from './SettingFieldSection';

/** The largest file the Library accepts; main reads it at each import. */
export function ImportSection() {
  const { t } = useTranslation();
  return (
    <SettingFieldSection
      setting="maxImportMb"
      title={t('settings.importTitle')}
      label={t('settings.maxImportMb')}
      saveLabel={t('settings.save')}
      parse={Number}
      hint={t('settings.maxImportMbHint')}
      savedHint={t('settings.saved')}
      invalidHint={t('settings.maxImportMbInvalid')}
      input={{ type: 'number', inputMode: 'numeric', min: 1, max: 2000, step: 1 }}
    />
  );
}
