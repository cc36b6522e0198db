import { screen, waitFor, within } from '@testing-library/react';
import { DECISION_NOTICE, OFFICIAL_META, createFakeWenshu, makeDocument, managedStatus } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

/** A promise a test resolves when it wants the held stream to go on. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const HAN = /\p{Script=Han}/u;
const promptBox = () => screen.findByRole('textbox', { name: '起草要求' });
const streamText = () => screen.getByRole('article', { name: '草稿正文' });
const generateCalls = (fake: ReturnType<typeof createFakeWenshu>) =>
  fake.callsTo('drafts:generate') as { requestId: string; prompt: string; documentIds: string[] }[];

describe('New draft', () => {
  test('streams the text as it arrives, then opens the draft for review', async () => {
    const held = gate();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: { pace: (step) => (step === 3 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    expect(screen.getByText('发送到 省政务云大模型（模型 qwen3-32b）')).toBeInTheDocument();
    await user.type(screen.getByLabelText('标题（可选）'), '预算报送通知');
    await user.click(await promptBox());
    await user.paste('起草一份通知，请各区县财政局三月底前报送预算草案。');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));

    await waitFor(() => expect(streamText()).toHaveTextContent('请各区县财政局'));
    expect(streamText()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('正在生成…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '停止' })).toBeEnabled();
    expect(screen.getByText('推理过程（17 字）')).toBeInTheDocument();
    expect(generateCalls(fake)).toEqual([
      {
        requestId: expect.stringMatching(/^r\d+-/),
        kind: 'document',
        title: '预算报送通知',
        prompt: '起草一份通知，请各区县财政局三月底前报送预算草案。',
        documentIds: [],
      },
    ]);
    // Meanwhile the queue knows it is being generated.
    expect(fake.drafts.map((d) => d.state)).toEqual(['generating']);

    held.open();
    await waitFor(() => expect(window.location.hash).toBe(`#/review/${fake.drafts[0]!.id}`));
    expect(await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' })).toHaveValue(
      '请各区县财政局于三月底前报送预算草案。',
    );
    expect(screen.getByRole('heading', { level: 1, name: '预算报送通知' })).toBeInTheDocument();
  });

  test('documents picked from the Library go along and become the sources', async () => {
    const budget = makeDocument();
    const official = makeDocument({ title: '关于开展营商环境试点的通知', meta: OFFICIAL_META });
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [budget, official] });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    const picker = screen.getByRole('group', { name: '参考文档（可选）' });
    expect(await within(picker).findAllByRole('checkbox')).toHaveLength(2);
    await user.type(within(picker).getByRole('searchbox'), '国办发');
    await waitFor(() => expect(within(picker).getAllByRole('checkbox')).toHaveLength(1));
    await user.click(within(picker).getByRole('checkbox', { name: /营商环境试点/ }));
    expect(within(picker).getByText('已选 1 份')).toBeInTheDocument();

    await user.click(await promptBox());
    await user.paste('根据所附通知起草工作方案');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\//));
    expect(generateCalls(fake)[0]!.documentIds).toEqual([official.id]);
    expect(await screen.findByRole('link', { name: '关于开展营商环境试点的通知' })).toHaveAttribute(
      'href',
      `#/library/${official.id}`,
    );
  });

  test('a request to decide a case is answered with the notice and a summary of the facts', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    await user.click(await promptBox());
    await user.paste('请判断是否批准张三的住房补贴申请');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\//));
    const text = await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' });
    expect((text as HTMLTextAreaElement).value.startsWith(DECISION_NOTICE)).toBe(true);
  });

  test('offline, the offline engine makes the draft, labelled as such', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    expect(
      await screen.findByText('未连接模型服务：将由离线引擎生成草稿框架，正文需要您自己撰写。'),
    ).toBeInTheDocument();
    await user.click(await promptBox());
    await user.paste('起草会议通知');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\//));
    expect(await screen.findByText('由离线引擎生成（未连接模型服务）')).toBeInTheDocument();
  });

  test('stopping keeps what arrived as a draft marked incomplete', async () => {
    const held = gate();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: { pace: (step) => (step === 3 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    await user.click(await promptBox());
    await user.paste('起草通知');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));
    await waitFor(() => expect(streamText()).toHaveTextContent('请各区县财政局'));
    await user.click(screen.getByRole('button', { name: '停止' }));
    expect(fake.callsTo('model:cancel')).toEqual([{ requestId: generateCalls(fake)[0]!.requestId }]);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\//));
    expect(await screen.findByText('生成没有完成（已停止），内容可能缺少结尾。')).toBeInTheDocument();
  });

  test('stopped before any text: says so and stays', async () => {
    const held = gate();
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: { pace: (step) => (step === 0 ? held.promise : Promise.resolve()) },
    });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    await user.click(await promptBox());
    await user.paste('起草通知');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));
    await user.click(await screen.findByRole('button', { name: '停止' }));
    expect(await screen.findByText('已停止，没有收到内容')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/draft');
    expect(fake.drafts).toEqual([]);
    expect(screen.getByRole('button', { name: '生成草稿' })).toBeEnabled();
  });

  test('a failure says why', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: {
        replies: [
          {
            deltas: [],
            error: { code: 'endpoint_timeout', message: 'timeout', params: { phase: '首字节', ms: 30000 } },
          },
        ],
      },
    });
    const { user } = await renderApp(fake, '#/draft');
    await user.click(screen.getByRole('radio', { name: '自由起草' }));
    await user.click(await promptBox());
    await user.paste('起草通知');
    await user.click(screen.getByRole('button', { name: '生成草稿' }));
    expect(await screen.findByText('无法生成草稿')).toBeInTheDocument();
    expect(screen.getByText('模型服务响应超时（首字节，30000 毫秒）')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/draft');
  });

  test('in English', async () => {
    const { user } = await renderApp(createFakeWenshu({ settings: { locale: 'en-US' } }), '#/draft');
    await user.click(screen.getByRole('radio', { name: 'Free request' }));
    expect(await screen.findByRole('textbox', { name: 'What to draft' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate draft' })).toBeDisabled();
    expect(await screen.findByText('The Library has no documents yet.')).toBeInTheDocument();
    expect(screen.getByRole('main').textContent).not.toMatch(HAN);
  });
});
