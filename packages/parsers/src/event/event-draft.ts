/**
 * The mutable shape parsers fill in before an event is finalized. It mirrors the parts of
 * `eventSchema` Vigil's parsers write (ECS names), plus vendor namespaces as open records; tests
 * validate every produced event against the zod schema.
 */
export type Outcome = 'success' | 'failure' | 'unknown';

export interface EndpointDraft {
  address?: string;
  ip?: string;
  domain?: string;
  port?: number;
  mac?: string;
  bytes?: number;
  packets?: number;
}

export interface UserDraft {
  name?: string;
  id?: string;
  domain?: string;
  email?: string;
  roles?: string[];
  target?: UserDraft;
  effective?: UserDraft;
}

export interface EventDraft {
  '@timestamp': string;
  message?: string;
  tags?: string[];
  event: {
    id: string;
    kind: 'event';
    category: string[];
    type: string[];
    action?: string;
    outcome?: Outcome;
    dataset: string;
    module?: string;
    provider?: string;
    original: string;
    timezone?: string;
    reason?: string;
    duration?: number;
    code?: string;
    severity?: number;
  };
  vigil: {
    schema_version: 1;
    parser: string;
    origin?: { topic: string; partition: number; offset: string };
    truncated?: boolean;
    repeat?: { index: number; of: number };
    timestamp_fallback?: boolean;
    [key: string]: unknown;
  };
  host?: { hostname?: string; name?: string };
  source?: EndpointDraft;
  destination?: EndpointDraft;
  network?: {
    transport?: string;
    protocol?: string;
    direction?: string;
    type?: string;
    iana_number?: string;
    bytes?: number;
    packets?: number;
    community_id?: string;
  };
  user?: UserDraft;
  group?: { name?: string; id?: string };
  process?: { name?: string; pid?: number; command_line?: string; thread?: { id?: number } };
  http?: {
    version?: string;
    request?: { method?: string; referrer?: string };
    response?: { status_code?: number; body?: { bytes?: number } };
  };
  url?: {
    original?: string;
    path?: string;
    query?: string;
    domain?: string;
    extension?: string;
    port?: number;
  };
  user_agent?: { original?: string };
  observer?: Record<string, unknown>;
  log?: {
    level?: string;
    syslog?: {
      priority?: number;
      facility?: { code: number; name: string };
      severity?: { code: number; name: string };
      hostname?: string;
      appname?: string;
      procid?: string;
      msgid?: string;
      version?: string;
      structured_data?: string;
    };
  };
  rule?: { name?: string; id?: string; description?: string; category?: string };
  cloud?: Record<string, unknown>;
  error?: { message?: string; code?: string };
  related?: { ip?: string[]; user?: string[]; hosts?: string[] };
  system?: { auth: Record<string, unknown> };
  [vendor: string]: unknown;
}
