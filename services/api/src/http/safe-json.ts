const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON with `<`, `>` and `&` escaped: log lines carry attacker-chosen text, and escaped JSON stays
 * inert even if a browser or a proxy ever treated the body as HTML. Still valid, equal JSON.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => ESCAPES[char] ?? char);
}
