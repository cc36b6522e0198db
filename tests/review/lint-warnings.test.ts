import path from 'node:path';
import { rejection } from '../support/rejection';
import { tempDir } from '../support/temp';
import { appWithPolicy } from '../endpoint/support';

// A drafted 公文's format problems are review warnings: the reviewer fixes each (the warning goes
// with the next version) or acknowledges it; approval waits for that.

const dir = tempDir();

test('an offline 通知: clean template; a format error added in an edit becomes a lint warning at its span', async () => {
  const app = appWithPolicy(path.join(dir, 'no-policy.json'));
  const draft = await app.drafting.generate({
    typeId: 'tongzhi',
    fields: {
      issuer: '某市人民政府办公室',
      subject: '做好春季防汛工作',
      recipients: '各区人民政府',
      points: '四月十日前完成河道清淤',
    },
    documentIds: [],
  });
  const v1 = draft.versions[0]!;
  expect(v1.engine).toBe('offline');
  expect(v1.warnings.filter((w) => w.kind === 'lint')).toEqual([]);

  const broken = v1.content.text.replace(/的通知\n/, '的通知。\n');
  const edited = app.review.edit(draft.id, 1, { text: broken, fields: v1.content.fields });
  const warning = edited.versions.at(-1)!.warnings.find((w) => w.kind === 'lint')!;
  expect(warning).toMatchObject({ severity: 'error', params: { rule: 'F5' } });
  expect(broken.slice(warning.start!, warning.end!)).toBe('。');

  const hash = edited.versions.at(-1)!.contentHash;
  expect(
    await rejection(
      Promise.resolve().then(() =>
        app.review.approve({ id: draft.id, version: 2, contentHash: hash, acknowledged: [] }),
      ),
    ),
  ).toMatchObject({
    code: 'warnings_unacknowledged',
  });
  const fixed = app.review.edit(draft.id, 2, { text: v1.content.text, fields: v1.content.fields });
  expect(fixed.versions.at(-1)!.warnings.filter((w) => w.kind === 'lint')).toEqual([]);
});
