import type { RegisteredAction } from './define';

// Filled in by the elasticache actions work.
export const elasticacheActions: RegisteredAction[] = [];
