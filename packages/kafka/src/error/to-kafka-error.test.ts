import { ConfigError } from '@vigil/core';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { KafkaAuthenticationError, KafkaConnectionError, KafkaProtocolError } from './kafka-error.js';
import { toKafkaError } from './to-kafka-error.js';

const {
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSSASLAuthenticationError,
} = kafkajs;

/** kafkajs' typings declare narrower constructors than its runtime, which takes the broker's error record. */
function protocolError(fields: { type: string; code: number; retriable: boolean; message: string }): Error {
  const Ctor = KafkaJSProtocolError as unknown as new (e: typeof fields) => Error;
  return new Ctor(fields);
}

describe('toKafkaError', () => {
  it('maps a connection error as retriable, keeping the cause', () => {
    const original = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:1');
    const mapped = toKafkaError(original, 'connecting producer');
    expect(mapped).toBeInstanceOf(KafkaConnectionError);
    expect(mapped.retriable).toBe(true);
    expect(mapped.code).toBe('KAFKA_CONNECTION');
    expect(toKafkaError(new kafkajs.KafkaJSRequestTimeoutError('Request Produce timed out')).code).toBe(
      'KAFKA_REQUEST_TIMEOUT',
    );
    expect(mapped.cause).toBe(original);
    expect(mapped.message).toBe('connecting producer: Connection error: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('keeps the protocol error type and its retriable flag', () => {
    const rebalance = protocolError({
      type: 'REBALANCE_IN_PROGRESS',
      code: 27,
      retriable: false,
      message: 'The group is rebalancing',
    });
    const mapped = toKafkaError(rebalance);
    expect(mapped).toBeInstanceOf(KafkaProtocolError);
    expect(mapped.code).toBe('KAFKA_REBALANCE_IN_PROGRESS');
    expect(mapped).toMatchObject({ kafkaType: 'REBALANCE_IN_PROGRESS' });
    expect(mapped.retriable).toBe(false);

    const leader = protocolError({
      type: 'LEADER_NOT_AVAILABLE',
      code: 5,
      retriable: true,
      message: 'There is no leader for this topic-partition as we are in the middle of a leadership election',
    });
    expect(toKafkaError(leader).retriable).toBe(true);
  });

  it('treats exhausted kafkajs retries as retriable when the root cause was', () => {
    const root = new KafkaJSConnectionError('Connection timeout');
    const exhausted = new KafkaJSNumberOfRetriesExceeded(root, { retryCount: 5, retryTime: 3000 });
    expect(exhausted.retriable).toBe(false);
    const mapped = toKafkaError(exhausted);
    expect(mapped).toBeInstanceOf(KafkaConnectionError);
    expect(mapped.retriable).toBe(true);
    expect(mapped.cause).toBe(exhausted);
    expect(mapped.message).toContain('retries exhausted');
  });

  it('never retries an authentication failure', () => {
    const mapped = toKafkaError(
      new (KafkaJSSASLAuthenticationError as unknown as new (m: string) => Error)(
        'SASL SCRAM SHA512 authentication failed',
      ),
    );
    expect(mapped).toBeInstanceOf(KafkaAuthenticationError);
    expect(mapped.retriable).toBe(false);
    expect(mapped.code).toBe('KAFKA_SASL_AUTHENTICATION');
  });

  it('passes VigilErrors through and wraps foreign errors as non-retriable', () => {
    const config = new ConfigError('bad');
    expect(toKafkaError(config)).toBe(config);
    const mapped = toKafkaError(new TypeError('x is undefined'), 'sending');
    expect(mapped.code).toBe('KAFKA_UNKNOWN');
    expect(mapped.retriable).toBe(false);
    expect(mapped.message).toBe('sending: x is undefined');
  });
});
