import { randomUUID } from 'node:crypto';
import type { PackSummary } from '../../shared/contract/drafting';
import { AppError } from '../../shared/errors';
import { mergeTypes, parseTemplatePack } from '../../shared/gongwen/type-registry';
import type { DocTypeSpec, TemplatePack } from '../../shared/gongwen/type-spec';
import { BUILTIN_TYPES } from '../../shared/gongwen/types';
import type { TemplatePacksRepo } from '../store/template-packs-repo';
import type { AuditService } from './audit-service';

const summary = (pack: TemplatePack, extra: Pick<PackSummary, 'id' | 'source' | 'importedAt'>): PackSummary => ({
  ...extra,
  name: pack.name,
  publisher: pack.publisher,
  types: pack.types.map((t) => t.name),
});

/**
 * The document types on offer: built in, then packs users imported, then the policy's packs (a
 * region's own types win). Packs are data, validated on the way in; "build once, reuse everywhere".
 */
export class TemplatePacks {
  /** Stored packs, parsed once: they change only through import and remove below. */
  private parsed?: { id: string; importedAt: string; pack: TemplatePack }[];

  constructor(
    private readonly repo: TemplatePacksRepo,
    private readonly policyPacks: () => TemplatePack[],
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  types(): DocTypeSpec[] {
    return mergeTypes(BUILTIN_TYPES, [...this.userPacks().map((p) => p.pack), ...this.policyPacks()]);
  }

  list(): PackSummary[] {
    return [
      ...this.policyPacks().map((pack, i) => summary(pack, { id: `policy-${i}`, source: 'policy', importedAt: null })),
      ...this.userPacks().map(({ pack, id, importedAt }) => summary(pack, { id, source: 'user', importedAt })),
    ];
  }

  import(file: string, bytes: Uint8Array): PackSummary[] {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new AppError('template_pack_invalid', 'not JSON', {
        file,
        detail: err instanceof Error ? err.message : 'not JSON',
      });
    }
    const parsed = parseTemplatePack(json);
    if (!parsed.ok) {
      const detail = parsed.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ');
      throw new AppError('template_pack_invalid', 'schema', { file, detail });
    }
    const { pack } = parsed;
    this.repo.put({
      id: randomUUID(),
      name: pack.name,
      publisher: pack.publisher,
      json: JSON.stringify(pack),
      importedAt: this.now().toISOString(),
    });
    this.parsed = undefined;
    this.audit.append('settings_change', { key: 'templatePacks', from: null, to: `${pack.publisher} / ${pack.name}` });
    return this.list();
  }

  remove(id: string): PackSummary[] {
    const stored = this.userPacks().find((p) => p.id === id);
    if (stored && this.repo.remove(id)) {
      this.parsed = undefined;
      this.audit.append('settings_change', {
        key: 'templatePacks',
        from: `${stored.pack.publisher} / ${stored.pack.name}`,
        to: null,
      });
    }
    return this.list();
  }

  /** Stored packs that still validate (a pack from a newer Wenshu that no longer parses is skipped). */
  private userPacks(): { id: string; importedAt: string; pack: TemplatePack }[] {
    return (this.parsed ??= this.repo.all().flatMap((row) => {
      const parsed = parseTemplatePack(row.json);
      return parsed.ok ? [{ id: row.id, importedAt: row.importedAt, pack: parsed.pack }] : [];
    }));
  }
}
