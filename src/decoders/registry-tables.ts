// The dispatch tables: sparse arrays indexed by the value on the wire, holding a Layer number
// (0: no decoder, the rest is payload). Kept apart from registry.ts, which imports every view,
// so that views can import the tables without a cycle.

/** EtherType (and SLL protocol, SNAP type) → Layer. */
export const byEtherType: Uint8Array = new Uint8Array(65536);
/** IP protocol / IPv6 upper-layer next header → Layer. */
export const byIpProto: Uint8Array = new Uint8Array(256);
/** TCP port (source or destination) → application Layer. */
export const byTcpPort: Uint8Array = new Uint8Array(65536);
/** UDP port (source or destination) → application Layer. */
export const byUdpPort: Uint8Array = new Uint8Array(65536);
