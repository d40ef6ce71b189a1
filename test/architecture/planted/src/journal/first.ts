// Planted: two modules that need each other at run time.
import { second } from './second';

export const first = () => second;
