import type { Silence } from '@vigil/routing';

/** Silences (notification mutes), in `@vigil/routing`'s shape so the notifier reads the same records. */
export interface SilenceStore {
  list(): Promise<Silence[]>;
  get(id: string): Promise<Silence | undefined>;
  put(silence: Silence): Promise<void>;
}
