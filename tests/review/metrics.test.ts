import { Metrics } from '../../shared/domain/draft';
import type { RejectionReason, WeekMetrics } from '../../shared/domain/draft';
import { isoWeek, median, weekStart } from '../../electron/services/metrics';
import { tempDir } from '../support/temp';
import { approveAll, reviewStore, text } from './support';

const dir = tempDir();

describe('ISO weeks', () => {
  test.each([
    ['2026-01-01T00:00:00.000Z', '2026-W01', '2025-12-29'], // a Thursday: week 1 holds it
    ['2025-12-29T00:00:00.000Z', '2026-W01', '2025-12-29'], // Monday of that week, still 2025
    ['2025-12-28T23:59:59.999Z', '2025-W52', '2025-12-22'], // the Sunday before
    ['2027-01-01T12:00:00.000Z', '2026-W53', '2026-12-28'], // 2026 starts on a Thursday: 53 weeks
    ['2021-01-03T12:00:00.000Z', '2020-W53', '2020-12-28'],
    ['2024-12-30T00:00:00.000Z', '2025-W01', '2024-12-30'],
    ['2026-03-09T00:00:00.000Z', '2026-W11', '2026-03-09'],
    ['2026-03-08T23:59:59.999Z', '2026-W10', '2026-03-02'],
  ])('%s is in %s, which starts on %s', (at, week, monday) => {
    expect(isoWeek(new Date(at))).toBe(week);
    expect(weekStart(new Date(at)).toISOString()).toBe(`${monday}T00:00:00.000Z`);
  });

  test('median: the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([40, 10, 20])).toBe(20);
    expect(median([70, 30])).toBe(50);
  });
});

/**
 * A store seeded through the review service on a test clock. "Now" is Wednesday 2026-03-11
 * 12:00 UTC, in ISO week 2026-W11 (Mon 9 March); W10 is 2–8 March, W09 23 February – 1 March,
 * W05 26 January – 1 February. The expected figures below are worked out from this construction.
 */
function seededStore() {
  const s = reviewStore(dir, 'metrics');
  const at = (iso: string) => s.clock.set(iso);
  const draft = (tool: string, requested: string, created: string, ai: string) => {
    at(created);
    const d = s.review.create({ kind: 'document', tool, title: tool, requestedAt: new Date(requested), sources: [] });
    s.review.addGeneration(d.id, { content: text(ai), engine: 'endpoint', model: 'qwen' });
    return d.id;
  };
  const edit = (id: string, when: string, t: string) => {
    at(when);
    s.review.edit(id, s.review.get(id).version, text(t));
  };
  const approve = (id: string, when: string) => {
    at(when);
    approveAll(s.review, id);
  };
  const reject = (id: string, when: string, reason: RejectionReason) => {
    at(when);
    s.review.reject({ id, version: s.review.get(id).version, reason, note: '' });
  };

  // W05, outside a 4-week window.
  const o1 = draft('draft', '2026-01-28T09:00:00.000Z', '2026-01-28T09:00:00.000Z', 'old');
  reject(o1, '2026-01-28T10:00:00.000Z', 'other');

  // Created in W09 (Friday 16:00), approved unchanged in W10 (Monday 08:00): 64 h = 3840 min.
  const s3 = draft('summarize', '2026-02-27T16:00:00.000Z', '2026-02-27T16:00:00.000Z', 'summary three');
  approve(s3, '2026-03-02T08:00:00.000Z');

  // W10, tool 'draft': approved after 10, 20 and 40 minutes with edit ratios 0, 1/10 and 5/10.
  const d1 = draft('draft', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 'ABCDEFGHIJKLMNOPQRST');
  approve(d1, '2026-03-02T09:10:00.000Z');
  const d2 = draft('draft', '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z', 'abcdefghij');
  edit(d2, '2026-03-03T10:15:00.000Z', 'abcdefghiX'); // one character replaced
  approve(d2, '2026-03-03T10:20:00.000Z');
  const d3 = draft('draft', '2026-03-04T08:00:00.000Z', '2026-03-04T08:00:00.000Z', '一二三四五');
  edit(d3, '2026-03-04T08:30:00.000Z', '一二三四五六七八九十'); // five characters added to ten
  approve(d3, '2026-03-04T08:40:00.000Z');
  // Two rejected drafts; d5 twice (once per reason), counted once with its last reason.
  const d4 = draft('draft', '2026-03-05T09:00:00.000Z', '2026-03-05T09:00:00.000Z', 'd4');
  reject(d4, '2026-03-05T09:30:00.000Z', 'inaccurate');
  const d5 = draft('draft', '2026-03-05T11:00:00.000Z', '2026-03-05T11:00:00.000Z', 'd5');
  reject(d5, '2026-03-05T11:30:00.000Z', 'inaccurate');
  edit(d5, '2026-03-06T09:00:00.000Z', 'd5 again');
  reject(d5, '2026-03-06T09:30:00.000Z', 'wrong_tone');

  // W10, tool 'summarize': requested 10 min before the draft was made, approved after 70 min, 'abcd' → 'abXd'.
  const s1 = draft('summarize', '2026-03-06T09:50:00.000Z', '2026-03-06T10:00:00.000Z', 'abcd');
  edit(s1, '2026-03-06T10:30:00.000Z', 'abXd');
  approve(s1, '2026-03-06T11:00:00.000Z');
  const s2 = draft('summarize', '2026-03-07T10:00:00.000Z', '2026-03-07T10:00:00.000Z', 'ok');
  approve(s2, '2026-03-07T10:30:00.000Z');

  // W11: d1 edited after its approval ('ST' → 'xx') and approved again: not a first approval.
  edit(d1, '2026-03-09T09:00:00.000Z', 'ABCDEFGHIJKLMNOPQRxx');
  approve(d1, '2026-03-09T09:30:00.000Z');
  // d6 approved after 5 min, edited, approved again the same week: counted once, ratio of the last.
  const d6 = draft('draft', '2026-03-10T08:00:00.000Z', '2026-03-10T08:00:00.000Z', 'hello world');
  approve(d6, '2026-03-10T08:05:00.000Z');
  edit(d6, '2026-03-10T08:10:00.000Z', 'hello, world!'); // two characters added: 2/13
  approve(d6, '2026-03-10T08:15:00.000Z');
  // s4 approved after 60 min, then rejected from 'approved'.
  const s4 = draft('summarize', '2026-03-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z', 'fine');
  approve(s4, '2026-03-10T10:00:00.000Z');
  reject(s4, '2026-03-10T11:00:00.000Z', 'not_needed');
  // Forms: one still generating, one waiting for review, one discarded (gone, not counted).
  at('2026-03-11T08:00:00.000Z');
  s.review.create({ kind: 'form', tool: 'forms', title: 'g1', sources: [] });
  draft('forms', '2026-03-11T09:00:00.000Z', '2026-03-11T09:00:00.000Z', 'g2');
  at('2026-03-11T10:00:00.000Z');
  s.review.discard(s.review.create({ kind: 'form', tool: 'forms', title: 'g3', sources: [] }).id);

  at('2026-03-11T12:00:00.000Z');
  return { ...s, ids: { d2 } };
}

