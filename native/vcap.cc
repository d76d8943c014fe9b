// vcap's native core: system calls only. It opens AF_PACKET sockets and maps their TPACKET_V3
// ring, opens TUN/TAP devices, sets socket options and addresses, and tells JS when an fd is
// readable. Everything that knows a protocol or a ring layout beyond the block status word is
// TypeScript (src/capture/).
#include <napi.h>
#include <uv.h>

#include <net/if.h>  // before the linux/ headers: glibc and the kernel share these definitions
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <ifaddrs.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/ethtool.h>
#include <linux/ipv6.h>
#include <linux/netlink.h>
#include <linux/sockios.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <vector>

namespace {

// One open fd (packet socket or TUN/TAP) and what hangs off it. JS holds only the index.
struct Handle {
  int fd = -1;
  bool tun = false;
  uint8_t* ring = nullptr;
  size_t ringSize = 0;
  uint32_t blockSize = 0;
  uint32_t blockNr = 0;
  uint32_t cur = 0;
  uv_poll_t* poll = nullptr;
  Napi::FunctionReference cb;
  Napi::ObjectReference ringBuffer;  // detached before munmap so JS can never touch freed pages
  Napi::AsyncContext* async = nullptr;
};

struct Addon {
  Napi::FunctionReference syscallError;
  std::vector<Handle*> handles;
  void* guard = nullptr;  // the file guard's shared page (fileGuard), once started
  std::vector<uint8_t> stage;  // writeSpans' gather buffer, made at its first call
};

Addon* addonOf(Napi::Env env) { return env.GetInstanceData<Addon>(); }

// Throws `new SyscallError(syscall, errno, strerror(errno))` (the class comes from src/errors.ts).
void throwSys(Napi::Env env, const char* syscall, int err) {
  Addon* a = addonOf(env);
  if (a == nullptr || a->syscallError.IsEmpty()) {
    Napi::Error::New(env, std::string(syscall) + ": " + strerror(err)).ThrowAsJavaScriptException();
    return;
  }
  Napi::Value e = a->syscallError.New({Napi::String::New(env, syscall), Napi::Number::New(env, err),
                                       Napi::String::New(env, strerror(err))});
  if (env.IsExceptionPending()) return;
  Napi::Error(env, e).ThrowAsJavaScriptException();
}

// [a, b] as a JS array: the two-number results (packet counters, uid and gid).
Napi::Array pairOf(Napi::Env env, double a, double b) {
  Napi::Array r = Napi::Array::New(env, 2);
  r.Set(0u, Napi::Number::New(env, a));
  r.Set(1u, Napi::Number::New(env, b));
  return r;
}

void throwType(Napi::Env env, const char* msg) { Napi::TypeError::New(env, msg).ThrowAsJavaScriptException(); }

Handle* handleArg(const Napi::CallbackInfo& info, size_t i = 0) {
  Addon* a = addonOf(info.Env());
  if (info.Length() <= i || !info[i].IsNumber()) {
    throwType(info.Env(), "handle expected");
    return nullptr;
  }
  int32_t id = info[i].As<Napi::Number>().Int32Value();
  if (id < 0 || static_cast<size_t>(id) >= a->handles.size() || a->handles[id] == nullptr || a->handles[id]->fd < 0) {
    throwType(info.Env(), "closed or unknown handle");
    return nullptr;
  }
  return a->handles[id];
}

int32_t addHandle(Napi::Env env, Handle* h) {
  Addon* a = addonOf(env);
  for (size_t i = 0; i < a->handles.size(); i++)
    if (a->handles[i] == nullptr) {
      a->handles[i] = h;
      return static_cast<int32_t>(i);
    }
  a->handles.push_back(h);
  return static_cast<int32_t>(a->handles.size() - 1);
}

void onPollClosed(uv_handle_t* p) { delete reinterpret_cast<uv_poll_t*>(p); }

void stopPoll(Handle* h) {
  if (h->poll == nullptr) return;
  uv_poll_stop(h->poll);
  h->poll->data = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(h->poll), onPollClosed);
  h->poll = nullptr;
}

// Releases everything without touching JS: used by close() (after the JS parts) and by the
// environment cleanup hook, when JS may already be gone.
void releaseNative(Handle* h) {
  stopPoll(h);
  if (h->ring != nullptr) {
    munmap(h->ring, h->ringSize);
    h->ring = nullptr;
  }
  if (h->fd >= 0) {
    close(h->fd);
    h->fd = -1;
  }
}

void cleanup(void* data) {
  Addon* a = static_cast<Addon*>(data);
  for (Handle* h : a->handles) {
    if (h == nullptr) continue;
    releaseNative(h);
    delete h->async;
    h->async = nullptr;
  }
}

Napi::Value Init(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction()) {
    throwType(info.Env(), "init(SyscallError) expects a constructor");
    return info.Env().Undefined();
  }
  addonOf(info.Env())->syscallError = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

// packetOpen(cooked) → handle. Protocol 0: the socket receives nothing until packetBind, so
// no frame arrives before the ring and filter are in place.
Napi::Value PacketOpen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bool cooked = info.Length() > 0 && info[0].ToBoolean().Value();
  int fd = socket(AF_PACKET, (cooked ? SOCK_DGRAM : SOCK_RAW) | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    throwSys(env, "socket", errno);
    return env.Undefined();
  }
  int v = TPACKET_V3;
  if (setsockopt(fd, SOL_PACKET, PACKET_VERSION, &v, sizeof v) < 0) {
    int e = errno;
    close(fd);
    throwSys(env, "setsockopt(PACKET_VERSION)", e);
    return env.Undefined();
  }
  Handle* h = new Handle();
  h->fd = fd;
  return Napi::Number::New(env, addHandle(env, h));
}

