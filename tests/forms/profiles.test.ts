import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FormProfile } from '../../shared/domain/form';
import { appWithPolicy, writePolicy } from '../endpoint/support';
import { tempDir } from '../support/temp';
import { applicationTemplate } from './support';

// Where a form's profile comes from: a person's saved corrections win; else the region's profile
// from the machine policy, as the policy is now; else a guess.

const dir = tempDir();

test("the region's profile is used until a person saves their own, and follows the policy until then", async () => {
  const bytes = await applicationTemplate();
  const formHash = createHash('sha256').update(bytes).digest('hex');
  const dbPath = path.join(dir, 'forms.db');
  const policyWith = (label: string) => {
    const guessed = appWithPolicy(writePolicy('http://127.0.0.1:9/v1', { endpoints: [] }), {
      dbPath: path.join(dir, `guess-${label}.db`),
    });
    return guessed.forms.open('申请表.docx', bytes).then(async ({ profile }) => {
      await guessed.close();
      const region: FormProfile = {
        ...profile,
        fields: profile.fields.map((f) => (f.name === '联系电话' ? { ...f, label } : f)),
      };
      return writePolicy('http://127.0.0.1:9/v1', { endpoints: [], formProfiles: [region] });
    });
  };
  const labelOf = (p: FormProfile) => p.fields.find((f) => f.name === '联系电话')!.label;

  const first = appWithPolicy(await policyWith('手机（区域）'), { dbPath });
  expect(labelOf((await first.forms.open('申请表.docx', bytes)).profile)).toBe('手机（区域）');
  await first.close();

  // The region updates its profile: an unsaved form follows it.
  const second = appWithPolicy(await policyWith('手机号码（区域新版）'), { dbPath });
  const opened = await second.forms.open('申请表.docx', bytes);
  expect(opened.form.id).toBe(formHash);
  expect(labelOf(opened.profile)).toBe('手机号码（区域新版）');

  // A person saves their own: it wins from now on, whatever the region says.
  const mine = {
    ...opened.profile,
    fields: opened.profile.fields.map((f) => (f.name === '联系电话' ? { ...f, label: '我的电话' } : f)),
  };
  await second.forms.saveProfile(mine);
  await second.close();
  const third = appWithPolicy(await policyWith('又一版'), { dbPath });
  expect(labelOf((await third.forms.open('申请表.docx', bytes)).profile)).toBe('我的电话');
  expect(labelOf((await third.forms.get(formHash)).profile)).toBe('我的电话');
});
