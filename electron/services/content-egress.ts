import type { ExportFormat } from '../../shared/domain/draft';
import { AppError, toErrorData } from '../../shared/errors';
import type { AigcPolicy } from '../../shared/policy/schema';
import type { OutputSinks } from '../app/sinks';
import type { ExportFile, ExportInput } from '../export/render';
import type { AuditService } from './audit-service';
import type { ReviewService } from './review-service';

export interface EgressDeps {
  review: ReviewService;
  render: (format: ExportFormat, input: ExportInput, options?: { flatten?: boolean }) => Promise<ExportFile>;
  sinks: OutputSinks;
  audit: AuditService;
  aigc: () => AigcPolicy;
  /**
   * What goes out after the approved text, derived from it (a summary's list of what its
   * citation labels point at); '' for none.
   */
  appendix?: (draft: { kind: string; sources: { documentId: string }[] }, text: string) => string;
  /** What people call the draft's fields (a form's labels), for files that list them. */
  fieldLabels?: (draft: { id: string; kind: string }) => Record<string, string> | undefined;
}

type Action = 'export' | 'copy' | 'print';

/**
 * The one way out for AI-made content: export to a file, copy, print. Each checks, here in main,
 * that the draft's current content is exactly what a reviewer approved (`not_approved` otherwise),
 * adds the AI-content labels, and leaves an audit entry — also for a refusal.
 */
export class ContentEgress {
  constructor(private readonly deps: EgressDeps) {}

  /** Saves through the sinks (a save dialog in the app), or through `save` (the CLI's --out). */
  async export(
    id: string,
    format: ExportFormat,
    save: (name: string, bytes: Uint8Array) => Promise<string | null> = this.deps.sinks.saveFile,
    options: { flatten?: boolean } = {},
  ): Promise<{ saved: boolean; path: string | null }> {
    return this.guarded(id, 'export', format, async (input) => {
      const file = await this.render(format, input, options);
      const path = await save(file.fileName, file.bytes);
      return { result: { saved: path !== null, path }, done: path !== null };
    });
  }

  async copy(id: string): Promise<{ copied: boolean }> {
    return this.guarded(id, 'copy', 'txt', async (input) => {
      // Copied text carries the visible label too (标识办法 Art. 4(2): 复制 like 导出).
      const label = input.aigc.visibleLabel ? `${input.aigc.labelText}\n\n` : '';
      await this.deps.sinks.copyText(label + input.content.text);
      return { result: { copied: true }, done: true };
    });
  }

  async print(id: string): Promise<{ printed: boolean }> {
    return this.guarded(id, 'print', 'txt', async (input) => {
      const printed = await this.deps.sinks.printHtml(printablePage(input), input.title);
      return { result: { printed }, done: printed };
    });
  }

  private async guarded<T>(
    id: string,
    action: Action,
    format: ExportFormat,
    run: (input: ExportInput) => Promise<{ result: T; done: boolean }>,
  ): Promise<T> {
    const record = (data: Record<string, unknown>) =>
      this.deps.audit.append('content_exported', { id, action, format, ...data });
    let approved;
    try {
      approved = this.deps.review.approvedContent(id);
    } catch (err) {
      record({ outcome: toErrorData(err).code });
      throw err;
    }
    const { draft, version, approval } = approved;
    const aigc = this.deps.aigc();
    const appendix = this.deps.appendix?.(draft, version.content.text) ?? '';
    const input: ExportInput = {
      draftId: draft.id,
      version: version.version,
      kind: draft.kind,
      title: draft.title,
      content: appendix ? { ...version.content, text: `${version.content.text}\n\n${appendix}` } : version.content,
      fieldLabels: this.deps.fieldLabels?.(draft),
      approvedAt: approval.at,
      reviewer: approval.reviewer,
      aigc,
    };
    const { result, done } = await run(input);
    record({
      outcome: done ? 'ok' : 'cancelled',
      version: version.version,
      contentHash: version.contentHash,
      labels: { visible: aigc.visibleLabel, implicit: format !== 'txt' },
    });
    return result;
  }

  private async render(format: ExportFormat, input: ExportInput, options?: { flatten?: boolean }): Promise<ExportFile> {
    try {
      return await this.deps.render(format, input, options);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('export_failed', `rendering ${format} failed`, { detail: toErrorData(err).message });
    }
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page for the printer: the visible label, the title, the text line by line. No scripts. */
export function printablePage(input: ExportInput): string {
  const label = input.aigc.visibleLabel ? `<p class="aigc">${escapeHtml(input.aigc.labelText)}</p>` : '';
  const lines = input.content.text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line) || '&nbsp;'}</p>`)
    .join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${escapeHtml(input.title)}</title><style>` +
    `body{font-family:FangSong,'仿宋',SimSun,'Noto Serif CJK SC',serif;font-size:16pt;line-height:1.6;margin:0}` +
    `h1{font-family:SimHei,'黑体','Noto Sans CJK SC',sans-serif;font-size:22pt;text-align:center;font-weight:normal}` +
    `p{margin:0}.aigc{font-size:10pt;color:#555;border-bottom:1px solid #999;margin-bottom:12pt}` +
    `@page{size:A4;margin:37mm 26mm 35mm 28mm}</style></head><body>` +
    `${label}<h1>${escapeHtml(input.title)}</h1>${lines}</body></html>`
  );
}
