import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DocumentSort } from '../../shared/domain/document';
import { OFFICIAL_META, createFakeWenshu, makeDocument } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const bytesOf = async (text: string) => new Uint8Array(await new Blob([text]).arrayBuffer());

describe('library list', () => {
  test('an empty library explains how to import', async () => {
    await renderApp(createFakeWenshu());
    expect(await screen.findByRole('heading', { name: '资料库中还没有文档' })).toBeInTheDocument();
    expect(screen.getByText(/把文件或文件夹拖到这里/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入文件' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '导入文件夹' })).toBeEnabled();
  });

  test('shows a loading state until the list arrives', async () => {
    const fake = createFakeWenshu();
    let release!: () => void;
    const list = fake.handlers['documents:list'];
    fake.handlers['documents:list'] = async (input) => {
      await new Promise<void>((resolve) => (release = resolve));
      return list(input);
    };
    await renderApp(fake);
    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    release();
    expect(await screen.findByRole('heading', { name: '资料库中还没有文档' })).toBeInTheDocument();
  });

  test('lists documents with title, kind, size, date and passage count, and re-sorts', async () => {
    const fake = createFakeWenshu({
      documents: [
        makeDocument({
          title: '乙 关于开展安全生产检查的通知',
          kind: 'pdf',
          sizeBytes: 1536,
          importedAt: '2026-01-02T00:00:00.000Z',
        }),
        makeDocument({
          title: '甲 年度工作总结报告',
          kind: 'docx',
          sizeBytes: 300,
          importedAt: '2026-02-02T00:00:00.000Z',
        }),
      ],
    });
    const { user } = await renderApp(fake);

    const table = await screen.findByRole('table', { name: '资料库中的文档' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      '甲 年度工作总结报告',
      '乙 关于开展安全生产检查的通知',
    ]);
    expect(within(rows[1]!).getByText('PDF')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('1.5 KB')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Word')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('300 B')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('2')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('排序'), '最早导入');
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['乙 关于开展安全生产检查的通知', '甲 年度工作总结报告']),
    );
    expect((fake.callsTo('documents:list').at(-1) as { sort: DocumentSort }).sort).toBe('imported_asc');
  });

  test('shows 文种, 文号, 成文日期, the 密级 chip and a missing text layer', async () => {
    const fake = createFakeWenshu({
      documents: [
        makeDocument({
          title: '关于进一步优化营商环境的通知',
          textLayer: false,
          meta: { ...OFFICIAL_META, classification: '绝密', tags: [] },
        }),
      ],
    });
    await renderApp(fake);
    const table = await screen.findByRole('table', { name: '资料库中的文档' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['标题', '文种', '文号', '成文日期', '类型', '大小', '导入时间', '段落']);
    const row = within(table).getAllByRole('row')[1]!;
    for (const text of ['通知', '国办发〔2022〕35号', '2022年9月26日', '无文字层，需OCR']) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(within(row).getByText('绝密')).toHaveClass('tag--classified', 'level-3');
  });

  test('a failed call shows the translated error, and retry recovers', async () => {
    const fake = createFakeWenshu({ documents: [makeDocument()] });
    fake.fail('documents:list', {
      code: 'store_unavailable',
      message: 'cannot open',
      params: { path: '/data/wenshu.db' },
    });
    const { user } = await renderApp(fake);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法加载文档列表');
    expect(alert).toHaveTextContent('无法打开资料库：/data/wenshu.db');

    fake.recover('documents:list');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('link', { name: '关于做好年度预算工作的通知' })).toBeInTheDocument();
  });

  test('errors are translated in English too', async () => {
    const fake = createFakeWenshu({ settings: { locale: 'en-US' } });
    fake.fail('documents:list', { code: 'store_too_new', message: 'too new', params: { found: 9, supported: 1 } });
    await renderApp(fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The store (schema 9) is newer than this version of Wenshu supports (1); please upgrade',
    );
  });
});

describe('import', () => {
  test('the file input sends the bytes and lists a result per file, rejections translated', async () => {
    const fake = createFakeWenshu();
    const { user } = await renderApp(fake);
    await screen.findByRole('heading', { name: '资料库中还没有文档' });

    const notice = new File(['关于召开工作会议的通知'], '会议通知.txt', { type: 'text/plain' });
    const blank = new File([], 'blank.md');
    await user.upload(screen.getByLabelText('导入文件'), [notice, blank]);

    const results = await screen.findByRole('region', { name: '导入结果' });
    await waitFor(() =>
      expect(within(results).getByRole('status')).toHaveTextContent('已导入 1 个，已存在 0 个，未导入 1 个'),
    );
    const items = within(results).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('已导入');
    expect(within(items[0]!).getByRole('link', { name: '会议通知' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/library\//),
    );
    expect(items[1]).toHaveTextContent('未导入');
    expect(items[1]).toHaveTextContent('blank.md：文件为空或没有文字内容');

    const [input] = fake.callsTo('documents:import') as { files: { name: string; bytes: Uint8Array }[] }[];
    expect(input!.files.map((f) => f.name)).toEqual(['会议通知.txt', 'blank.md']);
    expect(input!.files[0]!.bytes).toEqual(await bytesOf('关于召开工作会议的通知'));
    expect(input!.files[1]!.bytes).toHaveLength(0);

    // documents:changed reloads the list underneath.
    expect(await screen.findByRole('table')).toHaveTextContent('会议通知');
    await user.click(within(results).getByRole('button', { name: '关闭导入结果' }));
    expect(screen.queryByRole('region', { name: '导入结果' })).not.toBeInTheDocument();
  });

  test('shows progress while the batch runs', async () => {
    const fake = createFakeWenshu();
    let release!: () => void;
    const importFiles = fake.handlers['documents:import'];
    fake.handlers['documents:import'] = async (input) => {
      fake.emit('import:progress', {
        batchId: 'another batch',
        done: 2,
        total: 2,
        file: 'other.txt',
        status: 'imported',
      });
      fake.emit('import:progress', { batchId: input.batchId, done: 1, total: 2, file: 'a.txt', status: 'imported' });
      await new Promise<void>((resolve) => (release = resolve));
      return importFiles(input);
    };
    const { user } = await renderApp(fake);
    await user.upload(screen.getByLabelText('导入文件'), [new File(['甲'], 'a.txt'), new File(['乙'], 'b.txt')]);

    expect(await screen.findByText('正在导入 1/2：a.txt')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('value', '1');
    expect(screen.getByRole('button', { name: '导入文件' })).toBeDisabled();
    release();
    expect(await screen.findByText('已导入 2 个，已存在 0 个，未导入 0 个')).toBeInTheDocument();
  });

  test('cancelling stops the running call and reports its unstarted files as cancelled', async () => {
    const fake = createFakeWenshu();
    let release!: () => void;
    fake.handlers['documents:import'] = async ({ files }) => {
      await new Promise<void>((resolve) => (release = resolve));
      return files.map((f) => ({
        file: f.name,
        status: 'rejected' as const,
        reason: { code: 'cancelled', message: 'cancelled' },
      }));
    };
    fake.handlers['documents:cancelImport'] = async () => {
      release();
      return { cancelled: true };
    };
    const { user } = await renderApp(fake);
    await user.upload(screen.getByLabelText('导入文件'), [new File(['甲'], 'a.txt')]);
    await user.click(await screen.findByRole('button', { name: '取消导入' }));

    expect(await screen.findByText('已导入 0 个，已存在 0 个，未导入 1 个')).toBeInTheDocument();
    const results = screen.getByRole('region', { name: '导入结果' });
    expect(within(results).getByRole('listitem')).toHaveTextContent('已取消');
    const [importInput] = fake.callsTo('documents:import') as { batchId: string }[];
    expect(fake.callsTo('documents:cancelImport')).toEqual([{ batchId: importInput!.batchId }]);
  });

  test('files dropped onto the library are imported; a whole failed call is reported', async () => {
    const fake = createFakeWenshu();
    fake.fail('documents:import', { code: 'internal', message: 'boom' });
    await renderApp(fake);
    const zone = (await screen.findByRole('heading', { name: '资料库中还没有文档' })).closest('.drop-zone')!;

    const file = new File(['正文'], '函.txt');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(zone, { dataTransfer });
    expect(screen.getByText('松开鼠标即可导入')).toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer });

    expect(await screen.findByText('导入没有完成')).toBeInTheDocument();
    expect(screen.getByText('发生内部错误，请重试或联系信息中心')).toBeInTheDocument();
    expect(screen.queryByText('松开鼠标即可导入')).not.toBeInTheDocument();
    expect(fake.callsTo('documents:import')).toHaveLength(1);
  });
});
