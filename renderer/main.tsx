import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { createI18n, loadLocale } from './i18n';
import './styles.css';

// A file dropped outside the Library's drop zone must not replace the app with that file.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (e) => {
    if (e.defaultPrevented || !e.dataTransfer) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
  });
}

// The remembered language is read before the first paint, so the UI never flashes the default.
void loadLocale().then((locale) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root i18n={createI18n(locale)} />
    </StrictMode>,
  );
});
