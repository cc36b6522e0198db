import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Where a typed `/` is text, not the shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}

interface Props {
  value: string;
  onChange: (value: string) => void;
}

const MAX_QUERY = 500;

/** The Library's search field: `/` or Ctrl+K (⌘K) focuses it from anywhere on the screen, Esc clears it. */
export function SearchBox({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const chord = (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !isEditable(e.target);
      if (!chord && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="search-box__label">
        {t('search.label')}
      </label>
      <div className="search-box__field">
        <svg className="search-box__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.5 10.5 14 14" />
        </svg>
        <input
          ref={input}
          id={id}
          type="search"
          value={value}
          maxLength={MAX_QUERY}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/ Control+K"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || value === '') return;
            e.preventDefault();
            onChange('');
          }}
        />
        {value === '' ? (
          <kbd className="search-box__key" aria-hidden="true">
            /
          </kbd>
        ) : (
          <button
            type="button"
            className="search-box__clear"
            aria-label={t('search.clear')}
            title={t('search.clear')}
            onClick={() => {
              onChange('');
              input.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
    </div>
  );
}
