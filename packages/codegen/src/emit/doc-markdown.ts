// The documentation texts of core.telegram.org (HTML fragments: links, `<code>`, `<br>`, emphasis,
// entities) as the Markdown an editor shows in a JSDoc hover. A link to a constructor, method or type
// of the generated module becomes a `{@link Api.X}`; every other link a Markdown link with an
// absolute URL. Markup outside the handful of tags the texts use stays as written (`t.me/<bot_username>`).

/** Where a TL name stands in the generated module, for `{@link …}`; undefined when it is not there. */
export interface DocLinks {
  /** A constructor or function by TL name (`messages.startBot`) → `Api.messages.StartBot`. */
  definition(name: string): string | undefined;
  /** A boxed type by TL name (`InputPeer`) → `Api.TypeInputPeer`. */
  type(name: string): string | undefined;
}

const SITE = 'https://core.telegram.org';

/** `page`: the URL of the text's own page, for links to an anchor on it (`#possible-errors`). */
export function docMarkdown(html: string, links: DocLinks, page: string = SITE): string {
  const converter = new HtmlToMarkdown(html, links, page);
  const markdown = converter.convert();
  // Most texts are one line: trimmed, they are what the line-by-line pass below would make of them.
  if (!markdown.includes('\n')) return markdown.trim();
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  rarr: '→',
  larr: '←',
};

/** `&amp;`, `&raquo;`, `&#39;`, `&#x1F600;` decoded; anything else that starts with `&` kept. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return entities[name] ?? whole;
  });
}

/** Markdown around the text of these tags. */
const wrappers: Readonly<Record<string, string>> = {
  strong: '**',
  b: '**',
  em: '*',
  i: '*',
  del: '~~',
  s: '~~',
  u: '',
};

/** Tags read as markup; any other `<…>` is text. */
const knownTags: ReadonlySet<string> = new Set(['a', 'code', 'br', 'img', 'p', ...Object.keys(wrappers)]);

const TAG = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

interface Tag {
  closing: boolean;
  name: string;
  attributes: Map<string, string>;
  end: number;
}

class HtmlToMarkdown {
  private i = 0;

  constructor(
    private readonly html: string,
    private readonly links: DocLinks,
    private readonly page: string,
  ) {}

  convert(): string {
    return this.until(undefined);
  }

  /** Markdown up to the closing tag `closing` (consumed), or to the end. */
  private until(closing: string | undefined): string {
    let out = '';
    let text = '';
    const flush = () => {
      out += decodeEntities(text);
      text = '';
    };
    while (this.i < this.html.length) {
      const c = this.html[this.i]!;
      const tag = c === '<' ? this.tagAt(this.i) : undefined;
      if (tag === undefined) {
        // Up to the next `<` in one piece: only there can a tag start.
        const next = this.html.indexOf('<', this.i + 1);
        const stop = next < 0 ? this.html.length : next;
        text += this.html.slice(this.i, stop);
        this.i = stop;
        continue;
      }
      flush();
      this.i = tag.end;
      if (tag.closing) {
        if (tag.name === closing) return out;
        continue; // a stray closing tag: nothing to close
      }
      out += this.element(tag);
    }
    flush();
    return out;
  }

  private element(tag: Tag): string {
    switch (tag.name) {
      case 'br':
        return '\n\n';
      case 'p':
        return '\n\n';
      case 'img':
        return tag.attributes.get('alt') ?? '';
      case 'code':
        return codeSpan(decodeEntities(this.literalUntil('</code>')));
      case 'a':
        return this.link(tag.attributes.get('href'), this.until('a'));
      default: {
        const mark = wrappers[tag.name] ?? '';
        const inner = this.until(tag.name);
        return inner.trim() === '' ? inner : `${mark}${inner}${mark}`;
      }
    }
  }

  /** The raw text up to `end` (consumed): what `<code>` holds is code, tags and all (`<code><pre></code>`). */
  private literalUntil(end: string): string {
    const at = this.html.indexOf(end, this.i);
    const stop = at < 0 ? this.html.length : at;
    const text = this.html.slice(this.i, stop);
    this.i = at < 0 ? stop : at + end.length;
    return text;
  }

  private link(href: string | undefined, text: string): string {
    if (href === undefined) return text;
    const url = absoluteUrl(decodeEntities(href), this.page);
    const target = /^https:\/\/core\.telegram\.org\/(constructor|method|type)\/([A-Za-z0-9_.]+)$/.exec(url);
    if (target !== null) {
      const name = target[2]!;
      const ref = target[1] === 'type' ? this.links.type(name) : this.links.definition(name);
      if (ref !== undefined && !text.includes('}')) {
        const shown = text.trim();
        return shown === '' || shown === name || shown === `\`${name}\``
          ? `{@link ${ref}}`
          : `{@link ${ref} ${shown}}`;
      }
    }
    if (text.trim() === '') return url;
    return `[${text.replace(/([[\]])/g, '\\$1')}](${url.replace(/[() \t\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)})`;
  }

  private tagAt(at: number): Tag | undefined {
    TAG.lastIndex = at;
    const match = TAG.exec(this.html);
    if (match === null) return undefined;
    const name = match[2]!.toLowerCase();
    if (!knownTags.has(name)) return undefined;
    const attributes = new Map<string, string>();
    for (const attribute of match[3]!.matchAll(ATTRIBUTE)) {
      attributes.set(attribute[1]!.toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    return { closing: match[1] === '/', name, attributes, end: TAG.lastIndex };
  }
}

/** `//telegram.org/…` and `/api/…` made absolute; `#anchor` on `page`. */
function absoluteUrl(href: string, page: string): string {
  if (href.startsWith('//')) return `https:${href}`;
  if (href.startsWith('/')) return `${SITE}${href}`;
  if (href.startsWith('#')) return `${page}${href}`;
  return href;
}

/** A Markdown code span that holds `code` whatever backticks it contains. */
export function codeSpan(code: string): string {
  const runs = code.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}
