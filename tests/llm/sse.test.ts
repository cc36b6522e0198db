import fs from 'node:fs';
import path from 'node:path';
import { readChunk, isDone } from '../../shared/llm/chunk';
import type { SseEvent } from '../../shared/llm/sse';
import { SseParser } from '../../shared/llm/sse';
import { FIXTURES } from '../support/temp';
import { mulberry32 } from '../support/random';

const SSE = path.join(FIXTURES, 'sse');
const RAW = 'pydantic-ai__deepseek-reasoner_stream.body.sse';
const CHUNK_FILES = fs.readdirSync(SSE).filter((f) => f.endsWith('.chunks.txt'));

/** Feeds `text` cut at `cuts` (ascending offsets), then ends the stream. */
function parse(text: string, cuts: number[] = []): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    events.push(...parser.push(text.slice(at, cut)));
    at = cut;
  }
  return [...events, ...parser.end()];
}

/** Cut offsets at which parsing `text` gives other events than `want` (jest's toEqual per cut is too slow). */
function badCuts(text: string, want: SseEvent[], cutLists: number[][]): number[][] {
  const wanted = JSON.stringify(want);
  return cutLists.filter((cuts) => JSON.stringify(parse(text, cuts)) !== wanted);
}

const everyPosition = (text: string): number[][] => Array.from({ length: text.length + 1 }, (_, i) => [i]);

const random = mulberry32;

/** Random cut points, chunks of 1–64 characters, plus a cut right after every CR (a CRLF split in two). */
function randomCuts(text: string, seed: number): number[] {
  const next = random(seed);
  const cuts = new Set<number>();
  for (let at = 1 + Math.floor(next() * 64); at < text.length; at += 1 + Math.floor(next() * 64)) cuts.add(at);
  for (let i = text.indexOf('\r'); i >= 0 && i + 1 < text.length; i = text.indexOf('\r', i + 1)) cuts.add(i + 1);
  return [...cuts].sort((a, b) => a - b);
}

/** What a client keeps: the answer and reasoning text of every chunk until [DONE]. */
function reconstruct(events: SseEvent[]): { content: string; reasoning: string; chunks: number } {
  let content = '';
  let reasoning = '';
  let chunks = 0;
  for (const event of events) {
    if (isDone(event.data)) break;
    const read = readChunk(event.data);
    if (!read.ok) throw new Error(`${read.error.kind}: ${read.error.message}`);
    content += read.parts.content;
    reasoning += read.parts.reasoning;
    chunks++;
  }
  return { content, reasoning, chunks };
}

