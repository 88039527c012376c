// Runs a function that must throw and returns the error, so tests can assert kind, offset and message.

export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}
