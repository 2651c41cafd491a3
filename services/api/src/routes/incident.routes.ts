import { incidentCommandSchema, type IncidentCommand } from '@vigil/incidents';
import { INCIDENT_STATES, incidentSchema, type Incident } from '@vigil/schema';
import type { Permission, Principal } from '@vigil/auth';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, type Route } from '../http/route-def.js';
import type { IncidentService } from '../ports/incident-service.js';
import type { SearchBackend } from '../ports/search-backend.js';
import { incidentIdParams } from '../schemas/common.schema.js';

/** Evidence events shown with an incident, at most. */
const MAX_EVIDENCE = 200;
const MAX_ALERTS = 200;

const version = z
  .number()
  .int()
  .nonnegative()
  .optional()
  .describe('The version you saw: a stale one is refused with 409');
const note = z.string().min(1).max(10_000);

interface ActionSpec {
  readonly path: string;
  readonly action: string;
  readonly permission: Permission;
  readonly summary: string;
  readonly body: z.ZodObject;
  readonly command: (body: Record<string, unknown>, actor: string) => IncidentCommand;
}

const ACTIONS: readonly ActionSpec[] = [
  {
    path: 'acknowledge',
    action: 'incident.acknowledge',
    permission: 'incidents:ack',
    summary: 'Acknowledge an open incident',
    body: z.strictObject({ note: note.optional(), version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'acknowledge', actor, note: b['note'] }),
  },
  {
    path: 'resolve',
    action: 'incident.resolve',
    permission: 'incidents:resolve',
    summary: 'Resolve an incident',
    body: z.strictObject({ note: note.optional(), version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'resolve', actor, note: b['note'] }),
  },
  {
    path: 'reopen',
    action: 'incident.reopen',
    permission: 'incidents:resolve',
    summary: 'Reopen a resolved or false-positive incident',
    body: z.strictObject({ note: note.optional(), version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'reopen', actor, note: b['note'] }),
  },
  {
    path: 'false-positive',
    action: 'incident.false_positive',
    permission: 'incidents:resolve',
    summary: 'Mark an incident as a false positive',
    body: z.strictObject({ note: note.optional(), version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'false_positive', actor, note: b['note'] }),
  },
  {
    path: 'assign',
    action: 'incident.assign',
    permission: 'incidents:assign',
    summary: 'Assign an incident to someone (null unassigns)',
    body: z.strictObject({ assignee: z.string().min(1).max(200).nullable(), version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'assign', actor, assignee: b['assignee'] }),
  },
  {
    path: 'notes',
    action: 'incident.note',
    permission: 'incidents:note',
    summary: 'Add a note to the timeline of an incident',
    body: z.strictObject({ note, version }),
    command: (b, actor) => incidentCommandSchema.parse({ type: 'note', actor, note: b['note'] }),
  },
];

/** A value as a quoted phrase of the query language: filters never change the query's shape. */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function actorOf(principal: Principal | undefined): string {
  return principal === undefined
    ? 'anonymous'
    : principal.kind === 'token'
      ? `token:${principal.name}`
      : principal.name;
}

export function incidentRoutes(incidents: IncidentService, search: SearchBackend): Route[] {
  const detail = defineRoute({
    method: 'GET',
    path: '/api/v1/incidents/:id',
    summary: 'An incident with its timeline, its alerts and their evidence events',
    tag: 'incidents',
    access: 'incidents:read',
    params: incidentIdParams,
    response: z.object({
      incident: incidentSchema,
      alerts: z.array(z.record(z.string(), z.unknown())),
      evidence: z.array(z.record(z.string(), z.unknown())),
      evidence_truncated: z.boolean(),
    }),
    handler: async ({ params }) => {
      const incident = await incidents.get(params.id);
      if (incident === undefined) throw notFound(`incident ${params.id}`);
      const alerts = await search.getByIds('alerts', incident.alert_ids.slice(-MAX_ALERTS));
      const eventIds = [
        ...new Set(
          alerts.flatMap((alert) => {
            const ids = (alert['evidence'] as { event_ids?: unknown } | undefined)?.event_ids;
            return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
          }),
        ),
      ];
      const evidence = await search.getByIds('events', eventIds.slice(0, MAX_EVIDENCE));
      return { incident, alerts, evidence, evidence_truncated: eventIds.length > MAX_EVIDENCE };
    },
  });

  const actions = ACTIONS.map((spec) =>
    defineRoute({
      method: 'POST',
      path: `/api/v1/incidents/:id/${spec.path}`,
      summary: spec.summary,
      tag: 'incidents',
      access: spec.permission,
      params: incidentIdParams,
      body: spec.body,
      response: incidentSchema,
      audit: { action: spec.action, target: (params) => ({ type: 'incident', id: params.id }) },
      handler: async ({ params, body, principal }): Promise<Incident> => {
        const fields = body;
        const expected = typeof fields['version'] === 'number' ? fields['version'] : undefined;
        const result = await incidents.apply(params.id, spec.command(fields, actorOf(principal)), expected);
        if (result === undefined) throw notFound(`incident ${params.id}`);
        if (!result.ok)
          throw new ApiError(result.error.status, result.error.code.toLowerCase(), result.error.message);
        return result.incident;
      },
    }),
  );
  const list = defineRoute({
    method: 'GET',
    path: '/api/v1/incidents',
    summary: 'The incident queue: filter by state and assignee, newest change first',
    tag: 'incidents',
    access: 'incidents:read',
    query: z.strictObject({
      state: z.enum(INCIDENT_STATES).optional(),
      assignee: z.string().min(1).max(200).optional(),
      q: z.string().max(4096).optional().describe('Extra query over incident fields'),
      size: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(4096).optional(),
    }),
    handler: ({ query }) => {
      const parts: string[] = [];
      if (query.state !== undefined) parts.push(`state:${quote(query.state)}`);
      if (query.assignee !== undefined) parts.push(`assignee:${quote(query.assignee)}`);
      if (query.q !== undefined && query.q.trim() !== '') parts.push(`(${query.q})`);
      return search.search('incidents', {
        query: parts.join(' and '),
        size: query.size,
        sort: [{ field: 'updated_at', order: 'desc' }],
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
    },
  });
  return [list, detail, ...actions];
}
