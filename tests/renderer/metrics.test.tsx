import { screen, waitFor, within } from '@testing-library/react';
import type { Metrics } from '../../shared/domain/draft';
import { approvedDraft, createFakeWenshu, makeDraft } from './support/fakeWenshu';
import { renderApp } from './support/renderApp';

const METRICS: Metrics = {
  generatedAt: '2026-03-16T08:00:00.000Z',
  weeks: [
    {
      week: '2026-W10',
      tool: 'draft',
      created: 5,
      approved: 3,
      rejected: 1,
      medianMinutesToApproval: 42,
      medianEditRatio: 0.125,
      rejectionReasons: { inaccurate: 1 },
    },
    {
      week: '2026-W11',
      tool: 'draft',
      created: 8,
      approved: 6,
      rejected: 2,
      medianMinutesToApproval: 180,
      medianEditRatio: 0.05,
      rejectionReasons: { wrong_format: 1, inaccurate: 1 },
    },
    {
      week: '2026-W11',
      tool: 'summarize',
      created: 4,
      approved: 4,
      rejected: 0,
      medianMinutesToApproval: 12.4,
      medianEditRatio: 0,
      rejectionReasons: {},
    },
  ],
};

const HAN = /\p{Script=Han}/u;
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

describe('Usefulness dashboard', () => {
  test('totals per tool, then per tool a chart and its numbers per week', async () => {
    await renderApp(createFakeWenshu({ metrics: METRICS }), '#/review/metrics');
    expect(await screen.findByRole('table', { name: '各工具合计' })).toBeInTheDocument();
    expect(rows(screen.getByRole('table', { name: '各工具合计' }))).toEqual([
      ['起草', '13', '9', '3'],
      ['摘要', '4', '4', '0'],
    ]);
    expect(screen.getByRole('link', { name: '使用统计' })).toHaveAttribute('aria-current', 'page');

    const drafting = screen.getByRole('region', { name: '起草' });
    const chart = within(drafting).getByRole('img', { name: /^起草：每周生成、批准和退回的份数/ });
    expect(chart).toHaveAccessibleName(
      '起草：每周生成、批准和退回的份数 共 2 周，生成 13 份，批准 9 份，退回 3 份。各周数字见下表。',
    );
    const bars = [...chart.querySelectorAll('rect.chart__bar')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual([
      '2026 年第 10 周 · 生成: 5',
      '2026 年第 10 周 · 批准: 3',
      '2026 年第 10 周 · 退回: 1',
      '2026 年第 11 周 · 生成: 8',
      '2026 年第 11 周 · 批准: 6',
      '2026 年第 11 周 · 退回: 2',
    ]);
    // Heights follow the values (the scale's top is 10 here).
    const height = (i: number) => Number(bars[i]!.getAttribute('height'));
    expect(height(3) / height(0)).toBeCloseTo(8 / 5);
    expect(height(5) / height(2)).toBeCloseTo(2);
    expect([...chart.querySelectorAll('.chart__label')].map((l) => l.textContent)).toEqual(['第10周', '第11周']);
    expect(within(drafting).getByText('生成', { selector: '.chart__key' })).toBeInTheDocument();

    expect(rows(within(drafting).getByRole('table', { name: '起草：各周统计' }))).toEqual([
      ['2026 年第 11 周', '8', '6', '2', '3 小时', '5%'],
      ['2026 年第 10 周', '5', '3', '1', '42 分钟', '12.5%'],
    ]);
    expect(rows(within(drafting).getByRole('table', { name: '退回原因' })).length).toBe(1);
    expect(
      within(within(drafting).getByRole('table', { name: '退回原因' }))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['内容不准确或无依据2', '格式不符合要求1']);

    const summaries = screen.getByRole('region', { name: '摘要' });
    expect(rows(within(summaries).getByRole('table', { name: '摘要：各周统计' }))).toEqual([
      ['2026 年第 11 周', '4', '4', '0', '12 分钟', '0%'],
    ]);
    expect(within(summaries).getByText('没有退回。')).toBeInTheDocument();
  });

  test('figures the store computes from the drafts', async () => {
    const created = '2026-03-03T08:00:00.000Z';
    await renderApp(
      createFakeWenshu({
        drafts: [
          approvedDraft({ createdAt: created }),
          makeDraft({ createdAt: created }),
          makeDraft({ createdAt: created, tool: 'summarize', kind: 'summary' }),
        ],
      }),
      '#/review/metrics',
    );
    const drafting = await screen.findByRole('region', { name: '起草' });
    // Approved 31 minutes after the request (a minute before creation), nothing changed.
    expect(rows(within(drafting).getByRole('table', { name: '起草：各周统计' }))).toEqual([
      ['2026 年第 10 周', '2', '1', '0', '31 分钟', '0%'],
    ]);
  });

  test('the period is chosen, and the counts are exported for IT', async () => {
    const fake = createFakeWenshu({ metrics: METRICS });
    const { user } = await renderApp(fake, '#/review/metrics');
    await screen.findByRole('table', { name: '各工具合计' });
    expect(fake.callsTo('metrics:get')).toEqual([{ weeks: 12 }]);
    await user.selectOptions(screen.getByLabelText('统计范围'), '最近 4 周');
    await waitFor(() => expect(fake.callsTo('metrics:get')).toEqual([{ weeks: 12 }, { weeks: 4 }]));

    await user.click(screen.getByRole('button', { name: '导出统计（仅计数）' }));
    expect(
      await screen.findByText(/^已保存到 \/home\/clerk\/文档\/wenshu-metrics-\d{4}-\d{2}-\d{2}\.csv$/),
    ).toBeInTheDocument();
    expect(fake.callsTo('metrics:export')).toEqual([{ format: 'csv' }]);
  });

  test('no figures yet: says what will appear', async () => {
    await renderApp(createFakeWenshu(), '#/review/metrics');
    expect(await screen.findByRole('heading', { name: '还没有统计数据' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出统计（仅计数）' })).toBeEnabled();
  });

  test('the queue and the dashboard are two tabs of Review', async () => {
    const { user } = await renderApp(createFakeWenshu({ metrics: METRICS }), '#/review');
    await user.click(await screen.findByRole('link', { name: '使用统计' }));
    expect(window.location.hash).toBe('#/review/metrics');
    expect(await screen.findByRole('table', { name: '各工具合计' })).toBeInTheDocument();
  });

  test('in English', async () => {
    await renderApp(createFakeWenshu({ metrics: METRICS, settings: { locale: 'en-US' } }), '#/review/metrics');
    const drafting = await screen.findByRole('region', { name: 'Drafting' });
    expect(rows(within(drafting).getByRole('table', { name: 'Drafting: figures per week' }))).toEqual([
      ['Week 11, 2026', '8', '6', '2', '3 h', '5%'],
      ['Week 10, 2026', '5', '3', '1', '42 min', '12.5%'],
    ]);
    expect(screen.getByRole('button', { name: 'Export counts' })).toBeInTheDocument();
    expect(screen.getByRole('main').textContent).not.toMatch(HAN);
  });
});
