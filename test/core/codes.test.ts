// The code registry is complete and has no dead entries. DrctlError's type already refuses an unregistered
// code; this scan also covers what the type cannot see (codes in plain Problem objects, status flags,
// notices) and finds registered codes that nothing raises any more.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { CODES, ERROR_CODES, NOTICE_CODES } from '../../src/core/codes';

const ROOTS = ['src', 'commands'];
const REGISTRY = path.join('src', 'core', 'codes');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === REGISTRY ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

// bin/drctl raises the one code that cannot come from the bundles (they are missing).
const files = [...ROOTS.flatMap(sources), path.join('bin', 'drctl')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
/** Every quoted literal in the sources (single quotes and plain backticks), with the file it is in. */
const literals = files.flatMap(({ file, text }) => [...text.matchAll(/'([^'\n\\]*)'|`([^`$\n\\]*)`/g)].map((match) => ({ file, value: match[1] ?? match[2] ?? '' })));

const namespaces = new Set(Object.keys({ ...ERROR_CODES, ...NOTICE_CODES }).map((code) => code.split('.')[0]));
const looksLikeCode = (value: string) => /^[a-z0-9]+\.[a-z0-9-]+$/.test(value) && namespaces.has(value.split('.')[0]);

// Literals in a code's namespace that are not codes: file names, the `type` of JSON documents and lines,
// and the names of actions and checks (arc.set-routing-controls shares its namespace with `drctl arc`'s codes).
const NOT_CODES = new Set(['drill.json', 'journal.jsonl', 'runbook.json', 'drill.result', 'arc.describe', ...actionCatalogue.actions.map((action) => action.uses), ...actionCatalogue.checks.map((check) => check.check)]);

// Codes built from parts: the part is a literal in the file that builds the code.
const BUILT: Array<{ code: RegExp; file: string }> = [
  { code: /^aws\.(.+)$/, file: 'src/aws/aws-error.ts' }, // `aws.${kind}`, one per AwsErrorKind
  { code: /^(status|health|failover)\.not-found$/, file: 'src/status/not-found.ts' }, // `${command}.not-found`
];

describe('the code registry', () => {
  it('holds every code the sources raise', () => {
    const unregistered = literals.filter(({ value }) => looksLikeCode(value) && !NOT_CODES.has(value) && !(value in CODES));
    expect(unregistered.map(({ file, value }) => `${file}: ${value}`)).toEqual([]);
  });

  it('holds no code that nothing raises', () => {
    const used = new Set(literals.map(({ value }) => value));
    const raised = (code: string) =>
      used.has(code) ||
      BUILT.some(({ code: pattern, file }) => {
        const part = pattern.exec(code)?.[1];
        return part !== undefined && files.some((source) => source.file === file && source.text.includes(`'${part}'`));
      });
    expect(Object.keys(CODES).filter((code) => !raised(code))).toEqual([]);
  });

  it('has a meaning and an action for each code, each one line', () => {
    for (const [code, info] of Object.entries(CODES)) {
      expect(info.meaning, code).toMatch(/^\S.*\.$/);
      expect(info.action, code).toMatch(/^\S.*[.)]$/);
      expect(`${info.meaning}${info.action}`, code).not.toContain('\n');
    }
  });

  it('would notice an unregistered code (the scan is not vacuous)', () => {
    expect(literals.some(({ value }) => value === 'runbook.unknown-key')).toBe(true);
    expect(looksLikeCode('runbook.made-up') && !('runbook.made-up' in CODES)).toBe(true);
  });
});
