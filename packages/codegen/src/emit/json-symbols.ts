// The names of the generated `json` module, which the index re-exports.

/** The module holding `fromJson` and `jsonClasses`. */
export const JSON_MODULE = 'json';

/** What the json module exports for the index: `fromJson` (any object) and `jsonClasses` (by TL name). */
export const JSON_MODULE_EXPORTS: readonly string[] = ['fromJson', 'jsonClasses'];
