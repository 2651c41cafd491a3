import { describe, expect, it } from 'vitest';
import { createLineParser } from '../line/create-line-parser.js';
import { field, parseOne } from '../testing/parse-one.js';

describe('netfilter', () => {
  it('maps ufw blocks: 5-tuple, flags, MACs, action from the prefix', () => {
    const ev = parseOne(
      'Dec 26 09:05:47 server01 kernel: [126140.629122] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=198.51.100.7 DST=192.0.2.10 LEN=52 TOS=0x02 PREC=0x00 TTL=128 ID=9209 DF PROTO=TCP SPT=17833 DPT=22 WINDOW=8192 RES=0x00 CWR ECE SYN URGP=0',
      { year: 2024 },
    );
    expect(ev.event).toMatchObject({
      dataset: 'iptables.log',
      action: 'block',
      category: ['network'],
      type: ['denied', 'connection'],
    });
    expect(ev.source).toEqual({
      address: '198.51.100.7',
      ip: '198.51.100.7',
      port: 17833,
      mac: '66-77-88-99-AA-BB',
    });
    expect(ev.destination).toMatchObject({ ip: '192.0.2.10', port: 22, mac: '00-11-22-33-44-55' });
    expect(ev.network).toMatchObject({ transport: 'tcp', type: 'ipv4', direction: 'ingress' });
    expect(field(ev, 'iptables.tcp.flags')).toEqual(['CWR', 'ECE', 'SYN']);
    expect(field(ev, 'iptables.fragment_flags')).toEqual(['DF']);
  });

  it('maps ufw allows and nftables prefixes', () => {
    const allow = parseOne(
      '2024-01-02T03:04:05+00:00 fw kernel: [UFW ALLOW] IN=eth0 OUT= SRC=198.51.100.7 DST=192.0.2.10 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=1 PROTO=UDP SPT=53 DPT=5353 LEN=40',
    );
    expect(allow.event).toMatchObject({ action: 'allow', type: ['allowed', 'connection'] });
    expect(field(allow, 'iptables.udp.length')).toBe(40);
    const nft = parseOne(
      '2024-01-02T03:04:05+00:00 fw kernel: nft-drop-in: IN=eth0 OUT= SRC=198.51.100.7 DST=192.0.2.10 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=1 PROTO=ICMP TYPE=8 CODE=0 ID=77 SEQ=1',
    );
    expect(nft.event).toMatchObject({ action: 'drop_in', type: ['denied', 'connection'] });
    expect(field(nft, 'iptables.icmp')).toEqual({ type: 8, code: 0, id: 77, seq: 1 });
  });
});

