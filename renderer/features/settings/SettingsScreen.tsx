import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { AboutSection } from './AboutSection';
import { ImportSection } from './ImportSection';
import { LanguageSection } from './LanguageSection';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.settings')} />
      <LanguageSection />
      <ImportSection />
      <AboutSection />
    </>
  );
}
