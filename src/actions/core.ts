import type { RegisteredAction } from './define';

// Filled in by the core actions work.
export const coreActions: RegisteredAction[] = [];
