import { AppError } from '../../shared/errors';
import { formatError } from '../../shared/i18n/errors';

const UNAVAILABLE_HINT = {
  zh: '请检查该文件的访问权限和磁盘空间，或联系信息中心。',
  en: "Check the file's permissions and free disk space, or contact IT.",
};

/**
 * The text of the one dialog shown when Wenshu cannot start (store cannot be opened, native
 * module missing): Chinese first, then English, then the technical detail for IT.
 */
export function startupFailure(err: unknown): { title: string; content: string } {
  const title = '文书无法启动 · Wenshu cannot start';
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof AppError && (err.code === 'store_unavailable' || err.code === 'store_too_new')) {
    const data = err.toData();
    const hint = err.code === 'store_unavailable';
    const zh = formatError(data, 'zh-CN') + (hint ? `\n${UNAVAILABLE_HINT.zh}` : '');
    const en = formatError(data, 'en-US') + (hint ? `\n${UNAVAILABLE_HINT.en}` : '');
    return { title, content: `${zh}\n\n${en}\n\n${detail}` };
  }
  return { title, content: `启动时发生错误，请联系信息中心。\nStartup failed; please contact IT.\n\n${detail}` };
}
