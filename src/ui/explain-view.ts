// `drctl explain <code>` and `drctl explain --list`: what a code means and what to do, as
// `rustc --explain` prints an error code.
import type { CodeInfo } from '../core/codes';
import type { View } from './output';

export interface ExplainedCode extends CodeInfo {
  code: string;
}

export const explainView: View<ExplainedCode> = {
  type: 'explain',
  text: ({ code, level, meaning, action }, { style }) => [`${style.bold(code)} ${style.dim(`(${level})`)}`, '', meaning, '', `${style.cyan('What to do:')} ${action}`].join('\n'),
  json: (entry) => entry,
};

export const codeListView: View<ExplainedCode[]> = {
  type: 'explain.list',
  text: (codes, { style }) => {
    const width = Math.max(...codes.map((entry) => entry.code.length));
    const rows = codes.map((entry) => `${entry.code.padEnd(width)}  ${style.dim(entry.level.padEnd(7))}  ${entry.meaning}`);
    return [...rows, '', `${codes.length} codes; \`drctl explain <code>\` says what to do about one.`].join('\n');
  },
  json: (codes) => ({ codes }),
};