describe('web servers', () => {
  it('maps combined access lines, 429 as a rate-limit trip', () => {
    const ev = parseOne(
      '203.0.113.9 - alice [10/Oct/2024:13:55:36 +0200] "POST /login?next=%2F HTTP/1.1" 429 162 "https://ex.com/" "curl/8.5.0"',
    );
    expect(ev['@timestamp']).toBe('2024-10-10T11:55:36.000Z');
    expect(ev.event).toMatchObject({
      dataset: 'nginx.access',
      action: 'rate_limited',
      outcome: 'failure',
      type: ['access', 'denied'],
    });
    expect(ev.url).toEqual({ original: '/login?next=%2F', path: '/login', query: 'next=%2F' });
    expect(ev.http).toEqual({
      version: '1.1',
      request: { method: 'POST', referrer: 'https://ex.com/' },
      response: { status_code: 429, body: { bytes: 162 } },
    });
    expect(ev.user?.name).toBe('alice');
    expect(ev.user_agent?.original).toBe('curl/8.5.0');
  });

  it('honours virtual hosts and the apache hint', () => {
    const ev = parseOne(
      'www.example.com:443 1.1.1.1 - - [12/Mar/2019:10:09:12 +0000] "GET / HTTP/1.1" 200 10 "-" "-"',
      { datasetHint: 'apache' },
    );
    expect(ev.event.dataset).toBe('apache.access');
    expect(ev.destination).toEqual({ address: 'www.example.com', domain: 'www.example.com', port: 443 });
    expect(ev.source?.ip).toBe('1.1.1.1');
  });

  it('maps JSON access logs', () => {
    const ev = parseOne(
      '{"time_iso8601":"2024-01-02T03:04:05+00:00","remote_addr":"203.0.113.9","request":"GET /a HTTP/1.1","status":"404","body_bytes_sent":"5","http_user_agent":"x"}',
    );
    expect(ev.event).toMatchObject({ dataset: 'nginx.access', outcome: 'failure' });
    expect(ev.http?.response?.status_code).toBe(404);
    expect(ev.source?.ip).toBe('203.0.113.9');
  });

  it('maps nginx "limiting requests" error lines', () => {
    const ev = parseOne(
      '2022/07/28 16:37:00 [error] 2118161#2118161: *16670560058 limiting requests, excess: 5.459 by zone "login", client: 192.168.1.1, server: example.com, request: "POST /login HTTP/1.1", host: "example.com"',
    );
    expect(ev.event).toMatchObject({
      dataset: 'nginx.error',
      action: 'rate_limited',
      outcome: 'failure',
      type: ['denied'],
    });
    expect(ev.source?.ip).toBe('192.168.1.1');
    expect(ev.url?.path).toBe('/login');
    expect(field(ev, 'nginx.rate_limit')).toEqual({ zone: 'login', excess: 5.459 });
  });

  it('maps ModSecurity denials in Apache error logs', () => {
    const ev = parseOne(
      '[Mon Feb 09 16:47:55.908176 2015] [:error] [pid 17679] [client 172.16.10.91] ModSecurity: Access denied with code 403 (phase 2). Pattern match "x" at ARGS:id. [file "/etc/crs/REQUEST-942.conf"] [line "45"] [id "942100"] [msg "SQL Injection Attack"] [severity "CRITICAL"] [tag "attack-sqli"] [hostname "example.com"] [uri "/item"] [unique_id "Yx1"]',
    );
    expect(ev.event).toMatchObject({
      dataset: 'apache.error',
      action: 'modsecurity_denied',
      outcome: 'failure',
      category: ['web', 'intrusion_detection'],
    });
    expect(ev.rule).toMatchObject({ id: '942100', description: 'SQL Injection Attack' });
    expect(ev.http?.response?.status_code).toBe(403);
    expect(ev.source?.ip).toBe('172.16.10.91');
    expect(field(ev, 'modsecurity.tags')).toEqual(['attack-sqli']);
  });

  it('maps IIS W3C lines, with or without a #Fields header', () => {
    const ev = parseOne(
      '2015-03-11 21:59:09 192.0.2.1 GET /console/version.jsp - 80 - 203.0.113.7 Mozilla/5.0+(X11) - 404 0 2 0',
    );
    expect(ev.event).toMatchObject({ dataset: 'iis.access', outcome: 'failure' });
    expect(ev.source?.ip).toBe('203.0.113.7');
    expect(ev.user_agent?.original).toBe('Mozilla/5.0 (X11)');
    const p = createLineParser();
    p.parse('#Fields: date time c-ip cs-method cs-uri-stem sc-status');
    const o = p.parse('2024-01-02 03:04:05 198.51.100.1 POST /wp-login.php 200');
    expect(o.ok && o.events[0]?.url?.path).toBe('/wp-login.php');
  });
});

describe('Zeek', () => {
  it('follows #separator / #set_separator / #fields / #types and maps conn records', () => {
    const p = createLineParser();
    for (const h of [
      '#separator \\x7c',
      '#set_separator|;',
      '#path|conn',
      '#fields|ts|uid|id.orig_h|id.orig_p|id.resp_h|id.resp_p|proto|conn_state|local_orig|local_resp|tunnel_parents',
      '#types|time|string|addr|port|addr|port|enum|string|bool|bool|set[string]',
    ]) {
      expect(p.parse(h)).toEqual({ ok: true, events: [] });
    }
    const o = p.parse('1700000000.5|C1|10.0.0.1|5555|8.8.8.8|53|udp|REJ|T|F|a;b');
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    const ev = o.events[0];
    expect(ev?.['@timestamp']).toBe('2023-11-14T22:13:20.500Z');
    expect(ev?.event).toMatchObject({
      dataset: 'zeek.connection',
      type: ['connection', 'start', 'denied'],
      outcome: 'failure',
    });
    expect(ev?.network?.direction).toBe('outbound');
    expect(ev && field(ev, 'zeek.connection.state_message')).toBe('Connection attempt rejected.');
  });

  it('maps ssh.log auth results', () => {
    const ev = parseOne(
      '{"ts":1420868281.665872,"uid":"C7","id.orig_h":"192.168.1.32","id.orig_p":41268,"id.resp_h":"128.2.10.238","id.resp_p":22,"version":2,"auth_success":false,"auth_attempts":6}',
    );
    expect(ev.event).toMatchObject({ dataset: 'zeek.ssh', action: 'ssh_login', outcome: 'failure' });
    expect(field(ev, 'zeek.ssh.auth')).toEqual({ success: false, attempts: 6 });
  });
});
