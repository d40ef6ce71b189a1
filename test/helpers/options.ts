// The options a command receives when it is typed with `given` (what is not given takes its default),
// parsed as the composition root parses them: for tests that call a command function directly.
import { optionsTakenBy, type CommandName } from '../../commands/cli/options';
import { parseOptions, type GivenOptions } from '../../commands/cli/parse-options';

export const optionsFor = <C extends CommandName>(command: C, given: GivenOptions = {}) => parseOptions(optionsTakenBy(command), given);
