import { screen, within } from '@testing-library/react';
import { OFFICIAL_META, createFakeWenshu, makeDocument } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

describe('document view', () => {
  test('opening a document from the list shows its details and passages', async () => {
    const doc = makeDocument({ encoding: 'gb18030' });
    const { user } = await renderApp(createFakeWenshu({ documents: [doc] }));
    await user.click(await screen.findByRole('link', { name: doc.title }));

    expect(await screen.findByRole('heading', { level: 1, name: doc.title })).toBeInTheDocument();
    const facts = screen.getByLabelText('文档信息');
    expect(facts).toHaveTextContent('budget-notice.txt');
    expect(facts).toHaveTextContent('gb18030');
    expect(facts).toHaveTextContent('abababababab');
    const text = screen.getByRole('region', { name: '正文' });
    const paragraphs = text.querySelectorAll('p[data-passage-id]');
    expect([...paragraphs].map((p) => p.textContent)).toEqual(doc.passages.map((p) => p.text));
    expect(paragraphs[1]).toHaveAttribute('id', `passage-${doc.passages[1]!.id}`);

    await user.click(screen.getByRole('link', { name: '返回资料库' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  test('a passage named in the URL is scrolled to, highlighted and focused', async () => {
    const doc = makeDocument();
    const passage = doc.passages[1]!;
    await renderApp(
      createFakeWenshu({ documents: [doc] }),
      `#/library/${doc.id}?passage=${encodeURIComponent(passage.id)}`,
    );

    const target = await screen.findByText(passage.text, { selector: 'p' });
    expect(target).toHaveClass('passage--highlight');
    expect(target).toHaveFocus();
    expect(target.scrollIntoView).toHaveBeenCalled();
    expect(screen.getByText(doc.passages[0]!.text, { selector: 'p' })).not.toHaveClass('passage--highlight');
  });

  test("the document's own particulars and a missing text layer are shown", async () => {
    const doc = makeDocument({
      textLayer: false,
      meta: OFFICIAL_META,
    });
    await renderApp(createFakeWenshu({ documents: [doc] }), `#/library/${doc.id}`);
    const facts = await screen.findByLabelText('文档信息');
    for (const text of ['秘密', '国办发〔2022〕35号', '国务院办公厅', '2022年9月26日']) {
      expect(within(facts).getByText(text)).toBeInTheDocument();
    }
    expect(within(facts).getByText('秘密')).toHaveClass('tag--classified', 'level-1');
    const tags = within(facts).getByRole('list', { name: '标签' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['营商环境', '试点']);
    expect(screen.getByText(/没有文字层/)).toBeInTheDocument();
  });

  test('pages are marked in multi-page documents', async () => {
    const doc = makeDocument({ kind: 'pdf', pageCount: 2 });
    doc.passages[1]!.page = 2;
    await renderApp(createFakeWenshu({ documents: [doc] }), `#/library/${doc.id}`);
    const text = await screen.findByRole('region', { name: '正文' });
    expect(
      within(text)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['第 1 页', '第 2 页']);
  });

  test('a missing document shows the translated not-found error', async () => {
    const id = '00000000-0000-4000-8000-ffffffffffff';
    await renderApp(createFakeWenshu(), `#/library/${id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法打开文档');
    expect(alert).toHaveTextContent(`找不到文档 ${id}`);
    expect(screen.getByRole('link', { name: '返回资料库' })).toHaveAttribute('href', '#/library');
  });
});

describe('editing the document details', () => {
  const officialDoc = () =>
    makeDocument({
      meta: OFFICIAL_META,
    });

  test('edits every field, validates the date and tags inline, saves the full meta and shows it', async () => {
    const doc = officialDoc();
    const fake = createFakeWenshu({ documents: [doc] });
    const { user } = await renderApp(fake, `#/library/${doc.id}`);
    await user.click(await screen.findByRole('button', { name: '编辑' }));

    const form = screen.getByRole('form', { name: '编辑文档信息' });
    const level = within(form).getByLabelText('密级');
    expect(level).toHaveFocus();
    expect(
      within(level)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['无', '秘密', '机密', '绝密']);
    await user.selectOptions(level, '机密');
    await user.clear(within(form).getByLabelText('文号'));
    await user.type(within(form).getByLabelText('文号'), '国办发〔2022〕36号');
    await user.clear(within(form).getByLabelText('发文机关'));
    await user.type(within(form).getByLabelText('发文机关'), '国务院');
    await user.clear(within(form).getByLabelText('文种'));
    await user.type(within(form).getByLabelText('文种'), '意见');

    // A date that is not YYYY-MM-DD (or not a real day) is refused beside the field.
    const date = within(form).getByLabelText('成文日期');
    await user.clear(date);
    await user.type(date, '2022-02-30');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByText('请按“年-月-日”填写一个有效日期，例如 2024-03-15')).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveFocus();
    expect(fake.callsTo('documents:updateMeta')).toHaveLength(0);
    await user.clear(date);
    await user.type(date, '2022/10/01');
    await user.tab();
    expect(within(form).getByText(/请按“年-月-日”/)).toBeInTheDocument();
    await user.clear(date);
    await user.type(date, '2022-10-01');
    expect(within(form).queryByText(/请按“年-月-日”/)).not.toBeInTheDocument();

    // Tags: Enter adds, the chip's button removes, limits are explained.
    const tag = within(form).getByLabelText('标签');
    await user.type(tag, '专项资金{Enter}');
    await user.type(tag, '营商环境{Enter}');
    expect(within(form).getByText('已有这个标签')).toBeInTheDocument();
    await user.clear(tag);
    await user.type(tag, `${'长'.repeat(41)}{Enter}`);
    expect(within(form).getByText('标签不能超过 40 个字')).toBeInTheDocument();
    await user.clear(tag);
    await user.click(within(form).getByRole('button', { name: '移除标签 试点' }));
    const chips = within(form).getByRole('list', { name: '已有标签' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['营商环境×', '专项资金×']);

    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('button', { name: '编辑' })).toHaveFocus();
    expect(fake.callsTo('documents:updateMeta')).toEqual([
      {
        id: doc.id,
        meta: {
          classification: '机密',
          docType: '意见',
          docNumber: '国办发〔2022〕36号',
          issuer: '国务院',
          issuedDate: '2022-10-01',
          tags: ['营商环境', '专项资金'],
        },
      },
    ]);
    const facts = screen.getByLabelText('文档信息');
    expect(within(facts).getByText('机密')).toHaveClass('level-2');
    for (const text of ['意见', '国办发〔2022〕36号', '国务院', '2022年10月1日']) {
      expect(within(facts).getByText(text)).toBeInTheDocument();
    }
    expect(
      within(within(facts).getByRole('list', { name: '标签' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['营商环境', '专项资金']);
  });

  test('empty fields are saved as null, and tag text not yet added is kept', async () => {
    const doc = officialDoc();
    const fake = createFakeWenshu({ documents: [doc] });
    const { user } = await renderApp(fake, `#/library/${doc.id}`);
    await user.click(await screen.findByRole('button', { name: '编辑' }));
    const form = screen.getByRole('form', { name: '编辑文档信息' });
    await user.selectOptions(within(form).getByLabelText('密级'), '无');
    for (const label of ['文种', '文号', '发文机关', '成文日期']) await user.clear(within(form).getByLabelText(label));
    await user.type(within(form).getByLabelText('标签'), '待办');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    await screen.findByRole('button', { name: '编辑' });
    expect(fake.callsTo('documents:updateMeta')).toEqual([
      {
        id: doc.id,
        meta: {
          classification: null,
          docType: null,
          docNumber: null,
          issuer: null,
          issuedDate: null,
          tags: ['营商环境', '试点', '待办'],
        },
      },
    ]);
  });

  test('Cancel discards the changes; a failed save keeps the form with the translated error', async () => {
    const doc = officialDoc();
    const fake = createFakeWenshu({ documents: [doc] });
    const { user } = await renderApp(fake, `#/library/${doc.id}`);

    await user.click(await screen.findByRole('button', { name: '编辑' }));
    let form = screen.getByRole('form', { name: '编辑文档信息' });
    await user.clear(within(form).getByLabelText('文种'));
    await user.type(within(form).getByLabelText('文种'), '批复');
    await user.click(within(form).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '编辑' })).toHaveFocus();
    expect(within(screen.getByLabelText('文档信息')).getByText('通知')).toBeInTheDocument();
    expect(fake.callsTo('documents:updateMeta')).toHaveLength(0);

    fake.fail('documents:updateMeta', {
      code: 'store_unavailable',
      message: 'locked',
      params: { path: '/data/wenshu.db' },
    });
    await user.click(screen.getByRole('button', { name: '编辑' }));
    form = screen.getByRole('form', { name: '编辑文档信息' });
    expect(within(form).getByLabelText('文种')).toHaveValue('通知');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('文档信息没有保存');
    expect(alert).toHaveTextContent('无法打开资料库：/data/wenshu.db');
    expect(within(form).getByRole('button', { name: '保存' })).toBeEnabled();
  });
});
