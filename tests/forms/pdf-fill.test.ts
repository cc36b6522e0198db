import crypto from 'node:crypto';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { hasXfa, pdfFormEngine } from '../../electron/forms/pdf';
import type { FillValue } from '../../electron/forms/types';
import { AppError } from '../../shared/errors';
import { tempDir } from '../support/temp';
import {
  changedPixels,
  fonts,
  form,
  pageText,
  pageView,
  pdfjsFormInfo,
  pdfjsWidgets,
  realPdf,
  renderGray,
  savePng,
  write,
} from './pdf-support';
import type { PdfjsWidget } from './pdf-support';

// Filling the nine real forms with values of every type they have, Chinese included, read back by
// other programs: pdfjs for the values, poppler for what prints (pdftoppm with no fonts on the
// machine, pdftotext, pdffonts). Expected values are written out here, not taken from the engine.

const dir = tempDir('wenshu-pdf-fill-');

const ADDRESS = '北京市海淀区中关村大街1号';
const REMARK =
  '备注：\n申请人于2024年3月提交材料，经审核符合条件，同意办理。材料齐全，请于五个工作日内领取。\n联系人：李四';

interface Case {
  file: string;
  /** Short name for sample pictures. */
  id: string;
  values: Record<string, FillValue>;
  /** What pdfjs must read back per field (its fieldValue: on-state names, arrays for choices). */
  read: Record<string, unknown>;
  xfa?: boolean;
  /** Signed for Adobe Reader's extended features (/Perms /UR3). */
  readerExtended?: boolean;
}

