import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Root } from '../../../renderer/app/Root';
import { createI18n, loadLocale } from '../../../renderer/i18n';
import type { FakeWenshu } from './fakeWenshu';

/** What jsdom lacks and the renderer uses: Blob.arrayBuffer and scrollIntoView. */
function completeJsdom() {
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsArrayBuffer(this);
      });
    };
  }
  Element.prototype.scrollIntoView = jest.fn();
}

/** Starts the UI the way main.tsx does (locale from the store first), at the given hash. */
export async function renderApp(fake: FakeWenshu, hash = '#/library') {
  completeJsdom();
  window.location.hash = hash;
  window.wenshu = fake.api;
  const i18n = createI18n(await loadLocale());
  const user = userEvent.setup();
  const view = render(<Root i18n={i18n} />);
  // The status bar loads the engine on every screen; settle it so no update lands after a test.
  const online = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint?.name : undefined;
  await within(screen.getByRole('region', { name: i18n.t('shell.statusLabel') })).findByText(
    online ?? i18n.t('shell.engineOffline'),
  );
  return { ...view, user, i18n };
}
