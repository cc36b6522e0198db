import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeWenshu, fakeTypedText, FAKE_DOC_TYPES, makeDraft, managedStatus } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const QINGSHI_FIELDS = {
  issuer: '某市财政局',
  subject: '追加防汛经费',
  recipients: '市人民政府',
  points: '今年汛期提前，现有经费不足。\n拟追加经费二百万元。',
  signer: '李四',
  contact: '张三，电话：0000-12345678',
};
const qingshi = FAKE_DOC_TYPES.find((t) => t.id === 'qingshi')!;

type User = Awaited<ReturnType<typeof renderApp>>['user'];
async function fill(user: User, label: RegExp, value: string) {
  const box = screen.getByRole('textbox', { name: label });
  await user.clear(box);
  await user.click(box);
  await user.paste(value);
}
async function fillQingshi(user: User) {
  await fill(user, /^发文机关/, QINGSHI_FIELDS.issuer);
  await fill(user, /^事由/, QINGSHI_FIELDS.subject);
  await fill(user, /^主送机关/, QINGSHI_FIELDS.recipients);
  await fill(user, /^正文要点/, QINGSHI_FIELDS.points);
  await fill(user, /^签发人/, QINGSHI_FIELDS.signer);
  await fill(user, /^联系人及电话/, QINGSHI_FIELDS.contact);
}
const reviseCalls = (fake: ReturnType<typeof createFakeWenshu>) =>
  fake.callsTo('drafting:revise') as {
    id: string;
    baseVersion: number;
    instruction: string;
    selection?: { start: number; end: number };
  }[];

