import type { Command } from 'commander';
import { checkNames } from '../../../shared/i18n/doctor';
import { AppError } from '../../../shared/errors';
import type { CliContext } from '../context';

interface OverrideOptions {
  endpoint?: string;
  model?: string;
}

/** `--endpoint URL --model NAME` replace the policy's endpoint for one run (IT trials). */
function overrideOf(cmd: OverrideOptions) {
  if (!cmd.endpoint && !cmd.model) return undefined;
  if (!cmd.endpoint || !cmd.model) {
    throw new AppError('invalid_input', '--endpoint and --model go together', { field: '--endpoint/--model' });
  }
  if (!/^https?:\/\//i.test(cmd.endpoint)) {
    throw new AppError('invalid_input', '--endpoint must be an http(s) URL', { field: '--endpoint' });
  }
  return { baseUrl: cmd.endpoint, model: cmd.model };
}

/** complete and doctor: the approved endpoint, through the same boundary and audit as the app. */
export function registerEndpointCommands(program: Command, ctx: CliContext): void {
  program
    .command('complete')
    .description('one prompt to the approved endpoint (data boundary and audit apply); prints the answer and usage')
    .argument('<prompt...>', 'the prompt')
    .option('--endpoint <url>', 'use this OpenAI-compatible base URL instead of the policy endpoint')
    .option('--model <name>', 'model name at --endpoint')
    .action(async (words: string[], cmd: OverrideOptions) => {
      const app = ctx.open({ endpointOverride: overrideOf(cmd) });
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      let streamed = false;
      try {
        const result = await app.model.complete(
          { prompt: words.join(' '), tool: 'complete' },
          {
            signal: controller.signal,
            // The answer streams to the terminal as it arrives; reasoning never does.
            onDelta: (d) => {
              if (ctx.json() || d.kind !== 'answer') return;
              streamed = true;
              ctx.io.out(d.text);
            },
          },
        );
        const usage = {
          promptTokens: result.usage?.promptTokens ?? 0,
          completionTokens: result.usage?.completionTokens ?? 0,
        };
        if (ctx.json()) {
          const { answer, reasoning, finishReason, model } = result;
          ctx.io.out(`${JSON.stringify({ answer, reasoning, finishReason, model, usage }, null, 2)}\n`);
          return;
        }
        if (!streamed) ctx.io.out(result.answer);
        const cut = result.finishReason === 'length' ? ' · 已达长度上限 cut at max_tokens' : '';
        ctx.io.out(
          `\n\n— ${result.model} · prompt ${usage.promptTokens} · completion ${usage.completionTokens} tokens${cut}\n`,
        );
      } finally {
        process.removeListener('SIGINT', stop);
        if (streamed) ctx.io.out('\n');
      }
    });

  program
    .command('doctor')
    .description('check the policy, the store and the endpoint (DNS, TCP, TLS, key, models, a tiny completion)')
    .option('--endpoint <url>', 'check this OpenAI-compatible base URL instead of the policy endpoint')
    .option('--model <name>', 'model name at --endpoint')
    .action(async (cmd: OverrideOptions) => {
      const report = await ctx.open({ endpointOverride: overrideOf(cmd) }).doctor(ctx.locale);
      const names = checkNames[ctx.locale];
      const human =
        report.items
          .map((i) => {
            const mark = i.skipped ? (i.ok ? '–' : '·') : i.ok ? '✓' : '✗';
            const fix = i.fix ? `\n    → ${i.fix}` : '';
            return `${mark} ${names[i.id]}  ${i.detail}${fix}`;
          })
          .join('\n') + '\n';
      ctx.print(report, human);
      if (!report.ok) ctx.setExitCode(1);
    });
}
