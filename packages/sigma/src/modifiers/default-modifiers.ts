import { base64Modifier, base64offsetModifier } from './encoding-modifiers.js';
import { cidrModifier, existsModifier, fieldrefModifier } from './field-modifiers.js';
import { ModifierRegistry } from './modifier-registry.js';
import {
  dayModifier,
  gteModifier,
  gtModifier,
  hourModifier,
  lteModifier,
  ltModifier,
  minuteModifier,
  monthModifier,
  weekModifier,
  yearModifier,
} from './numeric-modifiers.js';
import { dotAllModifier, ignoreCaseModifier, multilineModifier, reModifier } from './regex-modifiers.js';
import {
  allModifier,
  casedModifier,
  containsModifier,
  endswithModifier,
  neqModifier,
  startswithModifier,
} from './string-modifiers.js';

const WINDOWS_ONLY = 'it exists for Windows command lines and UTF-16 event data, which Vigil does not ingest';

/** The modifiers of the Sigma 2.1 appendix that Vigil supports, plus explicit rejections. */
export function createDefaultModifiers(): ModifierRegistry {
  return new ModifierRegistry()
    .register('contains', containsModifier)
    .register('startswith', startswithModifier)
    .register('endswith', endswithModifier)
    .register('all', allModifier)
    .register('neq', neqModifier)
    .register('cased', casedModifier)
    .register('exists', existsModifier)
    .register('re', reModifier)
    .register('i', ignoreCaseModifier)
    .register('ignorecase', ignoreCaseModifier)
    .register('m', multilineModifier)
    .register('multiline', multilineModifier)
    .register('s', dotAllModifier)
    .register('dotall', dotAllModifier)
    .register('cidr', cidrModifier)
    .register('base64', base64Modifier)
    .register('base64offset', base64offsetModifier)
    .register('lt', ltModifier)
    .register('lte', lteModifier)
    .register('gt', gtModifier)
    .register('gte', gteModifier)
    .register('minute', minuteModifier)
    .register('hour', hourModifier)
    .register('day', dayModifier)
    .register('week', weekModifier)
    .register('month', monthModifier)
    .register('year', yearModifier)
    .register('fieldref', fieldrefModifier)
    .register('expand', { scope: 'placeholder' })
    .register('windash', { scope: 'unsupported', reason: WINDOWS_ONLY })
    .register('wide', { scope: 'unsupported', reason: WINDOWS_ONLY })
    .register('utf16', { scope: 'unsupported', reason: WINDOWS_ONLY })
    .register('utf16le', { scope: 'unsupported', reason: WINDOWS_ONLY })
    .register('utf16be', { scope: 'unsupported', reason: WINDOWS_ONLY });
}
