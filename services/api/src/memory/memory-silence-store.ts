import type { Silence } from '@vigil/routing';
import type { SilenceStore } from '../ports/silence-store.js';

export class MemorySilenceStore implements SilenceStore {
  private readonly silences = new Map<string, Silence>();

  list(): Promise<Silence[]> {
    return Promise.resolve(
      [...this.silences.values()].sort((a, b) => b.starts_at.localeCompare(a.starts_at)),
    );
  }

  get(id: string): Promise<Silence | undefined> {
    return Promise.resolve(this.silences.get(id));
  }

  put(silence: Silence): Promise<void> {
    this.silences.set(silence.id, silence);
    return Promise.resolve();
  }
}
