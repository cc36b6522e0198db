import { tempDir } from '../support/temp';
import { generated, reviewStore, text } from './support';

// Policy retention.draftDays: drafts nobody approved and nobody touched for that long go, each
// deletion on record; approved drafts are the record of what left the app and stay.

const dir = tempDir();

test('unapproved drafts older than the retention are deleted and audited; approved and recent ones stay', () => {
  const s = reviewStore(dir, 'retention');
  const old = generated(s.review, text('旧草稿'));
  const oldRejected = generated(s.review, text('被退回的旧草稿'));
  s.review.reject({ id: oldRejected.id, version: 1, reason: 'not_needed', note: '' });
  const approved = generated(s.review, text('审定过的旧稿'));
  s.review.approve({ id: approved.id, version: 1, contentHash: approved.versions[0]!.contentHash, acknowledged: [] });

  s.clock.advance(60 * 24 * 20); // 20 days later
  const recent = generated(s.review, text('新草稿'));
  s.clock.advance(60 * 24 * 11); // 31 days after the old ones, 11 after the recent one

  expect(s.review.purgeUnapproved(30)).toBe(2);
  const left = s.review
    .list({ limit: 10, offset: 0 })
    .drafts.map((d) => d.id)
    .sort();
  expect(left).toEqual([approved.id, recent.id].sort());
  const deleted = s.audit.list({ kind: 'draft_deleted', limit: 10, offset: 0 }).entries.map((e) => e.data);
  expect(deleted).toEqual(
    expect.arrayContaining([
      { id: old.id, state: 'draft', reason: 'retention', days: 30 },
      { id: oldRejected.id, state: 'rejected', reason: 'retention', days: 30 },
    ]),
  );
  expect(s.audit.verify()).toMatchObject({ ok: true });
  expect(s.review.purgeUnapproved(30)).toBe(0);
});
