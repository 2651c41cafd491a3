import type { DecodedLine } from './decode-raw-message.js';
import { toEpochMs } from './vigil-envelope.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `a.b.c` in nested objects (how Filebeat and Vector send ECS fields). */
function path(object: Json, ...keys: string[]): unknown {
  let current: unknown = object;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Whether the object carries shipper metadata: Filebeat/Elastic Agent (`@metadata`, `agent`,
 * `ecs`, `host.name`, `log.file.path`) or Vector (`source_type`). `message` + `@timestamp` alone
 * is how many applications log JSON, so it is not enough.
 */
function fromShipper(object: Json): boolean {
  return (
    isObject(object['@metadata']) ||
    isObject(object['agent']) ||
    isObject(object['ecs']) ||
    typeof object['source_type'] === 'string' ||
    text(path(object, 'host', 'name')) !== undefined ||
    text(path(object, 'log', 'file', 'path')) !== undefined
  );
}

/** A Filebeat / Elastic Agent / Vector event around one line, or undefined when it is not one. */
export function readShipperEnvelope(object: Json, invalidUtf8: boolean): DecodedLine | undefined {
  const line = object['message'];
  if (typeof line !== 'string' || !fromShipper(object)) return undefined;
  const host =
    text(path(object, 'host', 'name')) ?? text(path(object, 'host', 'hostname')) ?? text(object['host']);
  const file = text(path(object, 'log', 'file', 'path')) ?? text(object['file']);
  const dataset = text(path(object, 'event', 'dataset')) ?? text(path(object, 'data_stream', 'dataset'));
  // A time the shipper got wrong is no reason to lose the line: Kafka's timestamp is used instead.
  const receivedAt = toEpochMs(object['@timestamp']) ?? toEpochMs(object['timestamp']);
  return {
    ok: true,
    line,
    invalidUtf8,
    envelope: 'shipper',
    ...(host === undefined ? {} : { host }),
    ...(file === undefined ? {} : { file }),
    ...(dataset === undefined ? {} : { dataset }),
    ...(receivedAt === undefined ? {} : { receivedAt }),
  };
}
