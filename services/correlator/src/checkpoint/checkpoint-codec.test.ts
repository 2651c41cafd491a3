import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PARTITION_SNAPSHOT_FORMAT, type PartitionSnapshot } from '../partition/partition-snapshot.js';
import {
  CHECKPOINT_VERSION,
  CheckpointDecodeError,
  decodeCheckpoint,
  encodeCheckpoint,
} from './checkpoint-codec.js';

const snapshot: PartitionSnapshot = {
  format: PARTITION_SNAPSHOT_FORMAT,
  watermark: 1_000,
  upstreams: {
    partitions: 2,
    marks: [
      [0, 1_000, false],
      [1, null, true],
    ],
  },
  dedup: [['source.ip\u00000', '41']],
  engines: [],
};

describe('checkpoint codec', () => {
  it('round-trips a partition snapshot through gzipped JSON', () => {
    const bytes = encodeCheckpoint(snapshot);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(decodeCheckpoint(CHECKPOINT_VERSION, bytes)).toEqual(snapshot);
  });

  it('refuses another version, bytes that are not gzipped JSON, and JSON of another shape', () => {
    const bytes = encodeCheckpoint(snapshot);
    expect(() => decodeCheckpoint(CHECKPOINT_VERSION + 1, bytes)).toThrow(CheckpointDecodeError);
    expect(() => decodeCheckpoint(CHECKPOINT_VERSION, Buffer.from('{}'))).toThrow('not gzipped JSON');
    expect(() => decodeCheckpoint(CHECKPOINT_VERSION, gzipSync('{"format":"other"}'))).toThrow(
      PARTITION_SNAPSHOT_FORMAT,
    );
  });
});
