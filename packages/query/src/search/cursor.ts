import { z } from 'zod';

export type SortValue = string | number | null;

const cursorSchema = z.strictObject({
  v: z.literal(1),
  /** Which index and sort the cursor belongs to: a cursor from another search is refused. */
  s: z.string(),
  a: z.array(z.union([z.string(), z.number(), z.null()])),
});

/** Opaque to clients (base64url JSON): the sort values of the last hit of the page. */
export function encodeCursor(signature: string, after: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ v: 1, s: signature, a: after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, signature: string, keys: number): SortValue[] | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.s !== signature || result.data.a.length !== keys) return undefined;
  return result.data.a;
}
