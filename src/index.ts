export { LinkType, linkTypeName, linkTypeDescription } from './decoders/link-type.js';
export type { Batch, BatchSource, CaptureStats } from './capture/batch.js';
export { VcapError, SyscallError } from './errors.js';
export { openCaptureFile } from './capture/capture-file.js';
export type { CaptureFile, CaptureFileOptions } from './capture/capture-file.js';
export { PcapWriter } from './output/pcap-writer.js';
export type { CaptureWriterOptions } from './output/pcap-writer.js';
export { PcapngWriter } from './output/pcapng-writer.js';
