/**
 * Incremental Server-Sent Events parser (WHATWG HTML, "event stream interpretation"). The HTTP
 * client feeds it decoded text as it arrives; chunk borders fall anywhere, so a partial line and a
 * CR that may be the first half of a CRLF are carried over to the next push.
 */

export interface SseEvent {
  /** `message` when the event had no `event:` line. */
  event: string;
  data: string;
  /** The last non-empty event ID seen so far (it persists across events, as in EventSource). */
  id?: string;
}

const LF = 10;
const CR = 13;

export class SseParser {
  private line = '';
  private started = false;
  /** The previous push ended with CR: an LF opening the next push belongs to it. */
  private skipLf = false;
  private type = '';
  private data: string[] = [];
  private lastId = '';

  /** Feed decoded text; chunks may split anywhere (inside a line, between \r and \n). Returns complete events. */
  push(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.skipLf && i < text.length) {
      if (text.charCodeAt(i) === LF) i++;
      this.skipLf = false;
    }
    let start = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      const line = this.line + text.slice(start, i);
      this.line = '';
      this.take(line, out);
      if (c === CR) {
        if (i + 1 === text.length) this.skipLf = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    if (start < text.length) this.line += text.slice(start);
    return out;
  }

  /**
   * End of stream: flush a final event not followed by a blank line. The spec drops such an
   * event, but servers that omit the last blank line would otherwise lose their last chunk (often
   * the one carrying usage). Resets the parser.
   */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.line !== '') this.take(this.line, out);
    this.take('', out);
    this.line = '';
    this.started = false;
    this.skipLf = false;
    this.lastId = '';
    return out;
  }

  private take(line: string, out: SseEvent[]): void {
    if (line === '') return this.dispatch(out);
    if (line.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    // `retry:` and unknown fields are ignored.
  }

  private dispatch(out: SseEvent[]): void {
    const data = this.data.join('\n');
    const event = this.type || 'message';
    this.data = [];
    this.type = '';
    // The spec also skips an event without data lines; unlike the spec, a lone `data:` (empty
    // data) is dropped too: it carries nothing for a chat stream and would read as a bad chunk.
    if (data === '') return;
    out.push(this.lastId ? { event, data, id: this.lastId } : { event, data });
  }
}
