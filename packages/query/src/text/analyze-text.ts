/**
 * Splits text into lower-cased words the way Elasticsearch's `standard` analyzer does for the
 * cases logs contain (Unicode UAX #29 word boundaries, simplified): letters and digits form words;
 * `_` joins; `.` and `'` join between two letters or two digits (`example.com`, `10.0.0.1`);
 * `:` joins between letters (`sshd:auth`); `,` and `;` join between digits (`1,000`).
 * The in-memory store uses it so a phrase matches there exactly when it matches in Elasticsearch.
 */
const LETTER = /\p{L}|\p{M}/u;
const DIGIT = /\p{Nd}/u;
const MID_LETTER = new Set([':', '\u00b7', '\u0387', '\u05f4', '\u2027', '\ufe13', '\ufe55', '\uff1a']);
const MID_NUM_LET = new Set(['.', "'", '\u2018', '\u2019', '\u2024', '\ufe52', '\uff07', '\uff0e']);
const MID_NUM = new Set([
  ',',
  ';',
  '\u037e',
  '\u0589',
  '\u060c',
  '\u060d',
  '\u066c',
  '\u07f8',
  '\u2044',
  '\ufe10',
  '\ufe14',
  '\ufe50',
  '\ufe54',
  '\uff0c',
  '\uff1b',
]);
/** Lucene's default maximum token length; longer runs are split. */
const MAX_TOKEN_LENGTH = 255;

type CharClass = 'letter' | 'digit' | 'under' | 'other';

function classify(char: string | undefined): CharClass {
  if (char === undefined) return 'other';
  if (char === '_') return 'under';
  if (DIGIT.test(char)) return 'digit';
  if (LETTER.test(char)) return 'letter';
  return 'other';
}

export function analyzeText(text: string): string[] {
  const chars = Array.from(text);
  const tokens: string[] = [];
  let current = '';
  let length = 0;
  const flush = (): void => {
    if (current.length > 0) tokens.push(current.toLowerCase());
    current = '';
    length = 0;
  };
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const cls = classify(char);
    if (cls !== 'other') {
      if (length >= MAX_TOKEN_LENGTH) flush();
      current += char;
      length++;
      continue;
    }
    if (current.length > 0) {
      const before = classify(chars[i - 1]);
      const after = classify(chars[i + 1]);
      const joinsLetters =
        before === 'letter' && after === 'letter' && (MID_LETTER.has(char) || MID_NUM_LET.has(char));
      const joinsDigits =
        before === 'digit' && after === 'digit' && (MID_NUM.has(char) || MID_NUM_LET.has(char));
      if ((joinsLetters || joinsDigits) && length < MAX_TOKEN_LENGTH) {
        current += char;
        length++;
        continue;
      }
    }
    flush();
  }
  flush();
  return tokens;
}
