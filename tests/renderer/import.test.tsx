import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportOutcome } from '../../shared/domain/document';
import { createFakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

type ImportInput = { batchId: string; files: { name: string; bytes: Uint8Array; password?: string }[] };
const importCalls = (fake: ReturnType<typeof createFakeWenshu>) => fake.callsTo('documents:import') as ImportInput[];

/** A file as a picked folder lists it: with its path inside the folder. */
function inFolder(path: string, text = '正文') {
  const file = new File([text], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('importing many files', () => {
  test('progress runs across all calls, and cancel stops the whole run', async () => {
    const fake = createFakeWenshu();
    let release!: () => void;
    const importFiles = fake.handlers['documents:import'];
    fake.handlers['documents:import'] = async (input) => {
      if (importCalls(fake).length < 2) return importFiles(input);
      // The second call: one file reported, then held until cancelled.
      fake.emit('import:progress', {
        batchId: input.batchId,
        done: 1,
        total: input.files.length,
        file: input.files[0]!.name,
        status: 'imported',
      });
      await new Promise<void>((resolve) => (release = resolve));
      return input.files.map((f): ImportOutcome => ({
        file: f.name,
        status: 'rejected',
        reason: { code: 'cancelled', message: 'cancelled' },
      }));
    };
    fake.handlers['documents:cancelImport'] = async () => {
      release();
      return { cancelled: true };
    };
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });

    const files = Array.from(
      { length: 120 },
      (_, i) => new File([`第${i + 1}份`], `来文${String(i + 1).padStart(3, '0')}.txt`),
    );
    await user.upload(screen.getByLabelText('导入文件'), files);

    // 50 files per call: the first call is done, the second has settled one file of its 50.
    // Reading 120 files in jsdom is slow when the suites run in parallel.
    expect(await screen.findByText('正在导入 51/120：来文051.txt', undefined, { timeout: 5000 })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: '导入进度' });
    expect(bar).toHaveAttribute('value', '51');
    expect(bar).toHaveAttribute('max', '120');
    expect(screen.getByRole('button', { name: '导入文件夹' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: '取消导入' }));
    expect(await screen.findByText('已导入 50 个，已存在 0 个，未导入 70 个')).toBeInTheDocument();
    const calls = importCalls(fake);
    expect(calls.map((c) => c.files.length)).toEqual([50, 50]);
    expect(fake.callsTo('documents:cancelImport')).toEqual([{ batchId: calls[1]!.batchId }]);
    const items = within(screen.getByRole('region', { name: '导入结果' })).getAllByRole('listitem');
    expect(items).toHaveLength(120);
    expect(items[119]).toHaveTextContent('来文120.txt已取消');
  });

  test('a picked folder is imported without its hidden files', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });

    await user.upload(screen.getByLabelText('导入文件夹'), [
      inFolder('来文/通知.txt'),
      inFolder('来文/.DS_Store'),
      inFolder('来文/.git/HEAD'),
      inFolder('来文/二〇二六年/报告.md'),
    ]);
    expect(await screen.findByText('已导入 2 个，已存在 0 个，未导入 0 个')).toBeInTheDocument();
    // In path order (二〇二六年/ before 通知.txt), whatever order the browser listed them in.
    expect(importCalls(fake).flatMap((c) => c.files.map((f) => f.name))).toEqual(['报告.md', '通知.txt']);
  });

  test('a folder of hidden files only says there is nothing to import', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });
    await user.upload(screen.getByLabelText('导入文件夹'), [inFolder('来文/.DS_Store')]);
    expect(await screen.findByText('文件夹中没有可导入的文件（隐藏文件已跳过）')).toBeInTheDocument();
    expect(importCalls(fake)).toHaveLength(0);
  });

  test('a dropped folder is read recursively, hidden entries skipped', async () => {
    const fake = createFakeWenshu();
    await renderApp(fake);
    const zone = (await screen.findByRole('heading', { name: '资料库中还没有文档' })).closest('.drop-zone')!;

    const fileEntry = (name: string) => ({
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(new File(['正文'], name)),
    });
    const dirEntry = (name: string, children: object[]) => ({
      name,
      isFile: false,
      isDirectory: true,
      createReader: () => {
        // Like Chromium: children in chunks, then an empty chunk.
        const chunks = [children.slice(0, 2), children.slice(2), []];
        return { readEntries: (ok: (entries: object[]) => void) => ok(chunks.shift() ?? []) };
      },
    });
    const root = dirEntry('来文', [
      fileEntry('乙.txt'),
      fileEntry('.DS_Store'),
      dirEntry('.svn', [fileEntry('entries.txt')]),
      dirEntry('附件', [fileEntry('丙.md')]),
      fileEntry('甲.txt'),
    ]);
    const dataTransfer = {
      types: ['Files'],
      files: [],
      items: [{ kind: 'file', webkitGetAsEntry: () => root }],
      dropEffect: 'none',
    };
    fireEvent.dragEnter(zone, { dataTransfer });
    fireEvent.drop(zone, { dataTransfer });

    expect(await screen.findByText('已导入 3 个，已存在 0 个，未导入 0 个')).toBeInTheDocument();
    // Each folder in name order (pinyin: 附件 fù, 甲 jiǎ, 乙 yǐ).
    expect(importCalls(fake)[0]!.files.map((f) => f.name)).toEqual(['丙.md', '甲.txt', '乙.txt']);
  });
});

