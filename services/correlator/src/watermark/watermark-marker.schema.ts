import { z } from 'zod';

/**
 * What stage 1 broadcasts to every repartition partition, about the upstream (`vigil.events`)
 * partitions it owns: the newest event time whose copies are acknowledged (every copy of an older
 * event from that partition is already written before this marker), and whether the partition is
 * idle (caught up and quiet). Flink-style watermark propagation across a repartitioning.
 */
export const watermarkMarkerSchema = z.object({
  marker: z.literal('watermark'),
  /** How many partitions the upstream topic has: stage 2 waits until it has heard of all of them. */
  partitions: z.number().int().positive(),
  upstreams: z.array(
    z.object({
      partition: z.number().int().nonnegative(),
      /** Newest event time (ms) seen on the partition by its owner, null when it saw none yet. */
      ts: z.number().nullable(),
      idle: z.boolean(),
    }),
  ),
});

export type WatermarkMarker = z.infer<typeof watermarkMarkerSchema>;
export type UpstreamMark = WatermarkMarker['upstreams'][number];
