// How the text of an option becomes the value a command receives. Every bad value is a DrctlError
// (exit 2) that names the flag and shows a value that works. Loaded when a command runs, not before:
// the option declarations (options.ts) name their parser, so `drctl --version` loads none of this.
import { parseDuration } from '../../src/core/duration';
import { DrctlError, ExitCode } from '../../src/core/errors';

/** Text as given on the command line -> the value; `flag` is the spelling to name in an error. */
export type Parser<T> = (text: string, flag: string) => T;

function badValue(flag: string, text: string, expected: string, hint: string): DrctlError {
  return new DrctlError('cli.bad-option', `${flag} ${text} is not ${expected}`, hint, { exitCode: ExitCode.invalidInput });
}

/** The parsers the declarations name, with the type each gives (options.ts reads the types). */
export const PARSERS = {
  text: (value: string): string => value,
  /** Milliseconds. */
  duration: (value: string, flag: string): number => {
    const ms = parseDuration(value);
    if (ms === undefined) throw badValue(flag, value, 'a duration', `Pass it like ${flag} 15m.`);
    return ms;
  },
  positiveWholeNumber: (value: string, flag: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw badValue(flag, value, 'a positive whole number', `Pass it like ${flag} 10.`);
    return number;
  },
  /** --pace n: n simulated seconds per real second, to watch a simulated run. */
  pace: (value: string, flag: string): number => {
    const pace = Number(value);
    if (!Number.isFinite(pace) || pace <= 0 || pace > 10_000) {
      throw badValue(flag, value, 'a speed between 1 and 10000', `Pass it like ${flag} 30 (a simulated 30 s per real second), or ${flag} 1 to watch in real time; leave it out to run as fast as possible.`);
    }
    return pace;
  },
  /** sim serve's --time-scale n: every span the served world declares lasts 1/n as long. */
  timeScale: (value: string, flag: string): number => {
    const scale = Number(value);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 10_000) {
      throw badValue(flag, value, 'a speed-up between 1 and 10000', `Pass it like ${flag} 60 (a declared minute lasts a second), or ${flag} 1 for real time.`);
    }
    return scale;
  },
  port: (value: string, flag: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0 || number > 65_535) throw badValue(flag, value, 'a port number', `Pass it like ${flag} 4566, or leave it out to pick a free port.`);
    return number;
  },
} satisfies Record<string, Parser<unknown>>;

export type ParserName = keyof typeof PARSERS;
