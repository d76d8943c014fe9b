export { LinkType, linkTypeName, linkTypeDescription } from './decoders/link-type.js';
export type { Batch, BatchSource, CaptureStats } from './capture/batch.js';
export { VcapError, SyscallError } from './errors.js';
