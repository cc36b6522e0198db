import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { PromptRunner } from '../../renderer/features/endpoint/PromptRunner';
import { createI18n } from '../../renderer/i18n';
import { OFFICIAL_META, createFakeWenshu, makeDocument, managedStatus } from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const start = (fake: FakeWenshu, hash = '#/settings') => renderApp(fake, hash);

/** A promise a test resolves when it wants the held stream to go on. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const runner = () => screen.findByRole('region', { name: '试用模型服务' });
const answerText = () => screen.getByRole('article', { name: '回答正文' });
const completeCalls = (fake: FakeWenshu) =>
  fake.callsTo('model:complete') as { requestId: string; prompt: string; continueFrom?: string }[];

async function typePrompt(user: ReturnType<typeof userEvent.setup>, text: string) {
  const prompt = within(await runner()).getByLabelText('提示词');
  await user.click(prompt);
  await user.paste(text);
  return prompt;
}

describe('Try a prompt: preview', () => {
  test('shows exactly what would be sent, placeholders marked, identifiers partly hidden, the token budget', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await start(fake);
    await typePrompt(user, '请联系张三，身份证号110105194912310021，手机13800138000，邮箱zhang.san@example.gov.cn。');
    await user.click(screen.getByRole('button', { name: '预览发送内容' }));

    const preview = await screen.findByRole('region', { name: '发送内容预览' });
    expect(fake.callsTo('model:preview')).toEqual([
      {
        prompt: '请联系张三，身份证号110105194912310021，手机13800138000，邮箱zhang.san@example.gov.cn。',
        documentIds: [],
      },
    ]);
    expect(
      within(preview).getByText('将发送到 省政务云大模型（模型 qwen3-32b），下面是发送的全部内容。'),
    ).toBeInTheDocument();

    const message = within(preview).getByRole('listitem');
    expect(message).toHaveTextContent('用户请联系张三，身份证号〔身份证1〕，手机〔手机号1〕，邮箱〔邮箱1〕。');
    expect([...message.querySelectorAll('mark.placeholder')].map((m) => m.textContent)).toEqual([
      '〔身份证1〕',
      '〔手机号1〕',
      '〔邮箱1〕',
    ]);
    expect(message).not.toHaveTextContent('13800138000');

    const table = within(preview).getByRole('table', { name: '发送前替换为占位符的个人信息' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      '身份证号〔身份证1〕110***********0021',
      '手机号〔手机号1〕138****8000',
      '电子邮箱〔邮箱1〕z***@example.gov.cn',
    ]);
    expect(within(preview).getByText('已替换的个人信息（3）')).toBeInTheDocument();

    expect(
      within(preview).getByText(/提示约 \d+ 个词元，回答最多 2,048 个词元，上下文窗口 32,768 个词元/),
    ).toBeInTheDocument();
    expect(within(preview).getByText('在上下文窗口之内')).toBeInTheDocument();
    expect(within(preview).queryByRole('alert')).not.toBeInTheDocument();
  });

  test('a prompt edited after the preview marks the preview as out of date', async () => {
    const { user } = await start(createFakeWenshu({ endpoint: managedStatus() }));
    const prompt = await typePrompt(user, '你好');
    await user.click(screen.getByRole('button', { name: '预览发送内容' }));
    await screen.findByRole('region', { name: '发送内容预览' });
    await user.type(prompt, '！');
    expect(screen.getByText('提示词已修改，下面是修改前的预览，请重新预览。')).toBeInTheDocument();
  });

  test('classified content is refused, translated, before anything is sent', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await start(fake);
    await typePrompt(user, '机密★1年\n关于某项工作的意见');
    await user.click(screen.getByRole('button', { name: '预览发送内容' }));
    const alert = await within(await screen.findByRole('region', { name: '发送内容预览' })).findByRole('alert');
    expect(alert).toHaveTextContent('这次请求会被拒绝，不会发送任何内容');
    expect(alert).toHaveTextContent('内容标有密级（机密），不得发送给模型服务（允许的最高密级：—）');
  });

  test('a classified document from the store is refused as well', async () => {
    const doc = makeDocument({ meta: OFFICIAL_META });
    const fake = createFakeWenshu({ endpoint: managedStatus(), documents: [doc] });
    window.wenshu = fake.api;
    fake.handlers['model:preview'] = async (input) => {
      const docs = fake.documents.filter((d) => input.documentIds.includes(d.id));
      expect(docs).toHaveLength(1);
      return {
        endpoint: fake.endpoint.endpoint,
        messages: [],
        entities: [],
        estimate: { promptTokens: 10, maxTokens: 2048, contextWindow: 32768, fits: true },
        refusal: { code: 'classified_content', message: 'x', params: { level: '秘密', ceiling: '—' } },
      };
    };
    // The runner is reusable: a tool renders it with its documents and a prefilled prompt.
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <PromptRunner documentIds={[doc.id]} initialPrompt="概括这份通知" />
      </I18nextProvider>,
    );
    await screen.findByText('发送到 省政务云大模型（模型 qwen3-32b）');
    await user.click(screen.getByRole('button', { name: '预览发送内容' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('内容标有密级（秘密）');
    expect(fake.callsTo('model:preview')).toEqual([{ prompt: '概括这份通知', documentIds: [doc.id] }]);
  });

  test('too long for the context window: the estimate says so and the request is refused', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus({ endpoint: { contextWindow: 2100, maxTokens: 2048 } }) });
    const { user } = await start(fake);
    await typePrompt(user, '预算'.repeat(100));
    await user.click(screen.getByRole('button', { name: '预览发送内容' }));
    const preview = await screen.findByRole('region', { name: '发送内容预览' });
    expect(within(preview).getByText('超出上下文窗口，请缩短内容')).toBeInTheDocument();
    expect(within(preview).getByRole('alert')).toHaveTextContent(/输入过长：约 \d+ 个词元，超出模型可用的 52 个词元/);
  });

  test('offline: the runner says so, and the preview says nothing would be sent', async () => {
    const fake = createFakeWenshu();
    const { user } = await start(fake);
    const panel = await runner();
    expect(within(panel).getByText('离线')).toBeInTheDocument();
    expect(within(panel).getByText('尚未配置模型服务，各项工具以离线方式运行')).toBeInTheDocument();
    await typePrompt(user, '你好');
    await user.click(within(panel).getByRole('button', { name: '预览发送内容' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('尚未配置经批准的模型服务，当前为离线模式');
  });
});

describe('Try a prompt: streaming', () => {
  test('the answer streams in before the call resolves; reasoning stays in its own panel', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const held = gate();
    fake.model.pace = (step) => (step === 3 ? held.promise : Promise.resolve());
    const { user } = await start(fake);
    await typePrompt(user, '概括一下');
    await user.click(screen.getByRole('button', { name: '发送' }));

    // After the first answer delta; model:complete has not resolved yet.
    expect(await screen.findByText('请各区县财政局')).toBe(answerText());
    expect(answerText()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('正在生成…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '停止' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: '发送' })).not.toBeInTheDocument();

    const reasoning = screen.getByText('推理过程（17 字）').closest('details')!;
    expect(reasoning).not.toHaveAttribute('open');
    expect(within(reasoning).getByRole('document', { name: '推理过程' })).toHaveTextContent(
      '用户要求概括通知。要点是报送时间。',
    );
    expect(answerText()).not.toHaveTextContent('用户要求');

    held.open();
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(answerText()).toHaveTextContent(/^请各区县财政局于三月底前报送预算草案。$/);
    expect(answerText()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText('模型 qwen3-32b · 提示 42 个词元 · 回答 18 个词元（其中推理 8 个）')).toBeInTheDocument();
    expect(screen.getByText('AI 生成')).toBeInTheDocument();
    expect(screen.getByText('以上内容由人工智能生成，仅供参考，使用前须人工核对。')).toBeInTheDocument();

    const [request] = completeCalls(fake);
    expect(request).toEqual({ prompt: '概括一下', documentIds: [], requestId: expect.any(String) });
  });

  test('deltas of another request are ignored', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const held = gate();
    fake.model.pace = (step) => (step === 2 ? held.promise : Promise.resolve());
    const { user } = await start(fake);
    await typePrompt(user, '概括一下');
    await user.click(screen.getByRole('button', { name: '发送' }));
    await screen.findByText('推理过程（17 字）');
    fake.emit('model:delta', { requestId: 'someone-else', kind: 'answer', text: '不相干的内容' });
    held.open();
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(answerText()).not.toHaveTextContent('不相干的内容');
  });

  test('retract moves the answer so far into the reasoning', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: {
        replies: [
          {
            deltas: [
              { kind: 'answer', text: '先看通知的要求，' },
              { kind: 'retract' },
              { kind: 'answer', text: '结论：同意。' },
            ],
            finishReason: 'stop',
            usage: { promptTokens: 5, completionTokens: 9 },
          },
        ],
      },
    });
    const held = gate();
    fake.model.pace = (step) => (step === 2 ? held.promise : Promise.resolve());
    const { user } = await start(fake);
    await typePrompt(user, '同意吗');
    await user.click(screen.getByRole('button', { name: '发送' }));

    const details = (await screen.findByText('推理过程（8 字）')).closest('details')!;
    expect(within(details).getByRole('document')).toHaveTextContent('先看通知的要求，');
    expect(answerText()).toHaveTextContent('等待模型服务响应…');
    expect(answerText()).not.toHaveTextContent('先看通知的要求');

    held.open();
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(answerText()).toHaveTextContent(/^结论：同意。$/);
  });

  test('Stop cancels the request by its id and keeps the text so far', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    fake.model.pace = (step) => (step === 3 ? new Promise(() => {}) : Promise.resolve());
    const { user } = await start(fake);
    await typePrompt(user, '概括一下');
    await user.click(screen.getByRole('button', { name: '发送' }));
    await screen.findByText('请各区县财政局');

    await user.click(screen.getByRole('button', { name: '停止' }));
    expect(await screen.findByText('已停止，保留已生成的内容')).toBeInTheDocument();
    expect(fake.callsTo('model:cancel')).toEqual([{ requestId: completeCalls(fake)[0]!.requestId }]);
    expect(answerText()).toHaveTextContent(/^请各区县财政局$/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '发送' })).toBeEnabled();
  });

  test('an answer cut at its length limit can be continued, and the continuation is appended', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: {
        replies: [
          {
            deltas: [{ kind: 'answer', text: '一、加强预算管理；' }],
            finishReason: 'length',
            usage: { promptTokens: 30, completionTokens: 2048 },
          },
          {
            deltas: [{ kind: 'answer', text: '二、按时报送草案。' }],
            finishReason: 'stop',
            usage: { promptTokens: 2100, completionTokens: 12 },
          },
        ],
      },
    });
    const { user } = await start(fake);
    await typePrompt(user, '列出要点');
    await user.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByText('回答达到长度上限，已被截断。可以继续生成后面的内容。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '继续' }));
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(answerText()).toHaveTextContent(/^一、加强预算管理；二、按时报送草案。$/);
    expect(screen.queryByText(/回答达到长度上限/)).not.toBeInTheDocument();
    const calls = completeCalls(fake);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ prompt: '列出要点', continueFrom: '一、加强预算管理；' });
    expect(calls[1]!.requestId).not.toBe(calls[0]!.requestId);
  });

  test('a failure mid-stream is translated and the partial answer stays visible', async () => {
    const fake = createFakeWenshu({
      endpoint: managedStatus(),
      model: {
        replies: [
          {
            deltas: [{ kind: 'answer', text: '根据通知，' }],
            error: { code: 'stream_interrupted', message: 'reset', params: { detail: 'ECONNRESET' } },
          },
        ],
      },
    });
    const { user } = await start(fake);
    await typePrompt(user, '概括一下');
    await user.click(screen.getByRole('button', { name: '发送' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('回答没有完成');
    expect(alert).toHaveTextContent('模型服务连接中断（ECONNRESET），已保留已收到的部分内容');
    expect(answerText()).toHaveTextContent(/^根据通知，$/);
    expect(screen.getByText('出错，保留已收到的内容')).toBeInTheDocument();
  });

  test('Ctrl+Enter sends from the prompt field', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    const { user } = await start(fake);
    await typePrompt(user, '你好');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(completeCalls(fake)).toHaveLength(1);
  });

  test('offline, sending shows the translated reason and labels the state offline', async () => {
    const fake = createFakeWenshu();
    const { user } = await start(fake);
    await typePrompt(user, '你好');
    await user.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('尚未配置经批准的模型服务，当前为离线模式');
    const answer = screen.getByRole('region', { name: '回答' });
    expect(within(answer).getByText('离线')).toBeInTheDocument();
  });
});

describe('English', () => {
  const HAN = /\p{Script=Han}/u;

  test('the endpoint section, the check report and the runner have no Chinese left', async () => {
    const fake = createFakeWenshu({
      settings: { locale: 'en-US' },
      endpoint: managedStatus({
        locked: ['model'],
        organization: 'City Government Office',
        endpoint: { name: 'Provincial cloud LLM' },
      }),
    });
    const { user } = await start(fake);
    const endpoint = await screen.findByRole('region', { name: 'Model endpoint' });
    await user.click(within(endpoint).getByRole('button', { name: 'Check connection' }));
    expect(await within(endpoint).findByText('All checks passed')).toBeInTheDocument();
    expect(within(endpoint).getByText('Managed by your organization')).toBeInTheDocument();

    const panel = await screen.findByRole('region', { name: 'Try the endpoint' });
    await user.click(within(panel).getByLabelText('Prompt'));
    await user.paste('Call me on 13800138000 please.');
    await user.click(within(panel).getByRole('button', { name: 'Preview what will be sent' }));
    const preview = await within(panel).findByRole('region', { name: 'What will be sent' });
    expect(within(preview).getByText('Mobile number')).toBeInTheDocument();
    fake.model.replies = [
      {
        deltas: [
          { kind: 'reasoning', text: 'Thinking.' },
          { kind: 'answer', text: 'Sure.' },
        ],
        finishReason: 'length',
        usage: { promptTokens: 12, completionTokens: 3 },
      },
    ];
    await user.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText('Done')).toBeInTheDocument();
    expect(within(panel).getByText('AI-generated')).toBeInTheDocument();
    expect(within(panel).getByText('Reasoning (9 characters)')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Continue' })).toBeInTheDocument();

    // The placeholder itself (〔手机号1〕) is data main sends, not UI text.
    const uiText = (el: HTMLElement) => el.textContent!.replace(/〔[^〕]*〕/g, '');
    expect(uiText(endpoint)).not.toMatch(HAN);
    expect(uiText(panel)).not.toMatch(HAN);
  });

  test('an invalid policy and an offline badge in English', async () => {
    const fake = createFakeWenshu({ settings: { locale: 'en-US' } });
    fake.endpoint = {
      ...fake.endpoint,
      reason: 'policy_invalid',
      policy: {
        ...fake.endpoint.policy,
        found: true,
        valid: false,
        problems: [{ path: 'version', message: 'Invalid input: expected 1' }],
      },
    };
    await start(fake);
    const endpoint = await screen.findByRole('region', { name: 'Model endpoint' });
    expect(within(endpoint).getByRole('alert')).toHaveTextContent(
      'The machine policy has errorsWenshu is in a safe state: it connects to no model endpoint, and the tools run offline.version: Invalid input: expected 1',
    );
    expect(endpoint.textContent).not.toMatch(HAN);
    const badge = within(screen.getByRole('region', { name: 'Status' })).getByText('Offline');
    expect(badge).toHaveAttribute('title', 'Offline: The machine policy is invalid: safe state, no model endpoint');
  });
});
