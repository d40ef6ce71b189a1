// Planted: a command imports the composition root.
import { main } from '../src/main';

export const planted = main;
