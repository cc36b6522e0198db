import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sentenceSegments } from '../../renderer/features/summarize/segments';
import { hrefFor } from '../../renderer/router/route';
import type { DocumentDetail } from '../../shared/domain/document';
import { createFakeWenshu, makeDocument, managedStatus } from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

/** A promise a test resolves when it wants the held step to go on. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** P1, P2: the budget notice (page 1, paragraphs 1 and 2). */
const budget = () => makeDocument();
/** P3: one passage on page 2, paragraph 4. */
const flood = () => {
  const id = '00000000-0000-4000-8000-0000000f100d';
  return makeDocument({
    id,
    title: '关于做好春季防汛工作的通知',
    fileName: 'flood.txt',
    importedAt: '2026-03-02T08:30:00.000Z',
    passages: [
      { id: `${id}#0`, seq: 0, page: 2, paragraph: 3, start: 0, end: 16, text: '各地要在四月十日前完成河道清淤。' },
    ],
  });
};

/** The model's summary: a wrong date (P2 says 三月底), a supported point, a label naming nothing, an action item. */
const SUMMARY = [
  '【要点】',
  '各区县财政局须于二〇二六年四月底前报送预算草案。[P2]',
  '各地要在四月十日前完成河道清淤。[P3]',
  '本通知自印发之日起施行。[P9]',
  '【行动事项】',
  '- 各区县财政局：报送预算草案（期限：二〇二六年三月底前）。[P2]',
].join('\n');

const runCalls = (fake: FakeWenshu) =>
  fake.callsTo('summaries:run') as { requestId: string; documentIds: string[]; preset: string; language: string }[];
const streamText = () => screen.getByRole('article', { name: '摘要正文' });
const editor = () => screen.findByRole('textbox', { name: '草稿正文（可直接修改）' });
const checkPanel = () => screen.getByRole('region', { name: '出处核查' });
/** The checked sentence that reads `text` (its evidence may quote the same words: not that). */
const sentenceOf = (text: string) => {
  const found = [...checkPanel().querySelectorAll<HTMLElement>('.check-sentence')].find((li) =>
    li.querySelector('.check-sentence__text')?.textContent?.includes(text),
  );
  if (!found) throw new Error(`no checked sentence reads ${text}`);
  return found;
};

async function pick(user: Awaited<ReturnType<typeof renderApp>>['user'], docs: DocumentDetail[]) {
  const picker = screen.getByRole('group', { name: '要摘要的文档' });
  for (const doc of docs)
    await user.click(await within(picker).findByRole('checkbox', { name: new RegExp(doc.title) }));
}

