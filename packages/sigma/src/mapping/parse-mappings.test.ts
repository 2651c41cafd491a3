import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldResolver } from './create-field-resolver.js';
import { defaultMappingsDir, parseMappings } from './parse-mappings.js';
import { resolveLogsource } from './resolve-logsource.js';

const dir = defaultMappingsDir();
const real = (name: string) => ({
  file: path.join(dir, name),
  text: readFileSync(path.join(dir, name), 'utf8'),
});

function mappings() {
  const parsed = parseMappings({ logsources: real('logsources.yml'), fields: real('fields.yml') });
  if (parsed.mappings === undefined) throw new Error(JSON.stringify(parsed.errors));
  return parsed.mappings;
}

describe('rules/mappings', () => {
  it('maps logsources to datasets by exact key set, first match wins', () => {
    const m = mappings();
    expect(resolveLogsource(m, { product: 'linux', service: 'sshd' })).toEqual(['system.auth']);
    expect(resolveLogsource(m, { product: 'linux' })).toEqual(['system.auth', 'syslog']);
    expect(resolveLogsource(m, { category: 'firewall' })).toEqual(['iptables.log']);
    expect(resolveLogsource(m, { category: 'webserver' })).toEqual(['nginx.access', 'apache.access']);
    expect(resolveLogsource(m, { product: 'zeek', service: 'conn' })).toEqual(['zeek.conn']);
    expect(resolveLogsource(m, { product: 'aws', service: 'cloudtrail' })).toEqual(['aws.cloudtrail']);
    expect(resolveLogsource(m, { product: 'vigil', service: 'audit' })).toEqual(['vigil.audit']);
    expect(resolveLogsource(m, {})).toEqual([]);
    // Extra keys make a different logsource: auditd is not ingested.
    expect(resolveLogsource(m, { product: 'linux', service: 'auditd' })).toBeUndefined();
    expect(resolveLogsource(m, { product: 'linux', category: 'process_creation' })).toBeUndefined();
  });

  it('maps Sigma fields per logsource, passes ECS names through, rejects the rest', () => {
    const m = mappings();
    const web = createFieldResolver(m, { category: 'webserver' });
    expect(web('cs-method')).toEqual(['http.request.method']);
    expect(web('c-uri')).toEqual(['url.original']);
    expect(web('source.ip')).toEqual(['source.ip']);
    expect(web('zeek.connection.state')).toEqual(['zeek.connection.state']);
    expect(() => web('action')).toThrow(/field 'action' is not mapped for logsource category=webserver/);
    expect(createFieldResolver(m, { category: 'firewall' })('action')).toEqual(['event.action']);
    expect(createFieldResolver(m, { product: 'zeek', service: 'conn' })('id.orig_h')).toEqual(['source.ip']);
    const aws = createFieldResolver(m, { product: 'aws', service: 'cloudtrail' });
    expect(aws('eventName')).toEqual(['event.action']);
    expect(aws('requestParameters.bucketName')).toEqual(['aws.cloudtrail.request_parameters.bucketName']);
    expect(createFieldResolver(m, { product: 'linux', service: 'auth' })('pam_rhost')).toEqual([
      'source.ip',
      'source.address',
      'source.domain',
    ]);
  });

  it('reports invalid mapping files with file and line', () => {
    const result = parseMappings({
      logsources: {
        file: 'logsources.yml',
        text: 'datasets: [a]\nlogsources:\n  - logsource: {product: linux}\n    datasets: [b]\n  - logsource: {produkt: x}\n    datasets: []\n',
      },
      fields: { file: 'fields.yml', text: 'keyword_fields: [message]\nglobal:\n  src_ip: 3\n' },
    });
    expect(result.mappings).toBeUndefined();
    expect(result.errors.map((error) => `${error.file}:${error.line} ${error.message}`)).toEqual([
      'logsources.yml:5 logsources.1.logsource.produkt: Unrecognized key: "produkt"',
      'fields.yml:3 global.src_ip: Invalid input',
    ]);
    const second = parseMappings({
      logsources: {
        file: 'logsources.yml',
        text: 'datasets: [a]\nlogsources:\n  - logsource: {product: linux}\n    datasets: [b]\n',
      },
      fields: { file: 'fields.yml', text: 'keyword_fields: [message]\n' },
    });
    expect(second.errors.map((error) => `${error.file}:${error.line} ${error.message}`)).toEqual([
      `logsources.yml:4 dataset 'b' is not in the 'datasets' list`,
    ]);
  });
});