const CASES: Case[] = [
  {
    file: 'pdflib__sample_form.pdf',
    id: 'sample_form',
    readerExtended: true,
    values: {
      Name_Last: '张',
      Name_First: '三',
      Address_1: ADDRESS,
      City: '北京市',
      STATE: '京',
      Emergency_Contact: '李四（父亲）',
      'HIGH SCHOOL DIPLOMA': false,
      PHD: true,
      Sex: 'FEMALE',
    },
    read: {
      Name_Last: '张',
      Name_First: '三',
      Address_1: ADDRESS,
      City: '北京市',
      STATE: '京',
      Emergency_Contact: '李四（父亲）',
      'HIGH SCHOOL DIPLOMA': 'Off',
      PHD: 'On',
      Sex: 'FEMALE',
    },
  },
  {
    file: 'pdflib__fancy_fields.pdf',
    id: 'fancy_fields',
    values: {
      'Prefix ⚽️': '女士',
      'LastName 🛩': '王',
      'First Name 🚀': '晓红',
      'Are You A Fairy? 🌿': '否',
      'Is Your Power Level Over 9000? 💪': '是',
      'Historical Figures 🐺': 'Ada Lovelace 💻',
      'Choose A Gundam 🤖': 'Exia',
      'Which Are Planets? 🌎': ['Earth'],
    },
    read: {
      'Prefix ⚽️': '女士',
      'LastName 🛩': '王',
      'First Name 🚀': '晓红',
      'Are You A Fairy? 🌿': 'Off',
      'Is Your Power Level Over 9000? 💪': 'Yes',
      // The group's /Opt lists the names; its buttons' on-states are their indices.
      'Historical Figures 🐺': '1',
      'Choose A Gundam 🤖': ['Exia'],
      'Which Are Planets? 🌎': ['Earth'],
    },
  },
  {
    file: 'pdflib__dod_character.pdf',
    id: 'dod_character',
    values: { 'CharacterName 2': '张三', Age: '35', Backstory: REMARK },
    read: { 'CharacterName 2': '张三', Age: '35', Backstory: REMARK },
  },
  {
    file: 'pdflib__form_to_flatten.pdf',
    id: 'form_to_flatten',
    values: {
      Group2: 'Choice2',
      'Check Box3': true,
      Text1: '默认值',
      'List Box6': 'Toyota',
      Dropdown7: 'Infinity',
      Date8_af_date: '2024年5月1日',
    },
    read: {
      Group2: 'Choice2',
      'Check Box3': 'Yes',
      Text1: '默认值',
      'List Box6': ['Toyota'],
      Dropdown7: ['Infinity'],
      Date8_af_date: '2024年5月1日',
    },
  },
  {
    file: 'pdflib__with_combed_fields.pdf',
    id: 'with_combed_fields',
    values: {
      'form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].LegalName[0]': '北京某某科技有限公司',
      'form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].AccountNumber[0].BusinessNumber_RT1[0]': '123456789',
      'form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].City[0]': '北京',
      // The shown text of an option selects its export value.
      'form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].Province[0]': 'British Columbia',
      'form1[0].Page1[0].BeforeYouBegin[0].Type[0].RadioButtonGroup[0]': '2',
      'form1[0].Page1[0].BeforeYouBegin[0].Period[0].FromToDates_Comb_Adv_EN[0].FromDate[0]': '20240101',
    },
    read: {
      'form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].LegalName[0]': '北京某某科技有限公司',
      'form1[0].Page1[0].BeforeYouBegin[0].BusinessInfo[0].AccountNumber[0].BusinessNumber_RT1[0]': '123456789',
      'form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].City[0]': '北京',
      'form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].Province[0]': ['BC'],
      // Option "2" (its /Opt entry) is the second button, whose on-state is /1.
      'form1[0].Page1[0].BeforeYouBegin[0].Type[0].RadioButtonGroup[0]': '1',
      'form1[0].Page1[0].BeforeYouBegin[0].Period[0].FromToDates_Comb_Adv_EN[0].FromDate[0]': '20240101',
    },
  },
  {
    file: 'pdflib__with_xfa_fields.pdf',
    id: 'with_xfa_fields',
    xfa: true,
    readerExtended: true,
    values: {
      'topmostSubform[0].Page1[0].f1_02[0]': '张三',
      'topmostSubform[0].Page1[0].FilingStatus[0].c1_01[0]': true,
      'topmostSubform[0].Page1[0].YourSocial_ReadOrderControl[0].f1_04[0]': '123456789',
    },
    read: {
      'topmostSubform[0].Page1[0].f1_02[0]': '张三',
      'topmostSubform[0].Page1[0].FilingStatus[0].c1_01[0]': '1',
      'topmostSubform[0].Page1[0].YourSocial_ReadOrderControl[0].f1_04[0]': '123456789',
    },
  },
  {
    file: 'kentros-pdfs__fw9.pdf',
    id: 'fw9',
    xfa: true,
    readerExtended: true,
    values: {
      'topmostSubform[0].Page1[0].f1_1[0]': '张三',
      'topmostSubform[0].Page1[0].f1_2[0]': '北京某某科技有限公司',
      'topmostSubform[0].Page1[0].FederalClassification[0].c1_1[0]': true,
      'topmostSubform[0].Page1[0].Address[0].f1_7[0]': ADDRESS,
      'topmostSubform[0].Page1[0].f1_9[0]': '北京市财政局\n海淀区办公室',
      'topmostSubform[0].Page1[0].SSN[0].f1_11[0]': '123',
    },
    read: {
      'topmostSubform[0].Page1[0].f1_1[0]': '张三',
      'topmostSubform[0].Page1[0].f1_2[0]': '北京某某科技有限公司',
      'topmostSubform[0].Page1[0].FederalClassification[0].c1_1[0]': '1',
      'topmostSubform[0].Page1[0].Address[0].f1_7[0]': ADDRESS,
      'topmostSubform[0].Page1[0].f1_9[0]': '北京市财政局\n海淀区办公室',
      'topmostSubform[0].Page1[0].SSN[0].f1_11[0]': '123',
    },
  },
  {
    file: 'pdfjs__resetform.pdf',
    id: 'resetform',
    values: { Text1: '张三', 'Check Box7': 'On', Group11: 'Choice3', Dropdown12: 'B', 'List Box13': 'f' },
    read: { Text1: '张三', 'Check Box7': 'Yes', Group11: 'Choice3', Dropdown12: ['b'], 'List Box13': ['f'] },
  },
  {
    file: 'pdfjs__annotation-choice-widget.pdf',
    id: 'annotation-choice-widget',
    xfa: true,
    values: {
      'formulier1[0].#subform[0].Vervolgkeuzelijst1[0]': 'Amet',
      'formulier1[0].#subform[0].Keuzelijst1[0]': 'Lorem',
      'formulier1[0].#subform[0].Keuzelijst2[0]': ['Lorem', 'Sit'],
    },
    read: {
      'formulier1[0].#subform[0].Vervolgkeuzelijst1[0]': ['Amet'],
      'formulier1[0].#subform[0].Keuzelijst1[0]': ['Lorem'],
      'formulier1[0].#subform[0].Keuzelijst2[0]': ['Lorem', 'Sit'],
    },
  },
];

