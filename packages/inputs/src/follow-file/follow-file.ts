import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { LineSplitter } from '../line-splitter/line-splitter.js';

export interface FollowFileOptions {
  /** Start at the beginning (true) or at the current end (false, like `tail -F -n0`). */
  readonly fromStart?: boolean;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  readonly maxLineChars?: number;
  /** Stop at end of file instead of waiting for more (reading a finished file). */
  readonly stopAtEof?: boolean;
}

export interface FollowedLine {
  readonly line: string;
  readonly path: string;
}

const CHUNK = 256 * 1024;

/**
 * `tail -F` as an async iterable: follows a path across rotation (rename + new file: the old file
 * is read to its end first, then the new one from its start) and truncation (copytruncate: start
 * again at 0, also when refilled to the same size, told by mtime), and waits for a file that does not exist yet. Polls by stat: fs.watch misses events
 * on some filesystems and for renamed files, and a stat every few hundred ms costs nothing.
 */
export async function* followFile(
  path: string,
  options: FollowFileOptions = {},
): AsyncGenerator<FollowedLine> {
  const pollMs = options.pollMs ?? 250;
  const signal = options.signal;
  let handle: FileHandle | undefined;
  let inode = -1;
  let position = 0;
  let splitter = new LineSplitter(options.maxLineChars);
  let first = true;
  // copytruncate can shrink a file and refill it to the very size we had read: only the
  // modification time tells. `syncedMtime` is the mtime when we last knew we had read it all.
  let syncedMtime = -1;
  const buffer = Buffer.allocUnsafe(CHUNK);

  try {
    while (signal?.aborted !== true) {
      if (handle === undefined) {
        try {
          handle = await open(path, 'r');
          const info = await handle.stat();
          inode = info.ino;
          position = first && options.fromStart === false ? info.size : 0;
          syncedMtime = -1;
          splitter = new LineSplitter(options.maxLineChars);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          if (options.stopAtEof === true) return;
          await delay(pollMs, signal);
          continue;
        } finally {
          first = false;
        }
      }

      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead > 0) {
        position += bytesRead;
        const info = await handle.stat();
        syncedMtime = info.size === position ? info.mtimeMs : -1;
        for (const line of splitter.push(buffer.subarray(0, bytesRead))) yield { line, path };
        continue;
      }

      // At the end of what the open file holds: was it rotated or truncated?
      const current = await statIfExists(path);
      if (current === undefined || current.ino !== inode) {
        for (const line of splitter.end()) yield { line, path };
        await handle.close();
        handle = undefined;
        if (current === undefined && options.stopAtEof === true) return;
        continue;
      }
      const rewritten = current.size === position && syncedMtime !== -1 && current.mtimeMs !== syncedMtime;
      syncedMtime = current.size === position ? current.mtimeMs : -1;
      if (current.size < position || rewritten) {
        position = 0;
        splitter = new LineSplitter(options.maxLineChars);
        continue;
      }
      if (options.stopAtEof === true) {
        for (const line of splitter.end()) yield { line, path };
        return;
      }
      await delay(pollMs, signal);
    }
  } finally {
    await handle?.close();
  }
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
