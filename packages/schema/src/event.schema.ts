import { z } from 'zod';

/**
 * The normalized event: a subset of the Elastic Common Schema (ECS 8.x/9.x field names), with the
 * conventions of Elastic's `system.auth` module for host authentication logs. Versioned by
 * `vigil.schema_version`. Objects are loose: parsers may add further ECS or vendor fields
 * (`zeek.*`, `aws.cloudtrail.*`, `nginx.*`) that rules and analysts can use.
 */
export const EVENT_SCHEMA_VERSION = 1 as const;

const ip = z.string().min(1);
const port = z.number().int().min(0).max(65535);
const stringList = z.array(z.string());

export const OUTCOMES = ['success', 'failure', 'unknown'] as const;
export const EVENT_KINDS = ['event', 'alert', 'metric', 'state', 'pipeline_error', 'signal'] as const;

const endpoint = z.looseObject({
  address: z.string().optional(),
  ip: ip.optional(),
  domain: z.string().optional(),
  port: port.optional(),
  mac: z.string().optional(),
  bytes: z.number().nonnegative().optional(),
  packets: z.number().int().nonnegative().optional(),
  user: z.looseObject({ name: z.string().optional() }).optional(),
  geo: z.looseObject({}).optional(),
});

const userFields = {
  name: z.string().optional(),
  id: z.string().optional(),
  domain: z.string().optional(),
  email: z.string().optional(),
  roles: stringList.optional(),
  group: z.looseObject({ name: z.string().optional(), id: z.string().optional() }).optional(),
};

export const eventSchema = z.looseObject({
  '@timestamp': z.iso.datetime({ offset: true }),
  message: z.string().optional(),
  tags: stringList.optional(),
  labels: z.record(z.string(), z.string()).optional(),
  event: z.looseObject({
    /** Deterministic: the same input line always gets the same id (replay gives the same alerts). */
    id: z.string().min(1),
    kind: z.enum(EVENT_KINDS),
    category: stringList,
    type: stringList,
    action: z.string().optional(),
    outcome: z.enum(OUTCOMES).optional(),
    dataset: z.string().min(1),
    module: z.string().optional(),
    provider: z.string().optional(),
    original: z.string(),
    ingested: z.iso.datetime({ offset: true }).optional(),
    timezone: z.string().optional(),
    severity: z.number().optional(),
    reason: z.string().optional(),
    duration: z.number().optional(),
  }),
  vigil: z.looseObject({
    schema_version: z.literal(EVENT_SCHEMA_VERSION),
    /** Where the raw line came from, when it came through Kafka. */
    origin: z
      .looseObject({
        topic: z.string(),
        partition: z.number().int(),
        offset: z.string(),
      })
      .optional(),
    /** The line was longer than the parser's limit and was cut. */
    truncated: z.boolean().optional(),
    /** From `message repeated N times: [...]`: which repetition this event is (1-based) of how many. */
    repeat: z.looseObject({ index: z.number().int().min(1), of: z.number().int().min(1) }).optional(),
    /** The parser that produced the event, e.g. `sshd`, `iptables`, `zeek.conn`. */
    parser: z.string().optional(),
    /** The line carried no usable timestamp: `@timestamp` is the receive time. */
    timestamp_fallback: z.boolean().optional(),
    /** Vigil's own admin-audit fields (dataset `vigil.audit`). */
    audit: z
      .looseObject({
        version: z.number().int(),
        mfa: z.boolean().optional(),
        target: z.looseObject({}).optional(),
        session: z.looseObject({ id: z.string().optional() }).optional(),
      })
      .optional(),
  }),
  host: z
    .looseObject({
      hostname: z.string().optional(),
      name: z.string().optional(),
      ip: stringList.optional(),
    })
    .optional(),
  source: endpoint.optional(),
  destination: endpoint.optional(),
  client: endpoint.optional(),
  server: endpoint.optional(),
  network: z
    .looseObject({
      transport: z.string().optional(),
      protocol: z.string().optional(),
      direction: z.string().optional(),
      type: z.string().optional(),
      iana_number: z.string().optional(),
      bytes: z.number().nonnegative().optional(),
      packets: z.number().int().nonnegative().optional(),
      community_id: z.string().optional(),
    })
    .optional(),
  user: z
    .looseObject({
      ...userFields,
      target: z.looseObject(userFields).optional(),
      effective: z.looseObject(userFields).optional(),
      changes: z.looseObject(userFields).optional(),
    })
    .optional(),
  group: z.looseObject({ name: z.string().optional(), id: z.string().optional() }).optional(),
  process: z
    .looseObject({
      name: z.string().optional(),
      pid: z.number().int().optional(),
      command_line: z.string().optional(),
      executable: z.string().optional(),
      working_directory: z.string().optional(),
    })
    .optional(),
  http: z
    .looseObject({
      version: z.string().optional(),
      request: z
        .looseObject({
          method: z.string().optional(),
          referrer: z.string().optional(),
          bytes: z.number().optional(),
          id: z.string().optional(),
        })
        .optional(),
      response: z
        .looseObject({
          status_code: z.number().int().optional(),
          bytes: z.number().optional(),
          body: z.looseObject({ bytes: z.number().optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  url: z
    .looseObject({
      original: z.string().optional(),
      path: z.string().optional(),
      query: z.string().optional(),
      domain: z.string().optional(),
      extension: z.string().optional(),
    })
    .optional(),
  user_agent: z.looseObject({ original: z.string().optional() }).optional(),
  observer: z.looseObject({}).optional(),
  log: z
    .looseObject({
      level: z.string().optional(),
      logger: z.string().optional(),
      file: z.looseObject({ path: z.string().optional() }).optional(),
      syslog: z
        .looseObject({
          priority: z.number().int().optional(),
          facility: z
            .looseObject({ code: z.number().int().optional(), name: z.string().optional() })
            .optional(),
          severity: z
            .looseObject({ code: z.number().int().optional(), name: z.string().optional() })
            .optional(),
          hostname: z.string().optional(),
          appname: z.string().optional(),
          procid: z.string().optional(),
          msgid: z.string().optional(),
          version: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  rule: z.looseObject({ name: z.string().optional(), id: z.string().optional() }).optional(),
  cloud: z.looseObject({}).optional(),
  error: z.looseObject({ message: z.string().optional(), code: z.string().optional() }).optional(),
  related: z
    .looseObject({
      ip: stringList.optional(),
      user: stringList.optional(),
      hosts: stringList.optional(),
    })
    .optional(),
  system: z.looseObject({}).optional(),
});

export type VigilEvent = z.infer<typeof eventSchema>;