const row = (week: string, tool: string, r: Partial<WeekMetrics>): WeekMetrics => ({
  week,
  tool,
  created: 0,
  approved: 0,
  rejected: 0,
  medianMinutesToApproval: null,
  medianEditRatio: null,
  rejectionReasons: {},
  ...r,
});

const EXPECTED_4_WEEKS: WeekMetrics[] = [
  row('2026-W09', 'summarize', { created: 1 }),
  row('2026-W10', 'draft', {
    created: 5,
    approved: 3,
    rejected: 2,
    medianMinutesToApproval: 20, // 10, 20, 40
    medianEditRatio: 0.1, // 0, 0.1, 0.5
    rejectionReasons: { inaccurate: 1, wrong_tone: 1 },
  }),
  row('2026-W10', 'summarize', {
    created: 2,
    approved: 3,
    medianMinutesToApproval: 70, // 30, 70, 3840
    medianEditRatio: 0, // 0, 0, 0.25
  }),
  row('2026-W11', 'draft', {
    created: 1,
    approved: 2,
    medianMinutesToApproval: 5, // d6 only: d1's approval this week is not its first
    medianEditRatio: (2 / 20 + 2 / 13) / 2,
  }),
  row('2026-W11', 'forms', { created: 2 }),
  row('2026-W11', 'summarize', {
    created: 1,
    approved: 1,
    rejected: 1,
    medianMinutesToApproval: 60,
    medianEditRatio: 0,
    rejectionReasons: { not_needed: 1 },
  }),
];

describe('usefulness metrics on a seeded store', () => {
  const s = seededStore();

  test('the last 4 weeks, per week and tool, exactly as constructed', () => {
    const m = s.review.metrics(4);
    expect(Metrics.parse(m)).toEqual(m);
    expect(m.generatedAt).toBe('2026-03-11T12:00:00.000Z');
    const ratioOf = (w: WeekMetrics) => w.medianEditRatio;
    expect(m.weeks.map(ratioOf)).toEqual(
      EXPECTED_4_WEEKS.map((w) => (w.medianEditRatio === null ? null : expect.closeTo(w.medianEditRatio, 12))),
    );
    const withoutRatio = (w: WeekMetrics) => ({ ...w, medianEditRatio: w.medianEditRatio === null ? null : 'n' });
    expect(m.weeks.map(withoutRatio)).toEqual(EXPECTED_4_WEEKS.map(withoutRatio));
  });

  test('the window: 1 week is the current one; 12 weeks reach back to W05', () => {
    expect(s.review.metrics(1).weeks.map((w) => `${w.week} ${w.tool}`)).toEqual([
      '2026-W11 draft',
      '2026-W11 forms',
      '2026-W11 summarize',
    ]);
    const twelve = s.review.metrics(12).weeks;
    expect(twelve[0]).toEqual(row('2026-W05', 'draft', { created: 1, rejected: 1, rejectionReasons: { other: 1 } }));
    expect(twelve).toHaveLength(EXPECTED_4_WEEKS.length + 1);
  });

  test('an approval keeps the edit distance from the last AI version and the approved length', () => {
    expect(
      s.db
        .prepare(
          `SELECT version, ai_version AS ai, edit_distance AS distance, approved_length AS length
           FROM draft_approvals WHERE draft_id = ?`,
        )
        .all(s.ids.d2),
    ).toEqual([{ version: 2, ai: 1, distance: 1, length: 10 }]);
  });

  test('metrics carry counts and times only', () => {
    const json = JSON.stringify(s.review.metrics(12));
    for (const content of ['ABCDEFGHIJ', 'hello', '一二三']) expect(json).not.toContain(content);
  });
});
