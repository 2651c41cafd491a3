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
    expect(resolveLogsource(m, { category: 'webserver' })).toEqual([
      'nginx.access',
      'apache.access',
      'iis.access',
    ]);
    expect(resolveLogsource(m, { product: 'zeek', service: 'conn' })).toEqual(['zeek.connection']);
    expect(resolveLogsource(m, { product: 'aws', service: 'cloudtrail' })).toEqual(['aws.cloudtrail']);
    expect(resolveLogsource(m, { product: 'vigil', service: 'audit' })).toEqual(['vigil.audit']);
    expect(resolveLogsource(m, {})).toEqual([]);
    expect(resolveLogsource(m, { product: 'linux', service: 'auditd' })).toEqual(['auditd.log']);
    expect(resolveLogsource(m, { product: 'zeek', service: 'dns' })).toEqual(['zeek.dns']);
    expect(resolveLogsource(m, { product: 'modsecurity' })).toEqual(['nginx.error', 'apache.error']);
    // Extra keys make a different logsource: process creation events are not ingested.
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
    expect(createFieldResolver(m, { product: 'zeek', service: 'conn' })('conn_state')).toEqual([
      'zeek.connection.state',
    ]);
    // Other Zeek logs keep their columns: any name falls back to zeek.<path>.<column>, after ECS names.
    const dns = createFieldResolver(m, { product: 'zeek', service: 'dns' });
    expect(dns('query')).toEqual(['zeek.dns.query']);
    expect(dns('id.resp_p')).toEqual(['destination.port']);
    expect(dns('source.ip')).toEqual(['source.ip']);
    expect(createFieldResolver(m, { product: 'zeek', service: 'http' })('host')).toEqual(['zeek.http.host']);
    expect(createFieldResolver(m, { product: 'linux', service: 'auditd' })('type')).toEqual([
      'auditd.log.record_type',
    ]);
    expect(() => createFieldResolver(m, { product: 'linux', service: 'auditd' })('a0')).toThrow(
      /field 'a0' is not mapped/,
    );
    const aws = createFieldResolver(m, { product: 'aws', service: 'cloudtrail' });
    expect(aws('eventName')).toEqual(['event.action']);
    expect(aws('requestParameters.bucketName')).toEqual(['aws.cloudtrail.request_parameters.bucketName']);
    expect(createFieldResolver(m, { product: 'linux', service: 'auth' })('pam_rhost')).toEqual([
      'source.ip',
      'source.address',
      'source.domain',
    ]);
  });

  it('keeps global names out of logsources whose events lack their ECS targets', () => {
    const proxy = createFieldResolver(mappings(), { category: 'proxy' });
    expect(proxy('c-uri')).toEqual(['zeek.http.uri']);
    expect(proxy('src_ip')).toEqual(['source.ip']);
    // Global `c-uri-extension` means url.extension, which Zeek's http.log never has.
    expect(() => proxy('c-uri-extension')).toThrow(/not mapped for logsource category=proxy/);
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
