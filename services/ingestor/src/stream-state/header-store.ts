/**
 * Where the header lines of each raw partition are kept, so that the member that gets a partition
 * next (after a restart or a rebalance) parses the lines after a header it never saw.
 */
export interface HeaderStore {
  load(topic: string, partition: number): Promise<readonly string[] | undefined>;
  save(topic: string, partition: number, lines: readonly string[]): Promise<void>;
}
