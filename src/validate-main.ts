// The composition root of `drctl validate <paths...> [-o text|json|junit]`, the command CI runs on every
// runbook change, beside src/main.ts (the whole command line). It is a bundle of its own
// (dist/validate.cjs, scripts/bundle-options.mjs): one CommonJS file that bin/drctl loads with V8's code
// cache, where the command line loads two dozen ES module chunks and compiles each of them. Nothing
// imports it but the entry (bin/drctl, through the bundle).
import type { CliIO } from './core/io';
import { optionsTakenBy, requestedFormat } from '../commands/cli/options';
import type { GivenOptions } from '../commands/cli/parse-options';
import { processIO } from '../commands/cli/process-io';

interface Invocation {
  paths: string[];
  given: GivenOptions;
}

/**
 * `validate`, its paths and the value options it takes, read from their declarations without commander
 * (which takes longer to load than validating the shipped runbooks). Anything else (help, a flag it does
 * not take, a value missing, no path) is undefined: the command line words those.
 */
function plainInvocation(argv: readonly string[]): Invocation | undefined {
  if (argv[0] !== 'validate') return undefined;
  const taken = optionsTakenBy('validate');
  const invocation: Invocation = { paths: [], given: {} };
  for (let index = 1; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (!word.startsWith('-')) {
      invocation.paths.push(word);
      continue;
    }
    const option = taken.find(({ declaration: { flags, shape } }) => shape === 'value' && flags.split(/[ ,]+/).includes(word));
    const value = argv[++index];
    if (!option || value === undefined) return undefined;
    invocation.given[option.name] = value;
  }
  return invocation.paths.length > 0 ? invocation : undefined;
}

/** The exit code, or undefined when the command line is not a plain `validate` (bin/drctl then runs src/main.ts). */
export async function validateMain(argv: readonly string[], io: CliIO = processIO()): Promise<number | undefined> {
  const invocation = plainInvocation(argv);
  if (!invocation) return undefined;
  let format = requestedFormat(argv);
  // Loaded only now (inlined in the bundle, initialized on first import): `validate --help` builds no schema.
  const runtime = await import('../commands/cli/command-runtime');
  try {
    format = runtime.outputFormatOf(optionsTakenBy('validate'), invocation.given);
    const output = runtime.createOutput(io, format);
    const { validateCommand } = await import('../commands/validate');
    return await validateCommand(invocation.paths, { io, actions: runtime.actionCatalogue, output });
  } catch (error) {
    return runtime.createOutput(io, format).error(error);
  }
}