// packetRing(h, reserve, blockSize, blockNr, retireMs) → ArrayBuffer over the whole ring.
Napi::Value PacketRing(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  if (h->ring != nullptr) {
    throwType(env, "ring already set up");
    return env.Undefined();
  }
  uint32_t reserve = info[1].As<Napi::Number>().Uint32Value();
  uint32_t blockSize = info[2].As<Napi::Number>().Uint32Value();
  uint32_t blockNr = info[3].As<Napi::Number>().Uint32Value();
  uint32_t retireMs = info[4].As<Napi::Number>().Uint32Value();
  if (setsockopt(h->fd, SOL_PACKET, PACKET_RESERVE, &reserve, sizeof reserve) < 0) {
    throwSys(env, "setsockopt(PACKET_RESERVE)", errno);
    return env.Undefined();
  }
  tpacket_req3 req;
  memset(&req, 0, sizeof req);
  req.tp_block_size = blockSize;
  req.tp_block_nr = blockNr;
  // In V3 frames are variable; frame_size only has to divide the block and pass the kernel's checks.
  req.tp_frame_size = TPACKET_ALIGNMENT << 7;
  req.tp_frame_nr = blockSize / req.tp_frame_size * blockNr;
  req.tp_retire_blk_tov = retireMs;
  if (setsockopt(h->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof req) < 0) {
    throwSys(env, "setsockopt(PACKET_RX_RING)", errno);
    return env.Undefined();
  }
  size_t size = static_cast<size_t>(blockSize) * blockNr;
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, h->fd, 0);
  if (p == MAP_FAILED) {
    throwSys(env, "mmap", errno);
    return env.Undefined();
  }
  h->ring = static_cast<uint8_t*>(p);
  h->ringSize = size;
  h->blockSize = blockSize;
  h->blockNr = blockNr;
  h->cur = 0;
  Napi::ArrayBuffer ab = Napi::ArrayBuffer::New(env, p, size, [](Napi::Env, void*) {});
  h->ringBuffer = Napi::Persistent(ab.As<Napi::Object>());
  return ab;
}

Napi::Value PacketBind(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  sockaddr_ll sll;
  memset(&sll, 0, sizeof sll);
  sll.sll_family = AF_PACKET;
  sll.sll_ifindex = info[1].As<Napi::Number>().Int32Value();
  sll.sll_protocol = htons(ETH_P_ALL);
  if (bind(h->fd, reinterpret_cast<sockaddr*>(&sll), sizeof sll) < 0) {
    throwSys(env, "bind", errno);
    return env.Undefined();
  }
  // A bind can race with the device going down; the kernel reports that as a pending socket error.
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(h->fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err != 0) {
    throwSys(env, "bind", err);
    return env.Undefined();
  }
  return env.Undefined();
}

// packetQuiesce(h, ifindex) → true when no frame can reach the ring any more and none is still
// being copied into it, so the block the kernel was filling can be read in place before closing.
// A filter swap alone does not wait for receivers already past the old filter; re-binding to another
// protocol does: the kernel unhooks the socket and waits (synchronize_net) for them. The protocol is
// the local experimental ethertype, and the reject-all filter keeps out even frames of that type.
Napi::Value PacketQuiesce(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return Napi::Boolean::New(env, false);
  sock_filter reject = BPF_STMT(BPF_RET | BPF_K, 0);
  sock_fprog fprog;
  fprog.len = 1;
  fprog.filter = &reject;
  if (setsockopt(h->fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog) < 0) return Napi::Boolean::New(env, false);
  sockaddr_ll sll;
  memset(&sll, 0, sizeof sll);
  sll.sll_family = AF_PACKET;
  sll.sll_ifindex = info[1].As<Napi::Number>().Int32Value();
  sll.sll_protocol = htons(ETH_P_802_EX1);
  if (bind(h->fd, reinterpret_cast<sockaddr*>(&sll), sizeof sll) == 0) return Napi::Boolean::New(env, true);
  // The device is gone: unregistering it already waited for every receiver (and unhooked us).
  return Napi::Boolean::New(env, errno == ENODEV);
}

Napi::Value PacketPromisc(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  packet_mreq mr;
  memset(&mr, 0, sizeof mr);
  mr.mr_ifindex = info[1].As<Napi::Number>().Int32Value();
  mr.mr_type = PACKET_MR_PROMISC;
  if (setsockopt(h->fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr) < 0) throwSys(env, "setsockopt(PACKET_ADD_MEMBERSHIP)", errno);
  return env.Undefined();
}

// nextBlock(h) → index of the block the walker should read next, or -1 while the kernel owns it.
Napi::Value NextBlock(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr || h->ring == nullptr) return Napi::Number::New(env, -1);
  auto* bd = reinterpret_cast<tpacket_block_desc*>(h->ring + static_cast<size_t>(h->cur) * h->blockSize);
  // Acquire: the frames the kernel wrote before setting TP_STATUS_USER are visible to our reads.
  uint32_t status = __atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
  return Napi::Number::New(env, (status & TP_STATUS_USER) ? static_cast<int32_t>(h->cur) : -1);
}

