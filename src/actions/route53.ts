import type { RegisteredAction } from './define';

// Filled in by the route53 actions work.
export const route53Actions: RegisteredAction[] = [];
