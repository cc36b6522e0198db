import { act, screen, waitFor, within } from '@testing-library/react';
import { OFFLINE_STATUS, createFakeWenshu, invalidPolicyStatus, managedStatus } from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';
import type { DoctorReport } from '../../shared/domain/endpoint';

const start = (fake: FakeWenshu, hash = '#/settings') => renderApp(fake, hash);

const section = (name: string | RegExp) => screen.findByRole('region', { name });

describe('Settings: managed settings', () => {
  test('every setting the policy locks is disabled and says so (Chinese)', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus({ locked: ['locale', 'maxImportMb', 'model'] }) });
    await start(fake);

    const language = screen.getByLabelText('界面语言');
    expect(language).toBeDisabled();
    expect(language).toHaveAccessibleDescription(expect.stringContaining('由单位统一管理'));

    const size = await screen.findByLabelText('单个文件大小上限（MB）');
    await screen.findByDisplayValue('200');
    expect(size).toBeDisabled();
    expect(size).toHaveAccessibleDescription(expect.stringContaining('由单位统一管理'));
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();

    const model = await screen.findByLabelText('使用的模型');
    expect(model).toBeDisabled();
    expect(model).toHaveAccessibleDescription(expect.stringContaining('由单位统一管理'));
    expect(screen.getAllByText('由单位统一管理')).toHaveLength(3);

    const endpoint = await section('模型服务');
    expect(within(endpoint).getByText('界面语言、单个文件大小上限、模型')).toBeInTheDocument();
    expect(within(endpoint).getByText('某某市人民政府办公室')).toBeInTheDocument();
  });

  test('locked settings are labelled in English too', async () => {
    const fake = createFakeWenshu({
      settings: { locale: 'en-US' },
      endpoint: managedStatus({ locked: ['locale', 'maxImportMb', 'model'] }),
    });
    await start(fake);
    const language = screen.getByLabelText('Language');
    expect(language).toBeDisabled();
    expect(language).toHaveAccessibleDescription(expect.stringContaining('Managed by your organization'));
    const size = await screen.findByLabelText('Largest file to import (MB)');
    expect(size).toBeDisabled();
    expect(await screen.findByLabelText('Model to use')).toBeDisabled();
    expect(screen.getAllByText('Managed by your organization')).toHaveLength(3);
  });

  test('a setting that is not locked stays editable beside locked ones', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus({ locked: ['maxImportMb'] }) });
    const { user } = await start(fake);
    const model = await screen.findByLabelText('使用的模型');
    expect(model).toBeEnabled();
    expect(model).toHaveValue('qwen3-32b');
    await user.selectOptions(model, 'deepseek-r1');
    expect(fake.callsTo('settings:update')).toEqual([{ model: 'deepseek-r1' }]);
    const endpoint = await section('模型服务');
    expect(await within(endpoint).findByText('deepseek-r1', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByLabelText('界面语言')).toBeEnabled();
  });

  test('main refusing a locked setting shows the translated reason', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    fake.fail('settings:update', { code: 'setting_locked', message: 'locked', params: { key: 'model' } });
    const { user } = await start(fake);
    await user.selectOptions(await screen.findByLabelText('使用的模型'), 'deepseek-r1');
    expect(await screen.findByText('此设置由单位统一管理，不能修改（model）')).toBeInTheDocument();
  });
});

