import { hasXfa, pdfFormEngine } from '../../electron/forms/pdf';
import type { FieldType, FormField } from '../../shared/domain/form';
import { form, pdfjsWidgets } from './pdf-support';
import type { PdfjsWidget } from './pdf-support';

// Listing the fields of the nine real forms. The counts per type are the ones published in
// /work/shared/fixtures/real/PROVENANCE.md (written there independently of this code; "push" is
// our 'button', "combo" our 'dropdown'); every field is also compared with what pdfjs reads.

type Counts = Partial<Record<FieldType, number>>;

const PUBLISHED: Record<string, { total: number; counts: Counts; xfa: boolean }> = {
  'pdflib__fancy_fields.pdf': {
    total: 15,
    counts: { text: 4, checkbox: 4, radio: 1, button: 4, dropdown: 1, list: 1 },
    xfa: false,
  },
  'pdflib__sample_form.pdf': {
    total: 29,
    counts: { text: 17, checkbox: 9, radio: 1, signature: 1, button: 1 },
    xfa: false,
  },
  'pdflib__dod_character.pdf': { total: 14, counts: { text: 13, button: 1 }, xfa: false },
  'pdflib__form_to_flatten.pdf': {
    total: 9,
    counts: { radio: 3, checkbox: 2, text: 2, list: 1, dropdown: 1 },
    xfa: false,
  },
  'pdflib__with_combed_fields.pdf': {
    total: 726,
    counts: { text: 710, radio: 2, dropdown: 1, button: 13 },
    xfa: false,
  },
  'pdflib__with_xfa_fields.pdf': { total: 116, counts: { text: 82, checkbox: 34 }, xfa: true },
  'pdfjs__resetform.pdf': {
    total: 15,
    counts: { text: 6, checkbox: 4, radio: 1, dropdown: 1, list: 1, button: 2 },
    xfa: false,
  },
  'pdfjs__annotation-choice-widget.pdf': { total: 5, counts: { dropdown: 2, list: 3 }, xfa: true },
  'kentros-pdfs__fw9.pdf': { total: 22, counts: { text: 15, checkbox: 7 }, xfa: true },
};

const cache = new Map<string, Promise<FormField[]>>();
const fieldsOf = (file: string) => {
  if (!cache.has(file)) cache.set(file, pdfFormEngine.fields(form(file), file));
  return cache.get(file)!;
};
const byName = async (file: string) => new Map((await fieldsOf(file)).map((f) => [f.name, f]));

function typeOf(w: PdfjsWidget): FieldType {
  if (w.fieldType === 'Tx') return 'text';
  if (w.fieldType === 'Sig') return 'signature';
  if (w.fieldType === 'Ch') return w.combo ? 'dropdown' : 'list';
  return w.checkBox ? 'checkbox' : w.radioButton ? 'radio' : 'button';
}

describe.each(Object.entries(PUBLISHED))('%s', (file, published) => {
  it('has the published number of fields of each type', async () => {
    const fields = await fieldsOf(file);
    expect(fields).toHaveLength(published.total);
    const counts: Counts = {};
    for (const f of fields) counts[f.type] = (counts[f.type] ?? 0) + 1;
    expect(counts).toEqual(published.counts);
    expect(new Set(fields.map((f) => f.name)).size).toBe(fields.length);
  });

  it('agrees with pdfjs on names, types, pages and flags', async () => {
    const fields = await fieldsOf(file);
    const widgets = await pdfjsWidgets(form(file));
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(widgets).sort());
    for (const f of fields) {
      const w = widgets[f.name]!;
      expect({ name: f.name, type: f.type, page: f.page, readOnly: f.readOnly, required: f.required }).toEqual({
        name: f.name,
        type: typeOf(w),
        page: w.page,
        readOnly: w.readOnly,
        required: w.required,
      });
      // A radio group's /TU is on the group; pdfjs reads the first button's own (none).
      if (f.type !== 'radio') expect(f.tooltip ?? '').toBe((w.alternativeText ?? '').replace(/\s+/g, ' ').trim());
      if (f.type === 'text') {
        expect([f.maxLength ?? 0, f.comb ?? false, f.multiline]).toEqual([w.maxLen, w.comb, w.multiLine]);
      }
      if (f.type === 'dropdown' || f.type === 'list') {
        expect(f.options).toEqual([...new Set(w.options!.map((o) => o.exportValue))]);
      }
      if (f.type === 'list') expect(f.multiSelect).toBe(w.multiSelect);
    }
  });

  it(`hasXfa says ${published.xfa}`, () => {
    expect(hasXfa(form(file))).toBe(published.xfa);
  });
});

