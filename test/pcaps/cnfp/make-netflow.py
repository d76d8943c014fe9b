#!/usr/bin/env python3
# Writes test/pcaps/cnfp/netflow.pcap (see README.md): NetFlow v1/v5/v6 exports laid out as tcpdump 4.99.3's
# print-cnfp.c structures, plus the edge cases its printer has. Usage: python3 make-netflow.py netflow.pcap
import struct, sys
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('!%dH'%(len(b)//2),b)); s=(s>>16)+(s&0xffff); s+=s>>16; return (~s)&0xffff
def ip4(a): return bytes(int(x) for x in a.split('.'))
def frame(payload, sport=2055, dport=9995, src='192.0.2.1', dst='192.0.2.2'):
    u=struct.pack('!HHHH',sport,dport,8+len(payload),0)+payload
    h=struct.pack('!BBHHHBBH4s4s',0x45,0,20+len(u),1,0,64,17,0,ip4(src),ip4(dst))
    h=h[:10]+struct.pack('!H',csum(h))+h[12:]
    return b'\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00'+h+u
def v1rec(i, proto=6, flags=0x1b):
    return (ip4('10.0.%d.1'%i)+ip4('10.1.%d.2'%i)+ip4('10.2.0.254')+struct.pack('!HHIIII',3,4,12+i,3400+i,1000*i+7,123456+i)
            +struct.pack('!HH',1024+i,80)+b'\0\0'+bytes([proto,0x10+i,flags])+b'\0\0\0'+struct.pack('!I',0))
def v5rec(i, proto=6, flags=0x12, ver=5):
    r=(ip4('172.16.%d.5'%i)+ip4('198.51.100.%d'%(i+1))+ip4('0.0.0.0')+struct.pack('!HHIIII',2,7,5+i,700+i,99999+i,100500)
       +struct.pack('!HH',53000+i,443)+bytes([0,flags,proto,i])+struct.pack('!HHBB',65000+i,13335,24,16))
    r+= struct.pack('!H',0x0102+i if ver==6 else 0)+ip4('203.0.113.9')
    return r
def hdr(ver,count,uptime=3601234,sec=1700000000,nsec=123456789,seq=42,e=(1,2,0x4005)):
    h=struct.pack('!HHIII',ver,count,uptime,sec,nsec)
    if ver==5: h+=struct.pack('!IBBH',seq,*e)
    if ver==6: h+=struct.pack('!II',seq,0)
    return h
frames=[]
# count as tcpdump reads it: 4 bytes = count<<16 | uptime>>16; uptime < 65536 keeps it = count<<16 - so use small uptime so loop stops at capture end
frames.append(frame(hdr(1,2,uptime=5001)+v1rec(1)+v1rec(2,17,0)))
frames.append(frame(hdr(5,3,uptime=65535)+v5rec(1)+v5rec(2,17)+v5rec(3,6,0)))
frames.append(frame(hdr(6,2,uptime=123)+v5rec(1,ver=6)+v5rec(2,1,0,ver=6)))
frames.append(frame(hdr(5,0,uptime=0)))            # count word 0: no records
frames.append(frame(hdr(5,1,uptime=0)+v5rec(1)[:48])) # real 48-byte v5 record: tcpdump wants 52
frames.append(frame(hdr(9,1)+b'\0'*20))            # unknown version
frames.append(frame(hdr(7,1)))                     # v7: unknown
frames.append(frame(hdr(1,1,uptime=0)[:10]))       # header cut
frames.append(frame(b'\x00'))                      # 1 byte: version cut
frames.append(frame(hdr(5,2,uptime=0xffffffff)+v5rec(1,6,0x3f)+v5rec(2)))
out=open(sys.argv[1],'wb')
out.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,262144,1))
for i,f in enumerate(frames):
    out.write(struct.pack('<IIII',1700000000+i,i*1000,len(f),len(f))+f)
