import { VigilError } from '@vigil/core';
import {
  KafkaAuthenticationError,
  KafkaConnectionError,
  KafkaError,
  KafkaProtocolError,
} from './kafka-error.js';

/** The fields kafkajs errors carry; read structurally so that two copies of kafkajs still map. */
interface KafkaJsErrorShape {
  readonly name: string;
  readonly message: string;
  readonly retriable?: boolean;
  readonly type?: string;
  readonly cause?: unknown;
  readonly originalError?: unknown;
}

const CONNECTION_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
]);

function isKafkaJsError(error: unknown): error is KafkaJsErrorShape {
  return error instanceof Error && error.name.startsWith('KafkaJS');
}

/** The innermost kafkajs error under retry wrappers (`originalError`) and `cause` chains. */
function rootCause(error: KafkaJsErrorShape): KafkaJsErrorShape {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const next = current.originalError ?? current.cause;
    if (!isKafkaJsError(next)) return current;
    current = next;
  }
  return current;
}

function codeOf(name: string, type: string | undefined): string {
  if (type !== undefined) return `KAFKA_${type}`;
  const bare = name.replace(/^KafkaJS/, '').replace(/Error$/, '');
  const snake = bare.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return `KAFKA_${snake.toUpperCase()}`;
}

/**
 * Maps anything kafkajs throws to a KafkaError subclass, keeping `retriable` and `cause`, and
 * prefixing the message with what was being done. VigilErrors pass through unchanged.
 */
export function toKafkaError(error: unknown, doing?: string): VigilError {
  if (error instanceof VigilError) return error;
  const prefix = doing === undefined ? '' : `${doing}: `;
  if (!isKafkaJsError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new KafkaError(`${prefix}${message}`, {
      code: 'KAFKA_UNKNOWN',
      retriable: false,
      cause: error,
      kafkaName: error instanceof Error ? error.name : typeof error,
    });
  }
  const root = rootCause(error);
  const exhausted = error.name === 'KafkaJSNumberOfRetriesExceeded';
  const retriable = exhausted ? root.retriable === true : error.retriable === true;
  const type = root.type;
  const options = {
    code: codeOf(root.name, type),
    retriable,
    cause: error,
    kafkaName: root.name,
    ...(type === undefined ? {} : { kafkaType: type }),
  };
  const message = `${prefix}${root.message}${exhausted && root !== error ? ' (kafkajs retries exhausted)' : ''}`;
  if (root.name === 'KafkaJSSASLAuthenticationError') {
    return new KafkaAuthenticationError(message, { ...options, retriable: false });
  }
  if (CONNECTION_ERRORS.has(root.name)) return new KafkaConnectionError(message, options);
  if (type !== undefined) return new KafkaProtocolError(message, options);
  return new KafkaError(message, options);
}
