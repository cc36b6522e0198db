import { SecondOpinion } from '../../shared/domain/summary';
import type { SummaryReport } from '../../shared/domain/summary';
import { AppError } from '../../shared/errors';
import type { ModelService, RunOptions } from './model-service';

const SYSTEM =
  '你是核查助手。判断“句子”是否完全由“段落”支持：数字、日期、机构、地名和说法都必须与段落一致。' +
  '只输出一行 JSON：{"judgement":"supported"|"not_supported"|"unclear","reason":"一句话理由"}。' +
  ' You are a checker: say whether the sentence is fully supported by the passage, as one line of JSON.';

/**
 * The endpoint's opinion on each sentence the verifier flagged, against the passage it cites (or
 * its best match). Advisory only: the deterministic check and the reviewer decide; an answer that
 * cannot be read counts as `unclear`.
 */
export async function secondOpinions(
  model: ModelService,
  report: SummaryReport,
  documentIds: string[],
  options: RunOptions = {},
): Promise<SecondOpinion[]> {
  const flagged = report.sentences.filter((s) => s.verdict !== 'supported');
  return Promise.all(
    flagged.map(async (s) => {
      const passage = s.evidence?.text ?? report.passages.find((p) => s.citations.includes(p.label))?.text ?? '';
      const result = await model.complete(
        {
          system: SYSTEM,
          prompt: `句子 sentence：${s.text}\n\n段落 passage：${passage || '（无 none）'}`,
          documentIds,
          tool: 'summarize',
          maxTokens: 256,
        },
        { signal: options.signal },
      );
      return { index: s.index, ...readJudgement(result.answer) };
    }),
  );
}

function readJudgement(answer: string): Omit<SecondOpinion, 'index'> {
  const json = answer.match(/\{[\s\S]*\}/)?.[0];
  if (json) {
    try {
      const parsed = SecondOpinion.omit({ index: true }).safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON after all: fall through
    }
  }
  const reason = answer.trim().slice(0, 300);
  if (/not[_ ]supported|不支持|不一致/i.test(answer)) return { judgement: 'not_supported', reason };
  return { judgement: 'unclear', reason };
}

export function assertSecondOpinionAllowed(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden', 'the policy does not allow second opinions', { tool: 'secondOpinion' });
}
