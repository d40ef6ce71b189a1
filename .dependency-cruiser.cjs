// The layers of drctl, kept by a rule rather than by memory (docs/architecture.md draws them). Each layer
// imports only layers below it; layers on one line are peers and do not import each other. Checked by
// test/architecture/layers.test.ts in `npm test`, and by `npm run depcruise` for a readable report.
// There are no exceptions: a new edge that breaks a rule is a design change, made here on purpose.

/**
 * Bottom first. A layer is one or more folders; on top, the composition roots: `src/main.ts` (the command
 * line) and `src/validate-main.ts` (`drctl validate` as CI runs it, a bundle of its own).
 */
const LAYERS = [
  ['src/core'],
  ['src/runbook', 'src/aws', 'src/net'],
  ['src/actions'],
  ['src/engine'],
  ['src/journal'],
  ['src/report', 'src/status', 'src/sim'],
  ['src/ui'],
  ['commands'],
  ['src/main.ts', 'src/validate-main.ts'],
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches a module in any of the folders (or the one file), capturing which as $1. */
const inAny = (folders) => `^(${folders.map(escape).join('|')})(/|$)`;

/**
 * For every layer: importing a folder of the same layer (a peer) or of a layer above is an error. A
 * folder importing its own files is fine ($1 is the folder the importing module is in).
 */
const layerRules = LAYERS.map((folders, rank) => ({
  name: `layer-${rank}-${folders.join('+').replace(/[/.]/g, '-')}`,
  comment: `${folders.join(', ')} may import only ${LAYERS.slice(0, rank).flat().join(', ') || 'nothing of drctl'}`,
  severity: 'error',
  from: { path: inAny(folders) },
  to: { path: inAny(LAYERS.slice(rank).flat()), pathNot: '^$1(/|$)' },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-cycle',
      comment: 'No cycles between modules, type-only imports aside (they vanish at run time)',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'only-aws-imports-the-sdk',
      comment: 'Only src/aws imports the AWS SDK (and its smithy runtime)',
      severity: 'error',
      from: { pathNot: '^src/aws/' },
      to: { path: '(^|/)node_modules/@(aws-sdk|smithy)/' },
    },
    {
      name: 'only-ui-imports-ink',
      comment: 'Only src/ui imports ink and react (and draws on the terminal)',
      severity: 'error',
      from: { pathNot: '^src/ui/' },
      to: { path: '(^|/)node_modules/(ink|react|react-reconciler)/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'src/engine gets clock, ports and sink injected: no file system, no process, no terminal',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|process|child_process|readline|tty|net|http|https)$' },
    },
    {
      name: 'nothing-imports-the-root',
      comment: 'The composition roots are on top: nothing imports them',
      severity: 'error',
      from: {},
      to: { path: '^src/(validate-)?main\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a typo would hide an edge from the rules above)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