// releaseBlock(h, index): give the block back; every view into it is stale from now on.
Napi::Value ReleaseBlock(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr || h->ring == nullptr) return env.Undefined();
  uint32_t b = info[1].As<Napi::Number>().Uint32Value();
  if (b != h->cur) {
    throwType(env, "blocks must be released in ring order");
    return env.Undefined();
  }
  auto* bd = reinterpret_cast<tpacket_block_desc*>(h->ring + static_cast<size_t>(b) * h->blockSize);
  // Release: all our reads of the block happen before the kernel may overwrite it.
  __atomic_store_n(&bd->hdr.bh1.block_status, static_cast<uint32_t>(TP_STATUS_KERNEL), __ATOMIC_RELEASE);
  h->cur = (h->cur + 1) % h->blockNr;
  return env.Undefined();
}

// packetStats(h) → [packets, drops] since the previous call (the kernel resets on each read).
Napi::Value PacketStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  tpacket_stats_v3 st;
  memset(&st, 0, sizeof st);
  socklen_t len = sizeof st;
  if (getsockopt(h->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) < 0) {
    throwSys(env, "getsockopt(PACKET_STATISTICS)", errno);
    return env.Undefined();
  }
  return pairOf(env, st.tp_packets, st.tp_drops);
}

// attachFilter(h, insns): insns is struct sock_filter[] in host order, 8 bytes each.
Napi::Value AttachFilter(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  if (info.Length() < 2 || !info[1].IsTypedArray()) {
    throwType(env, "attachFilter expects a Uint8Array");
    return env.Undefined();
  }
  Napi::Uint8Array insns = info[1].As<Napi::Uint8Array>();
  if (insns.ByteLength() == 0 || insns.ByteLength() % 8 != 0 || insns.ByteLength() / 8 > BPF_MAXINSNS) {
    throwType(env, "a BPF program is 1 to 4096 instructions of 8 bytes");
    return env.Undefined();
  }
  std::vector<sock_filter> prog(insns.ByteLength() / 8);
  memcpy(prog.data(), insns.Data(), insns.ByteLength());
  sock_fprog fprog;
  fprog.len = static_cast<unsigned short>(prog.size());
  fprog.filter = prog.data();
  int r = h->tun ? ioctl(h->fd, TUNATTACHFILTER, &fprog) : setsockopt(h->fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog);
  if (r < 0) throwSys(env, h->tun ? "ioctl(TUNATTACHFILTER)" : "setsockopt(SO_ATTACH_FILTER)", errno);
  return env.Undefined();
}

Napi::Value DetachFilter(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  int dummy = 0;
  // ENOENT: no filter was attached, which is what the caller wants anyway.
  if (setsockopt(h->fd, SOL_SOCKET, SO_DETACH_FILTER, &dummy, sizeof dummy) < 0 && errno != ENOENT)
    throwSys(env, "setsockopt(SO_DETACH_FILTER)", errno);
  return env.Undefined();
}

// socketError(h) → the pending errno (SO_ERROR), 0 if none.
Napi::Value SocketError(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  int err = 0;
  socklen_t len = sizeof err;
  if (h->tun || getsockopt(h->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) err = 0;
  return Napi::Number::New(env, err);
}

void onPoll(uv_poll_t* p, int status, int events) {
  Handle* h = static_cast<Handle*>(p->data);
  if (h == nullptr || h->cb.IsEmpty()) return;
  Napi::Env env = h->cb.Env();
  Napi::HandleScope scope(env);
  h->cb.MakeCallback(env.Global(), {Napi::Number::New(env, status)}, *h->async);
  if (env.IsExceptionPending()) {
    Napi::Error e = env.GetAndClearPendingException();
    napi_fatal_exception(env, e.Value());
  }
}

// watch(h, cb): cb(status) whenever the fd is readable (status 0) or has failed (status < 0,
// after which libuv stops polling).
Napi::Value Watch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  if (info.Length() < 2 || !info[1].IsFunction()) {
    throwType(env, "watch expects a callback");
    return env.Undefined();
  }
  stopPoll(h);
  h->cb = Napi::Persistent(info[1].As<Napi::Function>());
  if (h->async == nullptr) h->async = new Napi::AsyncContext(env, "vcap:capture");
  uv_loop_t* loop = nullptr;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok) {
    throwType(env, "no event loop");
    return env.Undefined();
  }
  h->poll = new uv_poll_t;
  int r = uv_poll_init(loop, h->poll, h->fd);
  if (r < 0) {
    delete h->poll;
    h->poll = nullptr;
    throwSys(env, "uv_poll_init", -r);
    return env.Undefined();
  }
  h->poll->data = h;
  r = uv_poll_start(h->poll, UV_READABLE, onPoll);
  if (r < 0) {
    stopPoll(h);
    throwSys(env, "uv_poll_start", -r);
  }
  return env.Undefined();
}

Napi::Value Unwatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  stopPoll(h);
  h->cb.Reset();
  return env.Undefined();
}

