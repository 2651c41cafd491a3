import { gunzipSync, gzipSync } from 'node:zlib';
import { VigilError } from '@vigil/core';
import { PARTITION_SNAPSHOT_FORMAT, type PartitionSnapshot } from '../partition/partition-snapshot.js';

/** The `version` stored beside the state in Redis: bump it when the encoding changes. */
export const CHECKPOINT_VERSION = 1;

/** A checkpoint that cannot be read: the partition then replays from the start of its topic. */
export class CheckpointDecodeError extends VigilError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'CHECKPOINT_UNREADABLE', retriable: false, cause });
  }
}

/** Snapshot → bytes: JSON, gzipped (state is mostly repeated keys and event JSON: 5-10x smaller). */
export function encodeCheckpoint(snapshot: PartitionSnapshot): Buffer {
  return gzipSync(JSON.stringify(snapshot), { level: 1 });
}

export function decodeCheckpoint(version: number, state: Buffer): PartitionSnapshot {
  if (version !== CHECKPOINT_VERSION) {
    throw new CheckpointDecodeError(
      `checkpoint version ${version}, this release reads ${CHECKPOINT_VERSION}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(state).toString('utf8'));
  } catch (error) {
    throw new CheckpointDecodeError('checkpoint is not gzipped JSON', error);
  }
  const snapshot = parsed as Partial<PartitionSnapshot> | null;
  if (
    snapshot?.format !== PARTITION_SNAPSHOT_FORMAT ||
    !Array.isArray(snapshot.engines) ||
    !Array.isArray(snapshot.dedup) ||
    typeof snapshot.upstreams !== 'object'
  ) {
    throw new CheckpointDecodeError(`checkpoint is not a ${PARTITION_SNAPSHOT_FORMAT} snapshot`);
  }
  return snapshot as PartitionSnapshot;
}
