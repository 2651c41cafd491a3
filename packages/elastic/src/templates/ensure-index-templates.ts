import type { Client } from '@elastic/elasticsearch';
import { toElasticError } from '../error/to-elastic-error.js';
import { IndexNames } from '../indices/index-names.js';
import { incidentProperties } from './incident-mappings.js';
import { indexTemplates, type TemplateOptions } from './index-templates.js';

export interface EnsureTemplatesResult {
  readonly templates: readonly string[];
  readonly incidentsIndexCreated: boolean;
}

/**
 * Installs (or updates) Vigil's index templates and creates the incidents index. Daily indices are
 * created by their first write and take the template then; an updated template applies from the next
 * new index on. The existing incidents index gets additive mapping changes at once.
 * Safe to call from every service at start-up, concurrently.
 */
export async function ensureIndexTemplates(
  client: Client,
  options: TemplateOptions,
): Promise<EnsureTemplatesResult> {
  const templates = indexTemplates(options);
  try {
    for (const template of templates) {
      await client.indices.putIndexTemplate({ name: template.name, ...template.body });
    }
    const incidents = new IndexNames(options.indexPrefix).incidents;
    if (await client.indices.exists({ index: incidents })) {
      await client.indices.putMapping({ index: incidents, properties: incidentProperties });
      return { templates: templates.map((template) => template.name), incidentsIndexCreated: false };
    }
    try {
      await client.indices.create({ index: incidents });
    } catch (error) {
      // Another service created it between our check and our create.
      if (
        (error as { body?: { error?: { type?: string } } }).body?.error?.type !==
        'resource_already_exists_exception'
      ) {
        throw error;
      }
      return { templates: templates.map((template) => template.name), incidentsIndexCreated: false };
    }
    return { templates: templates.map((template) => template.name), incidentsIndexCreated: true };
  } catch (error) {
    throw toElasticError(error, 'installing index templates');
  }
}
