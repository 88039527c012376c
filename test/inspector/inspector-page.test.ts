// The inspector page in a real browser: built into a scratch folder, served on 127.0.0.1 and driven in
// Debian's headless Chromium with playwright-core. It decodes the seed example (messages.startBot of
// layer 122) from a shared link into the same rows the CLI prints, highlights the bytes of the value
// clicked (and selects the value of the byte clicked), shows gzip_packed's inflated data in a buffer of
// its own and marks where a truncated input fails. The last screenshot is kept as an artifact of the
// run: tmp/artifacts/inspector.png.

import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspector } from '../../inspector/build.ts';
import { examples } from '../../inspector/src/examples.ts';
import { dissect } from '../../packages/codegen/src/dissect/dissect-bytes.ts';
import { dissectSchemaFromText } from '../../packages/codegen/src/dissect/dissect-schema.ts';
import { formatDissection } from '../../packages/codegen/src/dissect/format-tree.ts';
import { parseInputText } from '../../packages/codegen/src/dissect/input-bytes.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = join(repoRoot, 'tmp/artifacts');
/** messages.startBot of layer 122, the seed example. */
const seedHex = '7873dfe6162829d828db0b00735f649fa53f5db7c97ea07dfade610000000000067265665f343200';

/** Debian's Chromium, installed with apt-get when this runs as root (CI, a fresh machine). */
function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0 || chromiumPath !== '/usr/bin/chromium') {
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    timeout: 900_000,
  });
}

function serve(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/+/, '') || 'index.html';
    if (path.includes('..')) return void response.writeHead(404).end();
    try {
      const body = readFileSync(join(root, path));
      response
        .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

/** The page's tree as the CLI prints it: range column padded, then the indented text. */
async function treeLines(page: Page): Promise<string[]> {
  const rows = await page.$$eval('#tree .node', (nodes) =>
    nodes.map((node) => {
      const range = node.querySelector('.range')?.textContent ?? '';
      const depth = Number((node as HTMLElement).style.getPropertyValue('--depth'));
      return [range, `${'  '.repeat(depth)}${node.querySelector('.text')?.textContent ?? ''}`];
    }),
  );
  const width = Math.max(...rows.map(([range]) => range!.length));
  return rows.map(([range, text]) => `${range!.padEnd(width)}  ${text}`);
}

async function highlighted(page: Page): Promise<number[]> {
  return page.$$eval('#hexview .b.hl', (spans) =>
    spans.map((s) => Number((s as HTMLElement).dataset.offset)),
  );
}

function cliLines(layer: string, hexText: string, request?: string): string[] {
  const folder = layer === '122' ? 'layer122' : 'latest';
  const schema = dissectSchemaFromText(
    ['api.tl', 'mtproto.tl'].map((name) => ({
      name,
      text: readFileSync(join(repoRoot, 'schema', folder, name), 'utf8'),
    })),
  );
  const result = dissect(schema, parseInputText(hexText).bytes, request === undefined ? {} : { request });
  // Without the header lines (layer, buffers) and the error line: the page shows those elsewhere.
  return formatDissection(result).filter((line) => /^#?\d*\[/.test(line));
}

describe('the inspector page in headless Chromium', () => {
  const scratch = scratchDir('tlforge-inspector-');
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureChromium();
    const built = await buildInspector(scratch);
    console.log(`inspector.js: ${(built.scriptBytes / 1024).toFixed(0)} KiB`);
    ({ server, url } = await serve(scratch));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    removeScratch(scratch);
  });

  it('decodes the seed example from a link into the rows the CLI prints', async () => {
    await page.goto(`${url}#layer=122&hex=${seedHex}`);
    await page.waitForSelector('#tree .node');
    expect(await treeLines(page)).toEqual(cliLines('122', seedHex));
    expect(await treeLines(page)).toEqual([
      '[0, 40)   messages.startBot#e6df7378 (function → Updates)',
      '[4, 20)     bot: InputUser = inputUser#d8292816',
      '[8, 12)       user_id: int = 777000',
      '[12, 20)      access_hash: long = -5233957211358339213',
      '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
      '[24, 32)    random_id: long = 6414074',
      '[32, 40)    start_param: string = "ref_42"',
    ]);
    expect(await page.textContent('#status')).toBe('layer 122, 40 bytes decoded');
    expect(pageErrors).toEqual([]);
  });

  it('highlights the bytes of the value clicked, and selects the value of the byte clicked', async () => {
    await page.click('#tree .node:nth-child(2)');
    expect(await page.textContent('#tree .node.selected .text')).toBe('bot: InputUser = inputUser#d8292816');
    expect(await highlighted(page)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(await page.getAttribute('#hexview .b.hl.first', 'data-offset')).toBe('4');
    expect(await page.textContent('#selection')).toBe(
      'bot: InputUser = inputUser#d8292816\nbytes [4, 20): 16 bytes',
    );
    await page.click('#hexview .b[data-offset="26"]');
    expect(await page.textContent('#tree .node.selected .text')).toBe('random_id: long = 6414074');
    expect(await highlighted(page)).toEqual([24, 25, 26, 27, 28, 29, 30, 31]);
    await page.click('#tree .node:nth-child(2)');
    mkdirSync(artifacts, { recursive: true });
    const screenshot = join(artifacts, 'inspector.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it('keeps the input in the link it offers', async () => {
    expect(await page.getAttribute('#share', 'href')).toBe(`#layer=122&hex=${seedHex}`);
    expect(new URL(page.url()).hash).toBe(`#layer=122&hex=${seedHex}`);
  });

  it('inflates gzip_packed into a buffer of its own and shows its bytes there', async () => {
    await page.click('[data-example="gzip"]');
    const example = examples.gzip!;
    expect(await treeLines(page)).toEqual(cliLines('latest', example.hex, example.request));
    expect(await page.textContent('#status')).toBe('layer 228, 164 bytes decoded, 1 gzip_packed inflated');
    const row = page.locator('#tree .node', { hasText: 'first_name: flags.1?string = "Telegram"' });
    expect(await row.locator('.range').textContent()).toBe('#1[168, 180)');
    await row.click();
    expect(await page.textContent('#buffers button.current')).toBe('#1 inflated (180 B)');
    expect(await highlighted(page)).toEqual([168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179]);
    expect(await page.textContent('#selection')).toBe(
      'first_name: flags.1?string = "Telegram"\nbytes [168, 180) of buffer #1 (inflated): 12 bytes',
    );
    await page.screenshot({ path: join(artifacts, 'inspector-gzip.png'), fullPage: true });
  });

  it('shows the values read before a truncated input ends, and marks where it fails', async () => {
    await page.click('[data-example="truncated"]');
    expect(await page.textContent('#tree .error-row')).toBe(
      'error at byte 24 (messages.startBot.random_id): truncated: needs 8 bytes, 4 remain',
    );
    expect(await page.getAttribute('#hexview .b.err', 'data-offset')).toBe('24');
    expect(await page.$$eval('#tree .node.incomplete .text', (n) => n.map((e) => e.textContent))).toEqual([
      'messages.startBot#e6df7378 (function → Updates)  (incomplete)',
      'random_id: long = …  (incomplete)',
    ]);
    expect(pageErrors).toEqual([]);
  });
});
