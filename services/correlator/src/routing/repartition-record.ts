import type { ConsumedMessage, OutgoingMessage } from '@vigil/kafka';
import { watermarkMarkerSchema, type WatermarkMarker } from '../watermark/watermark-marker.schema.js';

/** Header names on the repartition topic (the event copy's value is the upstream bytes, untouched). */
export const REPARTITION_HEADERS = {
  kind: 'vigil-kind',
  family: 'vigil-family',
  upstream: 'vigil-upstream',
  upstreamOffset: 'vigil-upstream-offset',
} as const;

export interface EventCopyRecord {
  readonly kind: 'event';
  readonly family: string;
  readonly upstream: number;
  /** The offset on the upstream partition: copies re-sent after a stage-1 rebalance are dropped by it. */
  readonly upstreamOffset: bigint;
  readonly value: Buffer;
}

export interface MarkerRecord {
  readonly kind: 'watermark';
  readonly marker: WatermarkMarker;
}

export type RepartitionRecord = EventCopyRecord | MarkerRecord;

export function eventCopyMessage(
  key: string,
  family: string,
  upstream: number,
  upstreamOffset: string,
  value: Buffer,
): OutgoingMessage {
  return {
    key,
    value,
    headers: {
      [REPARTITION_HEADERS.kind]: 'event',
      [REPARTITION_HEADERS.family]: family,
      [REPARTITION_HEADERS.upstream]: String(upstream),
      [REPARTITION_HEADERS.upstreamOffset]: upstreamOffset,
    },
  };
}

export function markerMessage(partition: number, marker: WatermarkMarker): OutgoingMessage {
  return {
    key: null,
    partition,
    value: JSON.stringify(marker),
    headers: { [REPARTITION_HEADERS.kind]: 'watermark' },
  };
}

function header(message: ConsumedMessage, name: string): string | undefined {
  const raw = message.headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

/** A consumed repartition message as data, or why it is not one (a dead letter). */
export function decodeRepartitionRecord(message: ConsumedMessage): RepartitionRecord | string {
  const kind = header(message, REPARTITION_HEADERS.kind);
  if (message.value === null) return 'no value';
  if (kind === 'watermark') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value.toString('utf8'));
    } catch {
      return 'watermark marker is not JSON';
    }
    const result = watermarkMarkerSchema.safeParse(parsed);
    return result.success ? { kind: 'watermark', marker: result.data } : 'watermark marker of unknown shape';
  }
  if (kind !== 'event') return `unknown ${REPARTITION_HEADERS.kind} header ${JSON.stringify(kind ?? null)}`;
  const family = header(message, REPARTITION_HEADERS.family);
  const upstream = Number(header(message, REPARTITION_HEADERS.upstream));
  const offset = header(message, REPARTITION_HEADERS.upstreamOffset);
  if (family === undefined || !Number.isInteger(upstream) || upstream < 0)
    return 'event copy without family or upstream';
  if (offset === undefined || !/^\d+$/.test(offset)) return 'event copy without upstream offset';
  return { kind: 'event', family, upstream, upstreamOffset: BigInt(offset), value: message.value };
}
