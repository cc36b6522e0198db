import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import { usePolicyStatus } from '../features/endpoint/useEndpointStatus';
import { AuditScreen } from '../features/audit/AuditScreen';
import { DraftScreen } from '../features/draft/DraftScreen';
import { FormsScreen } from '../features/forms/FormsScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SummarizeScreen } from '../features/summarize/SummarizeScreen';
import type { Route } from '../router/route';

export function ScreenView({ route }: { route: Route }) {
  const { t } = useTranslation();
  // A tool the policy turned off is not in the menu; a link straight to it says why.
  const disabled = usePolicyStatus().data?.disabledTools ?? [];
  if (disabled.includes(route.screen)) {
    return (
      <>
        <ScreenHeader title={t(`nav.${route.screen}`)} />
        <EmptyState title={t('shell.toolDisabledTitle')} body={t('shell.toolDisabledBody')} />
      </>
    );
  }
  switch (route.screen) {
    case 'library':
      return <LibraryScreen docId={route.docId} passage={route.passage} />;
    case 'draft':
      return <DraftScreen />;
    case 'summarize':
      return <SummarizeScreen />;
    case 'forms':
      return <FormsScreen />;
    case 'review':
      // One draft's editor state must never carry over to another: remount per draft and view.
      return <ReviewScreen key={route.draftId ?? route.view ?? ''} draftId={route.draftId} view={route.view} />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
