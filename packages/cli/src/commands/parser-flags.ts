import type { ParserOptions } from '@vigil/parsers';

/** `--year` and `--timezone`, shared by the commands that parse logs. */
export function parserOptionsFrom(values: {
  readonly year?: string | undefined;
  readonly timezone?: string | undefined;
}): { ok: true; options: ParserOptions } | { ok: false; error: string } {
  let options: ParserOptions = {};
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 1970 || year > 9999)
      return { ok: false, error: `--year takes a year, got ${values.year}` };
    options = { ...options, year };
  }
  if (values.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: values.timezone });
    } catch {
      return {
        ok: false,
        error: `--timezone takes an IANA zone such as Europe/Berlin, got ${values.timezone}`,
      };
    }
    options = { ...options, timezone: values.timezone };
  }
  return { ok: true, options };
}
