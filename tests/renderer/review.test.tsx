import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { shortHash } from '../../renderer/features/review/useReviewText';
import { hrefFor } from '../../renderer/router/route';
import type { DraftDetail } from '../../shared/domain/draft';
import {
  DRAFT_TEXT,
  approvedDraft,
  createFakeWenshu,
  decisionWarnings,
  makeDocument,
  makeDraft,
  makeVersion,
  makeWarning,
} from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const HAN = /\p{Script=Han}/u;

const queueTable = () => screen.findByRole('table', { name: '草稿，最近修改的在前' });
const queueTitles = async () =>
  within(await queueTable())
    .getAllByRole('rowheader')
    .map((th) => th.textContent);
const stateButton = (name: RegExp) => screen.getByRole('button', { name });

const editorText = () => screen.findByRole('textbox', { name: '草稿正文（可直接修改）' });
const header = () => screen.getByRole('heading', { level: 1 }).closest('header')!;
const approveButton = () => screen.getByRole('button', { name: '批准' });
const exportButtons = () =>
  ['导出 Word', '导出 PDF', '导出 Markdown', '导出纯文本', '复制', '打印'].map((name) =>
    screen.getByRole('button', { name }),
  );

async function openDraft(fake: FakeWenshu, draft: DraftDetail) {
  const view = await renderApp(fake, hrefFor({ screen: 'review', draftId: draft.id }));
  await editorText();
  return view;
}

