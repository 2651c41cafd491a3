export {
  createTestKafka,
  createTestTopic,
  produceMessages,
  readMessages,
  testLogger,
} from './kafka-test-helpers.js';
