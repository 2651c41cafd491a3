import type { Alert } from '@vigil/schema';
import type { EngineOutput } from '../model/engine-output.js';

export function alertsOf(outputs: readonly EngineOutput[]): Alert[] {
  return outputs.flatMap((o) => (o.kind === 'alert' ? [o.alert] : []));
}

export function kinds(outputs: readonly EngineOutput[]): string[] {
  return outputs.map((o) => o.kind);
}
