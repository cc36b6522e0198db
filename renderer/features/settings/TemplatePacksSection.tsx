import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackSummary } from '../../../shared/contract/drafting';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../components/useFormat';
import { ManagedNote, useManaged } from './Managed';

type Busy = { kind: 'import'; file: string } | { kind: 'remove'; name: string };
type Done = { kind: 'imported' | 'removed'; name: string };
type Failure = { kind: 'import' | 'remove'; error: AppError };

/**
 * Settings → 公文模板包: the packs in use (the policy's, not removable; the user's, with a remove
 * button), and importing a pack file (.json, read into bytes; main validates it).
 */
export function TemplatePacksSection() {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormat();
  const managed = useManaged();
  const packs = useQuery('drafting:packs', {});
  const input = useRef<HTMLInputElement>(null);
  // The list main answered the last import or removal with; newer than the query's until it reloads.
  const [changed, setChanged] = useState<PackSummary[]>();
  const [busy, setBusy] = useState<Busy>();
  const [done, setDone] = useState<Done>();
  const [failure, setFailure] = useState<Failure>();
  const list = changed ?? packs.data;

  const run = (next: Busy, action: () => Promise<PackSummary[]>, ok: (result: PackSummary[]) => Done) => {
    setBusy(next);
    setDone(undefined);
    setFailure(undefined);
    action()
      .then((result) => {
        setChanged(result);
        setDone(ok(result));
      })
      .catch((err: unknown) => setFailure({ kind: next.kind, error: toAppError(err) }))
      .finally(() => setBusy(undefined));
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    run(
      { kind: 'import', file: file.name },
      async () => call('drafting:importPack', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
      (result) => {
        // Name the pack by its own name: the one main added (or replaced), else the file.
        const before = new Set((list ?? []).map((p) => p.id));
        const added = result.find((p) => p.source === 'user' && !before.has(p.id));
        return { kind: 'imported', name: added?.name ?? file.name };
      },
    );
  };

  const onRemove = (pack: PackSummary) =>
    run(
      { kind: 'remove', name: pack.name },
      () => call('drafting:removePack', { id: pack.id }),
      () => ({
        kind: 'removed',
        name: pack.name,
      }),
    );

  let body;
  if (list && list.length === 0) {
    body = (
      <div className="empty-state empty-state--compact packs__empty">
        <p className="packs__empty-title">{t('settings.packs.emptyTitle')}</p>
        <p>{t('settings.packs.emptyBody')}</p>
      </div>
    );
  } else if (list) {
    body = (
      <ul className="packs" aria-label={t('settings.packs.listLabel')}>
        {list.map((pack, index) => {
          const key = `${id}-pack-${index}`;
          return (
            <li key={pack.id} className="pack" aria-labelledby={`${key}-name`}>
              <div className="pack__head">
                <h3 id={`${key}-name`} className="pack__name">
                  {pack.name}
                </h3>
                {pack.source === 'user' && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={t('settings.packs.removeLabel', { name: pack.name })}
                    disabled={busy !== undefined}
                    onClick={() => onRemove(pack)}
                  >
                    {t('settings.packs.remove')}
                  </button>
                )}
              </div>
              <dl className="facts pack__facts">
                <dt>{t('settings.packs.publisher')}</dt>
                <dd>{pack.publisher}</dd>
                <dt>{t('settings.packs.types')}</dt>
                <dd>
                  {pack.types.length > 0 ? (
                    <ul className="tag-list" aria-label={t('settings.packs.types')}>
                      {pack.types.map((type, i) => (
                        <li key={`${type}-${i}`} className="tag tag--plain">
                          {type}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('settings.packs.typesNone')
                  )}
                </dd>
                <dt>{t('settings.packs.source')}</dt>
                <dd>
                  {pack.source === 'policy' ? (
                    <ManagedNote id={`${key}-managed`} organization={managed.organization} />
                  ) : pack.importedAt ? (
                    t('settings.packs.importedAt', { date: format.dateTime(pack.importedAt) })
                  ) : (
                    t('settings.packs.importedByUser')
                  )}
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    );
  } else if (packs.error) {
    body = <ErrorNotice title={t('settings.packs.loadFailed')} error={packs.error} onRetry={packs.reload} />;
  } else {
    body = <Loading />;
  }

  let status = '';
  if (busy?.kind === 'import') status = t('settings.packs.importing', { file: busy.file });
  else if (busy?.kind === 'remove') status = t('settings.packs.removing', { name: busy.name });
  else if (done?.kind === 'imported') status = t('settings.packs.imported', { name: done.name });
  else if (done?.kind === 'removed') status = t('settings.packs.removed', { name: done.name });

  return (
    <section className="panel panel--narrow" aria-labelledby={`${id}-title`} aria-busy={busy !== undefined}>
      <h2 id={`${id}-title`}>{t('settings.packs.title')}</h2>
      <p className="field__hint panel__intro">{t('settings.packs.intro')}</p>
      {body}
      <div className="packs__import">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== undefined}
          aria-describedby={`${id}-import-hint`}
          onClick={() => input.current?.click()}
        >
          {t('settings.packs.import')}
        </button>
        {/* Hidden like the Library's: the button above is the one keyboard and screen readers reach. */}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={t('settings.packs.import')}
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            // Choosing the same file again must fire `change` again.
            e.target.value = '';
          }}
        />
      </div>
      <p id={`${id}-import-hint`} className="field__hint">
        {t('settings.packs.importHint')}
      </p>
      <p className="field__hint packs__status" role="status">
        {status}
      </p>
      {failure && (
        <ErrorNotice
          title={t(failure.kind === 'import' ? 'settings.packs.importFailed' : 'settings.packs.removeFailed')}
          error={failure.error}
        />
      )}
    </section>
  );
}
