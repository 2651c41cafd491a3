/** Every `event.dataset` the parsers emit, for rule logsource mapping (`zeek.<path>` for other Zeek logs). */
export const DATASETS = [
  'system.auth',
  'syslog',
  'iptables.log',
  'nginx.access',
  'nginx.error',
  'apache.access',
  'apache.error',
  'iis.access',
  'zeek.connection',
  'zeek.ssh',
  'aws.cloudtrail',
  'vigil.audit',
  'auditd.log',
  'unknown',
] as const;

export type Dataset = (typeof DATASETS)[number];
