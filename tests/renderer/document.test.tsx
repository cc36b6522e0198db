import { screen, within } from '@testing-library/react';
import { createFakeWenshu, makeDocument } from './support/fakeWenshu';
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
    await renderApp(createFakeWenshu({ documents: [doc] }), `#/library/${doc.id}?passage=${encodeURIComponent(passage.id)}`);

    const target = await screen.findByText(passage.text, { selector: 'p' });
    expect(target).toHaveClass('passage--highlight');
    expect(target).toHaveFocus();
    expect(target.scrollIntoView).toHaveBeenCalled();
    expect(screen.getByText(doc.passages[0]!.text, { selector: 'p' })).not.toHaveClass('passage--highlight');
  });

  test("the document's own particulars and a missing text layer are shown", async () => {
    const doc = makeDocument({
      textLayer: false,
      meta: { docNumber: '国办发〔2022〕35号', issuer: '国务院办公厅', issuedDate: '2022-09-26', docType: '通知', classification: '秘密', tags: ['营商环境', '试点'] },
    });
    await renderApp(createFakeWenshu({ documents: [doc] }), `#/library/${doc.id}`);
    const facts = await screen.findByLabelText('文档信息');
    for (const text of ['秘密', '国办发〔2022〕35号', '国务院办公厅', '2022年9月26日', '营商环境、试点']) {
      expect(within(facts).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByText(/没有文字层/)).toBeInTheDocument();
  });

  test('pages are marked in multi-page documents', async () => {
    const doc = makeDocument({ kind: 'pdf', pageCount: 2 });
    doc.passages[1]!.page = 2;
    await renderApp(createFakeWenshu({ documents: [doc] }), `#/library/${doc.id}`);
    const text = await screen.findByRole('region', { name: '正文' });
    expect(within(text).getAllByRole('heading').map((h) => h.textContent)).toEqual(['第 1 页', '第 2 页']);
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
