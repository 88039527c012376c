// The benchmark payloads, described once in library-neutral form (see tl-tree.ts) from a seeded
// PRNG. Every adapter builds its own objects from these trees, so all libraries encode the same data.
// Only constructors whose layout is the same in layer 214 and mtcute's layer 223 are used, except the
// few that the verification step (verify.ts) explains: message, user, messages.messages,
// messages.sendMessage and the inline keyboard buttons.

import { Prng } from './prng.ts';
import { type TlNode, type TlValue, tl } from './tl-tree.ts';

export interface Payload {
  /** One letter, as in the report: A..H. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The payload; with a rotation, its first message. */
  readonly root: TlNode;
  /**
   * Messages that differ only in some values, encoded and decoded in turn (each built and encoded once,
   * before timing), so that caches keyed by a value (tlforge's `long()` cache) miss as they would on a
   * stream of updates from many users. Starts with `root`.
   */
  readonly rotation?: readonly TlNode[];
  /** How many `message` objects the payload carries (for per-message figures). */
  readonly messageCount: number;
  /** A request (TL function): decoding it is not supported by every library. */
  readonly isRequest: boolean;
}

const SEED = 0x7e1f0fe;

const asciiWords = [
  'the',
  'meeting',
  'is',
  'moved',
  'to',
  'Thursday',
  'please',
  'check',
  'build',
  'logs',
  'deploy',
  'release',
  'notes',
  'ok',
  'thanks',
  'see',
  'you',
  'tomorrow',
  'at',
  'noon',
  'coffee',
  'review',
  'patch',
  'merged',
  'tests',
  'are',
  'green',
  'again',
  'what',
  'about',
  'the',
  'layer',
  'bump',
];
const cyrillicWords = [
  'привет',
  'как',
  'дела',
  'встреча',
  'перенесена',
  'на',
  'четверг',
  'посмотри',
  'логи',
  'сборки',
  'спасибо',
  'до',
  'завтра',
  'отлично',
  'готово',
  'проверь',
  'пожалуйста',
  'релиз',
  'сегодня',
  'вечером',
];
// Single code points outside the BMP (surrogate pairs), a BMP symbol with a variation selector, and
// one ZWJ family sequence: the cases that make UTF-16 offsets differ from code point counts.
const emojis = ['👋', '🚀', '🔥', '😂', '✅', '❤️', '🎉', '👍', '🤔', '👨‍👩‍👧'];
const domains = ['example.org', 'docs.example.com', 'git.example.net'];

interface TextWithEntities {
  readonly text: string;
  readonly entities: TlNode[];
}

/**
 * A text of about `targetLength` UTF-16 code units mixing ASCII, Cyrillic and emoji, with entities
 * (offsets and lengths in UTF-16 units, as Telegram counts them) on some of its words.
 */
function makeText(rng: Prng, targetLength: number, users: readonly bigint[]): TextWithEntities {
  let text = '';
  const entities: TlNode[] = [];
  const cyrillicShare = rng.next();
  while (text.length < targetLength) {
    if (text.length > 0) text += ' ';
    const offset = text.length;
    const roll = rng.next();
    let word: string;
    let entity: TlNode | undefined;
    if (roll < 0.08) {
      word = rng.pick(emojis);
      if (rng.chance(0.3)) {
        entity = tl('messageEntityCustomEmoji', { offset, length: word.length, document_id: rng.long() });
      }
    } else if (roll < 0.1) {
      word = `@${rng.pick(asciiWords)}_${rng.int(1, 999)}`;
      entity = tl('messageEntityMention', { offset, length: word.length });
    } else if (roll < 0.12) {
      word = `https://${rng.pick(domains)}/${rng.pick(asciiWords)}/${rng.int(1, 99999)}`;
      entity = tl('messageEntityUrl', { offset, length: word.length });
    } else if (roll < 0.13) {
      word = `#${rng.pick(cyrillicShare > 0.5 ? cyrillicWords : asciiWords)}`;
      entity = tl('messageEntityHashtag', { offset, length: word.length });
    } else {
      word = rng.chance(cyrillicShare) ? rng.pick(cyrillicWords) : rng.pick(asciiWords);
      const style = rng.next();
      if (style < 0.03) entity = tl('messageEntityBold', { offset, length: word.length });
      else if (style < 0.045) entity = tl('messageEntityItalic', { offset, length: word.length });
      else if (style < 0.055) entity = tl('messageEntityCode', { offset, length: word.length });
      else if (style < 0.065) {
        entity = tl('messageEntityTextUrl', {
          offset,
          length: word.length,
          url: `https://${rng.pick(domains)}/${word.length}`,
        });
      } else if (style < 0.072) {
        entity = tl('messageEntityMentionName', { offset, length: word.length, user_id: rng.pick(users) });
      }
    }
    if (text.length + word.length > targetLength && text.length >= 20) break;
    text += word;
    if (entity !== undefined) entities.push(entity);
  }
  return { text: text.trimEnd(), entities };
}

