// What `drctl failover <type> --mode <mode>` accepts, apart from the runbook it builds (inline.ts), so
// that the command line's option declarations (commands/options.ts) name them without loading it.
export const FAILOVER_KINDS = ['aurora', 'docdb', 'elasticache'] as const;
export type FailoverKind = (typeof FAILOVER_KINDS)[number];
export const FAILOVER_MODES = ['planned', 'unplanned', 'detach'] as const;
export type FailoverMode = (typeof FAILOVER_MODES)[number];
