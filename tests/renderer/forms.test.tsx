import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { hrefFor } from '../../renderer/router/route';
import type { DocumentDetail } from '../../shared/domain/document';
import type { FormDetail, ProposedValue } from '../../shared/domain/form';
import { formField, makeForm } from './support/fakeForms';
import { MANAGED_ENDPOINT, createFakeWenshu, makeDocument, managedStatus } from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

/** A promise a test resolves when it wants the held step to go on. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const A = '00000000-0000-4000-8000-00000000a001';
const B = '00000000-0000-4000-8000-00000000b002';

/** The application: the applicant, the ID number (its check digit wrong), the company's type and capital. */
const application = (): DocumentDetail =>
  makeDocument({
    id: A,
    title: '企业开办申请材料',
    fileName: 'application.txt',
    passages: [
      {
        id: `${A}#0`,
        seq: 0,
        page: 1,
        paragraph: 0,
        start: 0,
        end: 30,
        text: '申请人张三，公民身份号码110105194912310021。',
      },
      {
        id: `${A}#1`,
        seq: 1,
        page: 1,
        paragraph: 1,
        start: 31,
        end: 60,
        text: '拟设立企业类型为有限责任公司，注册资本300万元。',
      },
    ],
  });

/** The registration note: the contact's phone, on page 2. */
const note = (): DocumentDetail =>
  makeDocument({
    id: B,
    title: '关于设立登记的说明',
    fileName: 'note.txt',
    importedAt: '2026-03-02T08:30:00.000Z',
    passages: [
      { id: `${B}#0`, seq: 0, page: 2, paragraph: 3, start: 0, end: 20, text: '联系人张三，联系电话13800138000。' },
    ],
  });

/** A PDF form with eight fields: the signature is never filled by AI. */
const registration = (overrides: Partial<Parameters<typeof makeForm>[0]> = {}): FormDetail =>
  makeForm({
    title: '企业开办登记表',
    fileName: '企业开办登记表.pdf',
    fields: [
      formField('applicant.name', '申请人姓名', { required: true }),
      formField('applicant.id', '公民身份号码', { required: true }),
      formField('company.name', '企业名称', { required: true }),
      formField('company.capital', '注册资本（万元）'),
      formField('contact.phone', '联系电话'),
      formField('apply.date', '申请日期'),
      formField('company.type', '企业类型', { type: 'dropdown', options: ['有限责任公司', '股份有限公司'] }),
      formField('sign', '申请人签字', { type: 'signature' }),
    ],
    ...overrides,
  });

const evidence = (passageId: string, quote: string, page: number, paragraph: number) => ({
  documentId: passageId.split('#')[0]!,
  passageId,
  page,
  paragraph,
  quote,
});

/**
 * What filling proposes (after main's checks): a supported name; an ID number whose check digit
 * is wrong; a company name whose quote was invented (refused, left empty); a capital its quote
 * contradicts; a phone from the second document; the type; nothing for the date.
 */
const PROPOSALS: ProposedValue[] = [
  {
    name: 'applicant.name',
    value: '张三',
    evidence: evidence(`${A}#0`, '申请人张三', 1, 0),
    problems: [],
    source: 'model',
  },
  {
    name: 'applicant.id',
    value: '110105194912310021',
    evidence: evidence(`${A}#0`, '公民身份号码110105194912310021', 1, 0),
    problems: ['invalid'],
    source: 'model',
  },
  {
    name: 'company.name',
    value: '',
    evidence: null,
    problems: ['quote_not_found'],
    source: 'model',
    rejected: { value: '某某科技有限公司', quote: '企业名称为某某科技有限公司' },
  },
  {
    name: 'company.capital',
    value: '500万元',
    evidence: evidence(`${A}#1`, '注册资本300万元', 1, 1),
    problems: ['value_not_in_quote'],
    source: 'model',
  },
  {
    name: 'contact.phone',
    value: '13800138000',
    evidence: evidence(`${B}#0`, '联系电话13800138000', 2, 3),
    problems: [],
    source: 'model',
  },
  {
    name: 'company.type',
    value: '有限责任公司',
    evidence: evidence(`${A}#1`, '企业类型为有限责任公司', 1, 1),
    problems: [],
    source: 'model',
  },
];

