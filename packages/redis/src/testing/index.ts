export { createTestRedis } from './redis-test-helpers.js';
