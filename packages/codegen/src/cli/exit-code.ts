// The process exit codes of `tlforge`, and the text `--help` documents them with. Scripts branch on
// these: 1 means "fix the schema", 2 means "fix the command line or the paths".

export const ExitCode = {
  ok: 0,
  schemaErrors: 1,
  usage: 2,
  internal: 3,
  invalidInput: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Each code with the lines help prints for it. */
export const exitCodeMeanings: ReadonlyArray<{ code: ExitCode; meaning: readonly string[] }> = [
  { code: ExitCode.ok, meaning: ['success'] },
  {
    code: ExitCode.schemaErrors,
    meaning: ['the schema has errors (or warnings, with --strict); generate wrote nothing'],
  },
  {
    code: ExitCode.usage,
    meaning: [
      'usage or file error: an unknown command or option, a bad or missing value, a schema',
      'path that is missing, unreadable or a directory, an output folder that cannot be written',
    ],
  },
  {
    code: ExitCode.internal,
    meaning: ['internal error: a bug in tlforge (please report it with the stack)'],
  },
  {
    code: ExitCode.invalidInput,
    meaning: [
      'decode and encode: the bytes or the JSON are no valid value of the schema (decode prints',
      'the tree read up to the error)',
    ],
  },
];
