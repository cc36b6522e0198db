import { screen, waitFor, within } from '@testing-library/react';
import type { PackSummary } from '../../shared/contract/drafting';
import { createFakeWenshu } from './support/fakeWenshu';
import type { FakeWenshu } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const POLICY_PACK: PackSummary = {
  id: 'policy-1',
  name: '某省公文模板包',
  publisher: '某省人民政府办公厅',
  types: ['请示', '工作简报'],
  source: 'policy',
  importedAt: null,
};
const USER_PACK: PackSummary = {
  id: 'pack-2',
  name: '某市便函模板',
  publisher: '某市人民政府办公室',
  types: ['便函'],
  source: 'user',
  importedAt: '2026-05-08T02:30:00.000Z',
};

/** A small pack, as an office would receive it (the fake checks name, publisher and types). */
const PACK_FILE = {
  version: 1,
  name: '某县会议纪要模板包',
  publisher: '某县人民政府办公室',
  types: [{ id: 'huiyi-jiyao', name: '会议纪要', nameEn: 'Meeting minutes', direction: 'any' }],
};

const jsonFile = (name: string, content: string) => new File([content], name, { type: 'application/json' });

const start = async (fake: FakeWenshu) => {
  const app = await renderApp(fake, '#/settings');
  const section = await screen.findByRole('region', { name: app.i18n.t('settings.packs.title') });
  return { ...app, section };
};

describe('Settings: template packs', () => {
  test('lists the policy pack (managed, not removable) and the user pack (imported, removable)', async () => {
    const { section } = await start(createFakeWenshu({ packs: [POLICY_PACK, USER_PACK] }));

    const policy = await within(section).findByRole('listitem', { name: '某省公文模板包' });
    expect(within(policy).getByText('某省人民政府办公厅')).toBeInTheDocument();
    expect(within(policy).getByText('请示')).toBeInTheDocument();
    expect(within(policy).getByText('工作简报')).toBeInTheDocument();
    expect(within(policy).getByText('由单位统一管理')).toBeInTheDocument();
    expect(within(policy).queryByRole('button')).not.toBeInTheDocument();

    const user = within(section).getByRole('listitem', { name: '某市便函模板' });
    expect(within(user).getByText('某市人民政府办公室')).toBeInTheDocument();
    expect(within(user).getByText('便函')).toBeInTheDocument();
    expect(within(user).getByText(/^本机导入，2026年5月8日/)).toBeInTheDocument();
    expect(within(user).getByRole('button', { name: '删除模板包“某市便函模板”' })).toHaveTextContent('删除');
    expect(within(user).queryByText('由单位统一管理')).not.toBeInTheDocument();
  });

  test('with no packs, explains what a pack is', async () => {
    const { section } = await start(createFakeWenshu());
    expect(await within(section).findByText('尚未使用模板包')).toBeInTheDocument();
    expect(
      within(section).getByText(/由办公厅或信息中心制作一次，各单位、各科室导入后即可在拟稿时使用/),
    ).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '导入模板包' })).toBeEnabled();
  });

  test('importing a valid pack file adds it, with progress while main reads it', async () => {
    const fake = createFakeWenshu({ packs: [POLICY_PACK] });
    const handle = fake.handlers['drafting:importPack'];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.handlers['drafting:importPack'] = async (...args: Parameters<typeof handle>) => {
      await gate;
      return handle(...args);
    };
    const { user, section } = await start(fake);
    await within(section).findByRole('listitem', { name: '某省公文模板包' });

    // The button is keyboard reachable and opens the (hidden) file input.
    const button = within(section).getByRole('button', { name: '导入模板包' });
    button.focus();
    expect(button).toHaveFocus();

    await user.upload(screen.getByLabelText('导入模板包'), jsonFile('县模板.json', JSON.stringify(PACK_FILE)));
    expect(await within(section).findByText('正在导入 县模板.json…')).toBeInTheDocument();
    expect(button).toBeDisabled();

    release();
    const added = await within(section).findByRole('listitem', { name: '某县会议纪要模板包' });
    expect(within(added).getByText('某县人民政府办公室')).toBeInTheDocument();
    expect(within(added).getByText('会议纪要')).toBeInTheDocument();
    expect(within(added).getByRole('button', { name: '删除模板包“某县会议纪要模板包”' })).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('已导入 某县会议纪要模板包。');
    expect(button).toBeEnabled();

    const calls = fake.callsTo('drafting:importPack') as { name: string; bytes: Uint8Array }[];
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.name).toBe('县模板.json');
    expect(JSON.parse(new TextDecoder().decode(call.bytes))).toEqual(PACK_FILE);
  });

  test('an invalid pack file shows the translated error and adds nothing', async () => {
    const fake = createFakeWenshu({ packs: [USER_PACK] });
    const { user, section } = await start(fake);
    await within(section).findByRole('listitem', { name: '某市便函模板' });

    await user.upload(screen.getByLabelText('导入模板包'), jsonFile('坏文件.json', '{ 不是 JSON'));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('模板包没有导入');
    expect(alert).toHaveTextContent('模板包 坏文件.json 无效：not JSON');
    expect(within(section).getAllByRole('listitem', { name: /./ })).toHaveLength(1);
    expect(fake.packs).toHaveLength(1);
  });

  test('removing a user pack takes it off the list; the policy pack stays', async () => {
    const fake = createFakeWenshu({ packs: [POLICY_PACK, USER_PACK] });
    const { user, section } = await start(fake);
    const pack = await within(section).findByRole('listitem', { name: '某市便函模板' });

    await user.click(within(pack).getByRole('button', { name: '删除模板包“某市便函模板”' }));
    await waitFor(() =>
      expect(within(section).queryByRole('listitem', { name: '某市便函模板' })).not.toBeInTheDocument(),
    );
    expect(within(section).getByRole('status')).toHaveTextContent('已删除 某市便函模板。');
    expect(within(section).getByRole('listitem', { name: '某省公文模板包' })).toBeInTheDocument();
    expect(fake.callsTo('drafting:removePack')).toEqual([{ id: 'pack-2' }]);
    expect(within(section).queryByRole('button', { name: /^删除/ })).not.toBeInTheDocument();
  });

  test('in English', async () => {
    const fake = createFakeWenshu({ settings: { locale: 'en-US' }, packs: [POLICY_PACK, USER_PACK] });
    const { user, section } = await start(fake);
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Template packs');

    const policy = await within(section).findByRole('listitem', { name: '某省公文模板包' });
    expect(within(policy).getByText('Publisher')).toBeInTheDocument();
    expect(within(policy).getByText('Document types')).toBeInTheDocument();
    expect(within(policy).getByText('Managed by your organization')).toBeInTheDocument();
    expect(within(policy).queryByRole('button')).not.toBeInTheDocument();

    const mine = within(section).getByRole('listitem', { name: '某市便函模板' });
    expect(within(mine).getByText(/^Imported on this computer, May 8, 2026/)).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Remove the template pack “某市便函模板”' })).toHaveTextContent(
      'Remove',
    );

    await user.upload(screen.getByLabelText('Import a pack'), jsonFile('bad.json', '{"name":"x"}'));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The template pack was not imported');
    expect(alert).toHaveTextContent('The template pack bad.json is invalid: types: required');
  });
});
