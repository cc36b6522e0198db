import { isIP } from 'node:net';
import { AppError } from '../../shared/errors';

/**
 * Origins as the allow-list compares them: lower-case scheme and host, the port always explicit.
 * `https://Host/v1` → `https://host:443`; IPv6 hosts keep their brackets.
 */
export function normaliseOrigin(url: string): string {
  const parsed = parse(url);
  return originOf(parsed);
}

export function originOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return `${url.protocol}//${url.hostname.toLowerCase()}${port ? `:${port}` : ''}`;
}

/** The host to connect to: without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/** 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  // WHATWG URLs compress IPv6 (`[0:0:0:0:0:0:0:1]` → `[::1]`, `[::ffff:127.0.0.1]` → `[::ffff:7f00:1]`).
  if (isIP(h) === 6) return h === '::1' || /^::ffff:(7f[0-9a-f]{2}:|127\.)/.test(h);
  return false;
}

/** A URL for messages: the origin only, never a path or query that might carry data. */
export function describeTarget(url: string): string {
  try {
    return originOf(new URL(url));
  } catch {
    return url.length > 100 ? `${url.slice(0, 100)}…` : url;
  }
}

function parse(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new AppError('endpoint_not_allowed', `not a URL: ${describeTarget(url)}`, { target: describeTarget(url) });
  }
}
