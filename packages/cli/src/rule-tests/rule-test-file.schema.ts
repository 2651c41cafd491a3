import { z } from 'zod';

const groupValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One expected alert: every field given must match; fields left out are not checked. */
export const expectedAlertSchema = z.strictObject({
  group: z.record(z.string(), groupValue).optional(),
  count: z.number().int().nonnegative().optional(),
});

export const ruleTestCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** Year for RFC 3164 lines, which carry none. */
  year: z.number().int().min(1970).max(9999).optional(),
  timezone: z.string().optional(),
  /** Raw log lines, one per line, in any format Vigil parses. */
  lines: z.string().min(1),
  /** The alerts of the rule under test, in firing order; [] means it must not fire. */
  expect: z.array(expectedAlertSchema),
});

/** `<rule>.tests.yml` beside a rule: match and no-match cases, run through parser and engine. */
export const ruleTestFileSchema = z.strictObject({
  /** The rule's `name` or `id`. */
  rule: z.string().min(1),
  cases: z.array(ruleTestCaseSchema).min(1),
});

export type RuleTestFile = z.infer<typeof ruleTestFileSchema>;
export type RuleTestCase = z.infer<typeof ruleTestCaseSchema>;
export type ExpectedAlert = z.infer<typeof expectedAlertSchema>;
