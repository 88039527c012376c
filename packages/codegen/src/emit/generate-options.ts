// The choices about the shape of generated output that callers of the emitter make (CLI flags,
// `generate()` options), apart from the schema itself.

/** Extension of relative imports between generated files: `./api.js` (default), `./api.ts` or `./api`. */
export type ImportExtension = 'js' | 'ts' | 'none';

/** 'ts': TypeScript sources; 'js': JavaScript modules with `.d.ts` declarations beside them. */
export type EmitLanguage = 'ts' | 'js';
