import { effectiveLevel, effectiveSeverity } from '@vigil/incidents';
import { truncate } from '../pagerduty/build-pagerduty-event.js';
import { incidentLink, type Notification } from '../model/notification.js';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A plain-text and a small HTML rendering of a notification. */
export function buildEmail(notification: Notification): EmailContent {
  const { incidents } = notification;
  const first = incidents[0];
  const subject = truncate(
    incidents.length === 1 && first !== undefined
      ? `[Vigil] [${first.state}] ${first.title}`
      : `[Vigil] ${incidents.length} incidents (${notification.reason})`,
    200,
  ).replace(/[\r\n]+/g, ' ');
  const rows = incidents.map((i) => ({
    title: i.title,
    facts: `${i.state} · ${effectiveLevel(i)} (${effectiveSeverity(i)}) · ${i.entity.field} ${i.entity.value} · ${i.alert_ids.length} alert(s) · first seen ${i.first_seen}`,
    link: incidentLink(notification, i.id),
  }));
  const text = rows
    .map((r) => `${r.title}\n  ${r.facts}${r.link === undefined ? '' : `\n  ${r.link}`}`)
    .join('\n\n');
  const html = `<ul>${rows
    .map((r) => {
      const title =
        r.link === undefined
          ? escapeHtml(r.title)
          : `<a href="${escapeHtml(r.link)}">${escapeHtml(r.title)}</a>`;
      return `<li><strong>${title}</strong><br>${escapeHtml(r.facts)}</li>`;
    })
    .join('')}</ul>`;
  return { subject, text, html };
}
