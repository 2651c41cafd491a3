export {
  generateMixedLog,
  type GeneratedLine,
  type MixedLogOptions,
  type RawStream,
} from './generate-mixed-log.js';
export { createPrng, type Prng } from './prng.js';
export {
  bsdSyslog,
  isoSyslog,
  nginxCombined,
  nginxJson,
  ufwLine,
  cloudTrailConsoleLogin,
  type AccessLine,
} from './line-formats.js';