describe('Review queue', () => {
  const queue = () => [
    makeDraft({ title: '春季防汛通知', createdAt: hoursAgo(3), warnings: [makeWarning('lint')] }),
    approvedDraft({ title: '已批准的函', createdAt: hoursAgo(30) }),
    makeDraft({ title: '会议纪要摘要', tool: 'summarize', kind: 'summary', createdAt: hoursAgo(72) }),
    makeDraft({ title: '退回的请示', state: 'rejected', createdAt: hoursAgo(5) }),
    makeDraft({ title: '正在写的报告', state: 'generating', versions: [], createdAt: hoursAgo(0.01) }),
  ];

  test('awaiting review first: most recently changed first, with state, tool, warnings and age', async () => {
    await renderApp(createFakeWenshu({ drafts: queue() }), '#/review');
    expect(await queueTitles()).toEqual(['春季防汛通知', '会议纪要摘要']);
    const [first, second] = within(await queueTable())
      .getAllByRole('row')
      .slice(1);
    expect(
      within(first!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['待审核', '起草', '1 条', '1', '3小时前', '3小时前']);
    expect(
      within(second!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['待审核', '摘要', '无', '1', '3天前', '3天前']);
    expect(within(first!).getByRole('link', { name: '春季防汛通知' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/review\/[0-9a-f-]{36}$/),
    );
    // Each state says how many drafts it holds.
    await waitFor(() => expect(stateButton(/^待审核/)).toHaveTextContent('待审核2'));
    expect(stateButton(/^待审核/)).toHaveAttribute('aria-pressed', 'true');
    expect(stateButton(/^全部/)).toHaveTextContent('全部5');
    expect(screen.getByText('显示 2 份，共 2 份')).toBeInTheDocument();
  });

  test('filters by state and by tool', async () => {
    const { user } = await renderApp(createFakeWenshu({ drafts: queue() }), '#/review');
    await queueTitles();
    await user.click(stateButton(/^已批准/));
    await waitFor(async () => expect(await queueTitles()).toEqual(['已批准的函']));
    expect(within(await queueTable()).getAllByRole('cell')[0]).toHaveTextContent('已批准');

    await user.click(stateButton(/^生成中/));
    await waitFor(async () => expect(await queueTitles()).toEqual(['正在写的报告']));

    await user.click(stateButton(/^全部/));
    await waitFor(async () =>
      expect(await queueTitles()).toEqual(['正在写的报告', '春季防汛通知', '退回的请示', '已批准的函', '会议纪要摘要']),
    );

    await user.selectOptions(screen.getByLabelText('工具'), '摘要');
    await waitFor(async () => expect(await queueTitles()).toEqual(['会议纪要摘要']));
  });

  test('a state with no drafts says so and offers all drafts', async () => {
    const { user } = await renderApp(
      createFakeWenshu({ drafts: [approvedDraft({ title: '已批准的函' })] }),
      '#/review',
    );
    expect(await screen.findByRole('heading', { name: '没有“待审核”的草稿' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '查看全部' }));
    expect(await queueTitles()).toEqual(['已批准的函']);
  });

  test('follows drafts:changed: a new draft appears without a reload', async () => {
    const fake = createFakeWenshu({ drafts: [makeDraft({ title: '第一份', createdAt: hoursAgo(2) })] });
    await renderApp(fake, '#/review');
    expect(await queueTitles()).toEqual(['第一份']);
    const second = makeDraft({ title: '第二份', createdAt: hoursAgo(1) });
    fake.drafts.push(second);
    act(() => fake.emit('drafts:changed', { ids: [second.id] }));
    await waitFor(async () => expect(await queueTitles()).toEqual(['第二份', '第一份']));
  });

  test('an empty queue explains that AI outputs wait here for a person', async () => {
    await renderApp(createFakeWenshu(), '#/review');
    expect(await screen.findByRole('heading', { name: '暂无待审核内容' })).toBeInTheDocument();
    expect(screen.getByText(/人工智能生成的草稿、摘要和表单会在这里等待审核/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '去起草' })).toHaveAttribute('href', '#/draft');
    expect(screen.getByRole('link', { name: '审核队列' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: '使用统计' })).toHaveAttribute('href', '#/review/metrics');
  });

  test('a list that cannot be loaded says so and retries', async () => {
    const fake = createFakeWenshu({ drafts: [makeDraft({ title: '草稿甲' })] });
    fake.fail('drafts:list', { code: 'store_unavailable', message: 'locked', params: { path: '/x/wenshu.db' } });
    const { user } = await renderApp(fake, '#/review');
    expect(await screen.findByText('无法打开资料库：/x/wenshu.db')).toBeInTheDocument();
    fake.recover('drafts:list');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await queueTitles()).toEqual(['草稿甲']);
  });
});

describe('Draft view', () => {
  test('shows the title, state, model, text, sources and versions', async () => {
    const doc = makeDocument();
    const ai = makeVersion(1, { text: DRAFT_TEXT });
    const edited = makeVersion(2, {
      text: DRAFT_TEXT.replace('四月十日', '四月八日'),
      origin: 'edit',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    const draft = makeDraft({
      versions: [ai, edited],
      sources: [{ documentId: doc.id, passageId: doc.passages[1]!.id }],
    });
    await openDraft(createFakeWenshu({ drafts: [draft], documents: [doc] }), draft);

    expect(header()).toHaveTextContent('关于做好春季防汛工作的通知待审核');
    expect(screen.getByText('由模型 qwen3-32b 生成')).toBeInTheDocument();
    expect(screen.getByText('人工智能辅助生成，仅供参考；须经人工核对批准后方可使用。')).toBeInTheDocument();
    expect(await editorText()).toHaveValue(edited.content.text);
    expect(screen.getByText('已保存（第 2 版）')).toBeInTheDocument();

    const source = await screen.findByRole('link', { name: doc.title });
    expect(source).toHaveAttribute('href', hrefFor({ screen: 'library', docId: doc.id, passage: doc.passages[1]!.id }));
    expect(screen.getByText('第1页 第2段')).toBeInTheDocument();

    const versions = screen.getByRole('table', { name: '版本记录，最新的在前' });
    expect(
      within(versions)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      [
        '2',
        '人工修改当前',
        new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(edited.createdAt),
        ),
        'clerk',
        '0',
      ],
      [
        '1',
        'AI 生成',
        new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ai.createdAt)),
        'qwen3-32b',
        '0',
      ],
    ]);

    // The diff compares the AI version with the text now.
    const diff = screen.getByRole('document', { name: '修改对照' });
    expect(diff.querySelector('del')).toHaveTextContent('〔删除：十〕');
    expect(diff.querySelector('ins')).toHaveTextContent('〔新增：八〕');
    expect(screen.getByText('新增 1 字，删除 1 字。')).toBeInTheDocument();
  });

  test('an offline draft is labelled offline', async () => {
    const draft = makeDraft({ engine: 'offline' });
    await openDraft(createFakeWenshu({ drafts: [draft] }), draft);
    expect(screen.getByText('离线', { selector: '.draft-meta .tag' })).toBeInTheDocument();
    expect(screen.getByText('由离线引擎生成（未连接模型服务）')).toBeInTheDocument();
  });

  test('an unknown draft says it cannot be opened', async () => {
    await renderApp(createFakeWenshu(), '#/review/00000000-0000-4000-9000-00000000ffff');
    expect(await screen.findByText('无法打开草稿')).toBeInTheDocument();
    expect(screen.getByText('找不到草稿 00000000-0000-4000-9000-00000000ffff')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回审核队列' })).toHaveAttribute('href', '#/review');
  });

  test('an edit is saved as a new version two seconds after typing stops, and the diff shows it', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    await openDraft(fake, draft);
    const text = await editorText();
    const changed = DRAFT_TEXT.replace('四月十五日', '四月二十日');
    fireEvent.change(text, { target: { value: changed } });

    expect(screen.getByText('有未保存的修改，停止输入 2 秒后自动保存')).toBeInTheDocument();
    expect(approveButton()).toBeDisabled();
    expect(fake.callsTo('drafts:edit')).toEqual([]);
    // The diff follows the typing at once.
    const diff = screen.getByRole('document', { name: '修改对照' });
    expect(diff.querySelector('del')).toHaveTextContent('〔删除：十五〕');
    expect(diff.querySelector('ins')).toHaveTextContent('〔新增：二十〕');

    await waitFor(() => expect(fake.callsTo('drafts:edit')).toHaveLength(1), { timeout: 4000 });
    expect(fake.callsTo('drafts:edit')).toEqual([
      { id: draft.id, baseVersion: 1, content: { text: changed, fields: {} } },
    ]);
    expect(await screen.findByText('已保存（第 2 版）')).toBeInTheDocument();
    expect(fake.drafts[0]!.versions.map((v) => [v.version, v.origin])).toEqual([
      [1, 'ai'],
      [2, 'edit'],
    ]);
    const versions = screen.getByRole('table', { name: '版本记录，最新的在前' });
    expect(within(versions).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('新增 2 字，删除 2 字。')).toBeInTheDocument();
  }, 10_000);

  test('leaving the text saves at once; fields are saved with it', async () => {
    const draft = makeDraft({ fields: { 主送机关: '各区县人民政府' } });
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    const field = screen.getByRole('textbox', { name: '主送机关' });
    await user.click(field);
    fireEvent.change(field, { target: { value: '各区县人民政府，市直各部门' } });
    await user.tab();
    await waitFor(() => expect(fake.callsTo('drafts:edit')).toHaveLength(1));
    expect(fake.callsTo('drafts:edit')[0]).toEqual({
      id: draft.id,
      baseVersion: 1,
      content: { text: DRAFT_TEXT, fields: { 主送机关: '各区县人民政府，市直各部门' } },
    });
    expect(await screen.findByText('已保存（第 2 版）')).toBeInTheDocument();
  });

  test('a conflict loads the latest version, says so and keeps what could not be saved', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    const text = await editorText();
    await user.click(text);
    fireEvent.change(text, { target: { value: `${DRAFT_TEXT}\n三、我的补充。` } });
    // Another window saves version 2 first.
    await act(() =>
      fake.handlers['drafts:edit']({ id: draft.id, baseVersion: 1, content: { text: '别处保存的文字', fields: {} } }),
    );
    await user.tab();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('草稿已在别处修改');
    expect(alert).toHaveTextContent('已载入最新的第 2 版');
    expect(fake.callsTo('drafts:edit')).toEqual([
      { id: draft.id, baseVersion: 1, content: { text: `${DRAFT_TEXT}\n三、我的补充。`, fields: {} } },
    ]);
    expect(await editorText()).toHaveValue('别处保存的文字');
    expect(within(alert).getByRole('textbox', { name: '未能保存的内容' })).toHaveValue(`${DRAFT_TEXT}\n三、我的补充。`);
    expect(screen.getByText('已保存（第 2 版）')).toBeInTheDocument();

    // Editing goes on from the latest version.
    await user.click(await editorText());
    fireEvent.change(await editorText(), { target: { value: '别处保存的文字，再改一处' } });
    await user.tab();
    await waitFor(() => expect(fake.callsTo('drafts:edit')).toHaveLength(2));
    expect(fake.callsTo('drafts:edit')[1]).toMatchObject({ baseVersion: 2 });
    await user.click(within(alert).getByRole('button', { name: '知道了' }));
    expect(screen.queryByText('草稿已在别处修改')).not.toBeInTheDocument();
  });

  test('a save that fails says why and retries', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    fake.fail('drafts:edit', { code: 'store_unavailable', message: 'busy', params: { path: '/x/wenshu.db' } });
    const { user } = await openDraft(fake, draft);
    const text = await editorText();
    await user.click(text);
    fireEvent.change(text, { target: { value: '改过的文字' } });
    await user.tab();
    expect(await screen.findByText('无法打开资料库：/x/wenshu.db')).toBeInTheDocument();
    expect(approveButton()).toBeDisabled();
    fake.recover('drafts:edit');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('已保存（第 2 版）')).toBeInTheDocument();
  });
});

