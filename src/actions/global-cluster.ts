import type { RegisteredAction } from './define';

// Filled in by the global-cluster actions work.
export const globalClusterActions: RegisteredAction[] = [];
