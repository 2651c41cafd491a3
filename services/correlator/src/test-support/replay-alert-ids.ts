import { createEngine, type RuleSet } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';

/** What `vigil replay` computes: one engine over all events, flushed at the end. Alert ids, sorted. */
export function replayAlertIds(
  ruleSet: RuleSet,
  events: readonly VigilEvent[],
  latenessMs = 5_000,
): string[] {
  const engine = createEngine(ruleSet, { allowedLatenessMs: latenessMs });
  const outputs = [...engine.pushMany(events), ...engine.flush()];
  return outputs.flatMap((output) => (output.kind === 'alert' ? [output.alert.id] : [])).sort();
}
