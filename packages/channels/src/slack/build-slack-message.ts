import { effectiveLevel, effectiveSeverity } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';
import { truncate } from '../pagerduty/build-pagerduty-event.js';
import { actionFor, incidentLink, type Notification } from '../model/notification.js';
import type { SlackBlock, SlackMessage } from './slack-message.schema.js';

/** Slack mrkdwn needs &, < and > escaped; everything else is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const MAX_LISTED = 20;
const ICON: Readonly<Record<string, string>> = {
  trigger: ':rotating_light:',
  acknowledge: ':eyes:',
  resolve: ':white_check_mark:',
};

function line(incident: Incident, notification: Notification): string {
  const link = incidentLink(notification, incident.id);
  const title = escapeMrkdwn(truncate(incident.title, 200));
  const name = link === undefined ? `*${title}*` : `*<${link}|${title}>*`;
  return `${ICON[actionFor(incident)] ?? ''} ${name}\n${incident.state} · ${effectiveLevel(incident)} (${effectiveSeverity(incident)}) · ${escapeMrkdwn(
    `${incident.entity.field} ${incident.entity.value}`,
  )} · ${incident.alert_ids.length} alert(s)${incident.assignee === undefined ? '' : ` · ${escapeMrkdwn(incident.assignee)}`}`;
}

/** An incoming-webhook message: a header, one section per incident (up to 20), a context line. */
export function buildSlackMessage(notification: Notification): SlackMessage {
  const { incidents } = notification;
  const first = incidents[0];
  const heading =
    incidents.length === 1 && first !== undefined
      ? `${actionFor(first) === 'trigger' ? 'Incident' : `Incident ${first.state}`}: ${first.title}`
      : `${incidents.length} incidents`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(heading, 150) } },
  ];
  for (const incident of incidents.slice(0, MAX_LISTED)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(line(incident, notification), 3000) },
    });
  }
  const more = incidents.length - MAX_LISTED;
  const context = [
    `Vigil · ${notification.reason}`,
    ...(notification.escalation === undefined
      ? []
      : [`escalation ${notification.escalation.policy} level ${notification.escalation.level + 1}`]),
    ...(more > 0 ? [`and ${more} more`] : []),
  ].join(' · ');
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(context) }] });
  const text = truncate(incidents.map((i) => escapeMrkdwn(`[${i.state}] ${i.title}`)).join('\n'), 40_000);
  return { text: text === '' ? escapeMrkdwn(heading) : text, blocks };
}
