import type { DeviceInfo } from './device-info.js';

/** Who asked, from where, through which request: carried into every outbox event. */
export interface AuditContext {
  request_id: string;
  api_key_id: string;
  method: string;
  path: string;
  source_ip?: string;
  device_info?: DeviceInfo;
}
