/**
 * MITRE ATT&CK tags as Sigma writes them: `attack.t1110`, `attack.t1110.001` (techniques),
 * `attack.credential_access` (tactics), `attack.g0016` (groups), `attack.s0002` (software).
 */
const ATTACK_TAG = /^attack\.[a-z0-9_.-]+$/;
const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/;

/** The ATT&CK tags among rule tags, lower-cased, de-duplicated and sorted. */
export function attackTags(tags: readonly string[]): string[] {
  const found = new Set<string>();
  for (const tag of tags) {
    const lower = tag.trim().toLowerCase();
    if (ATTACK_TAG.test(lower)) found.add(lower);
  }
  return [...found].sort();
}

/** Technique ids in ATT&CK's own spelling (`T1110.001`) from a tag list. */
export function mitreTechniques(tags: readonly string[]): string[] {
  const found = new Set<string>();
  for (const tag of tags) {
    const match = TECHNIQUE_TAG.exec(tag.trim().toLowerCase());
    if (match?.[1] !== undefined) found.add(match[1].toUpperCase());
  }
  return [...found].sort();
}

/** The sorted union of two sorted tag lists. */
export function mergeTags(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
