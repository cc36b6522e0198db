import { cmyk, grayscale, rgb } from 'pdf-lib';
import type { Color } from 'pdf-lib';

/** What a /DA (default appearance) string says: font resource name, size (0 = auto) and text colour. */
export interface DefaultAppearance {
  font?: string;
  size?: number;
  color?: Color;
}

const isNumber = (t: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);

/**
 * Reads a /DA string such as "/Helv 12 Tf 0 g" or "0.815 0.49 0.47 rg /HeBo 8.00 Tf" with an
 * operand stack, so operator order and spacing do not matter; the last Tf and colour win.
 */
export function parseDa(da: string | undefined): DefaultAppearance {
  const out: DefaultAppearance = {};
  let stack: string[] = [];
  for (const token of (da ?? '').split(/\s+/).filter(Boolean)) {
    if (isNumber(token) || token.startsWith('/')) {
      stack.push(token);
      continue;
    }
    // Colour components outside 0–1 occur in odd files; pdf-lib refuses them.
    const n = stack.filter(isNumber).map((t) => Math.min(1, Math.max(0, Number(t))));
    if (token === 'Tf' && stack.length >= 2) {
      out.font = stack[stack.length - 2]!.slice(1);
      out.size = Math.abs(Number(stack[stack.length - 1]));
    } else if (token === 'g' && n.length >= 1) out.color = grayscale(n.at(-1)!);
    else if (token === 'rg' && n.length >= 3) out.color = rgb(...(n.slice(-3) as [number, number, number]));
    else if (token === 'k' && n.length >= 4) out.color = cmyk(...(n.slice(-4) as [number, number, number, number]));
    stack = [];
  }
  return out;
}

/** The same /DA with `font` as its font (size and colour kept): what viewers use to edit the value. */
export function withFont(da: string | undefined, font: string): string {
  const tokens = (da ?? '').split(/\s+/).filter(Boolean);
  const tf = tokens.lastIndexOf('Tf');
  if (tf >= 2 && tokens[tf - 2]!.startsWith('/')) {
    tokens[tf - 2] = `/${font}`;
    return tokens.join(' ');
  }
  return [...tokens, `/${font} 0 Tf`].join(' ');
}
