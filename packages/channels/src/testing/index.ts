export { HttpReceiver, type ReceivedRequest, type Reply, type Responder } from './http-receiver.js';
export { startPagerDutyReceiver } from './pagerduty-receiver.js';
export { notificationFixture } from './notification-fixture.js';