describe('Settings: model endpoint', () => {
  test('the policy endpoint: name, address, model and limits, the policy that approved it', async () => {
    await start(createFakeWenshu({ endpoint: managedStatus() }));
    const endpoint = await section('模型服务');
    for (const text of [
      '在线',
      '省政务云大模型',
      '单位策略批准的模型服务',
      'https://llm.gov.example/v1',
      '32,768 个词元',
      '2,048 个词元',
      '不得发送任何标有密级的内容',
      '/etc/wenshu/policy.json',
      '已加载，有效',
    ]) {
      expect(within(endpoint).getByText(text)).toBeInTheDocument();
    }
    // A policy names the endpoints: no field to type another one.
    expect(within(endpoint).queryByLabelText('服务地址')).not.toBeInTheDocument();
  });

  test('an invalid policy lists its problems and says Wenshu is in a safe state', async () => {
    const fake = createFakeWenshu({
      endpoint: invalidPolicyStatus([
        { path: 'endpoints.0.baseUrl', message: 'Invalid URL' },
        { path: 'concurrency', message: 'Too big: expected number to be <=64' },
      ]),
    });
    await start(fake);
    const endpoint = await section('模型服务');
    expect(within(endpoint).getByText('离线')).toBeInTheDocument();
    expect(within(endpoint).getByText('单位策略文件无效，已进入安全状态，不连接任何模型服务')).toBeInTheDocument();
    const alert = within(endpoint).getByRole('alert');
    expect(alert).toHaveTextContent('单位策略文件有错误');
    expect(alert).toHaveTextContent('文书已进入安全状态：不连接任何模型服务');
    const problems = within(alert).getByRole('list', { name: '策略文件中的问题' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['endpoints.0.baseUrl：Invalid URL', 'concurrency：Too big: expected number to be <=64']);
    expect(within(endpoint).queryByLabelText('服务地址')).not.toBeInTheDocument();
    expect(within(endpoint).queryByLabelText('新密钥')).not.toBeInTheDocument();
  });

  test('without a policy the user configures an endpoint; invalid values are refused', async () => {
    const fake = createFakeWenshu();
    const { user } = await start(fake);
    const endpoint = await section('模型服务');
    expect(within(endpoint).getByText('未找到：本机不受单位策略管理')).toBeInTheDocument();
    const url = await within(endpoint).findByLabelText('服务地址');
    const save = within(endpoint).getByRole('button', { name: '保存服务设置' });
    expect(save).toBeDisabled();

    await user.type(url, 'llm.local/v1');
    expect(within(endpoint).getByText('请输入以 https:// 或 http:// 开头的完整地址，或者留空。')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(save).toBeDisabled();

    await user.clear(url);
    await user.type(url, 'http://127.0.0.1:8000/v1');
    await user.type(within(endpoint).getByLabelText('模型名称'), 'qwen3-8b');
    const context = within(endpoint).getByLabelText('上下文窗口（词元）');
    await user.clear(context);
    await user.type(context, '100');
    expect(within(endpoint).getByText('请输入 512 到 10000000 之间的整数。')).toBeInTheDocument();
    await user.clear(context);
    await user.type(context, '32768');
    await user.click(save);

    expect(await within(endpoint).findByText('服务设置已保存。')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([
      { endpointUrl: 'http://127.0.0.1:8000/v1', model: 'qwen3-8b', contextWindow: 32768 },
    ]);
    // main says endpoint:changed; the badge and the section follow.
    const status = screen.getByRole('region', { name: '状态' });
    expect(await within(status).findByText('127.0.0.1:8000')).toBeInTheDocument();
    expect(within(endpoint).getByText('本机自行配置的模型服务（本机没有单位策略）')).toBeInTheDocument();
  });

  test('the API key is saved through main, never shown, and where it is kept is explained', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus({ apiKey: { present: false, storage: 'safeStorage' } }) });
    const { user } = await start(fake);
    const endpoint = await section('模型服务');
    const form = within(endpoint).getByRole('form', { name: 'API 密钥' });
    expect(within(form).getByText('未保存密钥')).toBeInTheDocument();
    expect(within(form).getByText(/操作系统加密后保存在本机（safeStorage）/)).toBeInTheDocument();
    const input = within(form).getByLabelText('新密钥');
    expect(input).toHaveAttribute('type', 'password');

    await user.type(input, 'sk-secret-123');
    await user.click(within(form).getByRole('button', { name: '保存密钥' }));
    expect(await within(form).findByText('密钥已保存。')).toBeInTheDocument();
    expect(fake.callsTo('endpoint:setApiKey')).toEqual([{ apiKey: 'sk-secret-123' }]);
    expect(input).toHaveValue('');
    expect(await within(form).findByText('已保存密钥')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('sk-secret-123');

    await user.click(within(form).getByRole('button', { name: '删除密钥' }));
    expect(await within(form).findByText('密钥已删除。')).toBeInTheDocument();
    expect(fake.callsTo('endpoint:setApiKey')).toEqual([{ apiKey: 'sk-secret-123' }, { apiKey: '' }]);
    expect(await within(form).findByText('未保存密钥')).toBeInTheDocument();
  });

  test.each([
    ['env', /密钥来自环境变量 WENSHU_API_KEY/, true],
    ['memory', /只保存在内存中/, true],
    ['unavailable', /没有可用的加密存储/, false],
  ] as const)('key storage %s is explained', async (storage, text, enabled) => {
    const fake = createFakeWenshu({ endpoint: managedStatus({ apiKey: { present: storage === 'env', storage } }) });
    await start(fake);
    const form = within(await section('模型服务')).getByRole('form', { name: 'API 密钥' });
    expect(within(form).getByText(text)).toBeInTheDocument();
    if (enabled) expect(within(form).getByLabelText('新密钥')).toBeEnabled();
    else expect(within(form).getByLabelText('新密钥')).toBeDisabled();
  });

  test('checking the connection shows progress, then each item passed, failed or skipped', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    let answer!: (report: DoctorReport) => void;
    fake.handlers['endpoint:check'] = () => new Promise((resolve) => (answer = resolve));
    const { user } = await start(fake);
    const endpoint = await section('模型服务');
    await user.click(within(endpoint).getByRole('button', { name: '检查连接' }));

    expect(within(endpoint).getByRole('button', { name: '正在检查…' })).toBeDisabled();
    expect(within(endpoint).getByRole('progressbar', { name: '正在检查连接，可能需要几秒钟…' })).toBeInTheDocument();

    await act(async () =>
      answer({
        ok: false,
        items: [
          { id: 'policy', ok: true, skipped: false, detail: '/etc/wenshu/policy.json 有效', fix: null },
          { id: 'store', ok: true, skipped: false, detail: 'integrity_check: ok', fix: null },
          { id: 'dns', ok: true, skipped: false, detail: 'llm.gov.example → 10.1.2.3', fix: null },
          { id: 'tcp', ok: true, skipped: false, detail: '10.1.2.3:443', fix: null },
          { id: 'tls', ok: true, skipped: false, detail: '证书由 政务CA 签发', fix: null },
          { id: 'auth', ok: false, skipped: false, detail: 'HTTP 401', fix: '在设置中重新保存 API 密钥' },
          { id: 'models', ok: false, skipped: true, detail: '身份验证未通过', fix: null },
          { id: 'completion', ok: false, skipped: true, detail: '身份验证未通过', fix: null },
        ],
      }),
    );

    const list = within(endpoint).getByRole('list', { name: '检查结果' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.check-item__name')?.textContent)).toEqual([
      '单位策略',
      '资料库',
      '域名解析',
      '网络连接',
      '证书（TLS）',
      '身份验证',
      '模型列表',
      '试生成',
    ]);
    expect(items[0]).toHaveTextContent('✓单位策略通过');
    expect(items[5]).toHaveTextContent('✗身份验证未通过HTTP 401解决办法：在设置中重新保存 API 密钥');
    expect(items[6]).toHaveTextContent('–模型列表已跳过');
    expect(within(endpoint).getByText('1 项检查未通过')).toBeInTheDocument();
    expect(within(endpoint).getByRole('button', { name: '检查连接' })).toBeEnabled();
  });

  test('a check that passes everything says so', async () => {
    await start(createFakeWenshu({ endpoint: managedStatus() })).then(({ user }) =>
      user.click(screen.getByRole('button', { name: '检查连接' })),
    );
    expect(await screen.findByText('全部检查通过')).toBeInTheDocument();
    expect(screen.getAllByText('通过')).toHaveLength(8);
  });
});

