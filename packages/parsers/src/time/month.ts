/** Month index (0-11) of an English three-letter abbreviation at `s[i..i+3)`, or -1. Case-sensitive first letter. */
export function monthAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1) | 0x20;
  const c = s.charCodeAt(i + 2) | 0x20;
  switch (a | 0x20) {
    case 0x6a: // j
      if (b === 0x61 && c === 0x6e) return 0; // jan
      if (b === 0x75 && c === 0x6e) return 5; // jun
      if (b === 0x75 && c === 0x6c) return 6; // jul
      return -1;
    case 0x66: // f
      return b === 0x65 && c === 0x62 ? 1 : -1;
    case 0x6d: // m
      if (b !== 0x61) return -1;
      if (c === 0x72) return 2; // mar
      if (c === 0x79) return 4; // may
      return -1;
    case 0x61: // a
      if (b === 0x70 && c === 0x72) return 3; // apr
      if (b === 0x75 && c === 0x67) return 7; // aug
      return -1;
    case 0x73: // s
      return b === 0x65 && c === 0x70 ? 8 : -1;
    case 0x6f: // o
      return b === 0x63 && c === 0x74 ? 9 : -1;
    case 0x6e: // n
      return b === 0x6f && c === 0x76 ? 10 : -1;
    case 0x64: // d
      return b === 0x65 && c === 0x63 ? 11 : -1;
    default:
      return -1;
  }
}

/** Value of `n` ASCII digits at `s[i..i+n)`, or -1 if any is not a digit. */
export function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
