/**
 * Where JSON.parse failed, as line and column. V8's messages carry a position only sometimes and
 * differ between Node and Electron versions, so a small scanner walks the grammar to the first error.
 */
export interface JsonError {
  line: number;
  column: number;
  reason: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export function findJsonError(text: string): JsonError | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw new Stop(i, reason);
  };
  const unexpected = (): never =>
    fail(i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    // Outside strings JSON has no '/': this can only be a comment.
    if (text[i] === '/') fail('comments are not allowed in JSON');
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string');
      if (c === '"') return void i++;
      if (c! < ' ') fail('line break or control character inside a string (write \\n)');
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail('invalid escape in a string');
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return members('}', true);
    if (c === '[') return members(']', false);
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    if (c === "'") fail('strings need double quotes');
    unexpected();
  };
  const members = (close: string, named: boolean): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (named) {
        ws();
        if (text[i] === close) fail('trailing comma');
        if (text[i] !== '"') fail('expected a field name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
      } else {
        ws();
        if (text[i] === close) fail('trailing comma');
      }
      value();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail(`expected ',' or '${close}'`);
    }
  };
  try {
    if (text.trim() === '') fail('the file is empty');
    value();
    ws();
    if (i < text.length) fail('unexpected text after the end');
    return null;
  } catch (err) {
    if (!(err instanceof Stop)) return null; // e.g. nesting too deep for the stack
    const before = text.slice(0, err.offset);
    const line = before.split('\n').length;
    return { line, column: err.offset - before.lastIndexOf('\n'), reason: err.reason };
  }
}