// close(h): idempotent; unknown or closed handles are ignored.
Napi::Value Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Addon* a = addonOf(env);
  if (info.Length() < 1 || !info[0].IsNumber()) return env.Undefined();
  int32_t id = info[0].As<Napi::Number>().Int32Value();
  if (id < 0 || static_cast<size_t>(id) >= a->handles.size() || a->handles[id] == nullptr) return env.Undefined();
  Handle* h = a->handles[id];
  if (!h->ringBuffer.IsEmpty()) {
    Napi::ArrayBuffer ab = h->ringBuffer.Value().As<Napi::ArrayBuffer>();
    ab.Detach();
    h->ringBuffer.Reset();
  }
  h->cb.Reset();
  releaseNative(h);
  delete h->async;
  delete h;
  a->handles[id] = nullptr;
  return env.Undefined();
}

// tunOpen(name, tap, multiQueue) → [handle, name the kernel chose, created].
Napi::Value TunOpen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  bool tap = info[1].ToBoolean().Value();
  bool mq = info[2].ToBoolean().Value();
  if (name.size() >= IFNAMSIZ) {
    throwSys(env, "TUNSETIFF", ENAMETOOLONG);
    return env.Undefined();
  }
  bool existed = !name.empty() && if_nametoindex(name.c_str()) != 0;
  int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    throwSys(env, "open(/dev/net/tun)", errno);
    return env.Undefined();
  }
  ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  ifr.ifr_flags = static_cast<short>((tap ? IFF_TAP : IFF_TUN) | IFF_NO_PI | (mq ? IFF_MULTI_QUEUE : 0));
  memcpy(ifr.ifr_name, name.data(), name.size());
  if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
    int e = errno;
    close(fd);
    throwSys(env, "ioctl(TUNSETIFF)", e);
    return env.Undefined();
  }
  Handle* h = new Handle();
  h->fd = fd;
  h->tun = true;
  Napi::Array r = Napi::Array::New(env, 3);
  r.Set(0u, Napi::Number::New(env, addHandle(env, h)));
  r.Set(1u, Napi::String::New(env, ifr.ifr_name));
  r.Set(2u, Napi::Boolean::New(env, !existed));
  return r;
}

// tunRead(h, bytes, offset[], len[], sec[], nsec[], maxFrame) → frames read. Reads until the fd
// would block, the columns are full, or fewer than maxFrame bytes are left in `bytes`.
Napi::Value TunRead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
  Napi::Uint32Array off = info[2].As<Napi::Uint32Array>();
  Napi::Uint32Array len = info[3].As<Napi::Uint32Array>();
  Napi::Float64Array sec = info[4].As<Napi::Float64Array>();
  Napi::Uint32Array nsec = info[5].As<Napi::Uint32Array>();
  size_t maxFrame = info[6].As<Napi::Number>().Uint32Value();
  size_t cap = off.ElementLength();
  if (len.ElementLength() < cap) cap = len.ElementLength();
  if (sec.ElementLength() < cap) cap = sec.ElementLength();
  if (nsec.ElementLength() < cap) cap = nsec.ElementLength();
  size_t pos = 0, n = 0;
  uint8_t* base = bytes.Data();
  size_t size = bytes.ByteLength();
  while (n < cap && pos + maxFrame <= size) {
    ssize_t r = read(h->fd, base + pos, maxFrame);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      if (n > 0) break;  // deliver what we have; the next call reports the error
      throwSys(env, "read", errno);
      return env.Undefined();
    }
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    off[n] = static_cast<uint32_t>(pos);
    len[n] = static_cast<uint32_t>(r);
    sec[n] = static_cast<double>(ts.tv_sec);
    nsec[n] = static_cast<uint32_t>(ts.tv_nsec);
    n++;
    pos += (static_cast<size_t>(r) + 7) & ~static_cast<size_t>(7);
  }
  return Napi::Number::New(env, static_cast<double>(n));
}

// tunWrite(h, bytes) → bytes written (0 when the device queue is full).
Napi::Value TunWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
  for (;;) {
    ssize_t r = write(h->fd, bytes.Data(), bytes.ByteLength());
    if (r >= 0) return Napi::Number::New(env, static_cast<double>(r));
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return Napi::Number::New(env, 0);
    throwSys(env, "write", errno);
    return env.Undefined();
  }
}

// writeSpans(fd, bytes, offset[], length[], before, from, to, skip) → bytes written: spans from..to,
// span i being bytes[offset[i] - before, offset[i] + length[i]), the first without its first `skip`
// bytes, gathered into a 1 MiB staging buffer and written by write(2), each write going on from the
// byte where the last one stopped; a non-blocking fd that is full is waited for with poll(2). Fewer
// bytes than the spans hold when a write failed after some were written (the next call reports the
// error). The capture writer hands a ring block's frames, each with its record header written in
// front of it, to the kernel this way. The gather is writev(2)'s work done here: the kernel copies
// each iovec apart (~30 ns for an 80-byte record, BENCHMARKS.md, live -w), memcpy into one buffer
// and one contiguous copy cost a fraction of that; a span larger than the buffer is written straight.
static constexpr size_t STAGE_BYTES = 1 << 20;

// Writes all `n` bytes at `p`, unless an error stops it: the bytes written, or -errno when none were.
static ssize_t writeAll(int fd, const uint8_t* p, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = write(fd, p + done, n - done);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd pf = {fd, POLLOUT, 0};
        poll(&pf, 1, -1);
        continue;
      }
      if (done > 0) return static_cast<ssize_t>(done);
      return -errno;
    }
    if (r == 0) return done > 0 ? static_cast<ssize_t>(done) : -EIO;  // never for a file or a pipe
    done += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(done);
}

