import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { hrefFor } from '../../renderer/router/route';
import type { SearchFilters } from '../../shared/search/types';
import { OFFICIAL_META, createFakeWenshu, makeDocument } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const searchBox = () => screen.getByRole('searchbox', { name: '搜索资料库' });
const lastSearch = (fake: ReturnType<typeof createFakeWenshu>) =>
  fake.callsTo('documents:search').at(-1) as { query: string; limit: number; filters?: SearchFilters };

describe('search as you type', () => {
  test('shows passage hits with highlighted terms, place and count, linking to the passage', async () => {
    const budget = makeDocument();
    const minutes = makeDocument({
      title: '安全生产会议纪要',
      passages: [
        { id: 'm#0', seq: 0, page: 3, paragraph: 1, start: 0, end: 20, text: '会议要求各单位压实安全生产责任。' },
      ],
    });
    const fake = createFakeWenshu({ documents: [budget, minutes] });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');

    await user.type(searchBox(), '预算');
    const results = await screen.findByRole('region', { name: '搜索结果' });
    expect(await within(results).findByText('找到 2 处结果')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // Typed quickly: one search after the pause, not one per keystroke.
    expect(fake.callsTo('documents:search')).toEqual([{ query: '预算', limit: 20 }]);

    const hits = within(results).getAllByRole('listitem');
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(within(hit).getAllByText('预算', { selector: 'mark' }).length).toBeGreaterThan(0);
    }
    const second = hits.find((h) => h.textContent?.includes('报送'))!;
    expect(second.querySelector('p')).toHaveTextContent('各区县财政局：请于二〇二六年三月底前报送预算草案。');
    const link = within(second).getByRole('link');
    expect(link).toHaveTextContent(budget.title);
    expect(link).toHaveTextContent('第1页 第2段');
    expect(link).toHaveAttribute(
      'href',
      hrefFor({ screen: 'library', docId: budget.id, passage: budget.passages[1]!.id }),
    );

    await user.clear(searchBox());
    await user.type(searchBox(), '安全生产');
    expect(await screen.findByText('第3页 第2段')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('找到 1 处结果');

    // Following the hit opens the document at that passage.
    await user.click(screen.getByRole('link', { name: /安全生产会议纪要/ }));
    const passage = await screen.findByText('会议要求各单位压实安全生产责任。', { selector: 'p' });
    expect(passage).toHaveClass('passage--highlight');
  });

  test('the search and filters are still there after opening a hit and going back', async () => {
    const doc = makeDocument({
      meta: { docNumber: null, issuer: null, issuedDate: null, docType: '通知', classification: null, tags: [] },
    });
    const fake = createFakeWenshu({ documents: [doc] });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() => expect(screen.getByRole('option', { name: '通知（1）' })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText('文种'), '通知（1）');
    await user.type(searchBox(), '草案');
    await user.click(await screen.findByRole('link', { name: /第1页 第2段/ }));
    await screen.findByRole('heading', { level: 1, name: doc.title });

    await user.click(screen.getByRole('link', { name: '返回资料库' }));
    expect(await screen.findByText('找到 1 处结果')).toBeInTheDocument();
    expect(searchBox()).toHaveValue('草案');
    expect(screen.getByRole('button', { name: '移除筛选条件 文种：通知' })).toBeInTheDocument();
    expect(screen.getByLabelText('文种')).toHaveValue('通知');
  });

  test('a slow answer to an earlier query never replaces the answer to a later one', async () => {
    const fake = createFakeWenshu({ documents: [makeDocument()] });
    const gates = new Map<string, () => void>();
    const search = fake.handlers['documents:search'];
    fake.handlers['documents:search'] = async (input) => {
      await new Promise<void>((resolve) => gates.set(input.query, resolve));
      return search(input);
    };
    const { user } = await renderApp(fake);
    await screen.findByRole('table');

    await user.type(searchBox(), '预算');
    await waitFor(() => expect(gates.has('预算')).toBe(true));
    await user.type(searchBox(), '草案');
    await waitFor(() => expect(gates.has('预算草案')).toBe(true));

    gates.get('预算草案')!();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('找到 1 处结果'));
    await act(async () => {
      gates.get('预算')!();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByRole('status')).toHaveTextContent('找到 1 处结果');
    expect(within(screen.getByRole('region', { name: '搜索结果' })).getAllByRole('listitem')).toHaveLength(1);
  });

  test('no hits shows a clear no-results state; a failed search shows the translated error', async () => {
    const fake = createFakeWenshu({ documents: [makeDocument()] });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');

    await user.type(searchBox(), '不存在的词');
    expect(await screen.findByRole('heading', { name: '无结果' })).toBeInTheDocument();
    expect(screen.getByText('没有找到包含“不存在的词”的段落。请换个关键词试试。')).toBeInTheDocument();

    fake.fail('documents:search', { code: 'store_unavailable', message: 'gone', params: { path: '/data/wenshu.db' } });
    await user.type(searchBox(), '了');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('搜索失败');
    expect(alert).toHaveTextContent('无法打开资料库：/data/wenshu.db');
  });

  test('English: result count and page/paragraph in English', async () => {
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, documents: [makeDocument()] });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), '草案');
    expect(await screen.findByText('1 result')).toBeInTheDocument();
    expect(screen.getByText('p. 1 ¶ 2')).toBeInTheDocument();
  });

  test('keyboard: / and Ctrl+K focus the search box, Esc clears it and brings the list back', async () => {
    const fake = createFakeWenshu({ documents: [makeDocument()] });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');

    await user.keyboard('/');
    expect(searchBox()).toHaveFocus();
    expect(searchBox()).toHaveValue('');

    // Inside the box, / is just a character.
    await user.keyboard('预算/草案');
    expect(searchBox()).toHaveValue('预算/草案');
    await screen.findByRole('region', { name: '搜索结果' });

    await user.keyboard('{Escape}');
    expect(searchBox()).toHaveValue('');
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '搜索结果' })).not.toBeInTheDocument();

    screen.getByLabelText('排序').focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(searchBox()).toHaveFocus();
  });
});

