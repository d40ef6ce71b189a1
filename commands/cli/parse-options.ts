// From what was typed to what a command receives: each option the command takes, parsed by its
// declaration (options.ts), defaults applied. Bad values stop here with a DrctlError naming the flag.
// The root hands over the declarations (optionsTakenBy): this module is loaded with the command.
import { requireOneOf } from '../../src/runbook/suggest';
import type { CommandName, OptionName, OptionsOf, OptionsTakenBy, TakenOption } from './options';
import { PARSERS } from './option-values';

/** What was typed, by option name: text, true (a flag, or an optional value left out), false (--no-x), or a list. */
export type GivenOptions = Partial<Record<OptionName, string | boolean | string[]>>;

function parseOne({ declaration, flag }: TakenOption, given: string | boolean | string[] | undefined): unknown {
  const { choices, badChoice } = declaration;
  const parse = (text: string) => (choices ? requireOneOf(text, choices, flag, badChoice) : PARSERS[declaration.parse ?? 'text'](text, flag));
  switch (declaration.shape) {
    case 'flag':
      return given === true;
    case 'negatable':
      return given !== false;
    case 'list':
      return (Array.isArray(given) ? given : given === undefined ? [] : [String(given)]).map(parse);
    case 'optional-value':
      if (given === true) return true;
      break;
  }
  const text = given === undefined ? declaration.default : String(given);
  return text === undefined ? undefined : parse(text);
}

/** The options a command receives. `given` may be partial: what is not given takes its default. */
export function parseOptions<C extends CommandName>(taken: OptionsTakenBy<C>, given: GivenOptions = {}): OptionsOf<C> {
  const options: Record<string, unknown> = {};
  for (const option of taken) {
    if (option.declaration.picksOutput === 'only') continue;
    const value = parseOne(option, given[option.name]);
    if (value !== undefined) options[option.name] = value;
  }
  // Each value is parsed as its declaration says, which is what OptionsOf<C> reads off the declarations.
  return options as OptionsOf<C>;
}

/** The output format asked for (e.g. "json"), checked by the option that picks it; text when none does. */
export function outputFormatOf(taken: readonly TakenOption[], given: GivenOptions): string {
  const picker = taken.find((option) => option.declaration.picksOutput);
  return picker ? String(parseOne(picker, given[picker.name])) : 'text';
}
