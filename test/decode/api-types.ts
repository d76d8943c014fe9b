// Compile-only: the public decoder API's types as a library user writes against them. `npm test`
// type-checks this file (tsc -p .); ava does not run it (not *.test.ts).
import { Decoder, Layer, LinkType } from 'vcap';
import type { DecodeStop, Dns, DnsRecord, Ethernet, Icmp, Icmpv6, Ipv4, Ipv6, LenSource, Packet, StopKind, Tcp, TcpOption, Udp, Vlan } from 'vcap';

export function typesOfThePublicApi(bytes: Uint8Array): void {
  const d: Decoder = new Decoder();
  const p: Packet = d.decode(bytes, LinkType.EN10MB);
  const q: Packet = d.decode(bytes, LinkType.RAW, 0, bytes.length);
  const eth: Ethernet | undefined = p.ethernet;
  const tags: readonly Vlan[] | undefined = p.vlan;
  const v4: Ipv4 | undefined = p.ipv4;
  const v6: Ipv6 | undefined = p.ipv6;
  const tcp: Tcp | undefined = p.tcp;
  const udp: Udp | undefined = p.udp;
  const icmp: Icmp | undefined = p.icmp;
  const icmp6: Icmpv6 | undefined = p.icmpv6;
  const dns: Dns | undefined = p.dns;
  const src: string | undefined = eth?.src ?? v4?.src ?? v6?.src;
  const ports: number[] = [tcp?.srcPort ?? 0, tcp?.dstPort ?? 0, udp?.srcPort ?? 0, udp?.dstPort ?? 0];
  const fields: (number | undefined)[] = [v4?.ttl, v4?.protocol, v4?.id, v4?.flags, v4?.fragmentOffset, v4?.totalLength, v4?.headerLength,
    v6?.nextHeader, v6?.hopLimit, v6?.payloadLength, v6?.flowLabel, tcp?.seq, tcp?.ack, tcp?.flags, tcp?.window, tcp?.urgentPointer,
    icmp?.type, icmp?.code, icmp6?.type, icmp6?.code, tags?.[0]?.id];
  const options: TcpOption[] | undefined = tcp?.options;
  const answers: DnsRecord[] | undefined = dns?.answers;
  const layer: { offset: number; length: number; payload: Uint8Array } | undefined = tcp;
  const stop: DecodeStop | undefined = q.stop;
  const kind: StopKind | undefined = stop?.kind;
  const bound: LenSource | undefined = stop?.lenSource;
  const where: Layer | undefined = stop?.layer;
  const rest: Uint8Array = p.payload;
  const cut: boolean = p.truncated;
  const err: string | undefined = p.error;
  const kept: Packet = p.clone();
  const json: object = kept.toJSON();
  const inner: Packet | undefined = d.decodeInner(p);
  void [src, ports, fields, options, answers, layer, kind, bound, where, rest, cut, err, json, inner];
}