describe('Drafting by document type', () => {
  test('types are grouped by direction; 请示 shows its guidance and fields, 签发人 and 联系人 required', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await renderApp(fake, '#/draft');
    const up = await screen.findByRole('group', { name: /上行文/ });
    expect(
      within(up)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['qingshi', 'baogao']);
    expect(
      within(screen.getByRole('group', { name: /下行文/ })).getByRole('radio', { name: '通知' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: /平行文/ })).getByRole('radio', { name: '函' }),
    ).toBeInTheDocument();
    expect(screen.getByText('请先选择文种。')).toBeInTheDocument();

    await user.click(within(up).getByRole('radio', { name: '请示' }));
    expect(screen.getByRole('heading', { name: '请示的写作要求' })).toBeInTheDocument();
    expect(screen.getByText(/一文一事，只主送一个上级机关/)).toBeInTheDocument();
    expect(screen.getByText('常用结语：妥否，请批示。 / 当否，请批示。')).toBeInTheDocument();
    const form = screen.getByRole('group', { name: '请示的要素' });
    expect(within(form).getByRole('textbox', { name: '签发人 （必填）' })).toBeRequired();
    expect(within(form).getByRole('textbox', { name: '联系人及电话 （必填）' })).toBeRequired();
    expect(within(form).getByRole('textbox', { name: '发文字号' })).not.toBeRequired();
    expect(within(form).getByText('上行文应当标注签发人姓名')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成请示' })).toBeEnabled();
  });

  test('fields are validated as you type: required, the date form (with its fix) and the 发文字号', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(await screen.findByRole('radio', { name: '请示' }));

    // Generating with missing fields says what is missing and sends nothing.
    await user.click(screen.getByRole('button', { name: '生成请示' }));
    expect(screen.getByRole('alert')).toHaveTextContent('还有 6 项需要填写或修改。');
    expect(screen.getByText('请填写“签发人”。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^签发人/ })).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('drafting:generate')).toEqual([]);

    await fill(user, /^成文日期/, '二〇二六年五月八日');
    const date = screen.getByRole('textbox', { name: /^成文日期/ });
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/成文日期、印发日期应使用阿拉伯数字/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '改为“2026年5月8日”' }));
    expect(date).toHaveValue('2026年5月8日');
    expect(date).not.toHaveAttribute('aria-invalid');

    await fill(user, /^成文日期/, '下周一');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('button', { name: /^改为/ })).not.toBeInTheDocument();

    await fill(user, /^发文字号/, '某财发[2026]5号');
    expect(screen.getByText('发文字号的年份应使用六角括号〔〕，不能用“[]”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '改为“某财发〔2026〕5号”' }));
    expect(screen.getByRole('textbox', { name: /^发文字号/ })).toHaveValue('某财发〔2026〕5号');
  });

  test('generate streams the text as it arrives, then opens the draft', async () => {
    const held = gate();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: { pace: (step) => (step === 1 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(await screen.findByRole('radio', { name: '请示' }));
    await fillQingshi(user);
    await user.click(screen.getByRole('button', { name: '生成请示' }));

    const stream = await screen.findByRole('article', { name: '草稿正文' });
    await waitFor(() => expect(stream).toHaveTextContent('签发人：李四'));
    expect(stream).toHaveAttribute('aria-busy', 'true');
    expect(stream).not.toHaveTextContent('妥否，请批示。');
    expect(screen.getByRole('button', { name: '停止' })).toBeEnabled();
    expect(fake.callsTo('drafting:generate')).toEqual([
      { requestId: expect.stringMatching(/^r\d+-/), typeId: 'qingshi', fields: QINGSHI_FIELDS, documentIds: [] },
    ]);

    held.open();
    await waitFor(() => expect(window.location.hash).toBe(`#/review/${fake.drafts[0]!.id}`));
    const text = await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' });
    expect(text).toHaveValue(fakeTypedText(qingshi, QINGSHI_FIELDS));
    expect(screen.getByRole('heading', { level: 1, name: '某市财政局关于追加防汛经费的请示' })).toBeInTheDocument();
    // A typed draft gets the format check and revision by instruction.
    expect(await screen.findByRole('region', { name: '格式检查' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '按要求修改' })).toBeInTheDocument();
  });

  test('offline, the button makes a template draft from the type structure', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake, '#/draft');
    await user.click(await screen.findByRole('radio', { name: '请示' }));
    expect(
      screen.getByText('未连接模型服务：将按文种的结构和所填要素生成模板草稿，正文需要您补充完善。'),
    ).toBeInTheDocument();
    await fillQingshi(user);
    await user.click(screen.getByRole('button', { name: '按请示结构生成模板草稿' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\//));
    expect(await screen.findByText('由离线引擎生成（未连接模型服务）')).toBeInTheDocument();
  });

  test('a failure says why and stays', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    fake.fail('drafting:generate', { code: 'endpoint_unreachable', message: 'down', params: {} });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(await screen.findByRole('radio', { name: '函' }));
    await fill(user, /^发文机关/, '某市财政局');
    await fill(user, /^事由/, '商请协助');
    await fill(user, /^正文要点/, '请协助核对数据。');
    await user.click(screen.getByRole('button', { name: '生成函' }));
    expect(await screen.findByText('无法生成草稿')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/draft');
  });
});

describe('Revise by instruction', () => {
  const TEXT = fakeTypedText(qingshi, QINGSHI_FIELDS);
  const typedDraft = () =>
    makeDraft({
      title: '某市财政局关于追加防汛经费的请示',
      text: TEXT,
      fields: { typeId: 'qingshi', typeName: '请示' },
    });

  test('revises the selection: sends its offsets and the instruction, streams, then shows the new version and the diff', async () => {
    const held = gate();
    const draft = typedDraft();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      drafts: [draft],
      model: {
        replies: [
          {
            deltas: [
              { kind: 'answer', text: '经费不足，' },
              { kind: 'answer', text: '拟追加二百万元。' },
            ],
          },
        ],
        pace: (step) => (step === 1 ? held.promise : Promise.resolve()),
      },
    });
    const { user } = await renderApp(fake, `#/review/${draft.id}`);
    const area = (await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' })) as HTMLTextAreaElement;
    const panel = screen.getByRole('region', { name: '按要求修改' });
    expect(within(panel).getByRole('button', { name: '修改全文' })).toBeDisabled();

    const selected = '　　今年汛期提前，现有经费不足。';
    const start = TEXT.indexOf(selected);
    area.setSelectionRange(start, start + selected.length);
    fireEvent.select(area);
    await user.click(within(panel).getByRole('button', { name: '更简洁' }));
    expect(within(panel).getByRole('textbox', { name: '修改要求' })).toHaveValue('更简洁');
    await user.click(within(panel).getByRole('button', { name: `修改所选 ${[...selected].length} 字` }));

    const streaming = await within(panel).findByRole('article', { name: '修改后的文字' });
    await waitFor(() => expect(streaming).toHaveTextContent('经费不足，'));
    expect(area).toHaveAttribute('readonly');
    expect(reviseCalls(fake)).toEqual([
      {
        requestId: expect.stringMatching(/^r\d+-/),
        id: draft.id,
        baseVersion: 1,
        instruction: '更简洁',
        selection: { start, end: start + selected.length },
      },
    ]);

    held.open();
    await waitFor(() => expect(area).toHaveValue(TEXT.replace(selected, '经费不足，拟追加二百万元。')));
    expect(within(panel).getByText('已生成第 2 版。')).toBeInTheDocument();
    await waitFor(() => expect(area).not.toHaveAttribute('readonly'));
    expect(fake.drafts[0]!.versions.map((v) => v.origin)).toEqual(['ai', 'ai']);
    // The diff shows the revision against the version it was made from.
    const diff = screen.getByRole('document', { name: '修改对照' });
    expect(diff).toHaveTextContent('〔删除： 今年汛期提前，现有〕');
    expect(diff).toHaveTextContent('〔新增：，拟追加二百万元〕');
  });

  test('unsaved edits are saved first; without a selection the whole text is revised', async () => {
    const draft = typedDraft();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      drafts: [draft],
      model: { replies: [{ deltas: [{ kind: 'answer', text: '全文已润色。' }] }] },
    });
    const { user } = await renderApp(fake, `#/review/${draft.id}`);
    const area = (await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' })) as HTMLTextAreaElement;
    await user.click(area);
    area.setSelectionRange(area.value.length, area.value.length);
    await user.type(area, '补');
    const panel = screen.getByRole('region', { name: '按要求修改' });
    await user.type(within(panel).getByRole('textbox', { name: '修改要求' }), '更正式');
    await user.click(within(panel).getByRole('button', { name: '修改全文' }));
    await waitFor(() => expect(area).toHaveValue('全文已润色。'));
    expect(fake.callsTo('drafts:edit')).toHaveLength(1);
    expect(reviseCalls(fake)).toEqual([
      { requestId: expect.any(String), id: draft.id, baseVersion: 2, instruction: '更正式' },
    ]);
  });

  test('a stale base is a conflict, said in words', async () => {
    const draft = typedDraft();
    const fake = createFakeWenshu({ endpoint: managedStatus(), drafts: [draft] });
    fake.fail('drafting:revise', { code: 'draft_conflict', message: 'stale', params: { current: 3 } });
    const { user, i18n } = await renderApp(fake, `#/review/${draft.id}`);
    const panel = await screen.findByRole('region', { name: '按要求修改' });
    await user.type(within(panel).getByRole('textbox', { name: '修改要求' }), '润色');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(panel).findByText('无法修改')).toBeInTheDocument();
    expect(within(panel).getByText(i18n.t('errors.draft_conflict', { current: 3 }))).toBeInTheDocument();
  });

  test('offline, revising says it needs the model', async () => {
    const draft = typedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    await renderApp(fake, `#/review/${draft.id}`);
    const panel = await screen.findByRole('region', { name: '按要求修改' });
    expect(await within(panel).findByText('修改需要连接模型服务（当前为离线模式）。')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '修改全文' })).toBeDisabled();
  });

  test('drafts without a document type have neither panel', async () => {
    const draft = makeDraft();
    await renderApp(createFakeWenshu({ endpoint: managedStatus(), drafts: [draft] }), `#/review/${draft.id}`);
    await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' });
    expect(screen.queryByRole('region', { name: '按要求修改' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '格式检查' })).not.toBeInTheDocument();
  });
});