/** Lengths of 20..300 code units, skewed towards short chat messages (mean ~75). */
function messageLength(rng: Prng): number {
  const r = rng.next();
  return 20 + Math.floor(280 * r * r * r * r);
}

interface Dialog {
  readonly users: readonly bigint[];
  readonly chats: readonly bigint[];
  readonly self: bigint;
}

function makeDialog(rng: Prng): Dialog {
  const users: bigint[] = [];
  for (let i = 0; i < 10; i++) users.push(BigInt(rng.int(100_000_000, 7_999_999_999)));
  const chats: bigint[] = [];
  for (let i = 0; i < 5; i++) chats.push(BigInt(rng.int(1_000_000, 999_999_999)));
  return { users, chats, self: users[0] };
}

function peerOf(rng: Prng, dialog: Dialog): TlNode {
  return rng.chance(0.6)
    ? tl('peerChat', { chat_id: rng.pick(dialog.chats) })
    : tl('peerUser', { user_id: rng.pick(dialog.users) });
}

function replyHeader(rng: Prng, id: number, dialog: Dialog): TlNode {
  const quote = rng.chance(0.3) ? makeText(rng, rng.int(10, 40), dialog.users) : undefined;
  return tl('messageReplyHeader', {
    reply_to_msg_id: Math.max(1, id - rng.int(1, 40)),
    reply_to_peer_id: rng.chance(0.2) ? tl('peerChat', { chat_id: rng.pick(dialog.chats) }) : undefined,
    reply_to_top_id: rng.chance(0.15) ? Math.max(1, id - rng.int(40, 400)) : undefined,
    quote: quote !== undefined ? true : undefined,
    quote_text: quote?.text,
    quote_entities: quote !== undefined && quote.entities.length > 0 ? quote.entities : undefined,
    quote_offset: quote !== undefined ? rng.int(0, 50) : undefined,
  });
}

function forwardHeader(rng: Prng, date: number, dialog: Dialog): TlNode {
  const hidden = rng.chance(0.25);
  const saved = rng.chance(0.3);
  return tl('messageFwdHeader', {
    imported: rng.chance(0.1) ? true : undefined,
    from_id: hidden ? undefined : tl('peerUser', { user_id: rng.pick(dialog.users) }),
    from_name: hidden ? `${rng.pick(cyrillicWords)} ${rng.pick(asciiWords)}` : undefined,
    date: date - rng.int(60, 86_400 * 30),
    saved_from_peer: saved ? tl('peerChat', { chat_id: rng.pick(dialog.chats) }) : undefined,
    saved_from_msg_id: saved ? rng.int(1, 50_000) : undefined,
  });
}

function message(rng: Prng, id: number, date: number, dialog: Dialog): TlNode {
  const { text, entities } = makeText(rng, messageLength(rng), dialog.users);
  const from = rng.pick(dialog.users);
  const counted = rng.chance(0.2);
  const edited = rng.chance(0.15);
  return tl('message', {
    out: from === dialog.self ? true : undefined,
    mentioned: rng.chance(0.05) ? true : undefined,
    silent: rng.chance(0.05) ? true : undefined,
    edit_hide: edited && rng.chance(0.3) ? true : undefined,
    id,
    from_id: tl('peerUser', { user_id: from }),
    peer_id: peerOf(rng, dialog),
    fwd_from: rng.chance(0.15) ? forwardHeader(rng, date, dialog) : undefined,
    reply_to: rng.chance(0.3) ? replyHeader(rng, id, dialog) : undefined,
    date,
    message: text,
    entities: entities.length > 0 ? entities : undefined,
    views: counted ? rng.int(1, 100_000) : undefined,
    forwards: counted ? rng.int(0, 500) : undefined,
    edit_date: edited ? date + rng.int(5, 3600) : undefined,
    grouped_id: rng.chance(0.05) ? rng.long() : undefined,
    ttl_period: rng.chance(0.03) ? 86_400 : undefined,
  });
}