const hasCjk = (s: string) => /\p{Script=Han}/u.test(s);
const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CASES.map((c) => [c.id, c] as const))('fill %s', (_id, c) => {
  let original: Uint8Array;
  let filled: Uint8Array;
  let notes: { kind: string }[];
  let before: Record<string, PdfjsWidget>;
  let after: Record<string, PdfjsWidget>;
  let file: string;

  beforeAll(async () => {
    original = form(c.file);
    ({ bytes: filled, notes } = await pdfFormEngine.fill(original, c.file, c.values));
    file = write(dir, `${c.id}.pdf`, filled);
    before = await pdfjsWidgets(original);
    after = await pdfjsWidgets(filled);
  }, 60_000);

  it('pdfjs reads back every value written', () => {
    for (const [name, value] of Object.entries(c.read)) {
      expect([name, after[name]?.fieldValue]).toEqual([name, value]);
    }
  });

  it('leaves every other field as it was', () => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before).filter((n) => !(n in c.values))) {
      expect([name, after[name]!.fieldValue]).toEqual([name, before[name]!.fieldValue]);
    }
  });

  it(c.xfa ? 'notes that the XFA was removed, and it is gone' : 'has nothing to note', async () => {
    expect(notes).toEqual(c.xfa ? [{ kind: 'xfa_removed' }] : []);
    expect((await pdfjsFormInfo(filled)).xfa).toBe(false);
    expect(hasXfa(filled)).toBe(false);
    if (c.xfa) expect((await pdfjsFormInfo(original)).xfa).toBe(true);
  });

  if (c.readerExtended) {
    it('drops the Reader-extension signature the rewrite would break', async () => {
      const ur3 = async (bytes: Uint8Array) =>
        (await PDFDocument.load(bytes)).catalog.lookupMaybe(PDFName.of('Perms'), PDFDict)?.has(PDFName.of('UR3'));
      expect(await ur3(original)).toBe(true);
      expect(await ur3(filled)).toBeFalsy();
    });
  }

  it('embeds the subset CJK font (no substitution)', () => {
    const cjk = fonts(file).filter((f) => /^[A-Z]{6}\+NotoSansCJKsc-Regular$/.test(f.name));
    expect(cjk).toEqual([
      { name: expect.stringMatching(/NotoSansCJKsc/), type: 'CID TrueType', embedded: true, subset: true },
    ]);
  });

  it('shows each value where its field is (text and choices with the embedded font alone)', async () => {
    const originalFile = write(dir, `${c.id}-original.pdf`, original);
    const pages = [...new Set(Object.keys(c.values).map((n) => after[n]!.page))];
    for (const page of pages) {
      const view = await pageView(filled, page);
      // Check marks are ZapfDingbats glyphs the form does not embed: those need the machine's fonts.
      const bare = [renderGray(originalFile, page), renderGray(file, page)] as const;
      const withFonts = [renderGray(originalFile, page, true), renderGray(file, page, true)] as const;
      for (const name of Object.keys(c.values).filter((n) => after[n]!.page === page)) {
        const [a, b] = after[name]!.fieldType === 'Btn' ? withFonts : bare;
        const changed = after[name]!.rects.reduce((sum, rect) => sum + changedPixels(a, b, view, rect), 0);
        expect([name, changed > 2]).toEqual([name, true]);
      }
    }
  }, 60_000);

  it('pdftotext finds the Chinese text values on their pages', () => {
    for (const [name, value] of Object.entries(c.values)) {
      if (typeof value !== 'string' || !hasCjk(value) || after[name]!.fieldType !== 'Tx') continue;
      expect(squash(pageText(file, after[name]!.page))).toContain(squash(value));
    }
  });
});

describe('sample pictures', () => {
  // Written to out/samples (or $WENSHU_SAMPLES): look at them, Chinese must show as characters.
  it.each(['sample_form', 'fw9', 'fancy_fields', 'dod_character', 'with_combed_fields'])(
    'form-%s-1.png',
    async (id) => {
      const c = CASES.find((x) => x.id === id)!;
      const { bytes } = await pdfFormEngine.fill(form(c.file), c.file, c.values);
      const png = savePng(write(dir, `${id}-sample.pdf`, bytes), 1, `form-${id}`);
      expect(png).toMatch(new RegExp(`form-${id}-1\\.png$`));
    },
    60_000,
  );
});