describe('Summarize', () => {
  test('picks documents and a preset, streams with the stages, then shows the checked summary', async () => {
    const held = gate();
    const a = budget();
    const b = flood();
    // Steps: map 1, map 2, then one per line of text, then the check. Hold at the second map piece.
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      documents: [a, b],
      summary: { text: SUMMARY },
      model: { pace: (step) => (step === 3 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/summarize');
    expect(await screen.findByRole('heading', { name: '新建摘要' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成摘要' })).toBeDisabled();
    await pick(user, [a, b]);
    expect(screen.getByRole('radio', { name: '要点' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '详细' }));
    await user.click(screen.getByRole('radio', { name: '原文语言' }));
    await user.click(screen.getByRole('button', { name: '生成摘要' }));

    // Held after the map stage and the first line: the text so far and where it is.
    await waitFor(() => expect(streamText()).toHaveTextContent('【要点】'));
    expect(streamText()).toHaveAttribute('aria-busy', 'true');
    const steps = screen.getByRole('list', { name: '摘要进度' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['✓分段摘要（已完成）', '2汇总（进行中）', '3核查（未开始）']);
    expect(screen.getByRole('button', { name: '停止' })).toBeEnabled();
    expect(runCalls(fake)).toEqual([
      { requestId: expect.stringMatching(/^r\d+-/), documentIds: [a.id, b.id], preset: 'detailed', language: 'source' },
    ]);

    held.open();
    expect(await screen.findByText('摘要已生成')).toBeInTheDocument();
    expect(screen.queryByText('已使用缓存结果，未调用模型。')).not.toBeInTheDocument();
    // The draft is under review right here, its text in the editor.
    expect(await editor()).toHaveValue(SUMMARY);
    expect(screen.getByRole('link', { name: '在审核页面打开' })).toHaveAttribute(
      'href',
      hrefFor({ screen: 'review', draftId: fake.drafts[0]!.id }),
    );

    // The check: counts, the contradicted sentence with its wrong date marked and explained.
    await waitFor(() =>
      expect(within(checkPanel()).getByRole('status')).toHaveTextContent(
        '4 句：2 句有依据，1 句无依据，1 句与原文不符',
      ),
    );
    const wrong = sentenceOf('各区县财政局须于');
    expect(wrong).toHaveClass('check-sentence--contradicted');
    expect(within(wrong).getByText('与原文不符')).toBeInTheDocument();
    expect(wrong.querySelector('mark')).toHaveTextContent('二〇二六年四月');
    expect(
      within(wrong).getByText(/^日期“二〇二六年四月”在所引原文中找不到。原文为“二〇二六年三月[^”]*”。$/),
    ).toBeInTheDocument();
    expect(within(wrong).getByText('请于二〇二六年三月底前报送预算草案', { exact: false })).toBeInTheDocument();
    expect(sentenceOf('各地要在四月十日前')).toHaveClass('check-sentence--supported');

    // Citations open the passage; with two documents each names its document.
    expect(within(wrong).getByRole('link', { name: '第1页·第2段（《关于做好年度预算工作的通知》）' })).toHaveAttribute(
      'href',
      hrefFor({ screen: 'library', docId: a.id, passage: `${a.id}#1` }),
    );
    expect(
      within(sentenceOf('各地要在四月十日前')).getByRole('link', {
        name: '第2页·第4段（《关于做好春季防汛工作的通知》）',
      }),
    ).toHaveAttribute('href', hrefFor({ screen: 'library', docId: b.id, passage: `${b.id}#0` }));
    const broken = sentenceOf('本通知自印发之日起施行');
    expect(broken).toHaveClass('check-sentence--unsupported');
    expect(within(broken).getByText('无依据')).toBeInTheDocument();
    expect(within(broken).getByRole('list', { name: '发现的问题' })).toHaveTextContent('出处 P9 不对应任何原文段落。');
    expect(within(broken).queryByRole('link', { name: /P9/ })).not.toBeInTheDocument();

    // The action item as a row: who, what, by when, and its source.
    const actions = within(checkPanel()).getByRole('table', { name: '行动事项（1 项）' });
    const [row] = within(actions).getAllByRole('row').slice(1);
    expect(
      within(row!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['各区县财政局', '报送预算草案', '二〇二六年三月底前', '第1页·第2段']);

    // Review: the flagged sentences are warnings to acknowledge before approval.
    expect(screen.getAllByText('无依据或与原文不符的句子')).toHaveLength(2);
  });

  test('a flagged sentence selects its words in the editor; fixing it re-checks before saving', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      documents: [budget(), flood()],
      summary: { text: SUMMARY },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    const text = (await editor()) as HTMLTextAreaElement;
    await waitFor(() => expect(sentenceOf('各区县财政局须于')).toHaveClass('check-sentence--contradicted'));

    await user.click(screen.getByRole('button', { name: '在正文中选中第 1 句' }));
    const start = SUMMARY.indexOf('各区县财政局须于');
    expect(text).toHaveFocus();
    expect([text.selectionStart, text.selectionEnd]).toEqual([start, SUMMARY.indexOf('\n', start)]);

    fireEvent.change(text, { target: { value: SUMMARY.replace('四月底', '三月底') } });
    await waitFor(() => expect(sentenceOf('各区县财政局须于')).toHaveClass('check-sentence--supported'));
    expect(within(checkPanel()).getByRole('status')).toHaveTextContent('4 句：3 句有依据，1 句无依据，0 句与原文不符');
    // Checked with the unsaved text: nothing was saved for it.
    expect(fake.callsTo('summaries:report').at(-1)).toEqual({
      id: fake.drafts[0]!.id,
      text: SUMMARY.replace('四月底', '三月底'),
    });
    expect(fake.callsTo('drafts:edit')).toEqual([]);
  });

  test('the second opinion is shown beside its sentence, as advisory', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus({ secondOpinion: true }),
      documents: [budget(), flood()],
      summary: {
        text: SUMMARY,
        opinions: [{ index: 0, judgement: 'not_supported', reason: '原文要求三月底前报送。' }],
      },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    await user.click(await screen.findByRole('button', { name: '请模型复核有疑问的句子（仅供参考）' }));

    const wrong = sentenceOf('各区县财政局须于');
    expect(await within(wrong).findByText('模型意见，仅供参考，不能作为依据')).toBeInTheDocument();
    expect(within(wrong).getByText('模型认为没有依据')).toBeInTheDocument();
    expect(within(wrong).getByText('理由：原文要求三月底前报送。')).toBeInTheDocument();
    expect(screen.getByText('模型意见已列在相应句子下方：仅供参考，不能作为依据。')).toBeInTheDocument();
    expect(fake.callsTo('summaries:secondOpinion')).toEqual([
      { requestId: expect.stringMatching(/^r\d+-/), id: fake.drafts[0]!.id },
    ]);
    // The check itself is unchanged by the opinion.
    expect(wrong).toHaveClass('check-sentence--contradicted');
  });

  test('when the policy does not allow a second opinion there is no button', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [budget()], summary: { text: SUMMARY } });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    await screen.findByRole('region', { name: '出处核查' });
    await within(checkPanel()).findAllByText('与原文不符');
    expect(screen.queryByRole('button', { name: '请模型复核有疑问的句子（仅供参考）' })).not.toBeInTheDocument();
  });

  test('when main refuses a second opinion (the policy changed), the button goes away', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus({ secondOpinion: true }),
      documents: [budget()],
      summary: { text: SUMMARY },
    });
    fake.fail('summaries:secondOpinion', { code: 'forbidden', message: 'second opinion is off' });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    await user.click(await screen.findByRole('button', { name: '请模型复核有疑问的句子（仅供参考）' }));
    expect(await screen.findByText('单位策略未开启模型复核。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '请模型复核有疑问的句子（仅供参考）' })).not.toBeInTheDocument();
  });

  test('the same request again uses the cached result', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [budget()] });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    expect(await screen.findByText('摘要已生成')).toBeInTheDocument();
    expect(screen.queryByText('已使用缓存结果，未调用模型。')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    expect(await screen.findByText('已使用缓存结果，未调用模型。')).toBeInTheDocument();
    expect(fake.drafts).toHaveLength(2);
    // Default: the key points, in Chinese.
    expect(runCalls(fake).map((c) => [c.preset, c.language])).toEqual([
      ['key_points', 'zh'],
      ['key_points', 'zh'],
    ]);
  });

  test('stopping cancels the request and keeps nothing', async () => {
    const held = gate();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      documents: [budget()],
      summary: { text: SUMMARY },
      model: { pace: (step) => (step === 2 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    await waitFor(() => expect(streamText()).toHaveTextContent('各区县财政局须于'));
    await user.click(screen.getByRole('button', { name: '停止' }));
    expect(fake.callsTo('model:cancel')).toEqual([{ requestId: runCalls(fake)[0]!.requestId }]);
    expect(await screen.findByText('已停止')).toBeInTheDocument();
    expect(fake.drafts).toEqual([]);
    expect(screen.getByRole('button', { name: '生成摘要' })).toBeEnabled();
  });

  test('input that fits in one piece shows only the check as a stage', async () => {
    const held = gate();
    const lines = SUMMARY.split('\n').length;
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      documents: [budget()],
      summary: { text: SUMMARY },
      model: { pace: (step) => (step === lines ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    const steps = await screen.findByRole('list', { name: '摘要进度' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1核查（进行中）']);
    held.open();
    expect(await screen.findByText('摘要已生成')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '摘要进度' })).not.toBeInTheDocument();
  });

  test('a failure says why', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [budget()] });
    fake.fail('summaries:run', {
      code: 'endpoint_timeout',
      message: 'timeout',
      params: { phase: '首字节', ms: 30000 },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    expect(await screen.findByText('无法生成摘要')).toBeInTheDocument();
    expect(screen.getByText('模型服务响应超时（首字节，30000 毫秒）')).toBeInTheDocument();
  });

  test('offline, the offline engine makes it and the draft says so', async () => {
    const fake = createFakeWenshu({ documents: [budget()] });
    const { user } = await renderApp(fake, '#/summarize');
    expect(
      await screen.findByText('未连接模型服务：将由离线引擎从原文中摘取要点，同样逐句核对出处。'),
    ).toBeInTheDocument();
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    expect(await screen.findByText('由离线引擎生成（未连接模型服务）')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(checkPanel()).getByRole('status')).toHaveTextContent(
        '2 句：2 句有依据，0 句无依据，0 句与原文不符',
      ),
    );
    // Offline there is no model to ask.
    expect(screen.queryByRole('button', { name: /请模型复核/ })).not.toBeInTheDocument();
  });

  test('with no documents in the Library, it says where to get them', async () => {
    await renderApp(createFakeWenshu(), '#/summarize');
    expect(await screen.findByRole('heading', { name: '资料库中还没有文档' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '前往资料库导入文档' })).toHaveAttribute('href', '#/library');
    expect(screen.queryByRole('button', { name: '生成摘要' })).not.toBeInTheDocument();
  });

  test('a summary opened from the queue shows its check, and citation warnings are worded', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [budget()] });
    const text = '请于二〇二六年三月底前报送预算草案。';
    const { draft } = await fake.handlers['summaries:run']({
      requestId: 'seed',
      documentIds: [fake.documents[0]!.id],
      preset: 'one_sentence',
      language: 'zh',
    });
    fake.drafts[0]!.versions[0]!.content.text = text;
    fake.drafts[0]!.versions[0]!.warnings = [
      {
        id: 'citation:0',
        kind: 'citation',
        severity: 'warning',
        message: 'no citation',
        params: {},
        start: 0,
        end: text.length,
        field: null,
      },
    ];
    await renderApp(fake, hrefFor({ screen: 'review', draftId: draft.id }));
    expect(await screen.findByText('出处标注问题')).toBeInTheDocument();
    expect(
      screen.getByText('这句话没有标注出处，或所标出处不对应任何原文段落，请补上或改正出处。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(checkPanel()).getByText('这句话没有标注出处。')).toBeInTheDocument());
    // Supported by the source, but it must still say where from.
    expect(sentenceOf('请于二〇二六年三月底前')).toHaveClass('check-sentence--supported', 'check-sentence--flagged');
  });

  test('in English', async () => {
    const fake = createFakeWenshu({
      settings: { locale: 'en-US' },
      endpoint: managedStatus({ secondOpinion: true }),
      documents: [budget()],
      summary: { text: '各区县财政局须于二〇二六年四月底前报送预算草案。[P2]' },
    });
    const { user } = await renderApp(fake, '#/summarize');
    const picker = await screen.findByRole('group', { name: 'Documents to summarize' });
    await user.click(await within(picker).findByRole('checkbox', { name: /预算/ }));
    expect(screen.getByRole('radio', { name: 'Key points' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Language of the source' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Summarize' }));
    expect(await screen.findByText('The summary is ready')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Source check' });
    await waitFor(() =>
      expect(within(panel).getByRole('status')).toHaveTextContent(
        '1 sentence: 0 supported, 0 without support, 1 contradicting the source',
      ),
    );
    expect(within(panel).getByText('Contradicts the source')).toBeInTheDocument();
    expect(
      within(panel).getByText(
        /^The date “二〇二六年四月” is not in the cited source. The source says “二〇二六年三月[^”]*”.$/,
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'p. 1, para. 2' })).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Ask the model to review the doubtful sentences (advisory only)' }),
    ).toBeInTheDocument();
  });
});

