import { pagerDutyEventSchema } from '../pagerduty/pagerduty-event.schema.js';
import { HttpReceiver, type Reply, type ReceivedRequest } from './http-receiver.js';

/**
 * A local stand-in for the Events API v2 endpoint: validates each body against the documented
 * schema (400 with PagerDuty's error shape when invalid) and answers 202 with the documented body.
 * `before` can answer first (e.g. 503 or 429) to simulate an outage.
 */
export function startPagerDutyReceiver(
  before?: (request: Omit<ReceivedRequest, 'status'>, index: number) => Reply | undefined,
): Promise<HttpReceiver> {
  return HttpReceiver.start((request, index) => {
    const early = before?.(request, index);
    if (early !== undefined) return early;
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return {
        status: 400,
        body: JSON.stringify({
          status: 'invalid event',
          message: 'Event object is invalid',
          errors: ['not JSON'],
        }),
      };
    }
    const parsed = pagerDutyEventSchema.safeParse(json);
    if (!parsed.success) {
      return {
        status: 400,
        body: JSON.stringify({
          status: 'invalid event',
          message: 'Event object is invalid',
          errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        }),
      };
    }
    return {
      status: 202,
      body: JSON.stringify({
        status: 'success',
        message: 'Event processed',
        dedup_key: parsed.data.dedup_key ?? 'generated',
      }),
    };
  });
}
