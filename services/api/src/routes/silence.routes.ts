import { randomUUID } from 'node:crypto';
import { expireSilence, parseDuration, parseMatcher, silenceSchema, type Silence } from '@vigil/routing';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, resultId, type Route } from '../http/route-def.js';
import type { SilenceStore } from '../ports/silence-store.js';
import { idParams } from '../schemas/common.schema.js';

const matchers = z
  .array(
    z
      .string()
      .min(1)
      .max(500)
      .superRefine((text, ctx) => {
        const result = parseMatcher(text);
        if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
      }),
  )
  .min(1)
  .max(20)
  .describe('Label matchers, all of which must match, e.g. `rule_id="ssh-brute-force"`, `host=~"web-.*"`');

const silenceBody = z.strictObject({
  matchers,
  starts_at: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  ends_at: z.iso.datetime({ offset: true }).optional(),
  duration: z.string().max(20).optional().describe('Instead of ends_at, e.g. `2h`, `1d`'),
  comment: z.string().max(2000).default(''),
});

type SilenceBody = z.infer<typeof silenceBody>;

function build(body: SilenceBody, id: string, createdBy: string, now: number): Silence {
  const startsAt = body.starts_at ?? new Date(now).toISOString();
  let endsAt = body.ends_at;
  if (endsAt === undefined && body.duration !== undefined) {
    const ms = parseDuration(body.duration);
    if (ms === undefined)
      throw new ApiError(
        400,
        'validation_failed',
        `body.duration: '${body.duration}' is not a duration (use 30m, 2h, 1d)`,
      );
    endsAt = new Date(Date.parse(startsAt) + ms).toISOString();
  }
  if (endsAt === undefined) throw new ApiError(400, 'validation_failed', 'body: give ends_at or duration');
  const parsed = silenceSchema.safeParse({
    id,
    matchers: body.matchers,
    starts_at: startsAt,
    ends_at: endsAt,
    created_by: createdBy,
    comment: body.comment,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      400,
      'validation_failed',
      `body.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid silence'}`,
    );
  }
  return parsed.data;
}

export function silenceRoutes(silences: SilenceStore, now: () => number = Date.now): Route[] {
  const silenceOut = z.object({
    id: z.string(),
    matchers: z.array(z.string()),
    starts_at: z.string(),
    ends_at: z.string(),
    created_by: z.string(),
    comment: z.string(),
  });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/silences',
      summary: 'All silences, newest first',
      tag: 'silences',
      access: 'silences:read',
      response: z.object({ silences: z.array(silenceOut) }),
      handler: async () => ({ silences: await silences.list() }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/silences/:id',
      summary: 'One silence',
      tag: 'silences',
      access: 'silences:read',
      params: idParams,
      response: silenceOut,
      handler: async ({ params }) =>
        (await silences.get(params.id)) ?? Promise.reject(notFound(`silence ${params.id}`)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/silences',
      summary: 'Create a silence',
      tag: 'silences',
      access: 'silences:write',
      status: 201,
      body: silenceBody,
      response: silenceOut,
      audit: {
        action: 'silence.create',
        target: (_p, _b, result) => ({ type: 'silence', ...resultId(result) }),
      },
      handler: async ({ body, principal }) => {
        const silence = build(body, randomUUID(), principal?.name ?? 'anonymous', now());
        await silences.put(silence);
        return silence;
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/v1/silences/:id',
      summary: 'Change a silence (matchers, times, comment)',
      tag: 'silences',
      access: 'silences:write',
      params: idParams,
      body: silenceBody,
      response: silenceOut,
      audit: { action: 'silence.update', target: (params) => ({ type: 'silence', id: params.id }) },
      handler: async ({ params, body }) => {
        const existing = await silences.get(params.id);
        if (existing === undefined) throw notFound(`silence ${params.id}`);
        const silence = build(body, existing.id, existing.created_by, now());
        await silences.put(silence);
        return silence;
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/silences/:id',
      summary: 'Expire a silence now (it is kept, ended, for the record)',
      tag: 'silences',
      access: 'silences:write',
      params: idParams,
      response: silenceOut,
      audit: { action: 'silence.expire', target: (params) => ({ type: 'silence', id: params.id }) },
      handler: async ({ params }) => {
        const existing = await silences.get(params.id);
        if (existing === undefined) throw notFound(`silence ${params.id}`);
        const expired = expireSilence(existing, new Date(now()));
        await silences.put(expired);
        return expired;
      },
    }),
  ];
}
