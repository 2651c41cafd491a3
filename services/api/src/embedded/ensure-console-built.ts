import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build -w @vigil/api` writes the console. */
export const CONSOLE_ROOT = join(import.meta.dirname, '..', '..', 'console');
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');

/**
 * The built console, building it once with Vite when it is missing (a fresh `npm ci` has the
 * sources, not the bundle). Returns undefined, with the reason, when it cannot be built (a
 * production install without dev dependencies): the API then serves without the console.
 */
export async function ensureConsoleBuilt(
  onBuild: (message: string) => void = () => undefined,
): Promise<{ dir: string } | { dir: undefined; reason: string }> {
  if (existsSync(join(CONSOLE_DIST, 'index.html'))) return { dir: CONSOLE_DIST };
  onBuild('building the SOC console once (vite)…');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return {
      dir: undefined,
      reason: 'vite is not installed (install dev dependencies to build the console)',
    };
  }
  await vite.build({
    root: CONSOLE_ROOT,
    logLevel: 'warn',
    build: { outDir: CONSOLE_DIST, emptyOutDir: true },
  });
  return { dir: CONSOLE_DIST };
}
