/**
 * Whether a figure in a summary is a figure of its source: the same value and kind, a rounding of
 * it when the summary says 约/超过/近, or the same digits at another scale (a 万/亿 slip).
 */
import { sameMeasure } from './measures';
import type { Approximation, Quantity } from './numbers';

/** The place value of a figure's last non-zero digit: 126万亿 → 1万亿, 5.2 → 0.1, 1200 → 100. */
function precision(value: number): number {
  const s = String(Number(Math.abs(value).toPrecision(12)));
  if (s.includes('e')) return 10 ** Math.floor(Math.log10(Math.abs(value)));
  const [int = '', frac] = s.split('.');
  if (frac) return 10 ** -frac.length;
  return 10 ** (int.length - int.replace(/0+$/, '').length);
}

const equal = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether the source's figure `b` is what the summary's approximate figure `a` rounds. */
function rounds(a: number, b: number, approx: Approximation): boolean {
  const step = precision(a);
  if (approx === 'over') return b >= a && b < a + step;
  if (approx === 'under') return b <= a && b > a - step;
  return Math.abs(b - a) <= step / 2 + 1e-9 * step;
}

/**
 * Whether the summary's quantity is the source's: the same kind (and currency, or unit of
 * measure) and the same value, or, when the summary marks it approximate, a rounding of it.
 */
export function sameQuantity(said: Quantity, source: Quantity): boolean {
  if (said.kind !== source.kind || (said.kind === 'amount' && said.unit !== source.unit)) return false;
  if (said.kind === 'number' && !sameMeasure(said.unit, source.unit)) return false;
  const close = (a: number, b: number) => equal(a, b) || (said.approx !== null && rounds(a, b, said.approx));
  if (said.low === said.high) return close(said.low, source.low) || close(said.low, source.high);
  return close(said.low, source.low) && close(said.high, source.high);
}

const significant = (v: number) =>
  String(Number(Math.abs(v).toPrecision(12)))
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');

/** The same digits at another scale (万 for 亿, 万元 for 亿元), or a percentage for percentage points. */
export function scaleSlip(said: Quantity, source: Quantity): boolean {
  const family = (q: Quantity) => (q.kind === 'points' ? 'percent' : q.kind === 'amount' ? `amount:${q.unit}` : q.kind);
  if (family(said) !== family(source)) return false;
  if (said.kind !== source.kind) return equal(said.low, source.low) && equal(said.high, source.high);
  if (!(said.scaled || source.scaled) || equal(said.low, source.low)) return false;
  return significant(said.low) === significant(source.low) && significant(said.high) === significant(source.high);
}
