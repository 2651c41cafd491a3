import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { stackEndpoints } from './stack-endpoints.js';
import { createTcpProxy } from './tcp-proxy.js';

/** A way to take a service away from the code under test, and to bring it back. */
export interface Outage {
  /** The URL the code under test must use. */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const SERVICES = {
  redis: { url: () => stackEndpoints.redisUrl, scheme: 'redis', stack: 'redis' },
  elasticsearch: { url: () => stackEndpoints.elasticsearchUrl, scheme: 'http', stack: 'es' },
} as const;

/**
 * A stack service taken away from the code under test. By default a loopback proxy in front of the
 * real server is cut (connections refused, like a stopped server), so other test files sharing the
 * stack keep theirs; with `VIGIL_TEST_REAL_OUTAGES=1` the stack's server itself is stopped and
 * started again (`deploy/local/stack.sh stop|start <service>`).
 */
export async function serviceOutage(service: keyof typeof SERVICES): Promise<Outage> {
  const spec = SERVICES[service];
  if (process.env['VIGIL_TEST_REAL_OUTAGES'] === '1') {
    return {
      url: spec.url(),
      stop: () => stackCommand('stop', spec.stack),
      start: () => stackCommand('start', spec.stack),
    };
  }
  const real = new URL(spec.url());
  const proxy = await createTcpProxy({ host: real.hostname, port: Number(real.port) });
  return {
    url: `${spec.scheme}://127.0.0.1:${String(proxy.port)}`,
    stop: () => proxy.stop(),
    start: () => proxy.start(),
  };
}

async function stackCommand(command: string, service: string): Promise<void> {
  const script = resolve(import.meta.dirname, '../../../deploy/local/stack.sh');
  await promisify(execFile)('bash', [script, command, service], { timeout: 180_000 });
}
