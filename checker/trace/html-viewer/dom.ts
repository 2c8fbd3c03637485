/// <reference lib="dom" />
// Small DOM helpers of the trace page's script.

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes, appended to `parent`, with `text` as its content. */
export function svg(tag: string, attrs: Readonly<Record<string, string | number>>, parent?: Element, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

/** Text for HTML. */
export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e;
}
