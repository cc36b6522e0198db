import fs from 'node:fs';
import path from 'node:path';
import { splitThink, ThinkSplitter } from '../../shared/llm/think';
import type { ChatDelta } from '../../shared/llm/types';
import { FIXTURES } from '../support/temp';

/** Applies deltas as a consumer does: `retract` moves the answer so far to the reasoning. */
function apply(deltas: ChatDelta[]): { answer: string; reasoning: string } {
  let answer = '';
  let reasoning = '';
  for (const d of deltas) {
    if (d.kind === 'retract') [reasoning, answer] = [reasoning + answer, ''];
    else if (d.kind === 'answer') answer += d.text;
    else reasoning += d.text;
  }
  return { answer, reasoning };
}

function run(pieces: string[]): ChatDelta[] {
  const splitter = new ThinkSplitter();
  return [...pieces.flatMap((p) => splitter.push(p)), ...splitter.end()];
}

const cutAt = (text: string, cuts: number[]): string[] =>
  [0, ...cuts].map((from, i) => text.slice(from, [...cuts, text.length][i]));

describe('ThinkSplitter: what each text becomes', () => {
  test.each([
    ['no tags', 'Hello there.', { answer: 'Hello there.', reasoning: '' }],
    [
      'a leading block',
      '<think>Let me see.</think>\n\nThe answer.',
      { answer: 'The answer.', reasoning: 'Let me see.' },
    ],
    ['whitespace before it', '\n  <think>\nhm\n</think>Yes', { answer: 'Yes', reasoning: '\nhm\n' }],
    [
      'an empty block (Qwen3 with thinking off)',
      '<think>\n\n</think>\n\n你好！',
      { answer: '你好！', reasoning: '\n\n' },
    ],
    ['an unclosed block (cut by max_tokens)', '<think>still thinking', { answer: '', reasoning: 'still thinking' }],
    [
      'an orphan close tag',
      'The user asks X.\n</think>\n\nX is 3.',
      { answer: 'X is 3.', reasoning: 'The user asks X.\n' },
    ],
    ['an orphan close tag first', '</think>answer', { answer: 'answer', reasoning: '' }],
    [
      'only the first block is special',
      '<think>a</think>b<think>c</think>d',
      { answer: 'b<think>c</think>d', reasoning: 'a' },
    ],
    [
      'a tag later in the answer',
      'Use <think> tags</think> like so.',
      { answer: 'Use <think> tags</think> like so.', reasoning: '' },
    ],
    ['a close tag after a retract', 'r</think>a</think>b', { answer: 'a</think>b', reasoning: 'r' }],
    ['look-alikes', '<thinking>no</thinking> <th', { answer: '<thinking>no</thinking> <th', reasoning: '' }],
    ['an upper-case tag is text', '<THINK>x</THINK>', { answer: '<THINK>x</THINK>', reasoning: '' }],
    ['text before the open tag', 'Hi <think>x</think>', { answer: 'Hi <think>x</think>', reasoning: '' }],
    ['only whitespace', ' \n ', { answer: ' \n ', reasoning: '' }],
    ['nothing', '', { answer: '', reasoning: '' }],
    ['a tag prefix at the very end', 'a <b> c </thi', { answer: 'a <b> c </thi', reasoning: '' }],
    ['an open tag prefix in reasoning', '<think>a </thin b</think>c', { answer: 'c', reasoning: 'a </thin b' }],
  ])('%s', (_, text, want) => {
    expect(splitThink(text)).toEqual(want);
  });

  test('an orphan close tag retracts the answer streamed so far, then answers again', () => {
    expect(run(['The user', ' asks.', '</think>', '\n\n', 'Three.'])).toEqual([
      { kind: 'answer', text: 'The user' },
      { kind: 'answer', text: ' asks.' },
      { kind: 'retract' },
      { kind: 'answer', text: 'Three.' },
    ]);
  });

  test('no retract, ever, when there is no orphan close tag', () => {
    for (const text of ['<think>a</think>b</think>', 'plain', 'a<think>b</think>c</think>'])
      expect(run([...text]).some((d) => d.kind === 'retract')).toBe(false);
  });
});

