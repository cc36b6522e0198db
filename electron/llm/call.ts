/**
 * One HTTP exchange with the endpoint: its abort controller, the single timer that watches it (the
 * wait for the reply or the first token, then each gap in the body) and the reason it was stopped,
 * which wins over whatever error the aborted I/O then reports.
 */
import { AppError } from '../../shared/errors';
import type { Egress, EgressRequest, EgressResponse } from '../net/egress';
import type { Attempt } from './attempt';
import { asAppError, failed } from './attempt';

export interface Timeouts {
  connectMs: number;
  firstTokenMs: number;
  idleMs: number;
}

/** What the timer is waiting for; the phase is named in `endpoint_timeout`. */
type Phase = 'response' | 'first_token' | 'idle';

/** Error bodies are read up to this size: enough for any message, not for a runaway page. */
const ERROR_BODY_MAX = 64 * 1024;
/** After `[DONE]`, the rest of the body may take this long before the socket is dropped. */
const DRAIN_MS = 1000;

export class Call {
  stopped: AppError | null = null;
  private readonly ctl = new AbortController();
  private response: EgressResponse | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** The body was read to its end (or is being drained): its socket goes back to the pool. */
  private kept = false;
  private readonly onCancel = () => this.halt(new AppError('cancelled', 'cancelled'));

  constructor(
    private readonly outer: AbortSignal | undefined,
    private readonly timeouts: Timeouts,
  ) {
    if (outer?.aborted) this.onCancel();
    else outer?.addEventListener('abort', this.onCancel, { once: true });
  }

  /**
   * Sends the request and waits for the headers. `first_token` is timed from the moment the
   * request is on the wire, so uploading a long prompt does not count; `response` from the start.
   * A failure here came before any response, which is what makes a retry safe.
   */
  async send(
    egress: Egress,
    url: string,
    request: Pick<EgressRequest, 'method' | 'headers' | 'body'>,
    wait: 'response' | 'first_token',
  ): Promise<Attempt<EgressResponse>> {
    if (wait === 'response') this.arm('response');
    try {
      this.response = await egress.request(url, {
        ...request,
        signal: this.ctl.signal,
        connectTimeoutMs: this.timeouts.connectMs,
        ...(wait === 'first_token' && {
          onRequestSent: () => {
            if (!this.response) this.arm('first_token');
          },
        }),
      });
      return { ok: true, value: this.response };
    } catch (err) {
      return failed(this.error(err), true);
    }
  }

  /** (Re)starts the timer; when it fires, the exchange ends with `endpoint_timeout`. */
  arm(phase: Phase): void {
    const ms = phase === 'idle' ? this.timeouts.idleMs : this.timeouts.firstTokenMs;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.halt(new AppError('endpoint_timeout', `no data for ${ms} ms (${phase})`, { phase, ms })),
      ms,
    );
  }

  /** The error to report for a failed read or request: why we stopped it, if we did. */
  error(err: unknown): AppError {
    return this.stopped ?? asAppError(err);
  }

  /** A whole 2xx body (a non-streamed completion, a model list). */
  async readAll(): Promise<Attempt<string>> {
    let text: string;
    try {
      text = await this.readText(Number.POSITIVE_INFINITY);
    } catch (err) {
      return failed(this.error(err), false);
    }
    this.kept = true;
    return { ok: true, value: text };
  }

  /** An error body, only for its message: capped, and '' when it cannot be read. */
  readError(): Promise<string> {
    return this.readText(ERROR_BODY_MAX).catch(() => '');
  }

  /**
   * The answer is complete (`[DONE]`): what follows is read in the background, for at most
   * DRAIN_MS, so that a keep-alive socket can be reused.
   */
  drain(rest: AsyncIterator<Uint8Array>): void {
    this.kept = true;
    const response = this.response;
    const timer = setTimeout(() => response?.destroy(), DRAIN_MS);
    timer.unref();
    void (async () => {
      try {
        while (!(await rest.next()).done);
      } catch {
        // the answer is complete; a broken tail does not matter
      } finally {
        clearTimeout(timer);
      }
    })();
  }

  /** Always called once the attempt is over: a body not read to its end takes its socket along. */
  end(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onCancel);
    if (!this.kept) this.response?.destroy();
  }

  private halt(err: AppError): void {
    if (this.stopped) return;
    this.stopped = err;
    clearTimeout(this.timer);
    this.ctl.abort();
    this.response?.destroy();
  }

  /** The body as text, up to `limit` characters, re-arming the idle timer per chunk. */
  private async readText(limit: number): Promise<string> {
    if (!this.response) return '';
    const decoder = new TextDecoder('utf-8');
    let text = '';
    this.arm('idle');
    for await (const chunk of this.response.body) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length >= limit) return text.slice(0, limit);
      this.arm('idle');
    }
    if (this.stopped) throw this.stopped;
    return text + decoder.decode();
  }
}
