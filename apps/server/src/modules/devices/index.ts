export { hashDeviceSecret, newDeviceSecret, secretMatches } from './device-secrets.js';
export { type DeviceRow, deviceScope, findDevice } from './devices.repository.js';
export { deviceRoutes } from './devices.routes.js';
export { optionalPart, planSignals } from './devices.rules.js';