describe('ThinkSplitter: streaming holds back only a possible tag', () => {
  test('text is released at once unless it could be the start of a tag', () => {
    const s = new ThinkSplitter();
    expect(s.push('abc<th')).toEqual([{ kind: 'answer', text: 'abc' }]);
    expect(s.push('e')).toEqual([{ kind: 'answer', text: '<the' }]);
    expect(s.push('x < y <')).toEqual([{ kind: 'answer', text: 'x < y ' }]);
    expect(s.push('/')).toEqual([]);
    expect(s.push('p>')).toEqual([{ kind: 'answer', text: '</p>' }]);
    expect(s.end()).toEqual([]);
  });

  test('inside reasoning only a possible </think> is held', () => {
    const s = new ThinkSplitter();
    expect(s.push('<think>rea')).toEqual([{ kind: 'reasoning', text: 'rea' }]);
    expect(s.push('son</thi')).toEqual([{ kind: 'reasoning', text: 'son' }]);
    expect(s.push('ng>')).toEqual([{ kind: 'reasoning', text: '</thing>' }]);
    expect(s.push('<think>')).toEqual([{ kind: 'reasoning', text: '<think>' }]);
    expect(s.push('</think>\n')).toEqual([]);
    expect(s.push('\n ')).toEqual([]);
    expect(s.push(' Done')).toEqual([{ kind: 'answer', text: 'Done' }]);
    // After the block, tags are plain text and nothing is held.
    expect(s.push(' <thi')).toEqual([{ kind: 'answer', text: ' <thi' }]);
  });

  test('leading whitespace waits until it is known whether a block opens', () => {
    const s = new ThinkSplitter();
    expect(s.push('\n')).toEqual([]);
    expect(s.push(' <')).toEqual([]);
    expect(s.push('p')).toEqual([{ kind: 'answer', text: '\n <p' }]);
  });

  test('end() releases held text: as answer, or as reasoning inside an unclosed block', () => {
    const a = new ThinkSplitter();
    a.push('x </thin');
    expect(a.end()).toEqual([{ kind: 'answer', text: '</thin' }]);
    const b = new ThinkSplitter();
    b.push('<think>abc</th');
    expect(b.end()).toEqual([{ kind: 'reasoning', text: '</th' }]);
    const c = new ThinkSplitter();
    c.push('  <thi');
    expect(c.end()).toEqual([{ kind: 'answer', text: '  <thi' }]);
    // ...and resets the splitter.
    expect(c.push('<think>x</think>y')).toEqual([
      { kind: 'reasoning', text: 'x' },
      { kind: 'answer', text: 'y' },
    ]);
  });

  test('no empty deltas', () => {
    for (const text of ['<think></think>', '</think>', '<think>a</think>\n\nb', 'a</think>']) {
      expect(run([...text]).every((d) => d.kind === 'retract' || d.text !== '')).toBe(true);
    }
  });
});

describe('ThinkSplitter: tags split across pushes at every position', () => {
  const SAMPLES: [string, { answer: string; reasoning: string }][] = [
    ['<think>Let me think.</think>\n\nThe answer is 3.', { answer: 'The answer is 3.', reasoning: 'Let me think.' }],
    ['  <think>a</think> b', { answer: 'b', reasoning: 'a' }],
    ['The user asked.</think>\n\n答案是三。', { answer: '答案是三。', reasoning: 'The user asked.' }],
    ['<think>x</think>y<think>z</think>', { answer: 'y<think>z</think>', reasoning: 'x' }],
    ['a <thin b </thi c', { answer: 'a <thin b </thi c', reasoning: '' }],
    ['<think>a</th</think>b</think>', { answer: 'b</think>', reasoning: 'a</th' }],
    ['\n<think>', { answer: '', reasoning: '' }],
    ['</think>', { answer: '', reasoning: '' }],
  ];

  test.each(SAMPLES)('%j: every 2- and 3-piece split gives the one-shot result', (text, want) => {
    expect(splitThink(text)).toEqual(want);
    for (let i = 0; i <= text.length; i++) {
      expect(apply(run(cutAt(text, [i])))).toEqual(want);
      for (let j = i; j <= text.length; j++) expect(apply(run(cutAt(text, [i, j])))).toEqual(want);
    }
    expect(apply(run([...text]))).toEqual(want);
  });
});

describe('ThinkSplitter on the real recordings, as a server without a reasoning parser sends them', () => {
  const SSE = path.join(FIXTURES, 'sse');
  const files = fs.readdirSync(SSE).filter((f) => f.endsWith('.chunks.txt'));

  /** The recorded deltas (reasoning first, then content), each one push, as the server streamed them. */
  function deltas(file: string): { reasoning: string[]; content: string[] } {
    const lines = fs.readFileSync(path.join(SSE, file), 'utf8').split('\n').filter(Boolean);
    const reasoning: string[] = [];
    const content: string[] = [];
    for (const line of lines) {
      const delta = JSON.parse(line).choices[0]?.delta;
      if (delta?.reasoning_content) reasoning.push(delta.reasoning_content);
      if (delta?.content) content.push(delta.content);
    }
    return { reasoning, content };
  }

  const withReasoning = files.filter((f) => deltas(f).reasoning.length > 0 && deltas(f).content.length > 0);

  test('there are recordings with both reasoning and answer', () => {
    expect(withReasoning.length).toBeGreaterThanOrEqual(3);
  });

  test.each(withReasoning)('%s: <think> block, tags in their own pushes and split mid-tag', (file) => {
    const { reasoning, content } = deltas(file);
    const want = { answer: content.join('').trimStart(), reasoning: reasoning.join('') };
    expect(apply(run(['<think>', ...reasoning, '</think>', '\n\n', ...content]))).toEqual(want);
    expect(apply(run(['<th', 'ink>', ...reasoning, '</', 'think>\n', '\n', ...content]))).toEqual(want);
    const glued = `<think>${reasoning.join('')}</think>\n\n${content.join('')}`;
    expect(splitThink(glued)).toEqual(want);
  });

  test.each(withReasoning)('%s: orphan </think> (the template opened the block)', (file) => {
    const { reasoning, content } = deltas(file);
    const want = { answer: content.join('').trimStart(), reasoning: reasoning.join('') };
    const deltasOut = run([...reasoning, '</thi', 'nk>\n\n', ...content]);
    expect(apply(deltasOut)).toEqual(want);
    expect(deltasOut.filter((d) => d.kind === 'retract')).toHaveLength(1);
  });

  test.each(files)('%s: an answer without tags passes through unchanged, push for push', (file) => {
    const { content } = deltas(file);
    const out = run(content);
    expect(out.every((d) => d.kind === 'answer')).toBe(true);
    expect(apply(out)).toEqual({ answer: content.join(''), reasoning: '' });
  });
});