describe('filters', () => {
  const docs = () => [
    makeDocument({
      title: '甲 关于开展营商环境试点的通知',
      importedAt: '2026-03-03T00:00:00.000Z',
      meta: { ...OFFICIAL_META, tags: ['试点'] },
    }),
    makeDocument({
      title: '乙 年度工作报告',
      importedAt: '2026-03-02T00:00:00.000Z',
      meta: {
        docNumber: null,
        issuer: '省人民政府',
        issuedDate: '2023-01-10',
        docType: '报告',
        classification: null,
        tags: [],
      },
    }),
    makeDocument({
      title: '丙 关于预算编制的通知',
      importedAt: '2026-03-01T00:00:00.000Z',
      meta: {
        docNumber: '省政发〔2024〕3号',
        issuer: '省人民政府',
        issuedDate: '2024-05-01',
        docType: '通知',
        classification: '机密',
        tags: [],
      },
    }),
  ];
  const titles = () =>
    within(screen.getByRole('table'))
      .getAllByRole('link')
      .map((a) => a.textContent);

  test('narrow the list and the search; chips remove them one by one, or all at once', async () => {
    const fake = createFakeWenshu({ documents: docs() });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');
    expect(titles()).toHaveLength(3);

    const toggle = screen.getByRole('button', { name: '筛选' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: '筛选条件' });

    // Options come from the facets, with their counts.
    const docType = within(panel).getByLabelText('文种');
    await waitFor(() =>
      expect(
        within(docType)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['全部', '通知（2）', '报告（1）']),
    );
    await user.selectOptions(docType, '通知（2）');
    await waitFor(() => expect(titles()).toEqual(['甲 关于开展营商环境试点的通知', '丙 关于预算编制的通知']));
    expect(fake.callsTo('documents:list').at(-1)).toMatchObject({ filters: { docType: '通知' } });

    fireEvent.change(within(panel).getByLabelText('从'), { target: { value: '2023-01-01' } });
    await waitFor(() => expect(titles()).toEqual(['丙 关于预算编制的通知']));
    expect(fake.callsTo('documents:list').at(-1)).toMatchObject({
      filters: { docType: '通知', dateFrom: '2023-01-01' },
    });
    expect(screen.getByRole('button', { name: /^筛选\s*（已设 2 项）$/ })).toBeInTheDocument();

    const chips = screen.getByRole('group', { name: '当前筛选条件' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['文种：通知×', '成文日期起：2023年1月1日×']);

    // The same filters apply to the search.
    await user.type(screen.getByRole('searchbox', { name: '搜索资料库' }), '预算');
    const results = await screen.findByRole('region', { name: '搜索结果' });
    await waitFor(() => expect(within(results).getByRole('status')).toHaveTextContent('找到 2 处结果'));
    expect(
      within(results)
        .getAllByRole('link')
        .every((a) => a.textContent?.startsWith('丙')),
    ).toBe(true);
    expect(lastSearch(fake)).toEqual({
      query: '预算',
      limit: 20,
      filters: { docType: '通知', dateFrom: '2023-01-01' },
    });

    await user.click(within(chips).getByRole('button', { name: '移除筛选条件 文种：通知' }));
    await waitFor(() => expect(within(results).getByRole('status')).toHaveTextContent('找到 4 处结果'));
    expect(lastSearch(fake).filters).toEqual({ dateFrom: '2023-01-01' });
    expect(within(panel).getByLabelText('文种')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(within(results).getByRole('status')).toHaveTextContent('找到 6 处结果'));
    expect(lastSearch(fake).filters).toBeUndefined();
    expect(screen.queryByRole('group', { name: '当前筛选条件' })).not.toBeInTheDocument();
  });

  test('tag and classification filters; nothing matching offers to clear them', async () => {
    const fake = createFakeWenshu({ documents: docs() });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    const panel = screen.getByRole('region', { name: '筛选条件' });

    const level = within(panel).getByLabelText('密级');
    await waitFor(() =>
      expect(
        within(level)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['全部', '机密（1）', '秘密（1）']),
    );
    await user.selectOptions(level, '机密（1）');
    await waitFor(() => expect(titles()).toEqual(['丙 关于预算编制的通知']));
    expect(screen.getByRole('button', { name: '移除筛选条件 密级：机密' })).toHaveClass('level-2');

    await user.selectOptions(within(panel).getByLabelText('标签'), '试点（1）');
    expect(await screen.findByRole('heading', { name: '没有符合筛选条件的文档' })).toBeInTheDocument();
    expect(fake.callsTo('documents:list').at(-1)).toMatchObject({ filters: { classification: '机密', tag: '试点' } });
    await user.click(within(screen.getByRole('main')).getAllByRole('button', { name: '清除筛选' }).at(-1)!);
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  test('facets reload when the store changes', async () => {
    const fake = createFakeWenshu({ documents: docs() });
    const { user } = await renderApp(fake);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    const issuer = within(screen.getByRole('region', { name: '筛选条件' })).getByLabelText('发文机关');
    await waitFor(() => expect(within(issuer).getAllByRole('option')).toHaveLength(3));

    const added = makeDocument({
      meta: { docNumber: null, issuer: '市财政局', issuedDate: null, docType: '函', classification: null, tags: [] },
    });
    fake.documents.push(added);
    act(() => fake.emit('documents:changed', { ids: [added.id] }));
    await waitFor(() => expect(within(issuer).getByRole('option', { name: '市财政局（1）' })).toBeInTheDocument());
  });
});
