// What every help text ends with, as `git` and the AWS CLI's man pages do: the exit codes and the
// environment variables drctl reads. Data only (the root loads it with the option declarations); the
// README's tables say the same, and test/e2e/conventions.test.ts reads them from the real help.
import { ExitCode } from '../../src/core/errors';

const EXIT_CODES: ReadonlyArray<[code: ExitCode, meaning: string]> = [
  [ExitCode.ok, 'success'],
  [ExitCode.runFailed, 'the run failed (a step failed, preflight failed, an AWS error), or status/health read nothing'],
  [ExitCode.invalidInput, 'invalid input or usage: a runbook with problems, a missing file, a bad flag, an unknown profile'],
  [ExitCode.aborted, 'aborted by the operator: Ctrl-C, or an approval denied'],
  [ExitCode.objectivesMissed, 'the run succeeded but missed an objective (RTO or RPO)'],
];

const ENVIRONMENT: ReadonlyArray<[name: string, meaning: string]> = [
  ['AWS_PROFILE', 'the named profile, when --profile is not given'],
  ['AWS_REGION', 'the default region, when --region is not given (then AWS_DEFAULT_REGION, then the profile\'s region)'],
  ['AWS_DEFAULT_REGION', 'as AWS_REGION, read after it'],
  ['AWS_CONFIG_FILE', 'the shared config file (default ~/.aws/config): profiles and their regions'],
  ['AWS_SHARED_CREDENTIALS_FILE', 'the shared credentials file (default ~/.aws/credentials)'],
  ['AWS_ACCESS_KEY_ID', 'with AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN: credentials, as in the AWS CLI\'s chain'],
  ['CI', 'set (and not "false" or "0"): never draw the live view or ask; plain lines, --yes needed'],
  ['NO_COLOR', 'set: no colour (so does TERM=dumb); FORCE_COLOR=1 forces colour'],
  ['USER', 'who answered an approval, as journaled'],
];

const COLUMNS = 80;

/** Key and meaning side by side, the meaning wrapped at word boundaries to 80 columns. */
function table(rows: ReadonlyArray<readonly [string | number, string]>): string {
  const width = Math.max(...rows.map(([key]) => String(key).length));
  const indent = ' '.repeat(width + 4);
  return rows
    .map(([key, meaning]) => {
      const lines = [`  ${String(key).padEnd(width)} `];
      for (const word of meaning.split(' ')) {
        const last = lines.length - 1;
        const line = lines[last] ?? '';
        if (line.length + 1 + word.length > COLUMNS && line.trim() !== '') lines.push(`${indent}${word}`);
        else lines[last] = `${line} ${word}`;
      }
      return lines.join('\n');
    })
    .join('\n');
}

/** Appended to every help text. */
export function helpFooter(): string {
  return `\nExit codes:\n${table(EXIT_CODES)}\n\nEnvironment:\n${table(ENVIRONMENT)}\n\nMore: docs/ in the repository; drctl explain <code> for any code drctl prints.\n`;
}
