// The option declarations (commands/cli/options.ts) are the one source of the command line: every command
// they name exists, no command takes a flag twice, the lists they write out match the domain's, and the
// parsed options are what a command receives.
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../commands/cli/command-table';
import { COMMAND_NAMES, OPTIONS, optionsTakenBy, requestedFormat, type OptionDeclaration } from '../../commands/cli/options';
import { outputFormatOf } from '../../commands/cli/parse-options';
import { HISTORY_FORMATS, REPORT_FORMATS } from '../../src/report/formats';
import { FAILOVER_MODES } from '../../src/runbook/failover-kinds';
import { optionsFor } from '../helpers/options';

const declarations = Object.values(OPTIONS) as OptionDeclaration[];
const spellings = (option: OptionDeclaration) => [...option.flags.split(/[ ,]+/).filter((word) => word.startsWith('-')), ...(option.renamedFrom ?? [])];

describe('option declarations', () => {
  it('name only commands that exist, and every command is in the table', () => {
    expect(COMMAND_TABLE.map((command) => command.name).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const option of declarations) for (const command of option.commands) expect(COMMAND_NAMES).toContain(command);
  });

  it('give no command the same flag twice (old spellings included)', () => {
    for (const command of COMMAND_NAMES) {
      const flags = optionsTakenBy(command).flatMap(({ declaration }) => spellings(declaration));
      expect(flags.filter((flag, index) => flags.indexOf(flag) !== index), command).toEqual([]);
    }
  });

  it('write out the same lists as the domain', () => {
    expect(OPTIONS.mode.choices).toEqual(FAILOVER_MODES);
    expect(OPTIONS.format.choices).toEqual(REPORT_FORMATS);
    expect(OPTIONS.format.help).toContain(HISTORY_FORMATS.join(', '));
  });
});

describe('parsed options', () => {
  it('arrive parsed, with their defaults', () => {
    expect(optionsFor('run', { deadline: '20m', maxParallel: '4', inputs: ['to=us-west-2'] })).toEqual({
      deadline: 1_200_000, maxParallel: 4, inputs: ['to=us-west-2'], yes: false, step: false, rollback: true, dryRun: false, ignoreUnfinished: false,
    });
    expect(optionsFor('failover', { to: 'us-west-2' })).toMatchObject({ to: 'us-west-2', mode: 'planned' });
    expect(optionsFor('drill', { failback: true }).failbackAfter).toBe(120_000);
    // -o picks the output host; the command never sees it.
    expect(optionsFor('validate', { validateOutput: 'json' })).toEqual({});
  });

  it('refuse a bad value with a DrctlError that names the flag', () => {
    expect(() => optionsFor('run', { maxParallel: '0' })).toThrow(expect.objectContaining({ code: 'cli.bad-option', exitCode: 2, message: '--max-parallel 0 is not a positive whole number' }));
    expect(() => optionsFor('health', { interval: 'soon' })).toThrow(expect.objectContaining({ code: 'cli.bad-option', message: '--interval soon is not a duration' }));
    expect(() => optionsFor('failover', { to: 'us-west-2', mode: 'planed' })).toThrow(expect.objectContaining({ code: 'failover.bad-argument', hint: 'Did you mean "planned"? Pass one of planned, unplanned, detach.' }));
  });

  it('pick the output format, checked, from the option that picks it', () => {
    expect(outputFormatOf(optionsTakenBy('plan'), { output: 'json' })).toBe('json');
    expect(outputFormatOf(optionsTakenBy('report'), { format: 'md' })).toBe('md');
    expect(outputFormatOf(optionsTakenBy('schema'), {})).toBe('text');
    expect(() => outputFormatOf(optionsTakenBy('validate'), { validateOutput: 'yaml' })).toThrow(expect.objectContaining({ code: 'cli.bad-option', message: '--output "yaml" is not one of text, json, junit' }));
  });

  it('read the format asked for before the command line is parsed, for the parser\'s own errors', () => {
    expect(requestedFormat(['validate', '-o', 'json', '--bogus'])).toBe('json');
    expect(requestedFormat(['plan', 'x.yaml', '--output=json'])).toBe('json');
    expect(requestedFormat(['plan', '-ojson'])).toBe('json');
    expect(requestedFormat(['report', '-f', 'json'])).toBe('json');
    expect(requestedFormat(['plan', 'x.yaml', '--out', 'json'])).toBe('text');
  });
});