Napi::Value WriteSpans(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = info[0].As<Napi::Number>().Int32Value();
  Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
  Napi::Uint32Array off = info[2].As<Napi::Uint32Array>();
  Napi::Uint32Array len = info[3].As<Napi::Uint32Array>();
  size_t before = info[4].As<Napi::Number>().Uint32Value();
  size_t from = info[5].As<Napi::Number>().Uint32Value();
  size_t to = info[6].As<Napi::Number>().Uint32Value();
  size_t skip = info[7].As<Napi::Number>().Uint32Value();
  if (from > to || to > off.ElementLength() || to > len.ElementLength()) {
    throwType(env, "writeSpans: spans past the columns");
    return env.Undefined();
  }
  uint8_t* base = bytes.Data();
  size_t size = bytes.ByteLength();
  for (size_t i = from; i < to; i++) {
    if (off[i] < before || static_cast<size_t>(off[i]) + len[i] > size) {
      throwType(env, "writeSpans: a span outside the buffer");
      return env.Undefined();
    }
  }
  if (from < to && skip >= len[from] + before) {
    throwType(env, "writeSpans: skip past the first span");
    return env.Undefined();
  }
  // One buffer a thread (an Addon is one environment's: the main thread's or a worker's).
  std::vector<uint8_t>& buffer = addonOf(env)->stage;
  if (buffer.size() < STAGE_BYTES) buffer.resize(STAGE_BYTES);
  uint8_t* stage = buffer.data();
  double total = 0;
  size_t i = from;
  while (i < to) {
    const uint8_t* out = base + off[i] - before + skip;
    size_t n = len[i] + before - skip;
    i++;
    skip = 0;
    // A span the buffer cannot hold goes straight from where it is; the others are gathered.
    if (n < STAGE_BYTES) {
      memcpy(stage, out, n);
      out = stage;
      for (; i < to; i++) {
        size_t l = len[i] + before;
        if (n + l > STAGE_BYTES) break;
        memcpy(stage + n, base + off[i] - before, l);
        n += l;
      }
    }
    ssize_t r = writeAll(fd, out, n);
    if (r < 0) {
      if (total > 0) break;
      throwSys(env, "write", static_cast<int>(-r));
      return env.Undefined();
    }
    total += static_cast<double>(r);
    if (static_cast<size_t>(r) < n) break;  // an error after these bytes: the next call reports it
  }
  return Napi::Number::New(env, total);
}

int ctlSocket(int family) { return socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0); }

// One configuration ioctl on a control socket; on failure the socket is closed and the error is
// thrown, so each caller is a chain of `if (!ctlIoctl(...)) return`.
bool ctlIoctl(Napi::Env env, int s, unsigned long request, void* arg, const char* what) {
  if (ioctl(s, request, arg) == 0) return true;
  int e = errno;
  close(s);
  throwSys(env, what, e);
  return false;
}

int openCtlSocket(Napi::Env env, int family) {
  int s = ctlSocket(family);
  if (s < 0) throwSys(env, "socket", errno);
  return s;
}

// ifUp(name): IFF_UP, as `ip link set NAME up`.
Napi::Value IfUp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  int s = openCtlSocket(env, AF_INET);
  if (s < 0) return env.Undefined();
  ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
  if (!ctlIoctl(env, s, SIOCGIFFLAGS, &ifr, "ioctl(SIOCGIFFLAGS)")) return env.Undefined();
  ifr.ifr_flags |= IFF_UP;
  if (!ctlIoctl(env, s, SIOCSIFFLAGS, &ifr, "ioctl(SIOCSIFFLAGS)")) return env.Undefined();
  close(s);
  return env.Undefined();
}

// ifAddr(name, family 4|6, address bytes, prefix length). IPv4 gets its netmask too, so the
// kernel adds the subnet route when the device is up, as `ip addr add` does.
Napi::Value IfAddr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  int family = info[1].As<Napi::Number>().Int32Value();
  Napi::Uint8Array addr = info[2].As<Napi::Uint8Array>();
  uint32_t prefix = info[3].As<Napi::Number>().Uint32Value();
  if (family == 4) {
    if (addr.ByteLength() != 4 || prefix > 32) {
      throwType(env, "bad IPv4 address");
      return env.Undefined();
    }
    int s = openCtlSocket(env, AF_INET);
    if (s < 0) return env.Undefined();
    ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
    auto* sin = reinterpret_cast<sockaddr_in*>(&ifr.ifr_addr);
    sin->sin_family = AF_INET;
    memcpy(&sin->sin_addr, addr.Data(), 4);
    if (!ctlIoctl(env, s, SIOCSIFADDR, &ifr, "ioctl(SIOCSIFADDR)")) return env.Undefined();
    uint32_t mask = prefix == 0 ? 0 : htonl(~0u << (32 - prefix));
    sin = reinterpret_cast<sockaddr_in*>(&ifr.ifr_netmask);
    sin->sin_family = AF_INET;
    memcpy(&sin->sin_addr, &mask, 4);
    if (!ctlIoctl(env, s, SIOCSIFNETMASK, &ifr, "ioctl(SIOCSIFNETMASK)")) return env.Undefined();
    close(s);
    return env.Undefined();
  }
  if (addr.ByteLength() != 16 || prefix > 128) {
    throwType(env, "bad IPv6 address");
    return env.Undefined();
  }
  unsigned index = if_nametoindex(name.c_str());
  if (index == 0) {
    throwSys(env, "if_nametoindex", errno);
    return env.Undefined();
  }
  int s = openCtlSocket(env, AF_INET6);
  if (s < 0) return env.Undefined();
  in6_ifreq r6;
  memset(&r6, 0, sizeof r6);
  memcpy(&r6.ifr6_addr, addr.Data(), 16);
  r6.ifr6_prefixlen = prefix;
  r6.ifr6_ifindex = static_cast<int>(index);
  if (!ctlIoctl(env, s, SIOCSIFADDR, &r6, "ioctl(SIOCSIFADDR)")) return env.Undefined();
  close(s);
  return env.Undefined();
}

