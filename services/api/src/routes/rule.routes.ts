import { RULE_LEVELS, RULE_TYPES } from '@vigil/schema';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route-def.js';
import type { RuleCatalog } from '../ports/rule-catalog.js';

const ruleOut = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(RULE_LEVELS),
  type: z.enum(RULE_TYPES),
  tags: z.array(z.string()),
  description: z.string().optional(),
  source: z.object({ file: z.string(), line: z.number().int() }).optional(),
  hits: z.number().int(),
  last_hit: z.string().nullable(),
});

export function ruleRoutes(rules: RuleCatalog): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/rules',
      summary: 'Loaded rules with their hit counts and last hit',
      tag: 'rules',
      access: 'rules:read',
      response: z.object({ rules: z.array(ruleOut) }),
      handler: async () => ({ rules: await rules.list() }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/rules/reload',
      summary: 'Reload the rules from disk; errors are listed per file',
      tag: 'rules',
      access: 'rules:reload',
      response: z.object({
        loaded: z.number().int(),
        errors: z.array(z.object({ file: z.string(), message: z.string() })),
      }),
      audit: { action: 'rules.reload', target: () => ({ type: 'rules' }) },
      handler: () => rules.reload(),
    }),
  ];
}
