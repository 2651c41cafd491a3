import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { OctetOrLineFramer, startSyslogServer, type SyslogMessage } from './syslog-server.js';

describe('OctetOrLineFramer', () => {
  it('reads octet-counted frames split across chunks and newline frames', () => {
    const framer = new OctetOrLineFramer(1000);
    const msg = '<34>1 2026-11-27T10:00:00Z host sshd 1 - - hi';
    const frame = `${Buffer.byteLength(msg)} ${msg}`;
    expect(framer.push(Buffer.from(frame.slice(0, 10)))).toEqual([]);
    expect(framer.push(Buffer.from(frame.slice(10)))).toEqual([msg]);
    expect(framer.push(Buffer.from('<13>Nov 27 10:00:00 h app: x\n<13>Nov'))).toEqual([
      '<13>Nov 27 10:00:00 h app: x',
    ]);
    expect(framer.end()).toEqual(['<13>Nov']);
  });
});

describe('startSyslogServer', () => {
  it('receives messages over UDP and TCP on loopback', async () => {
    const received: SyslogMessage[] = [];
    const server = await startSyslogServer({ udpPort: 0, tcpPort: 0, onMessage: (m) => received.push(m) });
    try {
      const udp = createSocket('udp4');
      await new Promise<void>((resolve) =>
        udp.send('<13>Nov 27 10:00:00 h sshd[1]: udp line', server.udpPort, '127.0.0.1', () => resolve()),
      );
      udp.close();
      const tcp = connect(server.tcpPort!, '127.0.0.1');
      await new Promise<void>((resolve) => tcp.on('connect', resolve));
      tcp.end('<13>Nov 27 10:00:01 h sshd[1]: tcp one\n12 <13>counted!');
      const deadline = Date.now() + 5_000;
      while (received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(received.map((m) => [m.transport, m.line]).sort()).toEqual([
        ['tcp', '<13>Nov 27 10:00:01 h sshd[1]: tcp one'],
        ['tcp', '<13>counted!'],
        ['udp', '<13>Nov 27 10:00:00 h sshd[1]: udp line'],
      ]);
      expect(received[0]!.remoteAddress).toBe('127.0.0.1');
    } finally {
      await server.close();
    }
  });
});
