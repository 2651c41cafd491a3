// Every case-insensitive rule lowercases the same few strings of the event being matched; a tiny
// cache keyed by string identity turns N rules x lowercase into one lowercase per string.
const SIZE = 8;
const inputs: (string | undefined)[] = new Array<string | undefined>(SIZE).fill(undefined);
const outputs: string[] = new Array<string>(SIZE).fill('');
let next = 0;

/** `text.toLowerCase()`, memoized over the last few distinct inputs. */
export function lowerCase(text: string): string {
  for (let i = 0; i < SIZE; i++) {
    if (inputs[i] === text) return outputs[i] ?? text.toLowerCase();
  }
  const lowered = text.toLowerCase();
  inputs[next] = text;
  outputs[next] = lowered;
  next = (next + 1) % SIZE;
  return lowered;
}
