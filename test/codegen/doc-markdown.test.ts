// The texts of core.telegram.org as JSDoc Markdown: every tag the data uses, links made absolute or
// turned into `{@link}`s, entities decoded, markup-like text kept; and the one escape of text written
// into a comment.

import { describe, expect, it } from 'vitest';
import { docsContext } from '../../packages/codegen/src/emit/definition-docs.ts';
import { docCommentLines, jsDocText } from '../../packages/codegen/src/emit/doc-comment.ts';
import { codeSpan, type DocLinks, docMarkdown } from '../../packages/codegen/src/emit/doc-markdown.ts';
import { schemaSymbols } from '../../packages/codegen/src/emit/emit-diagnostics.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

const links: DocLinks = {
  definition: (name) =>
    ({ 'messages.startBot': 'Api.messages.StartBot', messageMediaDocument: 'Api.MessageMediaDocument' })[
      name
    ],
  type: (name) => (name === 'InputPeer' ? 'Api.TypeInputPeer' : undefined),
};
const page = 'https://core.telegram.org/method/messages.startBot';

describe('docMarkdown', () => {
  it('makes links absolute Markdown links', () => {
    expect(docMarkdown('See <a href="/api/links#bot-links">deep links »</a>.', links, page)).toBe(
      'See [deep links »](https://core.telegram.org/api/links#bot-links).',
    );
    expect(docMarkdown('<a href="#possible-errors">errors</a>', links, page)).toBe(
      '[errors](https://core.telegram.org/method/messages.startBot#possible-errors)',
    );
    expect(docMarkdown('<a href="//telegram.org/blog">blog</a>', links, page)).toBe(
      '[blog](https://telegram.org/blog)',
    );
    expect(docMarkdown('<a href="https://x.org/a_(b)">[x]</a>', links, page)).toBe(
      '[\\[x\\]](https://x.org/a_%28b%29)',
    );
  });

  it('links constructors, methods and types of the generated module with {@link}', () => {
    expect(
      docMarkdown(
        'the final <a href="https://core.telegram.org/constructor/messageMediaDocument">messageMediaDocument</a>',
        links,
      ),
    ).toBe('the final {@link Api.MessageMediaDocument}');
    expect(docMarkdown('<a href="/method/messages.startBot">start it</a>', links)).toBe(
      '{@link Api.messages.StartBot start it}',
    );
    expect(docMarkdown('an <a href="https://core.telegram.org/type/InputPeer">InputPeer</a>', links)).toBe(
      'an {@link Api.TypeInputPeer}',
    );
    expect(docMarkdown('<a href="https://core.telegram.org/constructor/gone">gone</a>', links)).toBe(
      '[gone](https://core.telegram.org/constructor/gone)',
    );
  });

  it('writes code, emphasis, breaks and images as Markdown, and decodes entities', () => {
    expect(
      docMarkdown(
        'Use <code>random_id</code> &amp; <strong>only</strong> <em>once</em> <del>ever</del> <u>here</u><br>Next<br><br>Last <img class="emoji" alt="🎯" src="//x">',
        links,
      ),
    ).toBe('Use `random_id` & **only** *once* ~~ever~~ here\n\nNext\n\nLast 🎯');
    expect(docMarkdown('A &raquo; B &#39;c&#x27; &unknown; &', links)).toBe("A » B 'c' &unknown; &");
  });

  it('keeps what only looks like markup: code holding tags, placeholders in angle brackets', () => {
    expect(docMarkdown('Preformatted (<code><pre></code> text)', links)).toBe('Preformatted (`<pre>` text)');
    expect(docMarkdown('<code><a href="#target">anchor</a></code>', links)).toBe(
      '`<a href="#target">anchor</a>`',
    );
    expect(docMarkdown('in <code><dc_id>:<user_id></code> format, t.me/<bot_username>', links)).toBe(
      'in `<dc_id>:<user_id>` format, t.me/<bot_username>',
    );
    expect(docMarkdown('x < y and 1<2', links)).toBe('x < y and 1<2');
  });

  it('wraps code holding backticks in a longer fence', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });
});

describe('the text of a JSDoc comment', () => {
  it('cannot end the comment or start a tag', () => {
    expect(jsDocText('a */ b')).toBe('a *\\/ b');
    expect(jsDocText('@username to resolve, via @replies')).toBe('\\@username to resolve, via \\@replies');
    expect(jsDocText('email@example.com, {@link Api.X}, `@code`')).toBe(
      'email@example.com, {@link Api.X}, `@code`',
    );
    expect(jsDocText('line\n@tag')).toBe('line\n\\@tag');
  });

  it('is one line when short, else a block with blank lines between paragraphs and tags as written', () => {
    expect(docCommentLines({ paragraphs: ['The bot'] })).toEqual(['/** The bot */']);
    expect(docCommentLines({ paragraphs: ['', ' '] })).toEqual([]);
    expect(
      docCommentLines({ paragraphs: ['One\n\nTwo */', '`x`'], tags: ['@see https://core.telegram.org'] }),
    ).toEqual([
      '/**',
      ' * One',
      ' *',
      ' * Two *\\/',
      ' *',
      ' * `x`',
      ' *',
      ' * @see https://core.telegram.org',
      ' */',
    ]);
  });
});

// Generation converts each text once (an argument's description is written twice, a common error's
// in hundreds of methods); a link to `#anchor` still points into the page of each definition.
describe('the texts of a docs context', () => {
  const tl = 'inputPeerEmpty#7f3b18ea = InputPeer;\n---functions---\nhelp.getConfig#c4f9186b = InputPeer;\n';
  const { model } = resolveSchema([parseSchema(tl, 'docs.tl')]);
  const empty = new Map();
  const context = docsContext(
    { file: 'docs.json', layer: 228, notice: undefined, definitions: empty, types: empty, errors: empty },
    schemaSymbols(model),
  );
  const one = 'https://core.telegram.org/method/help.getConfig';
  const other = 'https://core.telegram.org/constructor/inputPeerEmpty';

  it('are the Markdown of docMarkdown, links to the generated classes included', () => {
    const html = 'A <a href="/type/InputPeer">peer</a> for <a href="/method/help.getConfig">it</a>, &raquo;';
    expect(context.markdown(html, one)).toBe(
      'A {@link Api.TypeInputPeer peer} for {@link Api.help.GetConfig it}, »',
    );
    expect(context.markdown(html, other)).toBe(context.markdown(html, one));
  });

  it('point a link to an anchor into the page of each use', () => {
    const html = 'See <a href="#possible-errors">its errors</a>';
    expect(context.markdown(html, one)).toBe(`See [its errors](${one}#possible-errors)`);
    expect(context.markdown(html, other)).toBe(`See [its errors](${other}#possible-errors)`);
    expect(context.markdown(html, one)).toBe(`See [its errors](${one}#possible-errors)`);
  });
});