describe('what each form holds', () => {
  it('fancy_fields: emoji names, values, the options of its radio group, dropdown and list', async () => {
    const f = await byName('pdflib__fancy_fields.pdf');
    expect(f.get('Prefix ⚽️')).toMatchObject({ type: 'text', value: 'Ms.', page: 1, multiline: false });
    expect(f.get('Are You A Fairy? 🌿')).toMatchObject({ type: 'checkbox', value: true });
    expect(f.get('Is Your Power Level Over 9000? 💪')).toMatchObject({
      type: 'checkbox',
      value: false,
      nearbyText: 'Is your power level over 9000?',
    });
    expect(f.get('Historical Figures 🐺')).toMatchObject({
      type: 'radio',
      options: ['Marcus Aurelius 🏛️', 'Ada Lovelace 💻', 'Marie Curie ☢️', 'Alexander Hamilton 🇺🇸'],
      value: 'Marcus Aurelius 🏛️',
    });
    expect(f.get('Choose A Gundam 🤖')).toMatchObject({
      type: 'dropdown',
      options: ['Exia', 'Kyrios', 'Virtue', 'Dynames'],
      value: 'Dynames',
    });
    expect(f.get('Which Are Planets? 🌎')).toMatchObject({
      type: 'list',
      options: ['Earth', 'Mars', 'Pluto', 'Neptune'],
      value: 'Mars',
      multiSelect: false,
      nearbyText: 'Which of these are planets?',
    });
    expect(f.get('Eject 📼')).toMatchObject({ type: 'button', readOnly: false });
  });

  it('sample_form: tooltips, a two-character STATE, the signature and the radio group', async () => {
    const f = await byName('pdflib__sample_form.pdf');
    expect(f.get('Name_Last')).toMatchObject({ type: 'text', value: 'Bar', tooltip: 'LAST', nearbyText: 'NAME' });
    expect(f.get('SSN')).toMatchObject({ tooltip: 'SOCIAL SECURITY NO. (MANDATORY' });
    expect(f.get('ASSOCIATES DEGREE')).toMatchObject({ type: 'checkbox', tooltip: 'ASSOCIATE’S DEGREE', value: false });
    expect(f.get('STATE')).toMatchObject({ type: 'text', maxLength: 2, value: 'WA' });
    expect(f.get('Telephone_Home')).toMatchObject({ nearbyText: 'TELEPHONE' });
    expect(f.get('EMPLOYEE SIGNATURE')).toMatchObject({ type: 'signature', page: 1 });
    expect(f.get('Print')).toMatchObject({ type: 'button' });
    expect(f.get('Sex')).toMatchObject({ type: 'radio', options: ['MALE', 'FEMALE'], value: 'MALE' });
  });

  it('dod_character: multi-line text fields', async () => {
    const f = await byName('pdflib__dod_character.pdf');
    for (const name of ['Allies', 'Backstory', 'Feat+Traits', 'Treasure']) {
      expect(f.get(name)).toMatchObject({ type: 'text', multiline: true });
    }
    expect(f.get('CharacterName 2')).toMatchObject({ type: 'text', multiline: false });
    expect(f.get('CHARACTER IMAGE')).toMatchObject({ type: 'button' });
  });

  it('form_to_flatten: a read-only check box and radio options listed once', async () => {
    const f = await byName('pdflib__form_to_flatten.pdf');
    expect(f.get('Check Box4')).toMatchObject({ type: 'checkbox', readOnly: true });
    expect(f.get('Check Box3')).toMatchObject({ type: 'checkbox', readOnly: false });
    // Group2 has four widgets with two on-values: two options.
    expect(f.get('Group2')).toMatchObject({ type: 'radio', options: ['Choice1', 'Choice2'] });
    expect(f.get('Group3')).toMatchObject({ type: 'radio', options: ['Choice4', 'Choice3'] });
    expect(f.get('Text1')).toMatchObject({ type: 'text', value: 'Default' });
    expect(f.get('Dropdown7')).toMatchObject({ type: 'dropdown', options: ['Acura', 'Infinity'], value: 'Acura' });
    expect(f.get('List Box6')).toMatchObject({ type: 'list', options: ['Honda', 'Toyota'], value: 'Honda' });
  });

  it('with_combed_fields: 13 pages, comb fields, a read-only comb, long tooltips', async () => {
    const fields = await fieldsOf('pdflib__with_combed_fields.pdf');
    expect(new Set(fields.map((f) => f.page))).toEqual(new Set(Array.from({ length: 13 }, (_, i) => i + 1)));
    // Six comb fields (business number, dates), as pdfjs counts too.
    expect(fields.filter((f) => f.comb).map((f) => f.maxLength)).toEqual([9, 2, 4, 8, 8, 8]);
    const f = new Map(fields.map((x) => [x.name, x]));
    const account = 'form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].AccountNumber[0]';
    expect(f.get(`${account}.BusinessNumber_RT1[0]`)).toMatchObject({
      type: 'text',
      comb: true,
      maxLength: 9,
      page: 1,
      tooltip: '1. Business information. Business number. First 9 digits.',
      nearbyText: 'Business number:',
    });
    expect(f.get(`${account}.BusinessNumber_RT[0]`)).toMatchObject({ readOnly: true, value: 'RD', maxLength: 2 });
    expect(f.get(`${account}.BusinessNumber_RT[0]`)?.tooltip).toBeUndefined(); // /TU is a lone space
    expect(f.get('form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].LegalName[0]')).toMatchObject({
      nearbyText: 'Legal name:',
    });
    const province = f.get('form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].Province[0]')!;
    expect(province.type).toBe('dropdown');
    expect(province.options).toEqual(expect.arrayContaining(['AB', 'BC', 'ON', 'QC']));
    expect(f.get('form1[0].Page12[0].SalesDutyPage12[0].ByDueDate[0]')).toMatchObject({
      type: 'radio',
      options: ['1', '2'],
      page: 12,
    });
    expect(f.get('form1[0].#pageSet[0].Page1[0].ClearData_EN[0]')).toMatchObject({ type: 'button', page: 1 });
  });

  it('with_xfa_fields (IRS 1040): fully qualified names, combs for the SSNs', async () => {
    const f = await byName('pdflib__with_xfa_fields.pdf');
    expect(f.get('topmostSubform[0].Page1[0].FilingStatus[0].c1_01[0]')).toMatchObject({
      type: 'checkbox',
      value: false,
      page: 1,
    });
    expect(f.get('topmostSubform[0].Page1[0].YourSocial_ReadOrderControl[0].f1_04[0]')).toMatchObject({
      type: 'text',
      comb: true,
      maxLength: 9,
    });
    expect([...f.values()].filter((x) => x.page === 2).length).toBeGreaterThan(0);
  });

  it('resetform: export values of choices that differ from the shown text', async () => {
    const f = await byName('pdfjs__resetform.pdf');
    expect(f.get('Dropdown12')).toMatchObject({ type: 'dropdown', options: ['a', 'b', 'c'], value: 'a' });
    expect(f.get('List Box13')).toMatchObject({ type: 'list', options: ['d', 'e', 'f'], value: 'd' });
    expect(f.get('Group11')).toMatchObject({ type: 'radio', options: ['Choice1', 'Choice2', 'Choice3', 'Choice4'] });
    expect(f.get('Group11')?.value).toBeUndefined();
  });

  it('annotation-choice-widget: a read-only combo box and a multi-select list', async () => {
    const f = await byName('pdfjs__annotation-choice-widget.pdf');
    const base = 'formulier1[0].#subform[0]';
    const options = ['Lorem', 'Ipsum', 'Dolor', 'Sit', 'Amet', 'Consectetur', 'Adipiscing', 'Elit'];
    expect(f.get(`${base}.Vervolgkeuzelijst1[0]`)).toMatchObject({
      type: 'dropdown',
      readOnly: false,
      value: 'Dolor',
      options,
      tooltip: 'Combo box',
    });
    expect(f.get(`${base}.Vervolgkeuzelijst2[0]`)).toMatchObject({
      type: 'dropdown',
      readOnly: true,
      tooltip: 'Combo box, read-only',
    });
    expect(f.get(`${base}.Keuzelijst2[0]`)).toMatchObject({
      type: 'list',
      multiSelect: true,
      value: ['Ipsum', 'Amet', 'Consectetur', 'Elit'],
    });
    expect(f.get(`${base}.Keuzelijst1[0]`)).toMatchObject({ type: 'list', multiSelect: false, value: 'Sit' });
    expect(f.get(`${base}.Keuzelijst3[0]`)).toMatchObject({ type: 'list', readOnly: true });
  });

  it('fw9: names, combs, the captions of its check boxes and the labels above its lines', async () => {
    const f = await byName('kentros-pdfs__fw9.pdf');
    const p1 = 'topmostSubform[0].Page1[0]';
    expect(f.get(`${p1}.f1_1[0]`)).toMatchObject({ type: 'text', page: 1, multiline: false });
    expect(f.get(`${p1}.f1_1[0]`)?.nearbyText).toMatch(/^1 Name \(as shown on your income tax ret/);
    expect(f.get(`${p1}.FederalClassification[0].c1_1[1]`)).toMatchObject({
      type: 'checkbox',
      nearbyText: 'C Corporation',
    });
    expect(f.get(`${p1}.FederalClassification[0].f1_3[0]`)).toMatchObject({ maxLength: 1 });
    expect(f.get(`${p1}.SSN[0].f1_11[0]`)).toMatchObject({ comb: true, maxLength: 3 });
    expect(f.get(`${p1}.SSN[0].f1_13[0]`)).toMatchObject({ comb: true, maxLength: 4 });
    expect(f.get(`${p1}.f1_9[0]`)).toMatchObject({ multiline: true });
    for (const field of f.values()) expect((field.nearbyText ?? '').length).toBeLessThanOrEqual(40);
  });
});
