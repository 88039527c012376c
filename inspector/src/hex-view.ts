// One buffer of a dissection as hex, 16 bytes a row with offsets and ASCII, and tabs for the buffers
// (the input, and the data each gzip_packed inflated to). The selected value's bytes are highlighted
// (its first byte stronger), the byte a decode error points at is marked.

import type { DissectResult } from '../../packages/codegen/src/dissect/dissect-tree.ts';

/** Buffers longer than this show their first bytes only: a page of spans per byte has to stay small. */
const MAX_SHOWN = 256 * 1024;

export class HexView {
  private result: DissectResult | undefined;
  private buffer = 0;
  private spans: HTMLElement[] = [];

  constructor(
    private readonly tabs: HTMLElement,
    private readonly view: HTMLElement,
    private readonly onByte: (buffer: number, offset: number) => void,
  ) {
    view.addEventListener('click', (event) => {
      const offset = (event.target as HTMLElement).dataset.offset;
      if (offset !== undefined) this.onByte(this.buffer, Number(offset));
    });
  }

  show(result: DissectResult): void {
    this.result = result;
    this.render(0);
  }

  /** Highlights [start, end) of `buffer` (switching to it) and marks the error's byte when it is there. */
  highlight(buffer: number, start: number, end: number): void {
    if (buffer !== this.buffer) this.render(buffer);
    for (const span of this.view.querySelectorAll('.hl')) span.classList.remove('hl', 'first');
    for (let i = start; i < end && i < this.spans.length; i++) this.spans[i]!.classList.add('hl');
    this.spans[start]?.classList.add('first');
    this.spans[start]?.scrollIntoView({ block: 'nearest' });
  }

  private render(buffer: number): void {
    const result = this.result;
    if (result === undefined) return;
    this.buffer = buffer;
    this.tabs.replaceChildren();
    if (result.buffers.length > 1) {
      for (const b of result.buffers) {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.textContent =
          b.index === 0 ? `input (${b.bytes.length} B)` : `#${b.index} inflated (${b.bytes.length} B)`;
        if (b.index === buffer) tab.className = 'current';
        tab.addEventListener('click', () => this.render(b.index));
        this.tabs.append(tab);
      }
    }
    const bytes = result.buffers[buffer]!.bytes;
    const shown = Math.min(bytes.length, MAX_SHOWN);
    this.view.replaceChildren();
    this.spans = [];
    for (let row = 0; row < shown; row += 16) {
      const line = document.createElement('div');
      line.className = 'hexrow';
      const offset = document.createElement('span');
      offset.className = 'off';
      offset.textContent = row.toString(16).padStart(8, '0');
      line.append(offset);
      let ascii = '';
      for (let i = row; i < Math.min(row + 16, shown); i++) {
        const span = document.createElement('span');
        span.className = i % 16 === 8 ? 'b gap' : 'b';
        span.dataset.offset = String(i);
        span.textContent = bytes[i]!.toString(16).padStart(2, '0');
        line.append(span);
        this.spans.push(span);
        ascii += bytes[i]! >= 0x20 && bytes[i]! < 0x7f ? String.fromCharCode(bytes[i]!) : '.';
      }
      const text = document.createElement('span');
      text.className = 'ascii';
      text.textContent = ascii;
      line.append(text);
      this.view.append(line);
    }
    if (shown < bytes.length) {
      const note = document.createElement('div');
      note.className = 'note';
      note.textContent = `showing the first ${shown} of ${bytes.length} bytes`;
      this.view.append(note);
    }
    const error = result.error;
    if (error !== undefined && error.buffer === buffer) this.spans[error.offset]?.classList.add('err');
  }
}
