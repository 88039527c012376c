import type { ObjectReader, ReaderRegistry } from '@tlforge/runtime';
import { readBoxed, TlWriter, VECTOR_ID } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './hex.ts';

// The official docs' example schema, serialized by hand-written functions the way generated code will:
//   user#d23c81a3 id:int first_name:string last_name:string = User;
//   no_user#c67599d1 id:int = User;
//   getUsers#2d84d5f5 (Vector int) = Vector User;
type User = { _: 'user'; id: number; firstName: string; lastName: string } | { _: 'no_user'; id: number };

const USER_ID = 0xd23c81a3;
const NO_USER_ID = 0xc67599d1;
const GET_USERS_ID = 0x2d84d5f5;

const userReaders: ReaderRegistry = new Map<number, ObjectReader>([
  [USER_ID, (r) => ({ _: 'user', id: r.int(), firstName: r.string(), lastName: r.string() })],
  [NO_USER_ID, (r) => ({ _: 'no_user', id: r.int() })],
]);

function writeGetUsers(w: TlWriter, ids: number[]): void {
  w.uint(GET_USERS_ID);
  w.uint(VECTOR_ID);
  w.int(ids.length);
  for (const id of ids) w.int(id);
}

function writeUser(w: TlWriter, u: User): void {
  if (u._ === 'user') {
    w.uint(USER_ID);
    w.int(u.id);
    w.string(u.firstName);
    w.string(u.lastName);
  } else {
    w.uint(NO_USER_ID);
    w.int(u.id);
  }
}

const REQUEST = 'f5d5842d 15c4b51c 03000000 02000000 03000000 04000000';
const ANSWER =
  '15c4b51c 03000000 a3813cd2 02000000 05506574 65720000 06506172 6b657200 d19975c6 03000000 ' +
  'a3813cd2 04000000 044a6f68 6e000000 03446f65';
const USERS: User[] = [
  { _: 'user', id: 2, firstName: 'Peter', lastName: 'Parker' },
  { _: 'no_user', id: 3 },
  { _: 'user', id: 4, firstName: 'John', lastName: 'Doe' },
];

describe('getUsers example from the official documentation', () => {
  it('writes the request getUsers([2,3,4])', () => {
    const w = new TlWriter();
    writeGetUsers(w, [2, 3, 4]);
    expect(toHex(w.finish())).toBe(toHex(fromHex(REQUEST)));
  });

  it('reads the request back', () => {
    const ids = readBoxed(fromHex(REQUEST), userReaders, undefined, (r) => {
      expect(r.uint()).toBe(GET_USERS_ID);
      r.vectorId();
      const n = r.count(4);
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(r.int());
      return out;
    });
    expect(ids).toEqual([2, 3, 4]);
  });

  it('writes the answer', () => {
    const w = new TlWriter();
    w.uint(VECTOR_ID);
    w.int(USERS.length);
    for (const u of USERS) writeUser(w, u);
    expect(toHex(w.finish())).toBe(toHex(fromHex(ANSWER)));
  });

  it('reads the answer', () => {
    const users = readBoxed(fromHex(ANSWER), userReaders, undefined, (r) => {
      r.vectorId();
      const n = r.count(4);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(r.typed(userReaders, 'User'));
      return out;
    });
    expect(users).toEqual(USERS);
  });
});
