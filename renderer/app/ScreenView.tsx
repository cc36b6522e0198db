import { AuditScreen } from '../features/audit/AuditScreen';
import { DraftScreen } from '../features/draft/DraftScreen';
import { FormsScreen } from '../features/forms/FormsScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SummarizeScreen } from '../features/summarize/SummarizeScreen';
import type { Route } from '../router/route';

export function ScreenView({ route }: { route: Route }) {
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
      return <ReviewScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
