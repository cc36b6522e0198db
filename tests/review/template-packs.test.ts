import fs from 'node:fs';
import path from 'node:path';
import type { CallContext } from '../../electron/ipc/handlers';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { rejection } from '../support/rejection';
import { ROOT, tempDir } from '../support/temp';

// A region's template pack: imported by a user, or placed in the machine policy (which wins); the
// drafting tool offers its types at once; a broken pack is refused with where it is wrong.

const dir = tempDir();
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'docs', 'template-pack.example.json'));
const example = JSON.parse(EXAMPLE.toString('utf8')) as {
  name: string;
  publisher: string;
  types: { id: string; name: string }[];
};
const ctx: CallContext = { emit: () => {} };

/** The calls behind Settings → template packs. */
function packsOf(app: ReturnType<typeof appWithPolicy>) {
  const h = app.handlers;
  return {
    import: (name: string, bytes: Uint8Array) => h['drafting:importPack']({ name, bytes: new Uint8Array(bytes) }, ctx),
    remove: (id: string) => h['drafting:removePack']({ id }, ctx),
    list: () => h['drafting:packs']({}, ctx),
  };
}

test('a user imports a pack: its new type is offered, its override replaces the built-in one; removing undoes it', async () => {
  const app = appWithPolicy(path.join(dir, 'no-policy.json'));
  const packs = packsOf(app);
  const before = app.drafting.listTypes();

  const imported = await packs.import('例.json', new Uint8Array(EXAMPLE));
  expect(imported).toEqual([
    expect.objectContaining({ name: example.name, publisher: example.publisher, source: 'user' }),
  ]);
  const types = app.drafting.listTypes();
  for (const t of example.types) expect(types.find((x) => x.id === t.id)?.name).toBe(t.name);
  const added = example.types.filter((t) => !before.some((b) => b.id === t.id)).length;
  expect(types).toHaveLength(before.length + added);
  expect(types.find((t) => t.id === 'qingshi')).not.toEqual(before.find((t) => t.id === 'qingshi'));

  expect(await packs.remove(imported[0]!.id)).toEqual([]);
  expect(app.drafting.listTypes()).toEqual(before);
  const changes = app.audit.list({ kind: 'settings_change', limit: 10, offset: 0 }).entries.map((e) => e.data.key);
  expect(changes).toEqual(['templatePacks', 'templatePacks']);
});

test('a broken pack is refused with the path of the problem, and nothing changes', async () => {
  const app = appWithPolicy(path.join(dir, 'no-policy-2.json'));
  const packs = packsOf(app);
  const broken = JSON.stringify({ ...example, types: [{ ...example.types[0], direction: 'sideways' }] });
  const err = await rejection(packs.import('坏.json', new TextEncoder().encode(broken)));
  expect(err).toMatchObject({ code: 'template_pack_invalid', params: { file: '坏.json' } });
  expect(String(err.params?.detail)).toContain('direction');
  expect(await rejection(packs.import('x.json', new TextEncoder().encode('{not json')))).toMatchObject({
    code: 'template_pack_invalid',
  });
  expect(await packs.list()).toEqual([]);
});

test("the policy's pack is listed as managed, cannot be removed, and wins over a user's", async () => {
  const userQingshi = example.types.find((t) => t.id === 'qingshi')!;
  const policyQingshi = { ...userQingshi, nameEn: 'Request (province template)' };
  const app = appWithPolicy(
    writePolicy('http://127.0.0.1:9/v1', {
      templatePacks: [{ ...example, name: '省级模板包', types: [policyQingshi] }],
    }),
  );
  const packs = packsOf(app);
  await packs.import('例.json', new Uint8Array(EXAMPLE));
  const list = await packs.list();
  expect(list.map((p) => [p.name, p.source])).toEqual([
    ['省级模板包', 'policy'],
    [example.name, 'user'],
  ]);
  expect(await packs.remove(list[0]!.id)).toHaveLength(2);
  expect(app.drafting.listTypes().find((t) => t.id === 'qingshi')?.nameEn).toBe('Request (province template)');
});
