/** What an export is made from: one approved version of a draft, plus the labelling policy. */
export interface ExportInput {
  draftId: string;
  version: number;
  kind: 'document' | 'summary' | 'form';
  title: string;
  /** The text in the plain-text convention of official documents: one element per line. */
  content: { text: string; fields: Record<string, string> };
  /** ISO time of the approval. */
  approvedAt: string;
  reviewer: { account: string; name: string };
  /** What people call the fields (a form's labels), shown instead of their names in field lists. */
  fieldLabels?: Record<string, string>;
  /** From the machine policy (shared/policy/schema.ts AigcPolicy). */
  aigc: { visibleLabel: boolean; labelText: string; contentProducer: string };
}

export type ExportFormat = 'docx' | 'pdf' | 'md' | 'txt';

export interface ExportFile {
  bytes: Uint8Array;
  extension: ExportFormat;
  mime: string;
  /** Title-based, safe on Windows and Linux file systems, with the extension. */
  fileName: string;
}

export interface RenderOptions {
  /**
   * The CJK font embedded (subset) in PDFs. Default: assets/fonts/ from the project root, which
   * suits the checkout, the tests and the Node bundles (see font.ts); packaged Electron passes the
   * path inside the package.
   */
  pdfFontPath?: string;
}
