import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what it is for and how to start. */
export function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
