import { startupFailure } from '../../electron/main/startup-error';
import { AppError } from '../../shared/errors';

describe('startupFailure', () => {
  it('explains an unavailable store in Chinese and English, with the path and the detail', () => {
    const err = new AppError('store_unavailable', 'cannot open store /d/wenshu.db: SQLITE_CANTOPEN', {
      path: '/d/wenshu.db',
    });
    const { title, content } = startupFailure(err);
    expect(title).toBe('文书无法启动 · Wenshu cannot start');
    expect(content).toContain('无法打开资料库：/d/wenshu.db');
    expect(content).toContain('Cannot open the store: /d/wenshu.db');
    expect(content).toContain('SQLITE_CANTOPEN');
  });

  it('asks for an upgrade when the store is newer than the app', () => {
    const { content } = startupFailure(new AppError('store_too_new', 'newer', { found: 9, supported: 2 }));
    expect(content).toContain('请升级文书');
    expect(content).toContain('please upgrade');
  });

  it('shows any other failure with its message', () => {
    const { content } = startupFailure(new Error('no build for Electron 45.5.0'));
    expect(content).toMatch(/^启动时发生错误.*\nStartup failed/);
    expect(content).toContain('no build for Electron 45.5.0');
  });
});
