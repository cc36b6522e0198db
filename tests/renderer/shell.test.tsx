import { screen, within } from '@testing-library/react';
import { createFakeWenshu, makeDocument } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const nav = () => screen.getByRole('navigation', { name: '主导航' });

describe('app shell', () => {
  test('renders in Chinese by default, with the offline engine badge', async () => {
    await renderApp(createFakeWenshu());
    const links = within(nav())
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual(['资料库', '起草', '摘要', '填表', '审核', '审计', '设置']);
    expect(within(nav()).getByRole('link', { name: '资料库' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('离线')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  test('starts in the language remembered in the store', async () => {
    await renderApp(createFakeWenshu({ settings: { locale: 'en-US' } }));
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en-US');
  });

  test('switching the language in Settings translates the UI and remembers it', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake, '#/settings');
    await user.selectOptions(screen.getByLabelText('界面语言'), 'English');

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Library' })).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toHaveValue('en-US');
    expect(fake.callsTo('settings:update')).toEqual([{ locale: 'en-US' }]);
    expect(fake.settings.locale).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });

  test('Settings shows the facts from app:info', async () => {
    await renderApp(createFakeWenshu(), '#/settings');
    expect(await screen.findByText('/home/clerk/.wenshu/wenshu.db')).toBeInTheDocument();
    expect(screen.getByText('0.1.0')).toBeInTheDocument();
    expect(screen.getByText('离线：未配置模型服务')).toBeInTheDocument();
  });

  test('Settings changes the import size limit, refusing values out of range', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake, '#/settings');
    const input = await screen.findByLabelText('单个文件大小上限（MB）');
    await screen.findByDisplayValue('200');
    await user.clear(input);
    await user.type(input, '0');
    expect(screen.getByText('请输入 1 到 2000 之间的整数。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存' })).toBeDisabled();
    await user.clear(input);
    await user.type(input, '50');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存，下次导入时生效。')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([{ maxImportMb: 50 }]);
    expect(fake.settings.maxImportMb).toBe(50);
  });

  test('the keyboard reaches another screen: Tab to the nav, arrows, Enter', async () => {
    const { user } = await renderApp(createFakeWenshu());
    await user.tab();
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toHaveFocus();
    await user.tab();
    expect(within(nav()).getByRole('link', { name: '资料库' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(nav()).getByRole('link', { name: '起草' })).toHaveFocus();
    await user.tab();
    expect(within(nav()).getByRole('link', { name: '摘要' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: '摘要' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '资料库中还没有文档' })).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { name: '摘要' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  test('the skip link moves focus to the main content without changing the route', async () => {
    const { user } = await renderApp(createFakeWenshu(), '#/review');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(window.location.hash).toBe('#/review');
    expect(screen.getByRole('heading', { name: '暂无待审核内容' })).toBeInTheDocument();
  });

  test('an unknown hash opens the library', async () => {
    await renderApp(createFakeWenshu(), '#/nowhere');
    expect(screen.getByRole('heading', { level: 1, name: '资料库' })).toBeInTheDocument();
  });

  test('a crash inside a screen shows a translated message and keeps the navigation', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    // A date that cannot be formatted makes the table throw while rendering.
    const fake = createFakeWenshu();
    fake.handlers['documents:list'] = async () => [{ ...makeDocument(), importedAt: 'not a date' }];
    await renderApp(fake);
    expect(await screen.findByText('此页面出现问题')).toBeInTheDocument();
    expect(nav()).toBeInTheDocument();
    spy.mockRestore();
  });
});