const pdfBytes = () => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const pdfFile = (name: string) => new File([pdfBytes()], name, { type: 'application/pdf' });

/** A fake with the two documents, the form readable from its file, and the proposals for it. */
function formsFake(options: { form?: FormDetail; stored?: boolean; locale?: 'en-US'; offline?: boolean } = {}) {
  const form = options.form ?? registration();
  return {
    form,
    fake: createFakeWenshu({
      ...(options.locale && { settings: { locale: options.locale } }),
      ...(!options.offline && { endpoint: managedStatus() }),
      documents: [application(), note()],
      forms: {
        files: { [form.form.fileName]: form },
        stored: options.stored ? [JSON.parse(JSON.stringify(form)) as FormDetail] : [],
        proposals: { [form.form.id]: PROPOSALS },
      },
    }),
  };
}

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function openFile(user: User, name: string, label = '打开表格') {
  await user.upload(screen.getByLabelText(label), pdfFile(name));
}

async function pick(user: User, titles: string[], legend = '依据文档') {
  const picker = await screen.findByRole('group', { name: legend });
  for (const title of titles) await user.click(await within(picker).findByRole('checkbox', { name: title }));
}

const check = () => screen.getByRole('region', { name: '逐项核对' });
/** The check table's row of a field, by its label. */
const rowOf = (label: string) => {
  const header = within(check()).getByRole('rowheader', { name: new RegExp(`^${label}`) });
  return header.closest('tr')!;
};
const counts = () => check().querySelector('.form-check__counts');
const fillCalls = (fake: FakeWenshu) =>
  fake.callsTo('forms:fill') as { requestId: string; id: string; documentIds: string[] }[];

/** Opens the form from its file, picks both documents and fills it; resolves once the draft is on screen. */
async function fillForm(user: User, fake: FakeWenshu, form: FormDetail) {
  await openFile(user, form.form.fileName);
  await screen.findByRole('table', { name: /^字段设置/ });
  await pick(user, ['企业开办申请材料', '关于设立登记的说明']);
  await user.click(screen.getByRole('button', { name: '填写' }));
  expect(await screen.findByText('表格已填写')).toBeInTheDocument();
  await waitFor(() => expect(counts()).not.toBeNull());
  return fake.drafts.at(-1)!;
}

