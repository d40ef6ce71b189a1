// Terminal styling with no dependency: ANSI colours only on a TTY, never when NO_COLOR is set or the
// terminal says it has none (TERM=dumb, as Emacs shells and some CI runners set); FORCE_COLOR wins.
export interface Style {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const colored: Style = {
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const identity = (text: string) => text;
export const plainStyle: Style = { red: identity, green: identity, yellow: identity, cyan: identity, dim: identity, bold: identity };

export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Style {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plainStyle;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return colored;
  return stream.isTTY && env.TERM !== 'dumb' ? colored : plainStyle;
}
