import type { FormEngine } from '../types';
import { listFields } from './fields';
import { fillForm } from './fill';
import { readingForm } from './load';

export { hasXfa } from './xfa';

/** PDF AcroForms through pdf-lib (fields, values, appearances) and pdfjs (the labels' text). */
export const pdfFormEngine: FormEngine = {
  fields: (bytes, fileName) => readingForm(fileName, () => listFields(bytes, fileName)),
  fill: (bytes, fileName, values, options) => readingForm(fileName, () => fillForm(bytes, fileName, values, options)),
};
