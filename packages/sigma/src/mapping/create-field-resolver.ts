import { RuleCompileError } from '../rule/rule-compile-error.js';
import { describeLogsource, type Mappings, type RuleLogsource } from './mappings.js';
import { matchesSubset } from './resolve-logsource.js';

function byPrefix(prefixes: ReadonlyMap<string, string>, field: string): readonly string[] | undefined {
  for (const [prefix, target] of prefixes) {
    if (field.startsWith(prefix) && field.length > prefix.length)
      return [target + field.slice(prefix.length)];
  }
  return undefined;
}

/**
 * A resolver from Sigma field names to event fields for one logsource: scoped mappings, ECS names
 * as they are, a scoped fallback prefix, then global mappings. Unknown names throw `unsupported_field`.
 */
export function createFieldResolver(
  mappings: Mappings,
  logsource: RuleLogsource | undefined,
): (field: string) => readonly string[] {
  const scopes =
    logsource === undefined ? [] : mappings.scoped.filter((scope) => matchesSubset(scope.match, logsource));
  const where = logsource === undefined ? 'correlation rules' : `logsource ${describeLogsource(logsource)}`;
  const fallback = scopes.find((scope) => scope.fallbackPrefix !== undefined)?.fallbackPrefix;
  const useGlobal = scopes.every((scope) => scope.inheritGlobal);
  return (field) => {
    for (const scope of scopes) {
      const mapped = scope.fields.get(field) ?? byPrefix(scope.prefixes, field);
      if (mapped !== undefined) return mapped;
    }
    if (
      mappings.ecsFields.has(field) ||
      mappings.passthroughPrefixes.some((prefix) => field.startsWith(prefix))
    ) {
      return [field];
    }
    // A logsource whose events keep their native column names (Zeek) takes any other name as one.
    if (fallback !== undefined) return [fallback + field];
    const mapped = useGlobal ? (mappings.global.get(field) ?? byPrefix(mappings.prefixes, field)) : undefined;
    if (mapped !== undefined) return mapped;
    throw new RuleCompileError(
      'unsupported_field',
      `field '${field}' is not mapped for ${where} (rules/mappings/fields.yml) and is no ECS field of Vigil events`,
    );
  };
}
