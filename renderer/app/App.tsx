import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryProvider } from '../features/library/LibraryProvider';
import { useRoute } from '../router/useRoute';
import { EngineBadge } from './EngineBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { Nav } from './Nav';
import { ScreenView } from './ScreenView';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const place = `${route.screen}/${route.docId ?? route.draftId ?? route.view ?? ''}`;
  const shownPlace = useRef(place);

  useEffect(() => {
    document.title = t('app.windowTitle', { screen: t(`nav.${route.screen}`) });
  }, [t, route.screen]);

  // A new screen starts at its top, and keyboard and screen-reader users continue there, not in the nav.
  useEffect(() => {
    if (place === shownPlace.current || !main.current) return;
    shownPlace.current = place;
    main.current.scrollTop = 0;
    main.current.focus({ preventScroll: true });
  }, [place]);

  // The skip link must not touch the hash: that is the router's.
  const skipToMain = (e: MouseEvent) => {
    e.preventDefault();
    main.current?.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('shell.skipLink')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <section className="status" aria-label={t('shell.statusLabel')}>
          <EngineBadge />
        </section>
      </header>
      <Nav current={route.screen} />
      <main id="main" ref={main} tabIndex={-1}>
        <LibraryProvider>
          <ErrorBoundary key={place}>
            <ScreenView route={route} />
          </ErrorBoundary>
        </LibraryProvider>
      </main>
    </div>
  );
}