describe('Approval', () => {
  const TEXT = '经研究，同意你单位的申请。请于四月十五日前报送材料。';
  const withWarnings = () =>
    makeDraft({
      text: TEXT,
      warnings: [...decisionWarnings(TEXT), makeWarning('incomplete', { params: { reason: 'length' } })],
    });

  test('approve stays disabled until every warning is checked and the statement confirmed', async () => {
    const draft = withWarnings();
    const fake = createFakeWenshu({ drafts: [draft], settings: { reviewerName: '张三' } });
    const { user } = await openDraft(fake, draft);

    const panel = screen.getByRole('region', { name: '审核' });
    expect(within(panel).getByRole('heading', { name: '提示（2）' })).toBeInTheDocument();
    const [decision, incomplete] = within(panel).getAllByRole('listitem').slice(0, 2);
    expect(decision).toHaveTextContent('决定性措辞');
    expect(decision).toHaveTextContent('正文含有决定性措辞。是否批准、受理等由承办人员决定');
    expect(decision).toHaveTextContent('同意');
    expect(incomplete).toHaveTextContent('生成未完成');
    expect(incomplete).toHaveTextContent('生成没有完成（达到长度上限），内容可能缺少结尾。');

    expect(approveButton()).toBeDisabled();
    expect(approveButton()).toHaveAccessibleDescription('还有 2 条提示未核对。 请勾选“我已核对内容并对其负责”。');

    // A warning about a span selects it in the text.
    await user.click(within(decision!).getByRole('button', { name: '在正文中选中' }));
    const area = (await editorText()) as HTMLTextAreaElement;
    expect(area).toHaveFocus();
    expect(TEXT.slice(area.selectionStart, area.selectionEnd)).toBe('同意');

    await user.click(within(decision!).getByRole('checkbox', { name: '已核对' }));
    expect(approveButton()).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '我已核对内容并对其负责' }));
    expect(approveButton()).toBeDisabled();
    expect(approveButton()).toHaveAccessibleDescription('还有 1 条提示未核对。');
    await user.click(within(incomplete!).getByRole('checkbox', { name: '已核对' }));
    expect(approveButton()).toBeEnabled();
    expect(screen.getByText('批准时记录审核人“张三”和系统账户。')).toBeInTheDocument();

    await user.click(approveButton());
    expect(fake.callsTo('drafts:approve')).toEqual([
      {
        id: draft.id,
        version: 1,
        contentHash: draft.versions[0]!.contentHash,
        acknowledged: ['decision_wording:0', 'incomplete:0'],
        confirmed: true,
      },
    ]);
    await waitFor(() => expect(header()).toHaveTextContent('已批准'));
    const log = screen.getByRole('region', { name: '审核记录' });
    expect(log).toHaveTextContent('张三（clerk）');
    expect(log).toHaveTextContent(`内容哈希 ${shortHash(draft.versions[0]!.contentHash)}`);
    expect(log).toHaveTextContent('已核对 2 条提示');
    exportButtons().forEach((b) => expect(b).toBeEnabled());
    expect(screen.queryByText('人工智能辅助生成，仅供参考；须经人工核对批准后方可使用。')).not.toBeInTheDocument();
  });

  test('unsaved edits keep approval off until they are saved, and the saved version is the one approved', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    await user.click(screen.getByRole('checkbox', { name: '我已核对内容并对其负责' }));
    expect(approveButton()).toBeEnabled();

    const text = await editorText();
    await user.click(text);
    fireEvent.change(text, { target: { value: `${DRAFT_TEXT}（已核）` } });
    expect(approveButton()).toBeDisabled();
    expect(approveButton()).toHaveAccessibleDescription(expect.stringContaining('修改尚未保存，保存后才能批准。'));
    await user.tab();
    expect(await screen.findByText('已保存（第 2 版）')).toBeInTheDocument();
    // A new version asks for the confirmation again.
    expect(screen.getByRole('checkbox', { name: '我已核对内容并对其负责' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: '我已核对内容并对其负责' }));
    await user.click(approveButton());
    const v2 = fake.drafts[0]!.versions[1]!;
    expect(fake.callsTo('drafts:approve')).toEqual([
      { id: draft.id, version: 2, contentHash: v2.contentHash, acknowledged: [], confirmed: true },
    ]);
  });

  test('an approval main refuses is explained', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    fake.fail('drafts:approve', { code: 'content_changed', message: 'changed' });
    const { user } = await openDraft(fake, draft);
    await user.click(screen.getByRole('checkbox', { name: '我已核对内容并对其负责' }));
    await user.click(approveButton());
    expect(await screen.findByText('内容已变化，与您审核时看到的不一致，请重新审核')).toBeInTheDocument();
    expect(header()).toHaveTextContent('待审核');
  });

  test('a draft is sent back with a reason and a note', async () => {
    const draft = makeDraft();
    const fake = createFakeWenshu({ drafts: [draft], settings: { reviewerName: '李四' } });
    const { user } = await openDraft(fake, draft);
    await user.click(screen.getByRole('button', { name: '退回…' }));
    const submit = screen.getByRole('button', { name: '确认退回' });
    expect(submit).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('退回原因'), '内容不准确或无依据');
    await user.type(screen.getByLabelText('说明（可选）'), '第二段日期有误');
    await user.click(submit);

    expect(fake.callsTo('drafts:reject')).toEqual([
      { id: draft.id, version: 1, reason: 'inaccurate', note: '第二段日期有误' },
    ]);
    await waitFor(() => expect(header()).toHaveTextContent('已退回'));
    const log = screen.getByRole('region', { name: '审核记录' });
    expect(log).toHaveTextContent('原因：内容不准确或无依据 · 第二段日期有误');
    expect(log).toHaveTextContent('李四（clerk）');
    expect(approveButton()).toBeDisabled();
    expect(approveButton()).toHaveAccessibleDescription('草稿已退回；修改后可重新审核。');
    expect(screen.getByRole('button', { name: '退回…' })).toBeDisabled();
  });
});

