import { AppError } from '../../shared/errors';

/** OpenSSL verification codes and Node's host-name check: the peer is not who the policy trusts. */
const UNTRUSTED =
  /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY|DECRYPT)|INVALID_CA|HOSTNAME_MISMATCH|PATH_LENGTH|INVALID_PURPOSE/;
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
/** The peer went away after the connection was made. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Marks a lookup that resolved a plain-http host name to a non-loopback address. */
export const NOT_LOOPBACK = 'EWENSHU_NOT_LOOPBACK';

export function cancelled(): AppError {
  return new AppError('cancelled', 'cancelled');
}

export function connectTimeout(ms: number): AppError {
  return new AppError('endpoint_timeout', `no connection within ${ms} ms`, { phase: 'connect', ms });
}

/**
 * A Node socket/TLS/DNS error as the typed error the UI explains. `connected`: the TCP (and TLS)
 * connection was up, so a reset means the exchange broke rather than that the host is unreachable.
 */
export function netError(err: unknown, target: string, connected: boolean): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = e instanceof Error ? e.message : String(err);
  if (code === NOT_LOOPBACK) {
    return new AppError('endpoint_not_allowed', `plain http to a non-loopback address: ${target}`, { target });
  }
  if (UNTRUSTED.test(code)) {
    return new AppError('tls_untrusted', `certificate of ${target} not trusted: ${message}`, { target, detail: code });
  }
  if (DNS.has(code)) return new AppError('endpoint_unreachable', `DNS: ${message}`, { target, detail: 'DNS' });
  if (connected && (BROKEN.has(code) || message === 'socket hang up' || message === 'aborted')) {
    return new AppError('stream_interrupted', `connection to ${target} broke: ${message}`, {
      detail: code === 'EPIPE' ? 'EPIPE' : 'connection reset',
    });
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new AppError('endpoint_unreachable', `TLS handshake with ${target} failed: ${message}`, {
      target,
      detail: `TLS: ${code}`,
    });
  }
  return new AppError('endpoint_unreachable', `${target}: ${message}`, { target, detail: code || message });
}
