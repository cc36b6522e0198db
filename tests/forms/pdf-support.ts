import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPdf } from '../../electron/ingest/pdfjs';
import { FIXTURES, ROOT } from '../support/temp';

// Helpers for the PDF form tests: the fixtures, pdfjs as the independent reader of what a
// filled form holds, and poppler (pdftoppm, pdftotext, pdffonts) for what it shows.

export const FORMS = path.join(FIXTURES, 'forms');
export const form = (name: string) => new Uint8Array(fs.readFileSync(path.join(FORMS, name)));
export const realPdf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'pdf', name)));

/** out/samples on every run; WENSHU_SAMPLES=docs/samples refreshes the pictures docs/ shows. */
export const SAMPLES_DIR = process.env.WENSHU_SAMPLES
  ? path.resolve(process.env.WENSHU_SAMPLES)
  : path.join(ROOT, 'out', 'samples');

/** What pdfjs reads from a widget annotation (the parts these tests compare). */
export interface PdfjsWidget {
  fieldName: string;
  fieldType: 'Tx' | 'Btn' | 'Ch' | 'Sig';
  fieldValue: unknown;
  readOnly: boolean;
  required: boolean;
  alternativeText?: string;
  maxLen?: number;
  comb?: boolean;
  multiLine?: boolean;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  combo?: boolean;
  multiSelect?: boolean;
  exportValue?: string;
  buttonValue?: string;
  options?: { exportValue: string; displayValue: string }[];
  rect: number[];
  /** 1-based. */
  page: number;
  /** The rects of all the field's widgets on that page (a radio group has one per button). */
  rects: number[][];
}

/** pdfjs' widgets of every page by field name (first widget in page order), or {} without fields. */
export async function pdfjsWidgets(bytes: Uint8Array): Promise<Record<string, PdfjsWidget>> {
  const doc = await openPdf(bytes, 'form.pdf');
  try {
    const out: Record<string, PdfjsWidget> = {};
    for (let n = 1; n <= doc.numPages; n++) {
      const annotations = (await (await doc.getPage(n)).getAnnotations()) as (PdfjsWidget & { subtype: string })[];
      for (const a of annotations) {
        if (a.subtype !== 'Widget' || !a.fieldName) continue;
        const known = out[a.fieldName];
        if (!known) out[a.fieldName] = { ...a, page: n, rects: [a.rect] };
        else if (known.page === n) known.rects.push(a.rect);
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** pdfjs' document info flags: is there an AcroForm, is there XFA. */
export async function pdfjsFormInfo(bytes: Uint8Array) {
  const doc = await openPdf(bytes, 'filled.pdf');
  try {
    const { info } = (await doc.getMetadata()) as { info: { IsAcroFormPresent?: boolean; IsXFAPresent?: boolean } };
    const page = await doc.getPage(1);
    const widgets = (await page.getAnnotations()).filter((a: { subtype: string }) => a.subtype === 'Widget');
    return {
      acroForm: info.IsAcroFormPresent === true,
      xfa: info.IsXFAPresent === true,
      widgetsOnPage1: widgets.length,
    };
  } finally {
    await doc.destroy();
  }
}

/** The page box pdftoppm renders (the crop box), for mapping a field's rect to pixels. */
export async function pageView(bytes: Uint8Array, page: number): Promise<number[]> {
  const doc = await openPdf(bytes, 'form.pdf');
  try {
    const p = await doc.getPage(page);
    if (p.rotate !== 0) throw new Error('rotated pages are not handled here');
    return p.view;
  } finally {
    await doc.destroy();
  }
}

const DPI = 60;

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

export const write = (dir: string, name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/**
 * Renders one page as 8-bit grey at 60 dpi, by default with a fontconfig that knows no fonts:
 * whatever glyphs appear come from the PDF itself, so Chinese that shows was embedded, not
 * substituted. `machineFonts` renders with the fonts installed instead.
 */
export function renderGray(file: string, page: number, machineFonts = false): Gray {
  const dir = path.dirname(file);
  const conf = path.join(dir, 'no-fonts.conf');
  if (!fs.existsSync(conf)) {
    fs.writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>${dir}/fc-cache</cachedir></fontconfig>`,
    );
  }
  const prefix = `${file}-p${page}${machineFonts ? '-fonts' : ''}`;
  const run = spawnSync(
    'pdftoppm',
    ['-r', String(DPI), '-gray', '-singlefile', '-f', String(page), '-l', String(page), file, prefix],
    { env: machineFonts ? process.env : { ...process.env, FONTCONFIG_FILE: conf } },
  );
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${String(run.stderr)}`);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const [header, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: pgm.subarray(header.length, header.length + width * height) };
}

/**
 * Pixels inside `rect` (PDF points) whose grey level differs between two renders of the same
 * renderer (identical elsewhere): more than 16 levels, as a faint check mark on a tinted box.
 */
export function changedPixels(a: Gray, b: Gray, view: number[], rect: number[]): number {
  const k = DPI / 72;
  const [x1, y1, x2, y2] = [
    Math.min(rect[0]!, rect[2]!),
    Math.min(rect[1]!, rect[3]!),
    Math.max(rect[0]!, rect[2]!),
    Math.max(rect[1]!, rect[3]!),
  ];
  const left = Math.max(0, Math.floor((x1 - view[0]!) * k));
  const right = Math.min(a.width, Math.ceil((x2 - view[0]!) * k));
  const top = Math.max(0, Math.floor((view[3]! - y2) * k));
  const bottom = Math.min(a.height, Math.ceil((view[3]! - y1) * k));
  let changed = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      if (Math.abs(a.pixels[y * a.width + x]! - b.pixels[y * b.width + x]!) > 16) changed++;
    }
  }
  return changed;
}

/** pdftotext of one page, in reading order (-raw keeps a field's value on one run). */
export const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });

/** pdffonts' table, cut at its dash line's columns: name, type, encoding, emb, sub, uni, object. */
export function fonts(file: string): { name: string; type: string; embedded: boolean; subset: boolean }[] {
  const [, dashes = '', ...rows] = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const columns = [...dashes.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return rows.filter(Boolean).map((row) => {
    const cell = (i: number) => row.slice(columns[i]![0], columns[i]![1] + 1).trim();
    return { name: cell(0), type: cell(1), embedded: cell(3) === 'yes', subset: cell(4) === 'yes' };
  });
}

/** A PNG of one page in the samples folder, e.g. form-sample_form-1.png (with the machine's fonts). */
export function savePng(file: string, page: number, name: string): string {
  fs.mkdirSync(SAMPLES_DIR, { recursive: true });
  const prefix = path.join(SAMPLES_DIR, `${name}-${page}`);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, prefix], {
    stdio: 'ignore',
  });
  return `${prefix}.png`;
}
