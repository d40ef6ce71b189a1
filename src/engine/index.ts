// The engine's public surface, for commands and reports. Everything here is pure: no fs, no process.
export { runRunbook, resumeRun, exitCodeOf, DEFAULT_MAX_PARALLEL } from './run';
export { planRunbook, type DryRunResult, type DryRunStep, type PlanDeps, type PlanOptions } from './dry-run';
export { replay, applyEvent, displayState, isSettled, type RunState, type StepRecord } from './state';
export { summarizeRun, type RunSummary, type StepSummary } from './summary';
export { ApiCallFeed } from './api-call-feed';
export { isMutatingRunbook, mutatingSteps, targetRegions } from './confirm';
export type { EngineDeps, ResumeOptions, RunOptions, RunResult } from './run-contract';
