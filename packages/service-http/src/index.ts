export { answer, type HealthProbe, type HttpAnswer } from './health-routes.js';
export { startHttpServer, type HttpServerHandle } from './start-http-server.js';
export { gracefulShutdown, type GracefulShutdownOptions } from './graceful-shutdown.js';
export type { KafkaService } from './kafka-service.js';
