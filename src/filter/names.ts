// Names a filter may use instead of numbers. Like libpcap, services and IP protocols come from the
// system databases (/etc/services, /etc/protocols); host and network names are never looked up.
import { readFileSync } from 'node:fs';

const IPPROTO_TCP = 6, IPPROTO_UDP = 17;

let services: Map<string, { tcp?: number; udp?: number }> | null = null;
let protocols: Map<string, number> | null = null;

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'latin1').split('\n');
  } catch {
    return [];
  }
}

function loadServices(): Map<string, { tcp?: number; udp?: number }> {
  if (services) return services;
  services = new Map();
  for (const line of readLines('/etc/services')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d+)\/(tcp|udp)$/.exec(f[1] ?? '');
    if (!m) continue;
    for (const name of [f[0]!, ...f.slice(2)]) {
      const e = services.get(name) ?? {};
      // getservbyname returns the first entry in the file.
      if (e[m[2] as 'tcp' | 'udp'] === undefined) e[m[2] as 'tcp' | 'udp'] = Number(m[1]);
      services.set(name, e);
    }
  }
  return services;
}

/**
 * pcap_nametoport: a service name to its port and the transport it is registered for
 * (`proto` undefined when both TCP and UDP have it on the same port). null when unknown.
 */
export function serviceToPort(name: string): { port: number; proto: number | undefined } | null {
  const e = loadServices().get(name);
  if (e?.tcp !== undefined) {
    if (e.udp !== undefined && e.udp === e.tcp) return { port: e.tcp, proto: undefined };
    return { port: e.tcp, proto: IPPROTO_TCP };
  }
  if (e?.udp !== undefined) return { port: e.udp, proto: IPPROTO_UDP };
  return null;
}

/** pcap_nametoproto (getprotobyname): an IP protocol name to its number, or -1. */
export function ipProtoByName(name: string): number {
  if (!protocols) {
    protocols = new Map();
    for (const line of readLines('/etc/protocols')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length < 2 || !/^\d+$/.test(f[1]!)) continue;
      for (const n of [f[0]!, ...f.slice(2)]) if (!protocols.has(n)) protocols.set(n, Number(f[1]));
    }
    if (protocols.size === 0) {
      // No /etc/protocols (minimal containers): the common ones, as netbase lists them.
      for (const [n, v] of Object.entries({ ip: 0, icmp: 1, igmp: 2, tcp: 6, udp: 17, ipv6: 41, gre: 47, esp: 50, ah: 51,
        'ipv6-icmp': 58, ospf: 89, pim: 103, vrrp: 112, sctp: 132 })) protocols.set(n, v);
    }
  }
  return protocols.get(name) ?? -1;
}

/** libpcap's built-in EtherType names (nametoaddr.c eproto_db). */
const etherProtos: Record<string, number> = {
  aarp: 0x80f3, arp: 0x0806, atalk: 0x809b, decnet: 0x6003, ip: 0x0800, ip6: 0x86dd, lat: 0x6004,
  loopback: 0x9000, mopdl: 0x6001, moprc: 0x6002, rarp: 0x8035, sca: 0x6007,
};
/** LLC SAP names (nametoaddr.c llc_db), also accepted after `ether proto`. */
const llcProtos: Record<string, number> = { iso: 0xfe, stp: 0x42, ipx: 0xe0, netbeui: 0xf0 };

export function etherProtoByName(name: string): number {
  return etherProtos[name] ?? llcProtos[name] ?? -1;
}
