import type { ReactNode } from 'react';

/** The title row of a screen, with its actions (if any) on the right. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1>{title}</h1>
      {children && <div className="toolbar">{children}</div>}
    </header>
  );
}
