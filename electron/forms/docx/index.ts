import { AppError } from '../../../shared/errors';
import type { FormEngine } from '../types';
import { fillDocx } from './fill';
import { readDocxTemplate } from './template';

/**
 * The DOCX form engine: `{{name}}` placeholders (poi-tl style, in the body, headers and footers)
 * and Word content controls. DOCX filling never needs notes (nothing is removed or flattened).
 */
export const docxFormEngine: FormEngine = {
  async fields(bytes, fileName) {
    const { fields } = await readDocxTemplate(bytes, fileName);
    if (!fields.length) {
      throw new AppError('form_no_fields', `no placeholders or content controls in ${fileName}`, { file: fileName });
    }
    return fields;
  },
  async fill(bytes, fileName, values) {
    return { bytes: await fillDocx(bytes, fileName, values), notes: [] };
  },
};

export { readDocxTemplate } from './template';
export type { DocxTemplate } from './template';
