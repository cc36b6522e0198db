import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router/route';
import type { Screen } from '../router/route';
import { usePolicyStatus } from '../features/endpoint/useEndpointStatus';

const TOOLS: readonly Screen[] = ['library', 'draft', 'summarize', 'forms', 'review', 'audit'];

/** Arrow keys (wrapping), Home and End move between the links; Tab works as well. */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  let next: number;
  switch (e.key) {
    case 'ArrowDown':
      next = (current + 1) % links.length;
      break;
    case 'ArrowUp':
      next = (current - 1 + links.length) % links.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = links.length - 1;
      break;
    default:
      return;
  }
  e.preventDefault();
  links[next]?.focus();
}

export function Nav({ current }: { current: Screen }) {
  const { t } = useTranslation();
  // Tools the machine policy turned off are not offered at all.
  const disabled = usePolicyStatus().data?.disabledTools ?? [];
  const tools = TOOLS.filter((screen) => !disabled.includes(screen));
  const item = (screen: Screen) => (
    <li key={screen}>
      <a href={hrefFor({ screen })} className="nav-link" aria-current={screen === current ? 'page' : undefined}>
        {t(`nav.${screen}`)}
      </a>
    </li>
  );
  return (
    <nav className="sidebar" aria-label={t('shell.navLabel')} onKeyDown={moveFocus}>
      <ul className="nav-list">{tools.map(item)}</ul>
      <ul className="nav-list nav-list--bottom">{item('settings')}</ul>
    </nav>
  );
}
