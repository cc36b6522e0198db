import type { RefObject } from 'react';
import { useQuery } from '../../api/hooks';
import { LintPanel } from './LintPanel';
import { applyFieldFix, applyFix, lint, problemSpan } from './linter';
import type { LintInput, LintProblem } from './linter';
import { useLint, useLintText } from './useLint';

/** Fields a typed draft keeps for the app (not document content): left out of linting. */
const OWN_FIELDS = new Set(['typeId', 'typeName']);

interface Props {
  text: string;
  fields: Record<string, string>;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** The id of a field's input in the editor (for problems in a field). */
  fieldId: (name: string) => string;
  onChange: (patch: { text?: string; fields?: Record<string, string> }) => void;
  readOnly: boolean;
}

const same = (a: LintProblem, b: LintProblem) =>
  a.rule === b.rule && a.line === b.line && a.column === b.column && a.field === b.field && a.endColumn === b.endColumn;

/**
 * The live format check of a typed draft (fields.typeName): the linter runs on the editor's text
 * as it changes; a problem selects its words, 修正 applies its fix to the current text (which the
 * session then autosaves like any edit).
 */
export function DraftLint({ text, fields, textRef, fieldId, onChange, readOnly }: Props) {
  const label = useLintText();
  const types = useQuery('drafting:types', {});
  const type = types.data?.find((x) => x.id === fields.typeId || x.name === fields.typeName);
  const content = Object.fromEntries(Object.entries(fields).filter(([k]) => !OWN_FIELDS.has(k)));
  const input: LintInput = {
    text,
    fields: content,
    typeName: fields.typeName,
    ...(type ? { direction: type.direction, rules: type.rules.length > 0 ? type.rules : undefined } : {}),
  };
  const problems = useLint(input);

  const locate = (p: LintProblem) => {
    const area = textRef.current;
    const span = area ? problemSpan(area.value, p) : null;
    if (area && span) {
      // Blur first: focusing again scrolls the selection into view in Chromium.
      area.blur();
      area.setSelectionRange(span.start, span.start);
      area.focus();
      area.setSelectionRange(span.start, span.end);
      return;
    }
    if (p.field) document.getElementById(fieldId(p.field))?.focus();
  };

  /** The fix of the problem as the current text has it (the list may be a keystroke behind). */
  const fix = (p: LintProblem) => {
    const now = lint(input).find((q) => same(p, q));
    if (!now?.fix) return;
    if (now.field !== null) onChange({ fields: { ...fields, ...applyFieldFix(content, now) } });
    else onChange({ text: applyFix(text, now) });
  };

  return (
    <LintPanel
      problems={problems}
      fieldLabel={(key) => {
        const f = type?.fields.find((x) => x.key === key);
        return f ? label(f.label) : key;
      }}
      onLocate={locate}
      onFix={fix}
      readOnly={readOnly}
    />
  );
}
