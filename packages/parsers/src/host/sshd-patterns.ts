/**
 * The OpenSSH message patterns used by `sshd.parser.ts`. All anchored, with at most one unbounded
 * group (or a greedy group followed only by a `.*$` tail) so that matching is linear in the line.
 */
export const AUTH =
  /^(Accepted|Failed|Postponed) (\S+) for (?:(invalid|illegal) user )?(.*) from (\S+)(?: port (\d+))?(?: (ssh[12]))?(?:: (.*?))?(?: \[preauth\])?$/;
export const INVALID = /^(Invalid|Illegal) user (.*) from (\S+)(?: port (\d+))?(?: \[preauth\])?$/;
export const NO_IDENT = /^Did not receive identification string from (\S+)(?: port (\d+))?/;
export const MAX_AUTH =
  /^(?:error: )?maximum authentication attempts exceeded for (?:(?:invalid|illegal) user )?(.*) from (\S+) port (\d+)/;
export const TOO_MANY =
  /^Disconnecting(?:: | (?:invalid|authenticating|illegal) user (.*) (\S+) port (\d+): )Too many authentication failures(?: for (?:(?:invalid|illegal) user )?(\S*))?/;
export const DISCONNECT =
  /^(Connection closed by|Connection reset by|Disconnected from|Disconnecting) (?:(invalid|authenticating|illegal) user (.*) |user (.*) )?(\S+) port (\d+)(?:(?::| \[preauth\]).*)?$/;
export const CLOSED_NO_PORT = /^Connection closed by (\S+?)( \[preauth\])?$/;
export const RECEIVED_DISCONNECT =
  /^(?:error: )?Received disconnect from (\S+?)(?: port (\d+))?: ?(\d+): (.*)$/;
export const REVERSE = /^reverse mapping checking getaddrinfo for (\S+) \[(\S+)\] failed/;
export const ADDRESS_MAPS = /^Address (\S+) maps to (\S+), but this does not map back to the address/;
export const NEGOTIATE =
  /^(?:fatal: )?Unable to negotiate (?:with (\S+?)(?: port (\d+))?: no matching (.*) found|a key exchange method)/;
export const BAD_PROTOCOL = /^Bad protocol version identification '(.*)'(?: from (\S+)(?: port (\d+))?)?/;
export const TIMEOUT = /^(?:fatal: )?Timeout before authentication for (\S+)(?: port (\d+))?/;
export const NOT_ALLOWED = /^User (.*) from (\S+) not allowed because (.*)$/;
export const USERAUTH_INVALID = /^input_userauth_request: (?:invalid|illegal) user (.*?)(?: \[preauth\])?$/;
export const MAGIC = /^Magic value check failed \(\d+\) on obfuscated handshake from (\S+) port (\d+)/;
export const DISPATCH_FATAL =
  /^ssh_dispatch_run_fatal: Connection from (?:(?:invalid|authenticating) user (.*) )?(\S+) port (\d+): (.*)$/;
export const REFUSED = /^refused connect from (\S+) \((\S+)\)$/;
export const CLOSE_SESSION = /^Close session: user (.*) from (\S+) port (\d+)/;
export const START_SESSION = /^Starting session: (.*) for (.*) from (\S+) port (\d+)/;
export const CONNECTION_FROM = /^Connection from (\S+) port (\d+) on (\S+) port (\d+)/;
export const READ_ERROR = /^Read error from remote host (\S+?)(?: port (\d+))?: (.*)$/;
export const AUTH_REFUSED = /^Authentication refused: (.*)$/;
export const PROTOCOL_ERROR =
  /^(?:Disconnecting: bad client public DH value|Corrupted MAC on input\.|Bad packet length \d+\.|(?:error: )?kex_exchange_identification: (.*)|(?:error: )?Protocol major versions differ)/;
export const BANNER = /^banner exchange: Connection from (\S+) port (\d+): (.*)$/;
export const SUBSYSTEM = /^subsystem request for (\S+) by user (\S+)( failed)?/;
export const PAM_ERROR_PREFIX = 'error: PAM: ';
export const PREAUTH = ' [preauth]';
