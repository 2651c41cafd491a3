import { describe, expect, it } from 'vitest';
import { attackTags, mitreTechniques } from './attack-tags.js';

describe('ATT&CK tags', () => {
  it('keeps only attack.* tags, normalised', () => {
    expect(
      attackTags(['attack.T1110', 'cve.2021-44228', 'attack.credential_access', 'attack.t1110']),
    ).toEqual(['attack.credential_access', 'attack.t1110']);
  });

  it('extracts technique ids in ATT&CK spelling', () => {
    expect(mitreTechniques(['attack.t1110.001', 'attack.credential_access', 'attack.t1021'])).toEqual([
      'T1021',
      'T1110.001',
    ]);
  });
});
