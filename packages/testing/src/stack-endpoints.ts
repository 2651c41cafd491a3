/** Where the local stack (deploy/local/stack.sh) listens; the same variables the stack script reads. */
export const stackEndpoints = {
  kafkaBrokers: [`127.0.0.1:${process.env['VIGIL_KAFKA_PORT'] ?? '9092'}`],
  elasticsearchUrl: `http://127.0.0.1:${process.env['VIGIL_ES_PORT'] ?? '9200'}`,
  redisUrl: `redis://127.0.0.1:${process.env['VIGIL_REDIS_PORT'] ?? '6379'}`,
} as const;
