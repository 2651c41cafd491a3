import type { estypes } from '@elastic/elasticsearch';
import { IndexNames, type DailyFamily } from '../indices/index-names.js';
import { alertProperties } from './alert-mappings.js';
import { DYNAMIC_DEFAULTS } from './ecs-field-types.js';
import { eventProperties } from './event-mappings.js';
import { incidentProperties, notificationProperties } from './incident-mappings.js';

export interface TemplateOptions {
  readonly indexPrefix: string;
  readonly shards: number;
  readonly replicas: number;
}

export interface IndexTemplate {
  readonly name: string;
  readonly body: Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;
}

/** Bumped whenever a mapping changes; stored in the template's `_meta` and `version`. */
export const TEMPLATE_VERSION = 1;

const PROPERTIES: Record<DailyFamily | 'incidents', Record<string, estypes.MappingProperty>> = {
  events: eventProperties,
  alerts: alertProperties,
  notifications: notificationProperties,
  incidents: incidentProperties,
};

/** The composable index templates of Vigil's indices (plain indices, see the README for why). */
export function indexTemplates(options: TemplateOptions): IndexTemplate[] {
  const names = new IndexNames(options.indexPrefix);
  const settings: estypes.IndicesIndexSettings = {
    number_of_shards: options.shards,
    number_of_replicas: options.replicas,
    refresh_interval: '1s',
    // Parsers add vendor fields (zeek.*, aws.*): past the limit, new ones are kept in _source only
    // instead of rejecting the document.
    'mapping.total_fields.limit': 2000,
    'mapping.total_fields.ignore_dynamic_beyond_limit': true,
  };
  const families = [
    ['events', [names.pattern('events')]],
    ['alerts', [names.pattern('alerts')]],
    ['notifications', [names.pattern('notifications')]],
    ['incidents', [names.incidents]],
  ] as const;
  return families.map(([family, patterns]) => ({
    name: `${options.indexPrefix}-${family}`,
    body: {
      index_patterns: [...patterns],
      priority: 200,
      version: TEMPLATE_VERSION,
      _meta: { managed_by: 'vigil', family },
      template: {
        settings,
        mappings: { ...DYNAMIC_DEFAULTS, properties: PROPERTIES[family] },
      },
    },
  }));
}
