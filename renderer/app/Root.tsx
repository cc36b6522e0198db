import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';

/** The whole UI for one i18next instance (main.tsx and the tests both render this). */
export function Root({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </I18nextProvider>
  );
}