describe('flatten', () => {
  it('turns the fields into page content: no fields left, the values still print', async () => {
    const c = CASES[0]!;
    const { bytes, notes } = await pdfFormEngine.fill(form(c.file), c.file, c.values, { flatten: true });
    expect(notes).toEqual([{ kind: 'flattened' }]);
    expect(await pdfjsWidgets(bytes)).toEqual({});
    expect(await pdfjsFormInfo(bytes)).toMatchObject({ acroForm: false, widgetsOnPage1: 0 });
    await expect(pdfFormEngine.fields(bytes, 'flat.pdf')).rejects.toMatchObject({ code: 'form_no_fields' });

    const flatFile = write(dir, 'sample_form-flat.pdf', bytes);
    expect(squash(pageText(flatFile, 1))).toContain(squash(ADDRESS));
    // The flat page looks like the filled one where the fields were, and not like the blank form.
    const filled = await pdfFormEngine.fill(form(c.file), c.file, c.values);
    const filledFile = write(dir, 'sample_form-filled.pdf', filled.bytes);
    const rects = await pdfjsWidgets(filled.bytes);
    const view = await pageView(bytes, 1);
    const blank = renderGray(write(dir, 'sample_form-blank.pdf', form(c.file)), 1, true);
    const live = renderGray(filledFile, 1, true);
    const flat = renderGray(flatFile, 1, true);
    for (const name of ['Address_1', 'Name_Last', 'PHD', 'Sex']) {
      const rect = rects[name]!.rect;
      expect([name, changedPixels(blank, flat, view, rect) > 2]).toEqual([name, true]);
      expect([name, changedPixels(live, flat, view, rect)]).toEqual([name, 0]);
    }
  }, 60_000);

  it('notes both on a hybrid XFA form', async () => {
    const c = CASES.find((x) => x.id === 'fw9')!;
    const { bytes, notes } = await pdfFormEngine.fill(form(c.file), c.file, c.values, { flatten: true });
    expect(notes).toEqual([{ kind: 'xfa_removed' }, { kind: 'flattened' }]);
    expect(await pdfjsFormInfo(bytes)).toMatchObject({ acroForm: false, xfa: false });
    expect(squash(pageText(write(dir, 'fw9-flat.pdf', bytes), 1))).toContain(squash(ADDRESS));
  }, 60_000);
});

