// Planted: the engine reaches up to the terminal and into the file system.
import { readFileSync } from 'node:fs';
import { terminalWidth } from '../ui/terminal';

export const planted = [readFileSync, terminalWidth];