describe('encrypted files', () => {
  test('asks for the password and sends the kept bytes again; a wrong one leaves the field', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });

    await user.upload(screen.getByLabelText('导入文件'), [
      new File(['%PDF-1.7 加密'], '机要件.pdf'),
      new File(['正文'], '普通件.txt'),
    ]);
    const results = await screen.findByRole('region', { name: '导入结果' });
    await waitFor(() =>
      expect(within(results).getByRole('status')).toHaveTextContent('已导入 1 个，已存在 0 个，未导入 1 个'),
    );
    const [locked] = within(results).getAllByRole('listitem');
    expect(locked).toHaveTextContent('机要件.pdf：文件已加密，请输入密码');

    const field = within(locked!).getByLabelText('机要件.pdf 的密码');
    const open = within(locked!).getByRole('button', { name: '打开' });
    expect(open).toBeDisabled();
    await user.type(field, 'wrong');
    await user.click(open);
    expect(await within(locked!).findByText('机要件.pdf：密码不正确')).toBeInTheDocument();
    expect(within(locked!).getByLabelText('机要件.pdf 的密码')).toHaveFocus();

    await user.clear(field);
    await user.type(field, 'abc{Enter}');
    const link = await within(locked!).findByRole('link', { name: '机要件' });
    expect(link).toHaveFocus();
    expect(within(locked!).queryByLabelText('机要件.pdf 的密码')).not.toBeInTheDocument();
    expect(within(results).getByRole('status')).toHaveTextContent('已导入 2 个，已存在 0 个，未导入 0 个');

    const calls = importCalls(fake);
    expect(calls.map((c) => c.files.map((f) => [f.name, f.password]))).toEqual([
      [
        ['机要件.pdf', undefined],
        ['普通件.txt', undefined],
      ],
      [['机要件.pdf', 'wrong']],
      [['机要件.pdf', 'abc']],
    ]);
    // The same bytes, kept in memory: the file was not read again.
    expect(calls[2]!.files[0]!.bytes).toBe(calls[1]!.files[0]!.bytes);
    expect(calls[2]!.files[0]!.bytes).toEqual(calls[0]!.files[0]!.bytes);
    // The document list shows it.
    expect(await screen.findByRole('table')).toHaveTextContent('机要件');
  });

  test('the results, password prompts included, survive opening a document and coming back', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });
    await user.upload(screen.getByLabelText('导入文件'), [
      new File(['%PDF-1.7'], '甲.pdf'),
      new File(['正文'], '乙.txt'),
    ]);
    const results = await screen.findByRole('region', { name: '导入结果' });
    await user.click(await within(results).findByRole('link', { name: '乙' }));
    await screen.findByRole('heading', { level: 1, name: '乙' });
    await user.click(screen.getByRole('link', { name: '返回资料库' }));

    const field = await screen.findByLabelText('甲.pdf 的密码');
    await user.type(field, 'abc{Enter}');
    expect(await screen.findByText('已导入 2 个，已存在 0 个，未导入 0 个')).toBeInTheDocument();
    const calls = importCalls(fake);
    expect(calls[1]!.files[0]!.bytes).toBe(calls[0]!.files[0]!.bytes);
  });
});
