// What every command needs once it runs, loaded by the root in one dynamic import, after the command
// line is parsed: the option parsers, the output host and the catalogue of actions. One import keeps
// them in one bundle chunk; `drctl --version` loads none of it.
export { actionCatalogue } from '../../src/actions/catalogue';
export { createOutput } from '../../src/ui/output';
export { outputFormatOf, parseOptions } from './parse-options';