describe('Forms', () => {
  test('with no forms yet, says what the screen is for and opens a file from there', async () => {
    const { fake, form } = formsFake();
    const { user } = await renderApp(fake, '#/forms');
    expect(await screen.findByRole('heading', { name: '还没有表格' })).toBeInTheDocument();
    const button = screen.getByRole('button', { name: '打开表格' });
    button.focus();
    expect(button).toHaveFocus();

    await openFile(user, form.form.fileName);
    expect(await screen.findByRole('heading', { level: 2, name: '企业开办登记表' })).toBeInTheDocument();
    // The bytes went to main, with the file's name; never a path.
    expect(fake.callsTo('forms:open')).toEqual([{ name: '企业开办登记表.pdf', bytes: pdfBytes() }]);
    // The list now holds it, marked as the one open.
    const list = await screen.findByRole('list', { name: '最近使用的表格' });
    expect(within(list).getByText('正在使用')).toBeInTheDocument();
  });

  test('shows the profile, corrects it and saves it for next time', async () => {
    const { fake, form } = formsFake();
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);

    const table = await screen.findByRole('table', { name: '字段设置（8 个字段）' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['名称', '类型', '校验', '标记', '跳过', '可选项']);
    // Guessed from the labels: the ID number, the amount, the phone, the date, the choice.
    expect(within(table).getByRole('combobox', { name: '“公民身份号码”的校验方式' })).toHaveDisplayValue('身份证号');
    expect(within(table).getByRole('combobox', { name: '“注册资本（万元）”的校验方式' })).toHaveDisplayValue('金额');
    expect(within(table).getByRole('combobox', { name: '“联系电话”的校验方式' })).toHaveDisplayValue('电话');
    expect(within(table).getByRole('combobox', { name: '“企业类型”的校验方式' })).toHaveDisplayValue('选项');
    expect(within(table).getByText('有限责任公司、股份有限公司')).toBeInTheDocument();
    expect(within(table).getAllByText('必填')).toHaveLength(3);
    // A signature is never AI's: skipped, and that cannot be undone.
    const sign = within(table).getByRole('checkbox', { name: '跳过“申请人签字”（不由 AI 填写）' });
    expect(sign).toBeChecked();
    expect(sign).toBeDisabled();

    const save = screen.getByRole('button', { name: '保存字段设置' });
    expect(save).toBeDisabled();
    const label = within(table).getByRole('textbox', { name: '字段 apply.date 的名称' });
    await user.clear(label);
    await user.type(label, '填表日期');
    await user.selectOptions(within(table).getByRole('combobox', { name: '“企业名称”的校验方式' }), '统一社会信用代码');
    await user.click(within(table).getByRole('checkbox', { name: '跳过“联系电话”（不由 AI 填写）' }));
    expect(screen.getByText('有未保存的修改；点击“填写”时会先保存。')).toBeInTheDocument();
    await user.click(save);

    expect(await screen.findByText('已保存。下次打开此表格时将直接使用这些设置。')).toBeInTheDocument();
    const [{ profile }] = fake.callsTo('forms:saveProfile') as [{ profile: FormDetail['profile'] }];
    const byName = new Map(profile.fields.map((f) => [f.name, f]));
    expect(byName.get('apply.date')).toMatchObject({ label: '填表日期', validation: 'date', skip: false });
    expect(byName.get('company.name')).toMatchObject({ validation: 'credit_code' });
    expect(byName.get('contact.phone')).toMatchObject({ skip: true });
    expect(save).toBeDisabled();
    // Kept by main: the next open of the same file has the corrections.
    expect(fake.forms.stored[0]!.profile.fields.find((f) => f.name === 'apply.date')!.label).toBe('填表日期');
  });

  test('an XFA form says what happens to its XFA', async () => {
    const { fake, form } = formsFake({ form: registration({ xfa: true }) });
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    expect(await screen.findByText('此表格含 XFA，将按 AcroForm 填写，导出时移除 XFA。')).toBeInTheDocument();
  });

  test('a file without fields is refused in words, and a form already kept reopens from the list', async () => {
    const { fake, form } = formsFake({ stored: true });
    fake.forms.files['通知.pdf'] = {
      code: 'form_no_fields',
      message: 'no fields',
      params: { file: '通知.pdf' },
    };
    const { user } = await renderApp(fake, '#/forms');
    const list = await screen.findByRole('list', { name: '最近使用的表格' });
    expect(within(list).getByText(/企业开办登记表\.pdf · 8 个字段 · 最近使用/)).toBeInTheDocument();

    await openFile(user, '通知.pdf');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法打开表格');
    expect(alert).toHaveTextContent('通知.pdf 中没有可填写的字段（不是 PDF 表单，也没有双花括号占位符或内容控件）');

    await user.click(within(list).getByRole('button', { name: '打开表格《企业开办登记表》' }));
    expect(await screen.findByRole('heading', { level: 2, name: '企业开办登记表' })).toBeInTheDocument();
    expect(fake.callsTo('forms:get')).toEqual([{ id: form.form.id }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('with no documents in the Library, the fill says where to get them', async () => {
    const form = registration();
    const fake = createFakeWenshu({ forms: { stored: [form] } });
    const { user } = await renderApp(fake, '#/forms');
    await user.click(await screen.findByRole('button', { name: '打开表格《企业开办登记表》' }));
    expect(await screen.findByText('资料库中还没有文档')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '前往资料库导入文档' })).toHaveAttribute('href', '#/library');
    expect(screen.queryByRole('button', { name: '填写' })).not.toBeInTheDocument();
  });

  test('fills from two documents: streams, then each field with its evidence and its problems in words', async () => {
    const held = gate();
    const { fake, form } = formsFake();
    fake.model.pace = (step) => (step === 1 ? held.promise : Promise.resolve());
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    await screen.findByRole('table', { name: /^字段设置/ });
    // The engine the request goes to.
    expect(await screen.findByText('发送到 省政务云大模型（模型 qwen3-32b）')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '填写' })).toBeDisabled();
    await pick(user, ['企业开办申请材料', '关于设立登记的说明']);
    await user.click(screen.getByRole('button', { name: '填写' }));

    // Held after the first piece of the answer: progress, the raw answer folded away, a stop button.
    const progress = await screen.findByRole('region', { name: '填写进度' });
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent(/正在填写.*已收到 \d+ 字/));
    expect(within(progress).getByText(/^模型原始回答（\d+ 字）$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '停止' })).toBeEnabled();
    expect(fillCalls(fake)).toEqual([
      { requestId: expect.stringMatching(/^r\d+-/), id: form.form.id, documentIds: [A, B] },
    ]);

    held.open();
    expect(await screen.findByText('表格已填写')).toBeInTheDocument();
    const draft = fake.drafts[0]!;
    expect(screen.getByRole('link', { name: '在审核页面打开' })).toHaveAttribute(
      'href',
      hrefFor({ screen: 'review', draftId: draft.id }),
    );
    await waitFor(() => expect(counts()).toHaveTextContent('7 个字段：3 个有依据，2 个待补充，2 个需核对'));

    // Supported: the value, the quote with the value marked, the link to the passage.
    const name = rowOf('申请人姓名');
    expect(within(name).getByRole('textbox', { name: /申请人姓名/ })).toHaveValue('张三');
    expect(within(name).getByText('有依据')).toBeInTheDocument();
    expect(name.querySelector('mark')).toHaveTextContent('张三');
    // Two documents: each link names its document.
    expect(within(name).getByRole('link', { name: '第1页·第1段（《企业开办申请材料》）' })).toHaveAttribute(
      'href',
      hrefFor({ screen: 'library', docId: A, passage: `${A}#0` }),
    );
    expect(
      within(rowOf('联系电话')).getByRole('link', { name: '第2页·第4段（《关于设立登记的说明》）' }),
    ).toHaveAttribute('href', hrefFor({ screen: 'library', docId: B, passage: `${B}#0` }));

    // An invalid ID number: kept, flagged.
    const id = rowOf('公民身份号码');
    expect(within(id).getByText('需核对')).toBeInTheDocument();
    expect(within(id).getByRole('list', { name: '发现的问题' })).toHaveTextContent(
      '不是有效的身份证号（位数、出生日期或校验位不对）。',
    );
    expect(within(id).getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');

    // An invented quote: refused, the field left empty, the claim shown.
    const company = rowOf('企业名称');
    expect(within(company).getByRole('textbox')).toHaveValue('');
    expect(within(company).getByText('待补充')).toBeInTheDocument();
    expect(within(company).getByText('必填')).toBeInTheDocument();
    expect(within(company).getByText('引文在所引段落中找不到（可能是编造的）。')).toBeInTheDocument();
    expect(
      within(company).getByText('模型声称“某某科技有限公司”，所引原文如下，但在原文中找不到，未采用：'),
    ).toBeInTheDocument();

    // A value its own quote contradicts.
    const capital = rowOf('注册资本（万元）');
    expect(within(capital).getByRole('textbox')).toHaveValue('500万元');
    expect(within(capital).getByText('值与所引原文不一致。')).toBeInTheDocument();
    expect(within(capital).getByText('注册资本300万元')).toBeInTheDocument();

    // Nothing found.
    const date = rowOf('申请日期');
    expect(within(date).getByText('所选文档中没有找到依据，已留空。')).toBeInTheDocument();
    expect(within(date).getByText('无依据')).toBeInTheDocument();

    // A choice field is a choice.
    expect(within(rowOf('企业类型')).getByRole('combobox')).toHaveDisplayValue('有限责任公司');
    // The signature is not AI's to fill: not in the draft.
    expect(within(check()).queryByRole('rowheader', { name: /申请人签字/ })).not.toBeInTheDocument();

    // The review warnings name fields by their labels and say what is wrong.
    expect(
      screen.getByText('字段“公民身份号码”需要核对：格式或校验不通过。请对照原文核对或改正。'),
    ).toBeInTheDocument();
    expect(screen.getByText('字段“企业名称”还没有填写。')).toBeInTheDocument();
    expect(
      screen.getByText('字段“注册资本（万元）”需要核对：值与引文不一致。请对照原文核对或改正。'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 个选填字段在所选文档中没有找到依据，已留空：申请日期。')).toBeInTheDocument();
    expect(screen.getByText('字段：公民身份号码')).toBeInTheDocument();
  });

  test('correcting a field re-checks it as typed, saves it through drafts:edit, then approval and the filled PDF', async () => {
    const { fake, form } = formsFake();
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    const draft = await fillForm(user, fake, form);

    const id = within(rowOf('公民身份号码')).getByRole('textbox');
    // Live: a wrong value is flagged before anything is saved…
    fireEvent.change(id, { target: { value: '1101051949' } });
    expect(within(rowOf('公民身份号码')).getByRole('list', { name: '发现的问题' })).toHaveTextContent(
      '不是有效的身份证号',
    );
    expect(within(rowOf('公民身份号码')).getByText('AI 建议的值：110105194912310021')).toBeInTheDocument();
    // …and the right one clears it, marked as the person's.
    fireEvent.change(id, { target: { value: '11010519491231002X' } });
    const row = rowOf('公民身份号码');
    expect(within(row).queryByRole('list', { name: '发现的问题' })).not.toBeInTheDocument();
    expect(within(row).getByText('已人工修改')).toBeInTheDocument();
    expect(id).not.toHaveAttribute('aria-invalid');
    expect(counts()).toHaveTextContent('7 个字段：3 个有依据，2 个待补充，1 个需核对，1 个由您填写');
    expect(fake.callsTo('drafts:edit')).toEqual([]);

    // The company name, by hand; leaving the field saves.
    const company = within(rowOf('企业名称')).getByRole('textbox');
    await user.type(company, '某某智能科技有限公司');
    await user.tab();
    await waitFor(() => expect(fake.callsTo('drafts:edit')).toHaveLength(1));
    const [edit] = fake.callsTo('drafts:edit') as [
      { baseVersion: number; content: { fields: Record<string, string> } },
    ];
    expect(edit.baseVersion).toBe(1);
    expect(edit.content.fields).toMatchObject({
      'applicant.id': '11010519491231002X',
      'company.name': '某某智能科技有限公司',
      'company.capital': '500万元',
    });
    await screen.findByText('已保存（第 2 版）');
    // What changed against the AI's values, by label.
    expect(screen.getByText('正文未修改；修改了 2 个字段：')).toBeInTheDocument();
    expect(screen.getByText('公民身份号码', { selector: '.diff__field' })).toBeInTheDocument();

    // Version 2's warnings: the capital and the empty date are left; acknowledge them, confirm, approve.
    const panel = screen.getByRole('region', { name: '审核' });
    await waitFor(() => expect(within(panel).getByRole('heading', { name: '提示（2）' })).toBeInTheDocument());
    for (const box of within(panel).getAllByRole('checkbox', { name: '已核对' })) await user.click(box);
    await user.click(within(panel).getByRole('checkbox', { name: '我已核对内容并对其负责' }));
    await user.click(within(panel).getByRole('button', { name: '批准' }));
    await waitFor(() => expect(fake.drafts[0]!.state).toBe('approved'));

    // Export: the filled PDF first; the other formats list the fields.
    const exports = screen.getByRole('group', { name: '导出为文件' });
    expect(
      within(exports)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['导出填好的 PDF', '字段清单（Word）', '字段清单（纯文本）', '字段清单（Markdown）']);
    await user.click(within(exports).getByRole('button', { name: '导出填好的 PDF' }));
    expect(await screen.findByText(/^已导出到 .*\.pdf$/)).toBeInTheDocument();
    expect(fake.callsTo('drafts:export')).toEqual([{ id: draft.id, format: 'pdf' }]);
  });

  test('a Word template exports as the filled Word file', async () => {
    const form = registration({ kind: 'docx', fileName: '登记表模板.docx' });
    const { fake } = formsFake({ form });
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await user.upload(
      screen.getByLabelText('打开表格'),
      new File(['PK'], '登记表模板.docx', {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    );
    expect(await screen.findByText('Word 模板')).toBeInTheDocument();
    await pick(user, ['企业开办申请材料']);
    await user.click(screen.getByRole('button', { name: '填写' }));
    await screen.findByText('表格已填写');
    const exports = await screen.findByRole('group', { name: '导出为文件' });
    await waitFor(() =>
      expect(
        within(exports)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['导出填好的 Word', '字段清单（PDF）', '字段清单（纯文本）', '字段清单（Markdown）']),
    );
    // Locked until approved.
    expect(within(exports).getByRole('button', { name: '导出填好的 Word' })).toBeDisabled();
  });

  test('a field warning takes the reviewer to its input', async () => {
    const { fake, form } = formsFake();
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await fillForm(user, fake, form);
    const warning = screen.getByText('字段“企业名称”还没有填写。').closest('li')!;
    await user.click(within(warning).getByRole('button', { name: '转到字段' }));
    expect(within(rowOf('企业名称')).getByRole('textbox')).toHaveFocus();
  });

  test('stopping cancels the fill and keeps nothing', async () => {
    const held = gate();
    const { fake, form } = formsFake();
    fake.model.pace = (step) => (step === 1 ? held.promise : Promise.resolve());
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    await pick(user, ['企业开办申请材料']);
    await user.click(screen.getByRole('button', { name: '填写' }));
    await user.click(await screen.findByRole('button', { name: '停止' }));
    expect(fake.callsTo('model:cancel')).toEqual([{ requestId: fillCalls(fake)[0]!.requestId }]);
    expect(await screen.findByText('已停止，没有保存任何内容。')).toBeInTheDocument();
    expect(fake.drafts).toEqual([]);
    expect(screen.getByRole('button', { name: '填写' })).toBeEnabled();
  });

  test('unsaved field settings are saved before filling', async () => {
    const { fake, form } = formsFake();
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    const table = await screen.findByRole('table', { name: /^字段设置/ });
    await user.click(within(table).getByRole('checkbox', { name: '跳过“申请日期”（不由 AI 填写）' }));
    await pick(user, ['企业开办申请材料']);
    await user.click(screen.getByRole('button', { name: '填写' }));
    await screen.findByText('表格已填写');
    expect(fake.calls.map((c) => c.channel).filter((c) => c.startsWith('forms:save') || c === 'forms:fill')).toEqual([
      'forms:saveProfile',
      'forms:fill',
    ]);
    await waitFor(() => expect(counts()).toHaveTextContent('6 个字段'));
  });

  test('a failure says why', async () => {
    const { fake, form } = formsFake();
    fake.fail('forms:fill', { code: 'endpoint_timeout', message: 'timeout', params: { phase: '首字节', ms: 30000 } });
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    await pick(user, ['企业开办申请材料']);
    await user.click(screen.getByRole('button', { name: '填写' }));
    expect(await screen.findByText('无法填写表格')).toBeInTheDocument();
    expect(screen.getByText('模型服务响应超时（首字节，30000 毫秒）')).toBeInTheDocument();
  });

  test('offline, the offline engine fills and says so', async () => {
    const { fake, form } = formsFake({ offline: true });
    const { user } = await renderApp(fake, '#/forms');
    await screen.findByRole('heading', { name: '还没有表格' });
    await openFile(user, form.form.fileName);
    expect(
      await screen.findByText(
        '未连接模型服务：将由离线引擎按规则识别能确定的字段（如证件号码、日期、金额），其余字段留空待您填写。',
      ),
    ).toBeInTheDocument();
    await pick(user, ['企业开办申请材料']);
    await user.click(screen.getByRole('button', { name: '填写' }));
    expect(await screen.findByText('由离线引擎生成（未连接模型服务）')).toBeInTheDocument();
    await waitFor(() => expect(counts()).not.toBeNull());
    expect(within(rowOf('申请人姓名')).getByText('由离线引擎按规则识别。')).toBeInTheDocument();
  });

  test('a form draft opened from the review queue shows its field-by-field check', async () => {
    const { fake, form } = formsFake({ stored: true });
    const { draft } = await fake.handlers['forms:fill']({ requestId: 'seed', id: form.form.id, documentIds: [A] });
    await renderApp(fake, hrefFor({ screen: 'review', draftId: draft.id }));
    await waitFor(() => expect(screen.getByRole('region', { name: '逐项核对' })).toBeInTheDocument());
    // The phone's evidence was in the other document: not found here.
    await waitFor(() => expect(counts()).toHaveTextContent('7 个字段：2 个有依据，3 个待补充，2 个需核对'));
    // One document: the link needs no title.
    expect(within(rowOf('申请人姓名')).getByRole('link', { name: '第1页·第1段' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '草稿正文（可直接修改）' })).not.toBeInTheDocument();
  });

  test('in English', async () => {
    const { fake, form } = formsFake({ locale: 'en-US' });
    const { user } = await renderApp(fake, '#/forms');
    expect(await screen.findByRole('heading', { name: 'No forms yet' })).toBeInTheDocument();
    await openFile(user, form.form.fileName, 'Open a form');
    const table = await screen.findByRole('table', { name: 'Field settings (8 fields)' });
    expect(within(table).getByRole('combobox', { name: 'Validation of “公民身份号码”' })).toHaveDisplayValue(
      'ID number',
    );
    await pick(user, ['企业开办申请材料', '关于设立登记的说明'], 'Source documents');
    await user.click(screen.getByRole('button', { name: 'Fill in' }));
    expect(await screen.findByText('The form is filled in')).toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Field by field' });
    await waitFor(() =>
      expect(panel.querySelector('.form-check__counts')).toHaveTextContent(
        '7 fields: 3 with evidence, 2 to fill in, 2 to check',
      ),
    );
    expect(
      within(panel).getByText('Not a valid ID number (length, date of birth or check digit wrong).'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('The quote is not in the cited passage (it may be made up).')).toBeInTheDocument();
    expect(within(panel).getByText('The value does not agree with the quoted source.')).toBeInTheDocument();
    expect(within(panel).getAllByRole('link', { name: 'p. 1, para. 1 (“企业开办申请材料”)' })).toHaveLength(2);
    expect(
      screen.getByText(
        'The field “公民身份号码” needs checking: fails its format check. Compare it with the source or correct it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export the filled PDF' })).toBeDisabled();
    // The UI's own words are English: Chinese appears only in the form's and the documents' own text.
    const data = [
      `《${form.form.title}》填写`,
      form.form.fileName,
      form.form.title,
      ...form.profile.fields.map((f) => f.label),
      ...form.profile.fields.flatMap((f) => f.options ?? []),
      '企业开办申请材料',
      '关于设立登记的说明',
      MANAGED_ENDPOINT.name,
      ...PROPOSALS.flatMap((p) => [p.evidence?.quote ?? '', p.value, p.rejected?.value ?? '', p.rejected?.quote ?? '']),
    ]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const rest = data.reduce((text, s) => text.split(s).join(''), screen.getByRole('main').textContent ?? '');
    expect(rest).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
