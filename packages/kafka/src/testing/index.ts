export {
  collectTopic,
  createTestKafka,
  createTestTopic,
  createTopics,
  deleteTopics,
  produceMessages,
  readMessages,
  testLogger,
  topicSize,
  type CollectedMessage,
  type TopicCollector,
} from './kafka-test-helpers.js';
