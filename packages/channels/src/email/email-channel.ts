import { createTransport } from 'nodemailer';
import type { Channel } from '../model/channel.js';
import type { EmailChannelConfig, SmtpConfig } from '../model/channel-config.schema.js';
import { DeliveryError } from '../http/delivery-error.js';
import { buildEmail, type EmailContent } from './build-email.js';

const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
]);

/** SMTP replies 4xx are transient (try later), 5xx permanent (RFC 5321 §4.2.1). */
function classify(name: string, error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const transient = e.responseCode === undefined ? TRANSIENT_CODES.has(e.code ?? '') : e.responseCode < 500;
  const what = e.responseCode === undefined ? (e.code ?? 'error') : `SMTP ${e.responseCode}`;
  return new DeliveryError(`${name}: ${what}`, {
    code: e.responseCode === undefined ? `SMTP_${e.code ?? 'ERROR'}` : `SMTP_${e.responseCode}`,
    retriable: transient,
    cause: error,
  });
}

/** Email over SMTP with nodemailer: one mail per notification to all `to` addresses. */
export function emailChannel(
  name: string,
  config: EmailChannelConfig,
  defaults: { smtp?: SmtpConfig; from?: string } = {},
): Channel {
  const smtp = config.smtp ?? defaults.smtp;
  if (smtp === undefined)
    throw new DeliveryError(`${name}: no SMTP settings (channel or notifier default)`, {
      code: 'NO_SMTP',
      retriable: false,
    });
  const from = config.from ?? defaults.from ?? 'vigil@localhost';
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.require_tls,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    connectionTimeout: config.timeout_ms,
    greetingTimeout: config.timeout_ms,
    socketTimeout: config.timeout_ms,
  });
  return {
    type: 'email',
    name,
    messages: (notification) => [
      {
        id: notification.id,
        action: notification.reason,
        incidentIds: notification.incidents.map((i) => i.id),
        payload: buildEmail(notification),
      },
    ],
    async send(message) {
      const content = message.payload as EmailContent;
      try {
        await transport.sendMail({
          from,
          to: config.to,
          subject: content.subject,
          text: content.text,
          html: content.html,
          // The notification id: mail clients and archives can de-duplicate a resend.
          messageId: `<${message.id}@vigil>`,
        });
      } catch (error) {
        throw classify(name, error);
      }
      return {};
    },
    close: () => {
      transport.close();
      return Promise.resolve();
    },
  };
}
