import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/audit';
import type { DraftContent } from '../../shared/domain/draft';

/**
 * What an approval is bound to: SHA-256 (lowercase hex) of the canonical JSON of the content,
 * `{"fields":{…sorted keys…},"text":"…"}` — the same canonical form as the audit log, so the
 * hash a reviewer saw can be recomputed anywhere. Missing fields count as `{}`.
 */
export function contentHash(content: DraftContent): string {
  const canonical = canonicalJson({ text: content.text, fields: content.fields ?? {} });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
