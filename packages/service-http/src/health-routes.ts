/** What the health/metrics server answers, as data (the server itself is a thin `node:http` shell). */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface HealthProbe {
  /** The process works: false once it failed for good (a restart is the fix). */
  live(): boolean;
  /** Ready to do its work: e.g. consumers joined, producer connected, templates installed. */
  ready(): boolean;
  /** Why it is not ready/live, for people reading the probe. */
  detail(): Record<string, unknown>;
  metrics(): Promise<{ readonly contentType: string; readonly body: string }>;
}

const json = (status: number, body: unknown): HttpAnswer => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

export async function answer(method: string, url: string, probe: HealthProbe): Promise<HttpAnswer> {
  const path = url.split('?', 1)[0];
  if (method !== 'GET' && method !== 'HEAD') return json(405, { error: 'method not allowed' });
  switch (path) {
    case '/healthz': {
      const live = probe.live();
      return json(live ? 200 : 503, { status: live ? 'ok' : 'failed', ...probe.detail() });
    }
    case '/readyz': {
      const ready = probe.ready();
      return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...probe.detail() });
    }
    case '/metrics': {
      const { contentType, body } = await probe.metrics();
      return { status: 200, contentType, body };
    }
    default:
      return json(404, { error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] });
  }
}