describe('Drafting in English', () => {
  test('the type picker, fields, validation and revise panel are in English', async () => {
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, endpoint: managedStatus() });
    const { user } = await renderApp(fake, '#/draft');
    expect(await screen.findByRole('radio', { name: 'By document type' })).toBeChecked();
    const up = await screen.findByRole('group', { name: /To a superior/ });
    await user.click(within(up).getByRole('radio', { name: 'Request for instructions 请示' }));
    expect(screen.getByRole('heading', { name: 'What a Request for instructions must do' })).toBeInTheDocument();
    expect(screen.getByText(/one principal recipient/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Signed off by (required)' })).toBeRequired();
    expect(screen.getByRole('textbox', { name: 'Contact and phone (required)' })).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Generate the Request for instructions' }));
    expect(screen.getByRole('alert')).toHaveTextContent('6 fields still need attention.');
    expect(screen.getByText('Fill in “Signed off by”.')).toBeInTheDocument();
    await fill(user, /^Date of the document/, '二〇二六年五月八日');
    expect(screen.getByText(/Dates of issue and printing take Arabic numerals/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change to “2026年5月8日”' })).toBeInTheDocument();
    // The chrome (everything but the type's own data, the linter's examples and the endpoint's name) is English.
    const chrome = screen.getByRole('main').cloneNode(true) as HTMLElement;
    chrome
      .querySelectorAll('[lang="zh-CN"], .field__hint, .field__error, .runner__target, input, textarea')
      .forEach((n) => n.remove());
    chrome.querySelectorAll('button').forEach((b) => b.textContent?.startsWith('Change to') && b.remove());
    expect(chrome.textContent).not.toMatch(/\p{Script=Han}/u);
  });

  test('the revise panel in English', async () => {
    const draft = makeDraft({ text: '关于追加经费的请示', fields: { typeId: 'qingshi', typeName: '请示' } });
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, endpoint: managedStatus(), drafts: [draft] });
    await renderApp(fake, `#/review/${draft.id}`);
    const panel = await screen.findByRole('region', { name: 'Revise by instruction' });
    for (const chip of ['More concise', 'More formal', 'Add detail', 'Polish'])
      expect(within(panel).getByRole('button', { name: chip })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Revise the whole text' })).toBeDisabled();
    expect(panel.textContent).not.toMatch(/\p{Script=Han}/u);
  });
});
