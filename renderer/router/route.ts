/**
 * Hash routes, so any screen opens from a URL in both shells (and from the e2e tests):
 * `#/library`, `#/library/<docId>`, `#/library/<docId>?passage=<passageId>`, `#/draft`,
 * `#/review` (the queue), `#/review/<draftId>` (one draft), `#/review/metrics` (usefulness), …
 */
export const SCREENS = ['library', 'draft', 'summarize', 'forms', 'review', 'audit', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** The parts of the review screen besides the queue that have no draft id. */
export const REVIEW_VIEWS = ['metrics'] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

export interface Route {
  screen: Screen;
  /** An open document (library only). */
  docId?: string;
  /** A passage of that document to scroll to and highlight. */
  passage?: string;
  /** A draft open for review (review only). */
  draftId?: string;
  /** Another part of the review screen (review only): the usefulness dashboard. */
  view?: ReviewView;
}

const isScreen = (value: string): value is Screen => (SCREENS as readonly string[]).includes(value);
const isReviewView = (value: string): value is ReviewView => (REVIEW_VIEWS as readonly string[]).includes(value);

/** Anything unknown (including `#main` from the skip link) falls back to the library. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [screen = '', id] = path.split('/').map(decodeURIComponent);
  if (!isScreen(screen)) return { screen: 'library' };
  if (!id) return { screen };
  if (screen === 'review') return isReviewView(id) ? { screen, view: id } : { screen, draftId: id };
  if (screen !== 'library') return { screen };
  const passage = new URLSearchParams(query).get('passage');
  return passage ? { screen, docId: id, passage } : { screen, docId: id };
}

export function hrefFor(route: Route): string {
  let href = `#/${route.screen}`;
  if (route.screen === 'review') {
    if (route.draftId) href += `/${encodeURIComponent(route.draftId)}`;
    else if (route.view) href += `/${route.view}`;
    return href;
  }
  if (route.docId) href += `/${encodeURIComponent(route.docId)}`;
  if (route.docId && route.passage) href += `?${new URLSearchParams({ passage: route.passage }).toString()}`;
  return href;
}