describe('Engine badge and navigation', () => {
  test('the badge names the endpoint, explains itself, and follows endpoint:changed', async () => {
    const fake = createFakeWenshu({ endpoint: managedStatus() });
    await start(fake, '#/library');
    const status = screen.getByRole('region', { name: '状态' });
    const badge = within(status).getByText('省政务云大模型');
    expect(badge).toHaveAttribute('title', '单位策略批准的模型服务：qwen3-32b（https://llm.gov.example/v1）');

    fake.endpoint = { ...OFFLINE_STATUS, reason: 'policy_no_endpoint' };
    act(() => fake.emit('endpoint:changed', {}));
    const offline = await within(status).findByText('离线');
    expect(offline).toHaveAttribute('title', '离线：单位策略没有批准任何模型服务，只能离线使用');
  });

  test('tools the policy turned off are not in the navigation', async () => {
    await start(createFakeWenshu({ endpoint: managedStatus({ disabledTools: ['forms', 'summarize'] }) }), '#/library');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    await waitFor(() =>
      expect(
        within(nav)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['资料库', '起草', '审核', '审计', '设置']),
    );
  });

  test('a link straight to a turned-off tool says it is turned off, not the tool', async () => {
    await start(createFakeWenshu({ endpoint: managedStatus({ disabledTools: ['forms'] }) }), '#/forms');
    expect(await screen.findByRole('heading', { name: '此工具已由单位关闭' })).toBeInTheDocument();
    window.location.hash = '#/draft';
    expect(await screen.findByRole('heading', { name: '起草' })).toBeInTheDocument();
    expect(screen.queryByText('此工具已由单位关闭')).not.toBeInTheDocument();
  });
});