// interfaces() → [{name, index, flags, hatype, link}] for every device in this network namespace.
Napi::Value Interfaces(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  struct if_nameindex* list = if_nameindex();
  if (list == nullptr) {
    throwSys(env, "if_nameindex", errno);
    return env.Undefined();
  }
  int s = ctlSocket(AF_INET);
  if (s < 0) {
    if_freenameindex(list);
    throwSys(env, "socket", errno);
    return env.Undefined();
  }
  Napi::Array r = Napi::Array::New(env);
  uint32_t n = 0;
  for (struct if_nameindex* p = list; p->if_index != 0 && p->if_name != nullptr; p++) {
    ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, p->if_name, IFNAMSIZ - 1);
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) continue;  // gone since the listing
    unsigned flags = static_cast<unsigned short>(ifr.ifr_flags);
    int hatype = -1;
    if (ioctl(s, SIOCGIFHWADDR, &ifr) == 0) hatype = ifr.ifr_hwaddr.sa_family;
    // Link detection as ethtool reports it: 1 carrier, 0 none, -1 the driver cannot tell.
    int link = -1;
    ethtool_value ev;
    memset(&ev, 0, sizeof ev);
    ev.cmd = ETHTOOL_GLINK;
    ifr.ifr_data = reinterpret_cast<char*>(&ev);
    if (ioctl(s, SIOCETHTOOL, &ifr) == 0) link = ev.data ? 1 : 0;
    Napi::Object o = Napi::Object::New(env);
    o.Set("name", Napi::String::New(env, p->if_name));
    o.Set("index", Napi::Number::New(env, p->if_index));
    o.Set("flags", Napi::Number::New(env, flags));
    o.Set("hatype", Napi::Number::New(env, hatype));
    o.Set("link", Napi::Number::New(env, link));
    r.Set(n++, o);
  }
  close(s);
  if_freenameindex(list);
  return r;
}

// ifIndex(name) → index, 0 when there is no such device.
Napi::Value IfIndex(const Napi::CallbackInfo& info) {
  std::string name = info[0].ToString().Utf8Value();
  if (name.size() >= IFNAMSIZ) return Napi::Number::New(info.Env(), 0);
  return Napi::Number::New(info.Env(), if_nametoindex(name.c_str()));
}

// ifName(index) → name, or undefined when no device has that index (any more).
Napi::Value IfName(const Napi::CallbackInfo& info) {
  char buf[IF_NAMESIZE];
  if (if_indextoname(info[0].As<Napi::Number>().Uint32Value(), buf) == nullptr) return info.Env().Undefined();
  return Napi::String::New(info.Env(), buf);
}

// userLookup(name) → [uid, gid], or undefined when there is no such user (getpwnam).
Napi::Value UserLookup(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  passwd pw;
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  int r = getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &found);
  if (r != 0) {
    throwSys(env, "getpwnam", r);
    return env.Undefined();
  }
  if (found == nullptr) return env.Undefined();
  return pairOf(env, pw.pw_uid, pw.pw_gid);
}

// dropPrivileges(name, uid, gid): the user's groups (initgroups), then its gid, then its uid, as
// tcpdump -Z does. After setuid() to a non-zero uid the kernel clears every capability; glibc
// applies each call to every thread of the process.
Napi::Value DropPrivileges(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  uid_t uid = info[1].As<Napi::Number>().Uint32Value();
  gid_t gid = info[2].As<Napi::Number>().Uint32Value();
  if (initgroups(name.c_str(), gid) != 0) {
    throwSys(env, "initgroups", errno);
    return env.Undefined();
  }
  if (setgid(gid) != 0) {
    throwSys(env, "setgid", errno);
    return env.Undefined();
  }
  if (setuid(uid) != 0) throwSys(env, "setuid", errno);
  return env.Undefined();
}

// setns(fd, nstype): move the calling thread (the JS thread) into the namespace behind fd.
// src/netns/ enters around the creation of a socket or device and comes straight back.
Napi::Value SetNs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = info[0].As<Napi::Number>().Int32Value();
  int nstype = info[1].As<Napi::Number>().Int32Value();
  if (setns(fd, nstype) < 0) throwSys(env, "setns", errno);
  return env.Undefined();
}

