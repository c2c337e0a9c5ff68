/**
 * Server-side HTML with escaping by default: every interpolated value is escaped unless it is
 * already SafeHtml (the result of another `html` template, or `raw` for trusted markup).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);

/** Anything a template may hold: nested lists are flattened; null, undefined and false print nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Trusted markup only (constants written in this code base, never user or stored data). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** JSON for a <script type="application/json"> block: `<` escaped so data can never close the tag. */
export const jsonScript = (id: string, data: unknown): SafeHtml =>
  new SafeHtml(
    `<script type="application/json" id="${escapeHtml(id)}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
  );