async function failure(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('refusals', () => {
  const sample = form('pdflib__sample_form.pdf');
  const fill = (values: Record<string, FillValue>, bytes = sample) => pdfFormEngine.fill(bytes, 'x.pdf', values);

  it('an unknown field name', async () => {
    const err = await failure(fill({ Name_Last: '张', 姓名: '张三' }));
    expect(err).toMatchObject({ code: 'form_unknown_field', params: { field: '姓名' } });
  });

  it.each<[string, string, FillValue, RegExp]>([
    ['a boolean for a text field', 'Name_Last', true, /text field takes text/],
    ['a list for a text field', 'Name_Last', ['张', '三'], /only a list takes several values/],
    ['text over maxLength', 'STATE', '北京市', /3 characters; the field allows at most 2/],
    ['a word that is not yes or no for a check box', 'PHD', 'maybe', /check box takes true or false/],
    ['a radio option that does not exist', 'Sex', '未知', /not one of the options "MALE", "FEMALE"/],
    ['a value for a signature', 'EMPLOYEE SIGNATURE', '张三', /signature field cannot be filled/],
    ['a value for a push button', 'Print', 'On', /push button holds no value/],
  ])('%s', async (_what, field, value, detail) => {
    const err = await failure(fill({ [field]: value }));
    expect(err).toMatchObject({ code: 'form_bad_value', params: { field } });
    expect(String(err.params!.detail)).toMatch(detail);
  });

  it('choices that are not options, and two choices for a single-choice list', async () => {
    const fancy = form('pdflib__fancy_fields.pdf');
    const gundam = await failure(fill({ 'Choose A Gundam 🤖': 'Zaku' }, fancy));
    expect(gundam).toMatchObject({ code: 'form_bad_value', params: { field: 'Choose A Gundam 🤖' } });
    expect(String(gundam.params!.detail)).toMatch(/"Zaku" is not one of the options "Exia", "Kyrios"/);
    const planets = await failure(fill({ 'Which Are Planets? 🌎': ['Earth', 'Mars'] }, fancy));
    expect(String(planets.params!.detail)).toMatch(/allows one choice, not 2/);
    const pluto = await failure(fill({ 'Which Are Planets? 🌎': ['Ceres'] }, fancy));
    expect(String(pluto.params!.detail)).toMatch(/"Ceres" is not one of the options/);
  });

  it('read-only fields: a check box and a combo box', async () => {
    const flat = await failure(fill({ 'Check Box4': true }, form('pdflib__form_to_flatten.pdf')));
    expect(flat).toMatchObject({
      code: 'form_bad_value',
      params: { field: 'Check Box4', detail: 'the field is read-only' },
    });
    const choice = form('pdfjs__annotation-choice-widget.pdf');
    const combo = await failure(fill({ 'formulier1[0].#subform[0].Vervolgkeuzelijst2[0]': 'Lorem' }, choice));
    expect(combo).toMatchObject({ code: 'form_bad_value', params: { detail: 'the field is read-only' } });
  });

  it("takes a check box's own on-value as checked", async () => {
    const name = 'topmostSubform[0].Page1[0].FederalClassification[0].c1_1[2]';
    const { bytes } = await fill({ [name]: '3' }, form('kentros-pdfs__fw9.pdf'));
    expect((await pdfjsWidgets(bytes))[name]!.fieldValue).toBe('3');
    const err = await failure(fill({ [name]: '4' }, form('kentros-pdfs__fw9.pdf')));
    expect(err).toMatchObject({ code: 'form_bad_value', params: { field: name } });
  }, 30_000);

  it('takes any text in an editable combo box (its /Ff has Edit)', async () => {
    const name = 'form1[0].Page1[0].BeforeYouBegin[0].PhysicalAddress[0].Province[0]';
    const { bytes } = await fill({ [name]: '魁北克' }, form('pdflib__with_combed_fields.pdf'));
    expect((await pdfjsWidgets(bytes))[name]!.fieldValue).toEqual(['魁北克']);
  }, 30_000);

  it.each([
    ['random bytes', () => new Uint8Array(crypto.randomBytes(4096))],
    ['text that is not a PDF', () => new TextEncoder().encode('申请表\n姓名：')],
    ['a PDF cut in half', () => sample.slice(0, sample.length / 3)],
  ])('%s: form_unreadable', async (_what, bytes) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // pdf-lib reports what it skips
    for (const run of [pdfFormEngine.fields(bytes(), 'bad.pdf'), fill({}, bytes())]) {
      const err = await failure(run);
      expect(err).toMatchObject({ code: 'form_unreadable', params: { file: expect.any(String) } });
      expect(String(err.params!.detail)).toMatch(/not a readable PDF/);
    }
    warn.mockRestore();
  });

  it('an encrypted PDF: form_unreadable, saying so', async () => {
    const bytes = realPdf('pdfjs__issue6010_1_encrypted_pw-abc.pdf');
    for (const run of [pdfFormEngine.fields(bytes, 'locked.pdf'), fill({}, bytes)]) {
      const err = await failure(run);
      expect(err).toMatchObject({ code: 'form_unreadable' });
      expect(String(err.params!.detail)).toMatch(/encrypted/);
    }
  });

  it('a PDF without fields: form_no_fields', async () => {
    const bytes = realPdf('pdfjs__issue3521.pdf');
    const err = await failure(pdfFormEngine.fields(bytes, 'plain.pdf'));
    expect(err).toMatchObject({ code: 'form_no_fields', params: { file: 'plain.pdf' } });
    expect((await failure(fill({}, bytes))).code).toBe('form_no_fields');
  });
});

describe('the 726-field form', () => {
  const file = 'pdflib__with_combed_fields.pdf';

  it('lists and fills all its text fields in a few seconds', async () => {
    const bytes = form(file);
    let t = performance.now();
    const fields = await pdfFormEngine.fields(bytes, file);
    const listMs = performance.now() - t;
    const values: Record<string, string> = {};
    for (const f of fields) {
      if (f.type === 'text' && !f.readOnly)
        values[f.name] = f.maxLength ? '1234567890'.slice(0, f.maxLength) : '测试 123';
    }
    t = performance.now();
    const { bytes: out } = await pdfFormEngine.fill(bytes, file, values);
    const fillMs = performance.now() - t;
    expect(Object.keys(values).length).toBe(709);
    expect(listMs).toBeLessThan(8000);
    expect(fillMs).toBeLessThan(8000);
    const read = await pdfjsWidgets(out);
    for (const [name, value] of Object.entries(values)) expect(read[name]!.fieldValue).toBe(value);
  }, 60_000);
});
