import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { FormField, FormKind } from '../../../shared/domain/form';
import { AppError } from '../../../shared/errors';
import { deriveProfile } from '../../../shared/forms/profile';
import { formKindOf } from '../../forms/kind';
import type { FillValue, FormEngine } from '../../forms/types';
import type { CliContext } from '../context';
import { readBytes } from '../read-file';

/** The engine for a file (loaded on demand: pdf-lib and jszip are not needed elsewhere). */
async function engineFor(file: string, bytes: Uint8Array): Promise<{ kind: FormKind; engine: FormEngine }> {
  const kind = formKindOf(path.basename(file), bytes);
  const engine =
    kind === 'pdf'
      ? (await import('../../forms/pdf')).pdfFormEngine
      : (await import('../../forms/docx')).docxFormEngine;
  return { kind, engine };
}

/** `--values` is JSON text or the path of a JSON file: an object of field name → string, boolean or string[]. */
function readValues(arg: string): Record<string, FillValue> {
  const text = arg.trim().startsWith('{') ? arg : new TextDecoder().decode(readBytes(arg));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_input', `--values is not JSON: ${(err as Error).message}`, { field: '--values' });
  }
  const ok = (v: unknown) =>
    typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('invalid_input', '--values must be a JSON object of field name → value', { field: '--values' });
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (!ok(value)) {
      throw new AppError('form_bad_value', `${name}: a string, true/false or a list of strings`, {
        field: name,
        detail: 'a string, true/false or a list of strings',
      });
    }
  }
  return parsed as Record<string, FillValue>;
}

const flags = (f: FormField) =>
  [
    f.readOnly && 'read-only',
    f.required && 'required',
    f.maxLength && `max ${f.maxLength}`,
    f.comb && 'comb',
    f.multiline && 'multiline',
  ]
    .filter(Boolean)
    .join(', ');

/** `wenshu form fields FILE` and `wenshu form fill FILE --values JSON --out FILE` (no AI involved). */
export function registerFormCommands(program: Command, ctx: CliContext): void {
  const form = program
    .command('form')
    .description('PDF AcroForms and DOCX templates: list fields, fill with given values');

  form
    .command('fields')
    .description('list the fields of a PDF form or DOCX template')
    .argument('<file>', 'a PDF AcroForm or a DOCX template ({{field}} placeholders or content controls)')
    .action(async (file: string) => {
      const bytes = readBytes(file);
      const { engine } = await engineFor(file, bytes);
      const fields = await engine.fields(bytes, path.basename(file));
      const out = fields.map(({ name, type, options, value, page, readOnly, required, maxLength }) => ({
        name,
        type,
        ...(options && { options }),
        ...(value !== undefined && { value }),
        ...(page !== undefined && { page }),
        readOnly,
        required,
        ...(maxLength !== undefined && { maxLength }),
      }));
      const human = fields
        .map(
          (f) =>
            `${f.name}  ${f.type}${f.page ? `  p.${f.page}` : ''}${f.options ? `  [${f.options.join(' | ')}]` : ''}${flags(f) ? `  (${flags(f)})` : ''}\n`,
        )
        .join('');
      ctx.print(out, `${human}${fields.length} fields\n`);
    });

  form
    .command('profile')
    .description(
      "a form's profile (labels and validation types): the one saved in the store, else a fresh guess — for the region's policy",
    )
    .argument('<file>', 'a PDF AcroForm or a DOCX template')
    .action(async (file: string) => {
      const bytes = readBytes(file);
      const { kind, engine } = await engineFor(file, bytes);
      const formHash = createHash('sha256').update(bytes).digest('hex');
      const saved = ctx
        .open()
        .forms.list()
        .some((f) => f.id === formHash);
      const profile = saved
        ? (await ctx.open().forms.get(formHash)).profile
        : deriveProfile(await engine.fields(bytes, path.basename(file)), {
            formHash,
            kind,
            title: path.basename(file).replace(/\.[^.]+$/, ''),
          });
      ctx.print(profile, `${JSON.stringify(profile, null, 2)}\n`);
    });

  form
    .command('fill')
    .description('fill a form with the given values (for scripts and tests; no AI)')
    .argument('<file>', 'a PDF AcroForm or a DOCX template')
    .requiredOption('--values <json>', 'JSON object (or a .json file): field name → string, true/false or [choices]')
    .requiredOption('--out <file>', 'where to write the filled form')
    .option('--flatten', 'PDF: turn the fields into page content')
    .action(async (file: string, cmd: { values: string; out: string; flatten?: boolean }) => {
      const bytes = readBytes(file);
      const values = readValues(cmd.values);
      const { engine } = await engineFor(file, bytes);
      const filled = await engine.fill(bytes, path.basename(file), values, { flatten: cmd.flatten });
      const out = path.resolve(cmd.out);
      fs.writeFileSync(out, filled.bytes);
      const notes = filled.notes.map((n) =>
        n.kind === 'xfa_removed'
          ? '注意：此表格含 XFA，已按 AcroForm 填写并移除 XFA。 Note: hybrid XFA form filled through its AcroForm; the XFA was removed.\n'
          : '已扁平化 flattened\n',
      );
      ctx.print(
        { out, fields: Object.keys(values).length, notes: filled.notes.map((n) => n.kind) },
        `${notes.join('')}已填写 filled ${Object.keys(values).length} → ${out}\n`,
      );
    });
}