/** The recorded payloads, read without the parser under test. */
function payloads(file: string): string[] {
  const text = fs.readFileSync(path.join(SSE, file), 'utf8');
  if (file.endsWith('.chunks.txt')) return text.split('\n').filter((line) => line !== '');
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

function expected(lines: string[]): { content: string; reasoning: string; chunks: number } {
  let content = '';
  let reasoning = '';
  const chunks = lines.filter((line) => line !== '[DONE]');
  for (const line of chunks) {
    const delta = JSON.parse(line).choices?.[0]?.delta;
    content += delta?.content ?? '';
    reasoning += delta?.reasoning_content ?? '';
  }
  return { content, reasoning, chunks: chunks.length };
}

interface Layout {
  eol: '\n' | '\r\n' | '\r';
  /** A comment line and `event:`/`id:` lines between the events. */
  noise: boolean;
  done: boolean;
  /** The stream ends right after the last data line, without the blank line. */
  finalBlank: boolean;
}

/** A chunks.txt recording as a server would send it. */
function stream(lines: string[], layout: Layout): string {
  const { eol, noise, done, finalBlank } = layout;
  const events = done ? [...lines, '[DONE]'] : lines;
  const blocks = events.map((data, i) => {
    const head = noise ? [`: keep-alive ${i}`, 'event: message', `id: ${i}`, ':'] : [];
    return [...head, `data: ${data}`].join(eol) + eol;
  });
  const text = blocks.join(eol) + (finalBlank ? eol : '');
  return noise ? `${eol}: stream opened${eol}retry: 3000${eol}${eol}${text}` : text;
}

const LAYOUTS: Layout[] = [];
for (const eol of ['\n', '\r\n', '\r'] as const)
  for (const noise of [false, true])
    for (const done of [false, true])
      for (const finalBlank of [false, true]) LAYOUTS.push({ eol, noise, done, finalBlank });

const describeLayout = (l: Layout) =>
  `${JSON.stringify(l.eol)}${l.noise ? ' +comments/event/id' : ''}${l.done ? ' +[DONE]' : ''}${l.finalBlank ? '' : ' no final blank line'}`;

describe('SseParser: the event stream rules', () => {
  test('data lines join with LF; event: sets the type; one leading space is removed', () => {
    expect(parse('data: a\ndata:b\ndata:  c\n\n')).toEqual([{ event: 'message', data: 'a\nb\n c' }]);
    expect(parse('event: delta\ndata: x\n\ndata: y\n\n')).toEqual([
      { event: 'delta', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
    expect(parse('data:{"a":1}\n\n')).toEqual([{ event: 'message', data: '{"a":1}' }]);
    // A value may contain colons; only the first one separates the field.
    expect(parse('data: {"url":"http://x"}\n\n')[0]!.data).toBe('{"url":"http://x"}');
  });

  test('comments, retry, unknown fields and a field name without colon', () => {
    expect(parse(': hello\n:\nretry: 10\nfoo: bar\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
    // `data` alone is a data line with an empty value.
    expect(parse('data\ndata: x\n\n')).toEqual([{ event: 'message', data: '\nx' }]);
    expect(parse('Data: x\n\n')).toEqual([]); // field names are case-sensitive
  });

  test('events without data are not dispatched, and reset the event type', () => {
    expect(parse('event: ping\n\n')).toEqual([]);
    expect(parse('data:\n\n')).toEqual([]);
    expect(parse('data: \n\n')).toEqual([]);
    expect(parse('event: ping\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
    expect(parse('\n\n\n\ndata: x\n\n\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  test('id: persists across events until changed; a NUL in it is ignored', () => {
    expect(parse('id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: x\0y\ndata: d\n\n')).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
      { event: 'message', data: 'c' },
      { event: 'message', data: 'd' },
    ]);
  });

  test('CRLF, LF and CR all end lines, also mixed', () => {
    const want = [
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'c' },
    ];
    expect(parse('data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n')).toEqual(want);
    expect(parse('data: a\rdata: b\r\rdata: c\r\r')).toEqual(want);
    expect(parse('data: a\ndata: b\r\n\rdata: c\n\r\n')).toEqual(want);
  });

  test('a CR ending one push and an LF opening the next are one line end, not two', () => {
    // Two line ends would make a blank line and dispatch "a" alone.
    expect(parse('data: a\r\ndata: b\r\n\r\n', [8])).toEqual([{ event: 'message', data: 'a\nb' }]);
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('')).toEqual([]); // an empty push changes nothing
    expect(parser.push('\ndata: b\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([{ event: 'message', data: 'a\nb' }]);
    // ...while a CR followed by anything else ends the line alone.
    expect(parse('data: a\r\rdata: b\r\r', [8])).toEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  test('a BOM is skipped at the very start only, even when it arrives alone', () => {
    expect(parse('\ufeffdata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
    expect(parse('\ufeffdata: x\n\n', [1])).toEqual([{ event: 'message', data: 'x' }]);
    expect(parse('\ufeffdata: x\n\n', [0, 0, 1])).toEqual([{ event: 'message', data: 'x' }]);
    // Later, U+FEFF is an ordinary character: here it makes an unknown field name.
    expect(parse('data: x\n\n\ufeffdata: y\n\n')).toEqual([{ event: 'message', data: 'x' }]);
    expect(parse('data: \ufeffx\n\n')).toEqual([{ event: 'message', data: '\ufeffx' }]);
  });

  test('end() flushes an event whose blank line, or whole last line end, never came', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\n\ndata: b')).toEqual([{ event: 'message', data: 'a' }]);
    expect(parser.end()).toEqual([{ event: 'message', data: 'b' }]);
    expect(parse('event: e\ndata: b\n')).toEqual([{ event: 'e', data: 'b' }]);
    expect(parse('data: b\r')).toEqual([{ event: 'message', data: 'b' }]);
    expect(parse(': only a comment')).toEqual([]);
    expect(parse('')).toEqual([]);
  });

  test('end() resets the parser for a new stream', () => {
    const parser = new SseParser();
    parser.push('id: 1\nevent: e\ndata: a\n\ndata: half');
    parser.end();
    expect(parser.push('\ufeffdata: b\n\n')).toEqual([{ event: 'message', data: 'b' }]);
  });

  test('events come out as soon as their blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('data: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: '1' }]);
    expect(parser.push('data: 2\n\ndata: 3\n\ndata: 4')).toEqual([
      { event: 'message', data: '2' },
      { event: 'message', data: '3' },
    ]);
  });
});

describe('SseParser on the real recordings', () => {
  test(`${RAW}: one-shot parse gives every recorded payload, [DONE] last`, () => {
    const text = fs.readFileSync(path.join(SSE, RAW), 'utf8');
    const events = parse(text);
    expect(events.map((e) => e.data)).toEqual(payloads(RAW));
    expect(events.every((e) => e.event === 'message' && e.id === undefined)).toBe(true);
    expect(isDone(events.at(-1)!.data)).toBe(true);
    const got = reconstruct(events);
    expect(got).toEqual(expected(payloads(RAW)));
    expect(got.content).toBe('Hello there! 😊 How can I help you today?');
  });

  test(`${RAW}: the first events split at every position, and fed one character at a time`, () => {
    const text = fs.readFileSync(path.join(SSE, RAW), 'utf8');
    const sample = text.slice(0, text.split('\n\n', 3).join('\n\n').length + 2);
    const want = parse(sample);
    expect(want).toHaveLength(3);
    expect(badCuts(sample, want, everyPosition(sample))).toEqual([]);
    expect(
      parse(
        sample,
        [...sample].map((_, i) => i + 1),
      ),
    ).toEqual(want);
    for (const eol of ['\r\n', '\r']) {
      const converted = sample.replaceAll('\n', eol);
      expect(badCuts(converted, want, everyPosition(converted))).toEqual([]);
    }
  });

  test(`${RAW}: random splits in LF, CRLF and CR, with and without the last blank line`, () => {
    const text = fs.readFileSync(path.join(SSE, RAW), 'utf8');
    const want = parse(text);
    for (const eol of ['\n', '\r\n', '\r']) {
      const converted = text.replaceAll('\n', eol);
      for (const variant of [converted, converted.slice(0, -eol.length), converted.slice(0, -2 * eol.length)]) {
        const seeds = [1, 2, 3, 4, 5].map((seed) => randomCuts(variant, seed));
        expect(badCuts(variant, want, seeds)).toEqual([]);
      }
    }
  });

  test(`${RAW}: bytes split anywhere (inside the emoji too), decoded as a client does`, () => {
    const bytes = fs.readFileSync(path.join(SSE, RAW));
    const want = reconstruct(parse(bytes.toString('utf8')));
    for (let seed = 1; seed <= 5; seed++) {
      const decoder = new TextDecoder('utf-8');
      const parser = new SseParser();
      const events: SseEvent[] = [];
      let at = 0;
      for (const cut of [...randomCuts(bytes.toString('latin1'), seed), bytes.length]) {
        events.push(...parser.push(decoder.decode(bytes.subarray(at, cut), { stream: true })));
        at = cut;
      }
      events.push(...parser.push(decoder.decode()), ...parser.end());
      expect(reconstruct(events)).toEqual(want);
    }
  });

  describe.each(CHUNK_FILES)('%s', (file) => {
    const lines = payloads(file);
    const want = expected(lines);

    test('a non-empty recording with text', () => {
      expect(lines.length).toBeGreaterThan(10);
      expect(want.content.length + want.reasoning.length).toBeGreaterThan(100);
    });

    test.each(LAYOUTS.map((l) => [describeLayout(l), l] as const))('%s, one shot and random splits', (_, layout) => {
      const text = stream(lines, layout);
      const once = parse(text);
      expect(once.map((e) => e.data)).toEqual(layout.done ? [...lines, '[DONE]'] : lines);
      expect(reconstruct(once)).toEqual(want);
      expect(
        badCuts(
          text,
          once,
          [1, 2, 3].map((seed) => randomCuts(text, seed)),
        ),
      ).toEqual([]);
    });

    test('the first events, split at every position, in every layout', () => {
      for (const layout of LAYOUTS) {
        const text = stream(lines.slice(0, 2), layout);
        const want2 = parse(text);
        expect(want2.map((e) => e.data)).toEqual(layout.done ? [...lines.slice(0, 2), '[DONE]'] : lines.slice(0, 2));
        expect(badCuts(text, want2, everyPosition(text))).toEqual([]);
      }
    });
  });
});
