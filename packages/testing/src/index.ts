export { waitFor, type WaitForOptions } from './wait-for.js';
export { uniqueName } from './unique-name.js';
export { stackEndpoints } from './stack-endpoints.js';
export { createTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { serviceOutage, type Outage } from './service-outage.js';
