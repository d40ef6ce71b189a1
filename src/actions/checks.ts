import type { RegisteredCheck } from './define';

// Filled in by the preflight checks work.
export const preflightChecks: RegisteredCheck[] = [];