describe('Structured view and segments', () => {
  test('key dates show as a table with their sources', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      documents: [budget()],
      summary: { text: '【重要日期】\n- 二〇二六年三月底：预算草案报送截止。[P2]' },
    });
    const { user } = await renderApp(fake, '#/summarize');
    await pick(user, fake.documents);
    await user.click(screen.getByRole('button', { name: '生成摘要' }));
    const dates = await screen.findByRole('table', { name: '重要日期（1 个）' });
    expect(
      within(within(dates).getAllByRole('row')[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['二〇二六年三月底', '预算草案报送截止', '第1页·第2段']);
    expect(within(checkPanel()).getByRole('heading', { name: '重要日期' })).toBeInTheDocument();
  });

  test('a sentence is cut into words, marked words and citation markers', () => {
    const text = '- 预算为3亿元。[P2, P7]\n';
    const start = 2;
    const end = text.indexOf('\n');
    const at = text.indexOf('3亿元');
    const problem = { kind: 'amount' as const, detail: '', text: '3亿元', start: at, end: at + 3 };
    expect(sentenceSegments(text, { start: 0, end, problems: [problem] })).toEqual([
      { kind: 'text', text: '预算为', start: 0, end: at, problems: [] },
      { kind: 'text', text: '3亿元', start: at, end: at + 3, problems: [problem] },
      { kind: 'text', text: '。', start: at + 3, end: at + 4, problems: [] },
      { kind: 'cite', labels: ['P2', 'P7'], start: at + 4, end },
    ]);
    expect(sentenceSegments(text, { start, end, problems: [] })[0]).toMatchObject({ text: '预算为3亿元。' });
  });
});
