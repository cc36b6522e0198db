import { Parser } from 'htmlparser2';

/**
 * mammoth's HTML as lines of text in reading order. A block is one line: a paragraph or heading,
 * a list item, a table row (cells joined by ' | ') or a note. Streamed (SAX), so a 3,000-page
 * document never becomes a DOM.
 */

export type BlockTag = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'tr' | 'note';

export interface Block {
  tag: BlockTag;
  text: string;
}

interface Table {
  /** Rows of a nested table, which end up inside the enclosing cell. */
  rows: string[];
  row: string[] | null;
  cell: string[] | null;
}

const PARAGRAPH_TAGS: ReadonlySet<string> = new Set<BlockTag>(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isParagraphTag = (name: string): name is BlockTag => PARAGRAPH_TAGS.has(name);
/** mammoth gives each note an <li id="footnote-N"> or <li id="endnote-N"> … */
const NOTE_ITEM = /^(footnote|endnote)-/;
/** … ending in a back-link <a href="#footnote-ref-N">↑</a>, which is not text. */
const NOTE_BACKLINK = /^#(footnote|endnote)-ref-/;

/** White space collapsed, except the ideographic space (U+3000) forms use to align; ends trimmed. */
const normalise = (s: string) => s.replace(/[^\S\u3000]+/g, ' ').trim();

class BlockCollector {
  readonly blocks: Block[] = [];
  private line: string[] = [];
  /** Tag of the paragraph being read. */
  private tag: BlockTag = 'p';
  /** 'li' or 'note' per open <li>: a list item's paragraphs are list lines. */
  private items: ('li' | 'note')[] = [];
  private lists: { ordered: boolean; count: number }[] = [];
  private tables: Table[] = [];
  /** Number or bullet waiting for the first line of a list item or note. */
  private prefix = '';
  private notes = 0;
  /** Element depth inside a note back-link, whose text is skipped. */
  private skipping = 0;

  /** Ends the current line: into the open table cell if any, else as a block. */
  private flush(): void {
    if (this.line.length === 0) return;
    const text = normalise(this.line.join(''));
    this.line = [];
    if (!text) return;
    const line = this.prefix + text;
    this.prefix = '';
    const table = this.tables.at(-1);
    if (table?.cell) table.cell.push(line);
    else this.blocks.push({ tag: this.items.at(-1) ?? this.tag, text: line });
  }

  open(name: string, attribs: Record<string, string>): void {
    if (this.skipping) {
      this.skipping++;
      return;
    }
    if (name === 'a' && NOTE_BACKLINK.test(attribs.href ?? '')) {
      this.skipping = 1;
      return;
    }
    if (isParagraphTag(name)) {
      this.flush();
      this.tag = name;
    } else if (name === 'br') {
      this.flush();
    } else if (name === 'ul' || name === 'ol') {
      this.flush();
      this.lists.push({ ordered: name === 'ol', count: 0 });
    } else if (name === 'li') {
      this.flush();
      if (NOTE_ITEM.test(attribs.id ?? '')) {
        this.items.push('note');
        this.prefix = `[注${++this.notes}] `;
      } else {
        const list = this.lists.at(-1);
        this.items.push('li');
        if (list) this.prefix = list.ordered ? `${++list.count}. ` : '• ';
      }
    } else if (name === 'table') {
      this.flush();
      this.tables.push({ rows: [], row: null, cell: null });
    } else if (name === 'tr') {
      const table = this.tables.at(-1);
      if (table) table.row = [];
    } else if (name === 'td' || name === 'th') {
      this.flush();
      const table = this.tables.at(-1);
      if (table) table.cell = [];
    }
  }

  text(data: string): void {
    if (!this.skipping) this.line.push(data);
  }

  close(name: string): void {
    if (this.skipping) {
      this.skipping--;
      return;
    }
    if (isParagraphTag(name)) {
      this.flush();
      this.tag = 'p';
    } else if (name === 'ul' || name === 'ol') {
      this.flush();
      this.lists.pop();
    } else if (name === 'li') {
      this.flush();
      this.items.pop();
      this.prefix = '';
    } else if (name === 'td' || name === 'th') {
      this.flush();
      const table = this.tables.at(-1);
      const text = table?.cell?.join(' ');
      // Merged cells come out of mammoth once (colspan/rowspan); empty cells add nothing.
      if (table?.row && text) table.row.push(text);
      if (table) table.cell = null;
    } else if (name === 'tr') {
      this.flush();
      const table = this.tables.at(-1);
      const text = table?.row?.join(' | ');
      if (table && text) {
        if (this.tables.length > 1) table.rows.push(text);
        else this.blocks.push({ tag: 'tr', text });
      }
      if (table) table.row = null;
    } else if (name === 'table') {
      this.flush();
      const nested = this.tables.pop();
      // A nested table is flattened into the cell that holds it, its rows separated by ' / '.
      const parentCell = this.tables.at(-1)?.cell;
      if (nested?.rows.length && parentCell) parentCell.push(nested.rows.join(' / '));
    }
  }
}

export function htmlToBlocks(html: string): Block[] {
  const collector = new BlockCollector();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => collector.open(name, attribs),
      ontext: (data) => collector.text(data),
      onclosetag: (name) => collector.close(name),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return collector.blocks;
}
