import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { AboutSection } from './AboutSection';
import { EndpointSection } from './EndpointSection';
import { ImportSection } from './ImportSection';
import { LanguageSection } from './LanguageSection';
import { ReviewerSection } from './ReviewerSection';
import { TemplatePacksSection } from './TemplatePacksSection';
import { TrySection } from './TrySection';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('nav.settings')} />
      <LanguageSection />
      <ImportSection />
      <ReviewerSection />
      <EndpointSection />
      <TrySection />
      <AboutSection />
      <TemplatePacksSection />
    </>
  );
}
