import { screen, waitFor, within } from '@testing-library/react';
import { createFakeWenshu, makeDraft, managedStatus } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const TEXT = [
  '签发人：李四',
  '某市财政局关于追加防汛经费的请示',
  '市人民政府：',
  '　　今年汛期提前，现有经费不足，拟追加经费二百万元。',
  '　　妥否，请批示。',
  '某市财政局',
  '二〇二六年五月八日',
].join('\n');
const typed = (text = TEXT) =>
  makeDraft({ title: '某市财政局关于追加防汛经费的请示', text, fields: { typeId: 'qingshi', typeName: '请示' } });
const DATE_LINE = 7;

describe('Live format check in the draft view', () => {
  test('lists the Chinese-numeral date with line:column; clicking selects it; 修正 fixes it and it is saved', async () => {
    const draft = typed();
    const fake = createFakeWenshu({ endpoint: managedStatus(), drafts: [draft] });
    const { user } = await renderApp(fake, `#/review/${draft.id}`);
    const area = (await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' })) as HTMLTextAreaElement;
    const panel = screen.getByRole('region', { name: '格式检查' });
    const list = await within(panel).findByRole('list', { name: '格式问题' });
    const item = within(list)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes(`${DATE_LINE}:1`))!;
    expect(item).toHaveTextContent('错误');
    expect(item).toHaveTextContent('成文日期、印发日期应使用阿拉伯数字');
    expect(item).toHaveTextContent('F3');

    await user.click(within(item).getByRole('button', { name: /成文日期/ }));
    const start = TEXT.indexOf('二〇二六年五月八日');
    expect(area).toHaveFocus();
    expect([area.selectionStart, area.selectionEnd]).toEqual([start, start + '二〇二六年五月八日'.length]);

    await user.click(within(item).getByRole('button', { name: '修正' }));
    expect(area).toHaveValue(TEXT.replace('二〇二六年五月八日', '2026年5月8日'));
    await waitFor(() =>
      expect(within(panel).queryByText(/成文日期、印发日期应使用阿拉伯数字/)).not.toBeInTheDocument(),
    );
    // The fix is an edit like any other: the session saves it.
    await waitFor(() => expect(fake.callsTo('drafts:edit')).toHaveLength(1), { timeout: 4000 });
    expect(fake.drafts[0]!.versions.at(-1)!.content.text).toContain('\n2026年5月8日');
  });

  test('re-runs as the text changes', async () => {
    const draft = typed(TEXT.replace('二〇二六年五月八日', '2026年5月8日'));
    const fake = createFakeWenshu({ endpoint: managedStatus(), drafts: [draft] });
    const { user } = await renderApp(fake, `#/review/${draft.id}`);
    const area = (await screen.findByRole('textbox', { name: '草稿正文（可直接修改）' })) as HTMLTextAreaElement;
    const panel = screen.getByRole('region', { name: '格式检查' });
    expect(within(panel).queryByText(/成文日期、印发日期应使用阿拉伯数字/)).not.toBeInTheDocument();
    await user.clear(area);
    await user.click(area);
    await user.paste(TEXT);
    expect(await within(panel).findByText(/成文日期、印发日期应使用阿拉伯数字/)).toBeInTheDocument();
  });

  test('in English', async () => {
    const draft = typed();
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, endpoint: managedStatus(), drafts: [draft] });
    const { user } = await renderApp(fake, `#/review/${draft.id}`);
    const panel = await screen.findByRole('region', { name: 'Format check' });
    const item = (await within(panel).findAllByRole('listitem')).find((li) =>
      li.textContent?.includes(`${DATE_LINE}:1`),
    )!;
    expect(item).toHaveTextContent('Error');
    expect(item).toHaveTextContent('Dates of issue and printing take Arabic numerals');
    await user.click(within(item).getByRole('button', { name: 'Fix' }));
    expect(screen.getByRole('textbox', { name: /^Draft text/ })).toHaveValue(
      TEXT.replace('二〇二六年五月八日', '2026年5月8日'),
    );
  });
});
