// Terminal colours for the text view: on for a terminal, off for a pipe or a file, and as the
// NO_COLOR (https://no-color.org) and FORCE_COLOR conventions say.

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly magenta: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    s === '' ? s : `\x1b[${open}m${s}\x1b[${close}m`;

export const COLOURS: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  magenta: sgr(35, 39),
  cyan: sgr(36, 39),
};

const id = (s: string): string => s;
export const PLAIN: Style = { bold: id, dim: id, red: id, green: id, yellow: id, blue: id, magenta: id, cyan: id };

/** Whether to colour output written to a stream with this TTY flag, given the environment. */
export function wantsColour(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}

/** The visible width of a string: no escape sequences, one column a code point. */
export function visibleWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}
