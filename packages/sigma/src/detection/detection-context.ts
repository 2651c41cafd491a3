import type { ModifierRegistry } from '../modifiers/modifier-registry.js';
import type { PlaceholderLookup } from '../placeholders/expand-placeholders.js';

/** What compiling one rule's detection needs from the loader. */
export interface DetectionContext {
  readonly modifiers: ModifierRegistry;
  /** Sigma field name -> the event field(s) it reads; throws RuleCompileError('unsupported_field'). */
  readonly resolveField: (sigmaField: string) => readonly string[];
  readonly placeholders: PlaceholderLookup;
  /** Event fields searched by keyword (field-less) items. */
  readonly keywordFields: readonly string[];
  /** Filled while compiling: Sigma field -> event fields, and placeholder -> values (for the rule version). */
  readonly usedFields: Map<string, readonly string[]>;
  readonly usedPlaceholders: Map<string, readonly string[]>;
  /** Non-fatal findings (message per item); the caller locates them. */
  readonly warn: (message: string) => void;
}
