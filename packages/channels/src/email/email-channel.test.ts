import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../delivery/deliver.js';
import { emailChannelSchema } from '../model/channel-config.schema.js';
import { notificationFixture } from '../testing/notification-fixture.js';
import { emailChannel } from './email-channel.js';

interface Received {
  readonly from: string;
  readonly to: string[];
  readonly data: string;
}

const retry = { retries: 3, initial_delay_ms: 10, max_delay_ms: 50, max_retry_after_ms: 5_000 };
let server: SMTPServer | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

/** A real SMTP server on loopback; `reject(n)` returns the SMTP code to refuse the n-th message with. */
async function startSmtp(
  reject: (n: number) => number | undefined = () => undefined,
): Promise<{ port: number; mails: Received[] }> {
  const mails: Received[] = [];
  let n = 0;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = reject(n++);
        if (code !== undefined) {
          callback(
            Object.assign(new Error(code < 500 ? 'try again later' : 'mailbox unavailable'), {
              responseCode: code,
            }),
          );
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        mails.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const started = server;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return { port: (started.server.address() as AddressInfo).port, mails };
}

function channelFor(port: number) {
  const config = emailChannelSchema.parse({
    type: 'email',
    to: ['secops@example.org', 'lead@example.org'],
    from: 'vigil@example.org',
    smtp: { host: '127.0.0.1', port },
    timeout_ms: 5_000,
  });
  return emailChannel('mail/0', config);
}

describe('email channel', () => {
  it('sends one mail to every recipient with subject, text and html', async () => {
    const smtp = await startSmtp();
    const channel = channelFor(smtp.port);
    const notification = notificationFixture({ title: 'SSH brute force <b>' });
    const report = await deliver(channel, notification, { retry });
    await channel.close?.();
    expect(report.delivered).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('vigil@example.org');
    expect(mail.to).toEqual(['secops@example.org', 'lead@example.org']);
    const parsed = await simpleParser(mail.data);
    const incident = notification.incidents[0]!;
    expect(parsed.subject).toBe(`[Vigil] [open] ${incident.title}`);
    expect(parsed.messageId).toBe(`<${notification.id}@vigil>`);
    expect(parsed.text).toContain(`https://vigil.example.org/incidents/${incident.id}`);
    expect(parsed.html).toContain('SSH brute force &lt;b&gt;');
  });

  it('retries a transient 4xx and delivers once', async () => {
    const smtp = await startSmtp((n) => (n === 0 ? 451 : undefined));
    const channel = channelFor(smtp.port);
    const report = await deliver(channel, notificationFixture(), { retry });
    await channel.close?.();
    expect(report.entries.map((e) => [e.outcome, e.error_code])).toEqual([
      ['retrying', 'SMTP_451'],
      ['delivered', undefined],
    ]);
    expect(smtp.mails).toHaveLength(1);
  });

  it('does not retry a permanent 5xx', async () => {
    const smtp = await startSmtp(() => 550);
    const channel = channelFor(smtp.port);
    const report = await deliver(channel, notificationFixture(), { retry });
    await channel.close?.();
    expect(report.failed).toEqual([expect.objectContaining({ retriable: false })]);
    expect(smtp.mails).toHaveLength(0);
  });

  it('treats a refused connection as retriable', async () => {
    const smtp = await startSmtp();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const channel = channelFor(smtp.port);
    const report = await deliver(channel, notificationFixture(), { retry: { ...retry, retries: 1 } });
    expect(report.failed).toEqual([expect.objectContaining({ retriable: true })]);
  });
});
