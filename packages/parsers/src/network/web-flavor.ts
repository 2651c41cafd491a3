import type { DatasetHint } from '../model/parse-outcome.js';

/**
 * Which web server wrote a line: the syslog program or file path says so, else the configured
 * hint, else nginx (the combined format is identical; see README "Limits").
 */
export function webFlavor(
  program: string | undefined,
  source: string | undefined,
  hint: DatasetHint | undefined,
): DatasetHint {
  const p = program?.toLowerCase();
  if (p !== undefined) {
    if (p.startsWith('nginx')) return 'nginx';
    if (p.startsWith('apache') || p.startsWith('httpd')) return 'apache';
  }
  if (source !== undefined) {
    const s = source.toLowerCase();
    if (s.includes('nginx')) return 'nginx';
    if (s.includes('apache') || s.includes('httpd')) return 'apache';
  }
  return hint ?? 'nginx';
}
