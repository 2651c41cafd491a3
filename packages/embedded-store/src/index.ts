export { RecordLog, type RecordLogOptions, type RecordLogStats } from './record-log/record-log.js';
