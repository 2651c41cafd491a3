#!/usr/bin/env -S node --max-semi-space-size=64
// A 64 MB young generation: events waiting in the reorder buffer survive a few scavenges, and
// copying them dominated replay time with the default (measured ×1.3 end to end, BENCHMARKS.md).
// The `vigil` command. Vigil runs its TypeScript sources directly; tsx compiles them on load
// (cached), so `npm ci` is the only setup step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
