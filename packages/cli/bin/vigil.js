#!/usr/bin/env node
// The `vigil` command. Vigil runs its TypeScript sources directly; tsx compiles them on load
// (cached), so `npm ci` is the only setup step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
