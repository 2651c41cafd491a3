export { LineSplitter } from './line-splitter/line-splitter.js';
export { followFile, type FollowFileOptions, type FollowedLine } from './follow-file/follow-file.js';
export {
  startSyslogServer,
  OctetOrLineFramer,
  type SyslogMessage,
  type SyslogServer,
  type SyslogServerOptions,
} from './syslog-server/syslog-server.js';
