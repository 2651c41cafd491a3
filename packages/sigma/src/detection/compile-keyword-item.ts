import type { EventPredicate } from '@vigil/rule-engine';
import { compileFieldGetter } from '../field/field-getter.js';
import { compileRegex } from '../match/compile-regex.js';
import { lowerCase } from '../match/lower-case.js';
import { caseSensitiveMatcher, lowerSigmaString } from '../match/string-matcher.js';
import type { ItemState } from '../modifiers/modifier-registry.js';
import type { SigmaValue } from '../modifiers/sigma-value.js';
import { groupLiteralValues } from './group-literal-values.js';

/** A keyword test of one text, given as written and lowercased (once per text, not per keyword). */
type KeywordTest = (raw: string, lower: string) => boolean;

function keywordTest(value: SigmaValue): KeywordTest {
  switch (value.kind) {
    case 'string': {
      if (value.cased) {
        const match = caseSensitiveMatcher(value.value);
        return (raw) => match(raw);
      }
      const match = caseSensitiveMatcher(lowerSigmaString(value.value));
      return (_raw, lower) => match(lower);
    }
    case 'regex': {
      const match = compileRegex(value);
      return (raw) => match(raw);
    }
    case 'expansion': {
      const tests = value.values.map(keywordTest);
      return (raw, lower) => tests.some((test) => test(raw, lower));
    }
    default:
      // asKeyword() admits only the kinds above.
      throw new TypeError(`keyword value of kind ${value.kind}`);
  }
}

/**
 * Keywords (field-less values) search the event's text fields (`message`, `event.original`): an
 * OR item matches when any keyword is found in any text; `all` needs every keyword in some text.
 */
export function compileKeywordItem(
  values: readonly SigmaValue[],
  state: ItemState,
  fields: readonly string[],
): EventPredicate {
  const getters = fields.map(compileFieldGetter);
  const { negated } = state;
  let tests: KeywordTest[];
  if (state.linking === 'or') {
    const { groups, rest } = groupLiteralValues(values);
    const grouped = groups.map((group): KeywordTest =>
      group.cased ? (raw) => group.match(raw) : (_raw, lower) => group.match(lower),
    );
    tests = [...grouped, ...rest.map(keywordTest)];
  } else {
    tests = values.map(keywordTest);
  }
  if (state.linking === 'and') {
    return (event) => {
      const texts: string[] = [];
      for (const getter of getters) {
        const text = getter(event);
        if (typeof text === 'string') texts.push(text);
      }
      for (const test of tests) {
        if (!texts.some((text) => test(text, lowerCase(text)))) return negated;
      }
      return !negated;
    };
  }
  return (event) => {
    let previous: string | undefined;
    for (const getter of getters) {
      const text = getter(event);
      // The message is often the whole original line: no need to search the same text twice.
      if (typeof text !== 'string' || text === previous) continue;
      previous = text;
      const lower = lowerCase(text);
      for (const test of tests) if (test(text, lower)) return !negated;
    }
    return negated;
  };
}
