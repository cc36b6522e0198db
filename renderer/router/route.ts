/**
 * Hash routes, so any screen opens from a URL in both shells (and from the e2e tests):
 * `#/library`, `#/library/<docId>`, `#/library/<docId>?passage=<passageId>`, `#/draft`, …
 */
export const SCREENS = ['library', 'draft', 'summarize', 'forms', 'review', 'audit', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  /** An open document (library only). */
  docId?: string;
  /** A passage of that document to scroll to and highlight. */
  passage?: string;
}

const isScreen = (value: string): value is Screen => (SCREENS as readonly string[]).includes(value);

/** Anything unknown (including `#main` from the skip link) falls back to the library. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [screen = '', docId] = path.split('/').map(decodeURIComponent);
  if (!isScreen(screen)) return { screen: 'library' };
  if (screen !== 'library' || !docId) return { screen };
  const passage = new URLSearchParams(query).get('passage');
  return passage ? { screen, docId, passage } : { screen, docId };
}

export function hrefFor(route: Route): string {
  let href = `#/${route.screen}`;
  if (route.docId) href += `/${encodeURIComponent(route.docId)}`;
  if (route.docId && route.passage) href += `?${new URLSearchParams({ passage: route.passage }).toString()}`;
  return href;
}