function user(rng: Prng, id: bigint, index: number): TlNode {
  const bot = index === 9;
  const first = rng.chance(0.5) ? rng.pick(cyrillicWords) : rng.pick(asciiWords);
  return tl('user', {
    self: index === 0 ? true : undefined,
    contact: rng.chance(0.5) ? true : undefined,
    bot: bot ? true : undefined,
    verified: rng.chance(0.1) ? true : undefined,
    premium: rng.chance(0.3) ? true : undefined,
    id,
    access_hash: rng.signedLong(),
    first_name: first[0].toUpperCase() + first.slice(1),
    last_name: rng.chance(0.6) ? `${rng.pick(asciiWords)}${rng.pick(emojis)}` : undefined,
    username:
      rng.chance(0.7) || bot ? `${rng.pick(asciiWords)}_${rng.int(1, 9999)}${bot ? '_bot' : ''}` : undefined,
    phone: index === 0 || rng.chance(0.2) ? `7${rng.int(900_000_000, 999_999_999)}` : undefined,
    photo: rng.chance(0.7)
      ? tl('userProfilePhoto', {
          has_video: rng.chance(0.1) ? true : undefined,
          photo_id: rng.long(),
          stripped_thumb: rng.bytes(rng.int(20, 40)),
          dc_id: rng.int(1, 5),
        })
      : undefined,
    status: bot
      ? undefined
      : rng.chance(0.5)
        ? tl('userStatusOffline', { was_online: 1_700_000_000 + rng.int(0, 10_000_000) })
        : tl('userStatusRecently', {}),
    bot_info_version: bot ? rng.int(1, 20) : undefined,
    lang_code: rng.chance(0.5) ? rng.pick(['en', 'ru', 'de']) : undefined,
    color: rng.chance(0.4)
      ? tl('peerColor', { color: rng.int(0, 6), background_emoji_id: rng.long() })
      : undefined,
  });
}

function chat(rng: Prng, id: bigint): TlNode {
  const admin = rng.chance(0.4);
  return tl('chat', {
    creator: rng.chance(0.2) ? true : undefined,
    id,
    title: `${rng.pick(cyrillicWords)} ${rng.pick(asciiWords)} ${rng.pick(emojis)}`,
    photo: rng.chance(0.6)
      ? tl('chatPhoto', {
          photo_id: rng.long(),
          stripped_thumb: rng.bytes(rng.int(20, 40)),
          dc_id: rng.int(1, 5),
        })
      : tl('chatPhotoEmpty', {}),
    participants_count: rng.int(3, 200),
    date: 1_600_000_000 + rng.int(0, 100_000_000),
    version: rng.int(1, 50),
    admin_rights: admin
      ? tl('chatAdminRights', {
          change_info: true,
          delete_messages: true,
          ban_users: true,
          pin_messages: true,
        })
      : undefined,
  });
}

function messageHistory(seed: number, count: number): TlNode {
  const rng = new Prng(seed);
  const dialog = makeDialog(rng);
  const users = dialog.users.map((id, i) => user(rng, id, i));
  const chats = dialog.chats.map((id) => chat(rng, id));
  const messages: TlNode[] = [];
  let date = 1_700_000_000;
  for (let i = 0; i < count; i++) {
    date += rng.int(1, 600);
    messages.push(message(rng, 10_000 + i, date, dialog));
  }
  return tl('messages.messages', { messages: messages.reverse(), chats, users });
}

function shortMessage(): TlNode {
  return tl('updateShortMessage', {
    out: true,
    id: 48_213,
    user_id: 5_234_112_901n,
    message: 'Встреча в 15:00 ✅ ok?',
    pts: 1_200_344,
    pts_count: 1,
    date: 1_700_000_123,
    entities: [tl('messageEntityBold', { offset: 0, length: 7 })],
  });
}

/** A 108-byte update whose text is 40 UTF-16 units outside ASCII: the small messages clients see most. */
function shortNonAsciiMessage(userId = 5_234_112_901n): TlNode {
  return tl('updateShortMessage', {
    id: 48_214,
    user_id: userId,
    message: 'Привет! Встреча перенесена на четверг 🎉',
    pts: 1_200_345,
    pts_count: 1,
    date: 1_700_000_124,
  });
}

/** The same with a second string: a link entity's URL. */
function shortTwoStringMessage(): TlNode {
  return tl('updateShortMessage', {
    id: 48_215,
    user_id: 5_234_112_901n,
    message: 'Привет! Встреча перенесена на четверг 🎉',
    pts: 1_200_346,
    pts_count: 1,
    date: 1_700_000_125,
    entities: [tl('messageEntityTextUrl', { offset: 0, length: 7, url: 'https://example.org/встреча' })],
  });
}

/** How many messages the distinct-ids payload rotates through: 16× the 256 slots of the long cache. */
export const DISTINCT_IDS = 4096;

/**
 * The non-ASCII update from `DISTINCT_IDS` different users: the first is F itself, the others have
 * distinct user ids of the same range as the dialogs' (below and above 2^32, so both halves vary).
 */
