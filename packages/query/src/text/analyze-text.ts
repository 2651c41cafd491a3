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
  const code = char.charCodeAt(0);
  // ASCII fast path: logs are mostly ASCII, and a regex test per character is the slow part.
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return 'letter';
    if (code >= 0x41 && code <= 0x5a) return 'letter';
    if (code >= 0x30 && code <= 0x39) return 'digit';
    return code === 0x5f ? 'under' : 'other';
  }
  if (DIGIT.test(char)) return 'digit';
  if (LETTER.test(char)) return 'letter';
  return 'other';
}

/** ASCII class of a char code: 1 letter, 2 digit, 3 underscore, 0 other. */
function asciiClass(code: number): number {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 1;
  if (code >= 0x30 && code <= 0x39) return 2;
  return code === 0x5f ? 3 : 0;
}

const ASCII_MID_LETTER = new Set([0x3a, 0x2e, 0x27]); // : . '
const ASCII_MID_NUM = new Set([0x2c, 0x3b, 0x2e, 0x27]); // , ; . '

/** The same rules over char codes, without building strings char by char: the common case for logs. */
function analyzeAscii(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    const cls = code < 0 ? 0 : asciiClass(code);
    if (cls !== 0) {
      if (start < 0) start = i;
      else if (i - start >= MAX_TOKEN_LENGTH) {
        tokens.push(text.slice(start, i).toLowerCase());
        start = i;
      }
      continue;
    }
    if (start < 0) continue;
    if (code >= 0 && i + 1 < text.length && i - start < MAX_TOKEN_LENGTH) {
      const before = asciiClass(text.charCodeAt(i - 1));
      const after = asciiClass(text.charCodeAt(i + 1));
      if (
        (before === 1 && after === 1 && ASCII_MID_LETTER.has(code)) ||
        (before === 2 && after === 2 && ASCII_MID_NUM.has(code))
      ) {
        continue;
      }
    }
    tokens.push(text.slice(start, i).toLowerCase());
    start = -1;
  }
  return tokens;
}

export function analyzeText(text: string): string[] {
  if (/^[\x00-\x7f]*$/.test(text)) return analyzeAscii(text);
  const chars = Array.from(text);
  const tokens: string[] = [];
  let current = '';
  let length = 0;
  const flush = (): void => {
    if (length > 0) tokens.push(current.toLowerCase());
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
    if (length > 0) {
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
