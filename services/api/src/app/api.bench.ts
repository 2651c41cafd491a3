import { alertFixture } from '@vigil/incidents/testing';
import { createTestWorld, eventFixture } from '../testing/test-world.js';

// Request cost through the whole stack of checks (auth, role, validation, query planning, audit,
// JSON escaping) on memory ports. Run: node --import tsx services/api/src/app/api.bench.ts
const EVENTS = 20_000;
const world = await createTestWorld();
world.memory.store.addEvents(
  Array.from({ length: EVENTS }, (_, i) =>
    eventFixture(1000 + i, { source: { ip: `10.0.${(i >> 8) & 255}.${i & 255}`, port: 1024 + (i % 60000) } }),
  ),
);
for (let n = 100; n < 200; n++)
  world.memory.store.addAlert(alertFixture({ n, group: { 'source.ip': `10.9.0.${n}` } }));
const headers = { authorization: `Bearer ${world.tokens.analyst}` };

async function measure(
  label: string,
  runs: number,
  call: () => Promise<{ statusCode: number }>,
): Promise<void> {
  await call();
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const response = await call();
    if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode}`);
  }
  const ms = (performance.now() - start) / runs;
  console.log(
    JSON.stringify({
      bench: 'api',
      label,
      runs,
      msPerRequest: Math.round(ms * 100) / 100,
      requestsPerSecond: Math.round(1000 / ms),
    }),
  );
}

await measure('GET /api/v1/auth/me (token auth only)', 2000, () =>
  world.api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }),
);
await measure(`POST /api/v1/search/events over ${EVENTS} events`, 50, () =>
  world.api.app.inject({
    method: 'POST',
    url: '/api/v1/search/events',
    headers,
    payload: {
      query: 'source.ip:10.0.0.0/16 and message:"failed password" and source.port >= 2000',
      size: 50,
    },
  }),
);
await measure('GET /api/v1/incidents?state=open (100 incidents)', 500, () =>
  world.api.app.inject({ method: 'GET', url: '/api/v1/incidents?state=open', headers }),
);
await world.api.app.close();