describe('The ways out', () => {
  test('export, copy and print are off until the content is approved', async () => {
    const draft = makeDraft();
    await openDraft(createFakeWenshu({ drafts: [draft] }), draft);
    exportButtons().forEach((b) => expect(b).toBeDisabled());
    expect(screen.getByText('内容经批准后才能导出、复制或打印。')).toBeInTheDocument();
  });

  test('after approval each button calls main, which says what happened', async () => {
    const draft = approvedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    exportButtons().forEach((b) => expect(b).toBeEnabled());

    await user.click(screen.getByRole('button', { name: '导出 Word' }));
    expect(await screen.findByText('已导出到 /home/clerk/文档/关于做好春季防汛工作的通知.docx')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '导出 PDF' }));
    await user.click(screen.getByRole('button', { name: '导出 Markdown' }));
    await user.click(screen.getByRole('button', { name: '导出纯文本' }));
    await screen.findByText('已导出到 /home/clerk/文档/关于做好春季防汛工作的通知.txt');
    expect(fake.callsTo('drafts:export')).toEqual(
      ['docx', 'pdf', 'md', 'txt'].map((format) => ({ id: draft.id, format })),
    );

    await user.click(screen.getByRole('button', { name: '复制' }));
    expect(await screen.findByText('已复制到剪贴板。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(await screen.findByText('已发送到打印机。')).toBeInTheDocument();
    expect(fake.callsTo('drafts:copy')).toEqual([{ id: draft.id }]);
    expect(fake.callsTo('drafts:print')).toEqual([{ id: draft.id }]);
  });

  test('an edit after approval returns the draft to review and locks the ways out again', async () => {
    const draft = approvedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    expect(screen.getByText('此内容已批准。修改后批准即失效，需要重新审核。')).toBeInTheDocument();

    const text = await editorText();
    await user.click(text);
    fireEvent.change(text, { target: { value: `${DRAFT_TEXT}\n三、补充一条。` } });
    // Unsaved text on screen is not the approved text: locked at once.
    exportButtons().forEach((b) => expect(b).toBeDisabled());
    await user.tab();
    await waitFor(() => expect(header()).toHaveTextContent('待审核'));
    expect(fake.drafts[0]!.state).toBe('draft');
    exportButtons().forEach((b) => expect(b).toBeDisabled());
    expect(screen.getByText('内容经批准后才能导出、复制或打印。')).toBeInTheDocument();
    // Main refuses too.
    await expect(fake.api.call('drafts:export', { id: draft.id, format: 'docx' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_approved' },
    });
  });

  test('sending an approved text back withdraws the approval and locks the ways out', async () => {
    const draft = approvedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    const { user } = await openDraft(fake, draft);
    expect(screen.getByText(/^当前内容已由 张三（clerk） 于 .+ 批准。$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '退回…' }));
    await user.selectOptions(screen.getByLabelText('退回原因'), '已不需要');
    await user.click(screen.getByRole('button', { name: '确认退回' }));
    expect(fake.callsTo('drafts:reject')).toEqual([{ id: draft.id, version: 1, reason: 'not_needed', note: '' }]);
    await waitFor(() => expect(header()).toHaveTextContent('已退回'));
    exportButtons().forEach((b) => expect(b).toBeDisabled());
  });

  test('a not_approved answer is shown translated', async () => {
    const draft = approvedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    fake.fail('drafts:print', { code: 'not_approved', message: 'no', params: { id: draft.id } });
    const { user } = await openDraft(fake, draft);
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(
      await screen.findByText(`此内容尚未经人工审核批准，不能导出、复制或打印（草稿 ${draft.id}）`),
    ).toBeInTheDocument();
  });

  test('a cancelled save dialog is not an error', async () => {
    const draft = approvedDraft();
    const fake = createFakeWenshu({ drafts: [draft] });
    fake.handlers['drafts:export'] = async () => ({ saved: false, path: null });
    const { user } = await openDraft(fake, draft);
    await user.click(screen.getByRole('button', { name: '导出 PDF' }));
    expect(await screen.findByText('已取消导出。')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Reviewer name and English', () => {
  test('Settings keeps the reviewer name recorded with approvals', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake, '#/settings');
    const name = await screen.findByLabelText('审核人姓名');
    await waitFor(() => expect(name).toBeEnabled());
    await user.type(name, '王五');
    await user.click(screen.getByRole('button', { name: '保存姓名' }));
    expect(await screen.findByText('已保存，下次批准时生效。')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([{ reviewerName: '王五' }]);
    expect(fake.settings.reviewerName).toBe('王五');
  });

  test('the queue is fully in English', async () => {
    const fake = createFakeWenshu({
      settings: { locale: 'en-US' },
      drafts: [makeDraft({ title: 'Flood season notice', createdAt: hoursAgo(3), warnings: [makeWarning('lint')] })],
    });
    await renderApp(fake, '#/review');
    expect(await screen.findByRole('table', { name: 'Drafts, most recently changed first' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Review' })).toBeInTheDocument();
    const row = screen.getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Awaiting review', 'Drafting', '1', '1', '3 hours ago', '3 hours ago']);
    expect(screen.getByRole('main').textContent).not.toMatch(HAN);
  });

  test('the draft view is fully in English', async () => {
    const text = 'Please submit the spring flood report by 15 April.';
    const draft = makeDraft({
      title: 'Flood season notice',
      text,
      warnings: [
        makeWarning('lint', { params: { zh: '标题末尾有句号', en: 'the title ends with a full stop' } }),
        makeWarning('unsupported_sentence', { id: 'unsupported_sentence:0', start: 0, end: 20 }),
        makeWarning('empty_field', { id: 'empty_field:0', field: 'Addressee' }),
      ],
      fields: { Addressee: '' },
    });
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, drafts: [draft] });
    await renderApp(fake, hrefFor({ screen: 'review', draftId: draft.id }));
    expect(await screen.findByRole('textbox', { name: 'Draft text (edit it here)' })).toHaveValue(text);
    expect(screen.getByText('Not in official-document form: the title ends with a full stop')).toBeInTheDocument();
    expect(screen.getByText('The field “Addressee” is empty.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(
      screen.getByRole('checkbox', { name: 'I have checked this text and take responsibility for it' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export Word' })).toBeDisabled();
    expect(screen.getByRole('main').textContent).not.toMatch(HAN);
  });
});