// netlinkOpen(protocol) → handle: an AF_NETLINK socket in the calling thread's network namespace,
// with extended acks (error text) and a receive timeout, so a kernel that never answers is an error.
Napi::Value NetlinkOpen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int protocol = info[0].As<Napi::Number>().Int32Value();
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
  if (fd < 0) {
    throwSys(env, "socket(AF_NETLINK)", errno);
    return env.Undefined();
  }
  int one = 1;
  setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);  // best effort: older kernels lack it
  timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_nl sa;
  memset(&sa, 0, sizeof sa);
  sa.nl_family = AF_NETLINK;
  if (bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) < 0) {
    int e = errno;
    close(fd);
    throwSys(env, "bind(AF_NETLINK)", e);
    return env.Undefined();
  }
  Handle* h = new Handle();
  h->fd = fd;
  return Napi::Number::New(env, addHandle(env, h));
}

// netlinkSend(h, bytes): one datagram to the kernel.
Napi::Value NetlinkSend(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
  sockaddr_nl sa;
  memset(&sa, 0, sizeof sa);
  sa.nl_family = AF_NETLINK;
  for (;;) {
    ssize_t r = sendto(h->fd, bytes.Data(), bytes.ByteLength(), 0, reinterpret_cast<sockaddr*>(&sa), sizeof sa);
    if (r >= 0) return env.Undefined();
    if (errno == EINTR) continue;
    throwSys(env, "sendto(AF_NETLINK)", errno);
    return env.Undefined();
  }
}

// netlinkRecv(h, buffer) → bytes of one datagram (blocking, up to the socket's timeout).
// A datagram longer than the buffer is an error (ENOBUFS), never a silently cut one.
Napi::Value NetlinkRecv(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Handle* h = handleArg(info);
  if (h == nullptr) return env.Undefined();
  Napi::Uint8Array buf = info[1].As<Napi::Uint8Array>();
  for (;;) {
    ssize_t r = recv(h->fd, buf.Data(), buf.ByteLength(), MSG_TRUNC);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      throwSys(env, "recv(AF_NETLINK)", errno);
      return env.Undefined();
    }
    if (static_cast<size_t>(r) > buf.ByteLength()) {
      throwSys(env, "recv(AF_NETLINK)", ENOBUFS);
      return env.Undefined();
    }
    return Napi::Number::New(env, static_cast<double>(r));
  }
}

// ethtool(name, bytes) → 0, or the errno of ioctl(SIOCETHTOOL) with `bytes` as the command
// structure (filled in and read by src/netlink/ethtool.ts). Not thrown: "the driver does not say"
// (EOPNOTSUPP) is an ordinary answer.
Napi::Value Ethtool(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].ToString().Utf8Value();
  Napi::Uint8Array bytes = info[1].As<Napi::Uint8Array>();
  if (name.size() >= IFNAMSIZ) return Napi::Number::New(env, ENODEV);
  int s = ctlSocket(AF_INET);
  if (s < 0) return Napi::Number::New(env, errno);
  ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  memcpy(ifr.ifr_name, name.data(), name.size());
  ifr.ifr_data = reinterpret_cast<char*>(bytes.Data());
  int r = ioctl(s, SIOCETHTOOL, &ifr) < 0 ? errno : 0;
  close(s);
  return Napi::Number::New(env, r);
}

// pidfdGetfd(pid, fd) → a duplicate of another process's fd (pidfd_open + pidfd_getfd), or -errno.
// Used only to ask a /dev/net/tun fd which namespace its device is in; the caller closes it.
Napi::Value PidfdGetfd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int pid = info[0].As<Napi::Number>().Int32Value();
  int target = info[1].As<Napi::Number>().Int32Value();
  long pidfd = syscall(SYS_pidfd_open, pid, 0);
  if (pidfd < 0) return Napi::Number::New(env, -errno);
  long fd = syscall(SYS_pidfd_getfd, static_cast<int>(pidfd), target, 0);
  int e = errno;
  close(static_cast<int>(pidfd));
  return Napi::Number::New(env, fd < 0 ? -e : static_cast<double>(fd));
}

// tunDevNetns(fd) → an fd of the network namespace the TUN/TAP device of fd is in
// (ioctl TUNGETDEVNETNS), or -errno. The caller closes it.
Napi::Value TunDevNetns(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = info[0].As<Napi::Number>().Int32Value();
  int r = ioctl(fd, TUNGETDEVNETNS);
  return Napi::Number::New(env, r < 0 ? -errno : r);
}

// The file guard's shared page: a state word, the number of whole bytes, the path.
constexpr size_t kGuardSize = 8192;
constexpr size_t kGuardLength = 8;   // a double, stored in one aligned write
constexpr size_t kGuardPath = 16;

// What the guard does once vcap is gone: only system calls, as after fork() in a threaded process.
[[noreturn]] void guardMain(int wake, const volatile uint8_t* page) {
  // Nothing of vcap's stays open here (sockets, rings' fds, stdout: a reader of vcap's output must
  // see it end when vcap ends); the wake-up pipe becomes fd 0.
  if (wake != 0) { dup2(wake, 0); }
  syscall(SYS_close_range, 1u, ~0u, 0u);
  setsid();  // out of vcap's process group: a Ctrl-C or a kill of the group is meant for vcap
  prctl(PR_SET_NAME, "vcap-guard", 0, 0, 0);
  char c;
  for (;;) {
    ssize_t n = read(0, &c, 1);
    if (n == 0) break;                   // every write end closed: vcap has exited, however it did
    if (n < 0 && errno != EINTR) break;
  }
  if (__atomic_load_n(reinterpret_cast<const volatile int32_t*>(page), __ATOMIC_SEQ_CST) == 1) {
    double whole;
    memcpy(&whole, const_cast<const uint8_t*>(page) + kGuardLength, sizeof whole);
    const char* path = reinterpret_cast<const char*>(const_cast<const uint8_t*>(page)) + kGuardPath;
    if (whole <= 0) unlink(path);        // not even the file header made it: no file rather than an empty one
    else truncate(path, static_cast<off_t>(whole));
  }
  _exit(0);
}