function shortNonAsciiFromManyUsers(): TlNode[] {
  const rng = new Prng(SEED + 8);
  const ids = new Set<bigint>([5_234_112_901n]);
  while (ids.size < DISTINCT_IDS) ids.add(BigInt(rng.int(100_000_000, 7_999_999_999)));
  return [...ids].map((id) => shortNonAsciiMessage(id));
}

function sendMessage(): TlNode {
  const rng = new Prng(SEED + 4);
  const users = [5_234_112_901n, 6_100_200_300n];
  const { text, entities } = makeText(rng, 240, users);
  const button = (label: string, i: number): TlNode =>
    i % 2 === 0
      ? tl('keyboardButtonUrl', { text: label, url: `https://${rng.pick(domains)}/${label.length}` })
      : tl('keyboardButtonCallback', { text: label, data: rng.bytes(rng.int(8, 32)) });
  const rows: TlNode[] = [];
  for (let r = 0; r < 3; r++) {
    const buttons: TlNode[] = [];
    for (let b = 0; b < 2; b++)
      buttons.push(button(`${rng.pick(emojis)} ${rng.pick(cyrillicWords)}`, r * 2 + b));
    rows.push(tl('keyboardButtonRow', { buttons }));
  }
  return tl('messages.sendMessage', {
    no_webpage: true,
    silent: true,
    peer: tl('inputPeerUser', { user_id: users[0], access_hash: -3_456_789_012_345_678_901n }),
    reply_to: tl('inputReplyToMessage', { reply_to_msg_id: 48_213 }),
    message: text,
    random_id: rng.signedLong(),
    reply_markup: tl('replyInlineMarkup', { rows }),
    entities,
  });
}

function updatesBatch(): TlNode {
  const history = messageHistory(SEED + 5, 20);
  const f = history.fields;
  const messages = f.messages as readonly TlNode[];
  const updates: TlValue[] = messages.map((m, i) =>
    tl('updateNewMessage', { message: m, pts: 1_200_400 + i, pts_count: 1 }),
  );
  return tl('updates', { updates, users: f.users, chats: f.chats, date: 1_700_012_345, seq: 0 });
}

export function buildPayloads(): Payload[] {
  const manyUsers = shortNonAsciiFromManyUsers();
  return [
    {
      id: 'A',
      name: 'updateShortMessage',
      description: 'one short private message update',
      root: shortMessage(),
      messageCount: 1,
      isRequest: false,
    },
    {
      id: 'B',
      name: 'messages.messages ×50',
      description: '50 messages, 10 users, 5 chats',
      root: messageHistory(SEED + 2, 50),
      messageCount: 50,
      isRequest: false,
    },
    {
      id: 'C',
      name: 'messages.messages ×200',
      description: '200 messages, 10 users, 5 chats',
      root: messageHistory(SEED + 3, 200),
      messageCount: 200,
      isRequest: false,
    },
    {
      id: 'D',
      name: 'messages.sendMessage',
      description: 'request with entities and an inline keyboard',
      root: sendMessage(),
      messageCount: 1,
      isRequest: true,
    },
    {
      id: 'E',
      name: 'updates ×20 updateNewMessage',
      description: '20 updateNewMessage, 10 users, 5 chats',
      root: updatesBatch(),
      messageCount: 20,
      isRequest: false,
    },
    {
      id: 'F',
      name: 'updateShortMessage, non-ASCII',
      description: '40 UTF-16 units of Cyrillic and an emoji',
      root: shortNonAsciiMessage(),
      messageCount: 1,
      isRequest: false,
    },
    {
      id: 'G',
      name: 'updateShortMessage, two strings',
      description: 'the same with a link entity',
      root: shortTwoStringMessage(),
      messageCount: 1,
      isRequest: false,
    },
    {
      id: 'H',
      name: `updateShortMessage, ${DISTINCT_IDS.toLocaleString('en-US')} user ids`,
      description: `F from ${DISTINCT_IDS.toLocaleString('en-US')} users in turn (per-value caches miss)`,
      root: manyUsers[0],
      rotation: manyUsers,
      messageCount: 1,
      isRequest: false,
    },
  ];
}

/**
 * Why telegram@1.5.27 (GramJS) is not timed on these payloads; teleproto stands in for its code. Its
 * bundle size and import time are measured (bundle-size.ts, import-time.ts).
 */
export const telegram1527NotMeasured =
  'layer 122: updateShortMessage, message, user, chat, peerUser (int ids), messageReplyHeader, ' +
  'messageFwdHeader and messages.sendMessage have other ids or fields, messageEntityCustomEmoji does not ' +
  'exist: none of the payloads can be encoded the same; teleproto is the same GramJS code on layer 214';

/** The messages a payload is timed on: its rotation, or its one message. */
export function payloadMessages(payload: Payload): readonly TlNode[] {
  return payload.rotation ?? [payload.root];
}
