import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry, AuditKind, AuditVerification } from '../../shared/domain/audit';
import { createFakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const hex = (seq: number, salt = 'a') => `${salt}${String(seq).padStart(5, '0')}`.padEnd(64, 'f');

function entry(seq: number, kind: AuditKind, data: Record<string, unknown>, overrides: Partial<AuditEntry> = {}) {
  return {
    seq,
    at: new Date(Date.parse('2026-03-01T08:00:00.000Z') + (seq - 1) * 6 * 3600_000).toISOString(),
    actor: '张三',
    kind,
    data,
    prevHash: seq === 1 ? '0'.repeat(64) : hex(seq - 1),
    hash: hex(seq),
    ...overrides,
  } satisfies AuditEntry;
}

const modelCall = (overrides: Record<string, unknown> = {}) => ({
  tool: 'summarize',
  engine: 'endpoint',
  endpoint: 'https://llm.gov.example/v1',
  model: 'qwen2.5-72b-instruct',
  promptHash: 'p'.repeat(64),
  responseHash: 'r'.repeat(64),
  promptTokens: 1200,
  completionTokens: 300,
  durationMs: 4250,
  outcome: 'ok',
  redactions: 0,
  documentIds: [],
  ...overrides,
});

/** One of each kind, oldest first. */
const FOUR = [
  entry(1, 'policy_loaded', {
    path: '/etc/wenshu/policy.json',
    state: 'valid',
    from: null,
    to: 'c'.repeat(64),
    problems: 0,
  }),
  entry(2, 'settings_change', { key: 'maxImportMb', from: 200, to: 300 }, { actor: 'CORP\\wang.wu' }),
  entry(3, 'api_key_change', { action: 'stored', storage: 'safeStorage' }),
  entry(
    4,
    'model_call',
    modelCall({ outcome: 'endpoint_timeout', promptTokens: null, completionTokens: null, redactions: 2 }),
  ),
];

const table = () => screen.findByRole('table', { name: '审计记录，最新的在前' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
/** The seq column, top to bottom (a plain selector: role queries are slow over 50 rows). */
const seqs = async () => [...(await table()).querySelectorAll('tbody th')].map((th) => th.textContent);

describe('Audit screen', () => {
  test('an empty log says what will be recorded', async () => {
    await renderApp(createFakeWenshu(), '#/audit');
    expect(await screen.findByRole('heading', { name: '暂无审计记录' })).toBeInTheDocument();
    expect(screen.getByText(/每次模型调用、设置变更和单位策略变更/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '校验完整性' })).toBeEnabled();
  });

  test('lists entries newest first: time, actor, kind and a one-line summary', async () => {
    await renderApp(createFakeWenshu({ audit: FOUR }), '#/audit');
    expect(await seqs()).toEqual(['4', '3', '2', '1']);
    const [call, key, setting, policy] = await bodyRows();
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.firstChild?.textContent);

    const time = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
    expect(cells(call!)).toEqual([
      time.format(new Date(FOUR[3]!.at)),
      '张三',
      '模型调用',
      '摘要 · llm.gov.example · qwen2.5-72b-instruct · 词元数未知 · 4.3 秒 · 失败（endpoint_timeout） · 已替换 2 处个人信息',
    ]);
    expect(within(call!).getByText(time.format(new Date(FOUR[3]!.at)))).toHaveAttribute('dateTime', FOUR[3]!.at);
    expect(cells(setting!).slice(1)).toEqual(['CORP\\wang.wu', '设置变更', 'maxImportMb：200 → 300']);
    expect(cells(key!).slice(2)).toEqual(['API 密钥', '已保存 API 密钥（safeStorage）']);
    expect(cells(policy!).slice(2)).toEqual(['单位策略', '已加载单位策略 /etc/wenshu/policy.json']);
    expect(screen.getByRole('status', { name: '' })).toBeDefined();
    expect(screen.getByText('第 1–4 条，共 4 条')).toBeInTheDocument();
  });

  test('model calls: offline, token counts, successes, cut-offs; unknown shapes list their facts', async () => {
    await renderApp(
      createFakeWenshu({
        audit: [
          entry(1, 'model_call', modelCall({ engine: 'offline', endpoint: null, model: null, durationMs: 12 })),
          entry(2, 'model_call', modelCall({ outcome: 'length' })),
          entry(3, 'settings_change', { key: 'endpointUrl', from: '', to: 'https://llm.gov.example' }),
          entry(4, 'policy_loaded', {
            path: '/etc/wenshu/policy.json',
            state: 'invalid',
            from: 'a'.repeat(64),
            to: 'invalid',
            problems: 2,
          }),
          entry(5, 'api_key_change', { something: 'new', count: 2 }),
        ],
      }),
      '#/audit',
    );
    const summaries = (await bodyRows()).map((r) => within(r).getAllByRole('cell')[3]!.firstChild?.textContent);
    expect(summaries).toEqual([
      'something: new · count: 2',
      '单位策略无效（/etc/wenshu/policy.json，2 处问题），内容 aaaaaaaaaaaa… → invalid',
      'endpointUrl：（空） → https://llm.gov.example',
      '摘要 · llm.gov.example · qwen2.5-72b-instruct · 输入 1,200 / 输出 300 词元 · 4.3 秒 · 达到长度上限被截断',
      '摘要 · 离线引擎 · 未指定模型 · 输入 1,200 / 输出 300 词元 · 0 秒 · 成功',
    ]);
  });

  test('the recorded facts and both hashes open on demand', async () => {
    const { user } = await renderApp(createFakeWenshu({ audit: FOUR }), '#/audit');
    const row = (await bodyRows())[2]!;
    const toggle = within(row).getByText('详情');
    const details = toggle.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(within(row).getByLabelText('第 2 条记录的详情')).toBe(toggle);
    await user.click(toggle);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText(hex(2))).toBeVisible();
    expect(within(details).getByText(hex(1))).toBeVisible();
    expect(within(details).getByText(/"maxImportMb"/)).toBeVisible();
  });

  test('filters by kind, by day and by text, and says when nothing matches', async () => {
    const fake = createFakeWenshu({ audit: FOUR });
    const { user } = await renderApp(fake, '#/audit');
    expect(await seqs()).toEqual(['4', '3', '2', '1']);

    await user.selectOptions(screen.getByLabelText('类型'), '设置变更');
    await waitFor(async () => expect(await seqs()).toEqual(['2']));
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ kind: 'settings_change', limit: 50, offset: 0 });
    await user.selectOptions(screen.getByLabelText('类型'), '全部类型');
    await waitFor(async () => expect(await seqs()).toEqual(['4', '3', '2', '1']));

    // Entries are six hours apart from 03-01 08:00 UTC: 03-01 holds 1–3, 03-02 holds 4.
    fireEvent.change(screen.getByLabelText('从'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('至'), { target: { value: '2026-03-01' } });
    await waitFor(async () => expect(await seqs()).toEqual(['3', '2', '1']));
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ from: '2026-03-01', to: '2026-03-01', limit: 50, offset: 0 });
    fireEvent.change(screen.getByLabelText('从'), { target: { value: '2026-03-02' } });
    expect(screen.getByText('起始日期晚于截止日期，不会有结果。')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '没有符合筛选条件的审计记录' })).toBeInTheDocument();

    await user.click(
      within(screen.getByRole('region', { name: '筛选审计记录' })).getByRole('button', { name: '清除筛选' }),
    );
    await waitFor(async () => expect(await seqs()).toEqual(['4', '3', '2', '1']));

    await user.type(screen.getByLabelText('查找'), 'wang.wu');
    await waitFor(async () => expect(await seqs()).toEqual(['2']));
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ text: 'wang.wu', limit: 50, offset: 0 });
    // Typing is debounced: one call for the whole word, not one per key.
    expect(fake.callsTo('audit:list').filter((c) => (c as { text?: string }).text !== undefined)).toHaveLength(1);

    await user.clear(screen.getByLabelText('查找'));
    await user.type(screen.getByLabelText('查找'), 'no such thing');
    expect(await screen.findByRole('heading', { name: '没有符合筛选条件的审计记录' })).toBeInTheDocument();
    const empty = screen.getByRole('heading', { name: '没有符合筛选条件的审计记录' }).closest('section')!;
    await user.click(within(empty).getByRole('button', { name: '清除筛选' }));
    await waitFor(async () => expect(await seqs()).toEqual(['4', '3', '2', '1']));
    expect(screen.getByLabelText('查找')).toHaveValue('');
    // Whole words typed and 50 rows rendered: more than Jest's default 5 s on a busy machine.
  }, 20_000);

  test('pages through a long log, 50 at a time', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      entry(i + 1, 'settings_change', { key: 'k', from: i, to: i + 1 }),
    );
    const fake = createFakeWenshu({ audit: many });
    const { user } = await renderApp(fake, '#/audit');
    // Queries stay inside the pager: role queries over 50 rows are slow in jsdom.
    const pager = await screen.findByLabelText('翻页');
    const range = within(pager).getByRole('status');
    expect(range).toHaveTextContent('第 1–50 条，共 120 条');
    expect((await seqs())[0]).toBe('120');
    const prev = within(pager).getByRole('button', { name: '上一页' });
    const next = within(pager).getByRole('button', { name: '下一页' });
    expect(prev).toBeDisabled();
    await user.click(next);
    await waitFor(() => expect(range).toHaveTextContent('第 51–100 条，共 120 条'));
    expect((await seqs())[0]).toBe('70');
    await user.click(next);
    await waitFor(() => expect(range).toHaveTextContent('第 101–120 条，共 120 条'));
    expect(await seqs()).toHaveLength(20);
    expect(next).toBeDisabled();
    await user.click(prev);
    await waitFor(() => expect(range).toHaveTextContent('第 51–100 条，共 120 条'));
    expect(fake.callsTo('audit:list').map((c) => (c as { offset: number }).offset)).toEqual([0, 50, 100, 50]);

    // A new filter starts again at the first page.
    await user.selectOptions(screen.getByLabelText('类型'), '设置变更');
    await waitFor(() => expect(range).toHaveTextContent('第 1–50 条，共 120 条'));
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ kind: 'settings_change', limit: 50, offset: 0 });
    // Whole words typed and 50 rows rendered: more than Jest's default 5 s on a busy machine.
  }, 20_000);

  test('verify: ✓ with the count and the head hash, abbreviated', async () => {
    const fake = createFakeWenshu({ audit: FOUR });
    const { user } = await renderApp(fake, '#/audit');
    await table();
    const button = screen.getByRole('button', { name: '校验完整性' });
    await user.click(button);
    const result = await screen.findByText(/审计日志完整：共 4 条记录/);
    const notice = result.closest('[role="status"]') as HTMLElement;
    expect(notice).toHaveTextContent('✓');
    expect(within(notice).getByText(`末条哈希 ${hex(4).slice(0, 12)}…`)).toHaveAttribute('title', hex(4));
    expect(fake.callsTo('audit:verify')).toEqual([{}]);
  });

  test('verify: ✗ names the first broken entry, when it was written, its kind and why', async () => {
    const fake = createFakeWenshu({ audit: FOUR });
    const broken: AuditVerification = {
      ok: false,
      count: 1,
      head: null,
      brokenAt: 2,
      reason: 'hash_mismatch',
      brokenEntry: { at: FOUR[1]!.at, kind: 'settings_change', actor: 'CORP\\wang.wu' },
    };
    fake.handlers['audit:verify'] = async () => broken;
    const { user } = await renderApp(fake, '#/audit');
    await user.click(await screen.findByRole('button', { name: '校验完整性' }));
    const alert = await screen.findByRole('alert');
    const time = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(FOUR[1]!.at),
    );
    expect(alert).toHaveTextContent(
      `✗ 审计日志已被篡改：第 2 条记录（${time}，设置变更，CORP\\wang.wu）内容被改动（哈希不符）。`,
    );
    expect(alert).toHaveTextContent('此前 1 条记录完好。请联系信息中心。');

    // The tail removed: the entry no longer exists.
    fake.handlers['audit:verify'] = async () => ({
      ...broken,
      brokenAt: 5,
      count: 4,
      reason: 'head_mismatch',
      brokenEntry: null,
    });
    await user.click(screen.getByRole('button', { name: '校验完整性' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('第 5 条记录已不存在，与最后一次写入时记下的末条记录不符'),
    );
  });

  test('verify can be started from the keyboard and shows a failure it can retry', async () => {
    const fake = createFakeWenshu({ audit: FOUR });
    fake.fail('audit:verify', { code: 'store_unavailable', message: 'x', params: { path: '/data/wenshu.db' } });
    const { user } = await renderApp(fake, '#/audit');
    await table();
    const button = screen.getByRole('button', { name: '校验完整性' });
    button.focus();
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法校验审计日志');
    expect(alert).toHaveTextContent('无法打开资料库：/data/wenshu.db');
    fake.recover('audit:verify');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByText(/审计日志完整/)).toBeInTheDocument();
  });

  test('a list that cannot be loaded says so and retries', async () => {
    const fake = createFakeWenshu({ audit: FOUR });
    fake.fail('audit:list', { code: 'store_unavailable', message: 'x', params: { path: '/data/wenshu.db' } });
    const { user } = await renderApp(fake, '#/audit');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法加载审计记录');
    fake.recover('audit:list');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await seqs()).toEqual(['4', '3', '2', '1']);
  });

  test('every control is reachable with Tab, in order', async () => {
    const { user } = await renderApp(createFakeWenshu({ audit: FOUR }), '#/audit');
    await table();
    screen.getByRole('heading', { level: 1, name: '审计' }).setAttribute('tabindex', '-1');
    screen.getByRole('heading', { level: 1, name: '审计' }).focus();
    const reached: string[] = [];
    for (let i = 0; i < 9; i++) {
      await user.tab();
      const el = document.activeElement as HTMLInputElement;
      reached.push(el.getAttribute('aria-label') ?? (el.labels?.[0]?.textContent || el.textContent || ''));
    }
    expect(reached).toEqual([
      '校验完整性',
      '类型',
      '查找',
      '从',
      '至',
      '第 4 条记录的详情',
      '第 3 条记录的详情',
      '第 2 条记录的详情',
      '第 1 条记录的详情',
    ]);
  });

  test('in English', async () => {
    const fake = createFakeWenshu({ audit: FOUR, settings: { locale: 'en-US' } });
    const { user } = await renderApp(fake, '#/audit');
    const t = await screen.findByRole('table', { name: 'Audit records, newest first' });
    const rows = within(t).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell')[2]).toHaveTextContent('Model call');
    expect(within(rows[0]!).getAllByRole('cell')[3]!.firstChild?.textContent).toBe(
      'Summary · llm.gov.example · qwen2.5-72b-instruct · tokens unknown · 4.3 s · failed (endpoint_timeout) · 2 personal identifiers replaced',
    );
    expect(within(rows[2]!).getAllByRole('cell')[3]!.firstChild?.textContent).toBe('maxImportMb: 200 → 300');
    expect(screen.getByText('1–4 of 4')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await screen.findByText(/The audit log is intact: 4 entries/)).toBeInTheDocument();
  });
});