// fileGuard() → ArrayBuffer: forks a small process that waits for vcap to exit and then, if the
// shared page says a capture file was open (state 1), cuts that file back to the length the page
// gives, the end of its last whole record, or removes it when that is 0. A write(2) cut short by
// SIGKILL can leave part of a record at the end of the file; this takes it away. The page stays
// mapped for the life of the process; the pipe's write end stays open (close-on-exec) until vcap
// exits.
Napi::Value FileGuard(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Addon* a = addonOf(env);
  if (a->guard == nullptr) {
    void* page = mmap(nullptr, kGuardSize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) { throwSys(env, "mmap", errno); return env.Undefined(); }
    int wake[2];
    if (pipe2(wake, O_CLOEXEC) < 0) {
      int e = errno;
      munmap(page, kGuardSize);
      throwSys(env, "pipe2", e);
      return env.Undefined();
    }
    pid_t pid = fork();
    if (pid < 0) {
      int e = errno;
      close(wake[0]);
      close(wake[1]);
      munmap(page, kGuardSize);
      throwSys(env, "fork", e);
      return env.Undefined();
    }
    if (pid == 0) guardMain(wake[0], static_cast<volatile uint8_t*>(page));
    close(wake[0]);
    a->guard = page;
  }
  return Napi::ArrayBuffer::New(env, a->guard, kGuardSize);
}

Napi::Object Main(Napi::Env env, Napi::Object exports) {
  Addon* a = new Addon();
  env.SetInstanceData<Addon>(a);
  napi_add_env_cleanup_hook(env, cleanup, a);
  exports.Set("init", Napi::Function::New(env, Init, "init"));
  exports.Set("packetOpen", Napi::Function::New(env, PacketOpen, "packetOpen"));
  exports.Set("packetRing", Napi::Function::New(env, PacketRing, "packetRing"));
  exports.Set("packetBind", Napi::Function::New(env, PacketBind, "packetBind"));
  exports.Set("packetQuiesce", Napi::Function::New(env, PacketQuiesce, "packetQuiesce"));
  exports.Set("packetPromisc", Napi::Function::New(env, PacketPromisc, "packetPromisc"));
  exports.Set("nextBlock", Napi::Function::New(env, NextBlock, "nextBlock"));
  exports.Set("releaseBlock", Napi::Function::New(env, ReleaseBlock, "releaseBlock"));
  exports.Set("packetStats", Napi::Function::New(env, PacketStats, "packetStats"));
  exports.Set("attachFilter", Napi::Function::New(env, AttachFilter, "attachFilter"));
  exports.Set("detachFilter", Napi::Function::New(env, DetachFilter, "detachFilter"));
  exports.Set("socketError", Napi::Function::New(env, SocketError, "socketError"));
  exports.Set("watch", Napi::Function::New(env, Watch, "watch"));
  exports.Set("unwatch", Napi::Function::New(env, Unwatch, "unwatch"));
  exports.Set("close", Napi::Function::New(env, Close, "close"));
  exports.Set("tunOpen", Napi::Function::New(env, TunOpen, "tunOpen"));
  exports.Set("tunRead", Napi::Function::New(env, TunRead, "tunRead"));
  exports.Set("tunWrite", Napi::Function::New(env, TunWrite, "tunWrite"));
  exports.Set("writeSpans", Napi::Function::New(env, WriteSpans, "writeSpans"));
  exports.Set("ifUp", Napi::Function::New(env, IfUp, "ifUp"));
  exports.Set("ifAddr", Napi::Function::New(env, IfAddr, "ifAddr"));
  exports.Set("interfaces", Napi::Function::New(env, Interfaces, "interfaces"));
  exports.Set("ifIndex", Napi::Function::New(env, IfIndex, "ifIndex"));
  exports.Set("ifName", Napi::Function::New(env, IfName, "ifName"));
  exports.Set("userLookup", Napi::Function::New(env, UserLookup, "userLookup"));
  exports.Set("dropPrivileges", Napi::Function::New(env, DropPrivileges, "dropPrivileges"));
  exports.Set("setns", Napi::Function::New(env, SetNs, "setns"));
  exports.Set("netlinkOpen", Napi::Function::New(env, NetlinkOpen, "netlinkOpen"));
  exports.Set("netlinkSend", Napi::Function::New(env, NetlinkSend, "netlinkSend"));
  exports.Set("netlinkRecv", Napi::Function::New(env, NetlinkRecv, "netlinkRecv"));
  exports.Set("ethtool", Napi::Function::New(env, Ethtool, "ethtool"));
  exports.Set("pidfdGetfd", Napi::Function::New(env, PidfdGetfd, "pidfdGetfd"));
  exports.Set("tunDevNetns", Napi::Function::New(env, TunDevNetns, "tunDevNetns"));

  exports.Set("fileGuard", Napi::Function::New(env, FileGuard, "fileGuard"));
  return exports;
}

}  // namespace

NODE_API_MODULE(vcap, Main)
