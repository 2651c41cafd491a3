export { alertFixture, minutesAfter, type AlertFixture } from './alert-fixture.js';
