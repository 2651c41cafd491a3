import type { Alert } from '@vigil/schema';

const LEVEL_LABEL: Readonly<Record<string, string>> = {
  informational: 'INFO    ',
  low: 'LOW     ',
  medium: 'MEDIUM  ',
  high: 'HIGH    ',
  critical: 'CRITICAL',
};

/** One line per alert for a terminal: event time, level, title, group, count, short id. */
export function formatAlert(alert: Alert): string {
  const time = alert['@timestamp'].replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const group = Object.entries(alert.group)
    .map(([field, value]) => `${field}=${String(value)}`)
    .join(' ');
  const distinct = alert.distinct === undefined ? '' : ` distinct ${alert.distinct.field}`;
  return `${time}  ${LEVEL_LABEL[alert.rule.level] ?? alert.rule.level}  ${alert.rule.title}  ${group}  count=${alert.count}${distinct}  [${alert.id.slice(0, 12)}]`;
}
