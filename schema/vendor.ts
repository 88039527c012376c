// Rebuilds the vendored schemas under schema/ from the pinned npm packages (devDependencies),
// so a layer bump is `npm install <pkg>@<version>`, `npm run schema:vendor` and a review of the diff.
// Only TL definitions are copied; the MTProto service definitions that the packages keep
// commented out ("parsed manually") are added as real declarations.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

interface PinnedPackage {
  name: string;
  version: string;
}

/** The MTProto service definitions of TL-NOTES §1, keyed by the name that starts each line. */
const serviceDefinitions: ReadonlyArray<readonly [string, string]> = [
  ['rpc_result', 'rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;'],
  ['message', 'message msg_id:long seqno:int bytes:int body:Object = Message;'],
  ['msg_container', 'msg_container#73f1f8dc messages:vector<message> = MessageContainer;'],
  ['msg_copy', 'msg_copy#e06046b2 orig_message:Message = MessageCopy;'],
  ['gzip_packed', 'gzip_packed#3072cfa1 packed_data:string = Object;'],
];

/**
 * The MTProto container element `message` (and its type `Message`) clashes with the API's
 * `message#…` constructor. This pragma tells the resolver that this file's definitions that clash
 * with another file's go into the `mtproto` namespace instead of being a conflict.
 */
const serviceScopePragma = 'tlforge: clash-namespace mtproto';

function pinned(name: string): PinnedPackage {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  return { name, version: manifest.version as string };
}

function expectVersion(pkg: PinnedPackage, version: string): void {
  if (pkg.version !== version) {
    throw new Error(`${pkg.name} is ${pkg.version} in node_modules; the vendored layer expects ${version}`);
  }
}

function header(lines: string[], eol: string): string {
  return lines.map((line) => `// ${line}${eol}`).join('');
}

/**
 * Turns each commented-out service definition into a real declaration, in place, so the file keeps
 * its order and sections. Fails when a definition is not found: a new package version moved it.
 */
function uncommentServiceDefinitions(text: string, eol: string): string {
  const lines = text.split(eol);
  for (const [name, definition] of serviceDefinitions) {
    const index = lines.findIndex((line) => line.startsWith(`//${name} `) || line.startsWith(`//${name}#`));
    if (index < 0) throw new Error(`commented-out definition of ${name} not found`);
    lines[index] = definition;
  }
  return lines.join(eol);
}

function vendorLatest(): void {
  const teleproto = pinned('teleproto');
  expectVersion(teleproto, '214.1.7');
  const api: string = require('teleproto/tl/apiTl.js');
  const mtproto: string = require('teleproto/tl/schemaTl.js');
  const source = `${teleproto.name}@${teleproto.version}`;
  const apiText = `${header(
    [
      'Telegram API schema, layer 214.',
      `Vendored from the npm package ${source}, tl/apiTl.js (that package strips comments).`,
      'Rebuild with `npm run schema:vendor`; do not edit by hand.',
      'LAYER 214',
    ],
    '\n',
  )}${api.trim()}\n`;
  const mtprotoText = `${header(
    [
      'MTProto service schema shipped with layer 214.',
      `Vendored from the npm package ${source}, tl/schemaTl.js (that package strips comments),`,
      'plus the service definitions it parses by hand, as real declarations (last section).',
      'Rebuild with `npm run schema:vendor`; do not edit by hand.',
      serviceScopePragma,
    ],
    '\n',
  )}${mtproto.trim()}\n---types---\n${serviceDefinitions.map(([, line]) => line).join('\n')}\n`;
  writeFileSync(join(root, 'schema/latest/api.tl'), apiText);
  writeFileSync(join(root, 'schema/latest/mtproto.tl'), mtprotoText);
}

function vendorLayer122(): void {
  const telegram = pinned('telegram');
  expectVersion(telegram, '1.5.27');
  const staticDir = join(root, 'node_modules/telegram/tl/static');
  // api.tl stays byte-for-byte as shipped (CRLF, comments, `// LAYER 122` at the end).
  writeFileSync(join(root, 'schema/layer122/api.tl'), readFileSync(join(staticDir, 'api.tl')));
  const shipped = readFileSync(join(staticDir, 'schema.tl'), 'utf8');
  const eol = shipped.includes('\r\n') ? '\r\n' : '\n';
  const mtprotoText =
    header(
      [
        `MTProto service schema of layer 122, vendored from the npm package telegram@${telegram.version},`,
        'tl/static/schema.tl, with the service definitions it parses by hand uncommented.',
        'Rebuild with `npm run schema:vendor`; do not edit by hand.',
        serviceScopePragma,
      ],
      eol,
    ) + uncommentServiceDefinitions(shipped, eol);
  writeFileSync(join(root, 'schema/layer122/mtproto.tl'), mtprotoText);
}

vendorLatest();
vendorLayer122();
console.log('vendored schema/latest (layer 214) and schema/layer122 (layer 122)');
