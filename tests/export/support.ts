import fs from 'node:fs';
import path from 'node:path';
import type { ExportInput } from '../../electron/export/render';
import { FIXTURES } from '../support/temp';

// What the export tests expect is written out here from the standard, on purpose, rather than
// imported from electron/export/aigc.ts: a test must not take its expectation from the code it tests.

/** The default visible label (GB 45438 §5.1: it names 人工智能 and 生成). */
export const LABEL = '本文件包含人工智能生成内容，请核实后使用';

/** The implicit label's 7 keys, in this order (GB 45438-2025 Annex E). */
export const ANNEX_E_KEYS = [
  'Label',
  'ContentProducer',
  'ProduceID',
  'ReservedCode1',
  'ContentPropagator',
  'PropagateID',
  'ReservedCode2',
];

/** A real 公文 from the fixtures, one element per line. */
export const gongwen = (name: string): string[] =>
  fs
    .readFileSync(path.join(FIXTURES, 'gongwen', name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** 国办发〔2022〕35号, a real notice: its head and first paragraphs. */
export const NOTICE = gongwen('indexid-30450065090__tongzhi_guobanfa-2022-35.txt');
export const NOTICE_TITLE = '国务院办公厅关于复制推广营商环境创新试点改革举措的通知';
/** Its salutation and first paragraphs, the paragraphs indented by two ideographic spaces. */
export const NOTICE_BODY = NOTICE.slice(3, 8).map((l) => (l.endsWith('：') ? l : `\u3000\u3000${l}`));

/** What a test file's drafts have of their own; the rest of an export input is the same in all. */
export type ExportFixture = Pick<ExportInput, 'draftId' | 'version' | 'kind' | 'title' | 'content'> & {
  contentProducer: string;
};

/**
 * An approved version to export: the fixture, approved by 张三, with the visible label on in the
 * default wording; `over` replaces fields of the input and `aigc` fields of its labelling policy.
 */
export function exportInput(
  fixture: ExportFixture,
  over: Partial<ExportInput> = {},
  aigc: Partial<ExportInput['aigc']> = {},
): ExportInput {
  const { contentProducer, ...own } = fixture;
  return {
    ...own,
    approvedAt: '2026-11-28T09:30:00.000Z',
    reviewer: { account: 'zhangsan', name: '张三' },
    aigc: { visibleLabel: true, labelText: LABEL, contentProducer, ...aigc },
    ...over,
  };
}
