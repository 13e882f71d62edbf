// fault_image.cpp — see fault_image.h.
#include "fault_image.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "crash_image.h"
#include "managers/sdk/sys_call.h"
#include "sector_hash.h"

namespace sc::crash {

namespace {

constexpr size_t kNone = SIZE_MAX;

const Fault* fault_on(const CrashState& s, Mode kind, size_t request) {
  for (const Fault& f : s.faults)
    if (f.kind == kind && f.request == request) return &f;
  return nullptr;
}

bool kept_sector(const CrashState& s, size_t request, uint32_t count, uint32_t j) {
  const auto it = std::lower_bound(s.kept.begin(), s.kept.end(), request,
                                   [](const KeptWrite& k, size_t r) { return k.request < r; });
  return it != s.kept.end() && it->request == request && sector_kept(it->sector_mask, count, j);
}

// The last FLUSH before the cut that was not a lie (kNone if none).
size_t last_honest_flush(const Trace& trace, const CrashState& s) {
  const auto requests = trace.requests();
  for (size_t i = s.cut; i-- > 0;)
    if (requests[i].kind == Kind::flush && !fault_on(s, Mode::lying_flush, i)) return i;
  return kNone;
}

const Fault* tear_at(const CrashState& s, size_t request, uint64_t sector) {
  for (const Fault& f : s.faults)
    if (f.kind == Mode::sub_sector_tear && f.request == request && f.sector == sector) return &f;
  return nullptr;
}

// Content of `sector` after every fault of the state: the surviving writes
// covering it applied in request order over the base (a torn one only its
// first detail bytes), then the bit-rot flips.
void faulted_content(const Trace& trace, const CrashState& s, size_t honest_flush, uint64_t sector, uint8_t* data) {
  if (const uint8_t* base = trace.base_sector(sector))
    std::memcpy(data, base, kSectorSize);
  else
    std::memset(data, 0, kSectorSize);
  const auto requests = trace.requests();
  for (size_t i = 0; i < s.cut; ++i) {
    const Request& r = requests[i];
    if (r.kind == Kind::flush || fault_on(s, Mode::lost_write, i)) continue;
    const Fault* misdirected = fault_on(s, Mode::misdirected, i);
    const uint64_t start = misdirected ? misdirected->sector : r.sector;
    if (sector < start || sector >= start + r.count) continue;
    const auto j = static_cast<uint32_t>(sector - start);
    const bool durable = (honest_flush != kNone && i < honest_flush) || (r.fua && !fault_on(s, Mode::lying_flush, i));
    const Fault* tear = tear_at(s, i, sector);
    if (!durable && !tear && !kept_sector(s, i, r.count, j)) continue;
    std::memcpy(data, trace.payload().data() + payload_sector(r, j) * kSectorSize, tear ? tear->detail : kSectorSize);
  }
  for (const Fault& f : s.faults)
    if (f.kind == Mode::bit_rot && f.sector == sector) data[f.detail / 8] ^= static_cast<uint8_t>(1u << (f.detail % 8));
}

void add_range(std::vector<uint64_t>& sectors, uint64_t start, uint64_t count) {
  for (uint64_t s = start; s < start + count; ++s) sectors.push_back(s);
}

// Writes whose durability the lie at `request` took away.
void add_lied_sectors(const Trace& trace, size_t request, std::vector<uint64_t>& sectors) {
  const auto requests = trace.requests();
  if (requests[request].kind == Kind::write) {
    add_range(sectors, requests[request].sector, requests[request].count);
    return;
  }
  for (size_t i = request; i-- > 0 && requests[i].kind == Kind::write;)
    add_range(sectors, requests[i].sector, requests[i].count);
}

std::vector<uint64_t> touched_sectors(const Trace& trace, const CrashState& s) {
  std::vector<uint64_t> sectors;
  for (const Fault& f : s.faults) {
    const uint32_t count = f.request < trace.requests().size() ? trace.requests()[f.request].count : 0;
    if (f.kind == Mode::lying_flush) add_lied_sectors(trace, f.request, sectors);
    if (f.kind == Mode::lost_write) add_range(sectors, trace.requests()[f.request].sector, count);
    if (f.kind == Mode::misdirected) {
      add_range(sectors, trace.requests()[f.request].sector, count);
      add_range(sectors, f.sector, count);
    }
    if (f.kind == Mode::bit_rot || f.kind == Mode::sub_sector_tear) sectors.push_back(f.sector);
  }
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  return sectors;
}

uint64_t layered_contribution(const DurableState& durable, std::span<const DeltaEntry> delta, uint64_t sector) {
  const auto it = std::lower_bound(delta.begin(), delta.end(), sector,
                                   [](const DeltaEntry& e, uint64_t s) { return e.sector < s; });
  if (it != delta.end() && it->sector == sector) return it->contribution;
  const DurableEntry* d = durable.find(sector);
  return d ? d->contribution : 0;
}

bool durable_at_cut(const Trace& trace, size_t request, size_t cut) {
  const auto requests = trace.requests();
  if (requests[request].fua) return true;
  for (size_t i = request + 1; i < cut; ++i)
    if (requests[i].kind == Kind::flush) return true;
  return false;
}

bool in_flight_at_cut(const DurableState& durable, size_t request) {
  const auto in_flight = durable.in_flight();
  return std::binary_search(in_flight.begin(), in_flight.end(), request);
}

// Why fault `f` does not fit the trace at the cut (empty if it fits).
std::string fault_error(const DurableState& durable, const Fault& f, std::string* field) {
  const Trace& trace = durable.trace();
  const size_t cut = durable.cut();
  const std::string before = " before cut " + std::to_string(cut);
  const bool is_request = f.request < cut;
  const Request* r = is_request ? &trace.requests()[f.request] : nullptr;
  const bool is_write = r && r->kind == Kind::write;
  *field = "request";
  switch (f.kind) {
    case Mode::lying_flush:
      if (!r || !(r->kind == Kind::flush || r->fua)) return "expected a FLUSH or FUA write" + before;
      break;
    case Mode::misdirected:
      if (!is_write) return "expected a write" + before;
      *field = "sector";
      if (f.sector == r->sector || !trace.in_range(f.sector, r->count))
        return "expected a sector other than the write's own where its " + std::to_string(r->count) +
               " sectors fit on the device of " + std::to_string(trace.sector_count()) + " sectors";
      break;
    case Mode::lost_write:
      if (!is_write || !durable_at_cut(trace, f.request, cut)) return "expected a write durable at cut " + std::to_string(cut);
      break;
    case Mode::bit_rot: {
      *field = "sector";
      const DurableEntry* d = f.sector < trace.sector_count() ? durable.find(f.sector) : nullptr;
      if (!d) return "expected a sector a write durable at cut " + std::to_string(cut) + " covers";
      *field = "request";
      if (f.request != d->request) return "expected " + std::to_string(d->request) + ", the newest durable write of the sector";
      *field = "detail";
      if (f.detail >= kSectorBits) return "expected a bit index 0.." + std::to_string(kSectorBits - 1);
      return {};
    }
    case Mode::sub_sector_tear:
      if (!in_flight_at_cut(durable, f.request)) return "expected a write in flight at cut " + std::to_string(cut);
      *field = "sector";
      if (f.sector < r->sector || f.sector >= r->sector + r->count) return "expected one of the write's sectors";
      *field = "detail";
      if (f.detail < 1 || f.detail >= kSectorSize) return "expected a byte count 1.." + std::to_string(kSectorSize - 1);
      return {};
    case Mode::read_error:  // changes no byte of the image: recovery's reads of the sector fail
      *field = "sector";
      if (f.sector >= trace.sector_count())
        return "expected a sector of the device of " + std::to_string(trace.sector_count()) + " sectors";
      *field = "request";
      if (f.request != 0) return "expected 0 (read-error names no request)";
      *field = "detail";
      return f.detail == 0 ? std::string{} : "expected 0 (read-error has no detail)";
    case Mode::io_error:  // the trace is the run recorded with the failure: the image changes no byte
      if (f.request > cut) return "expected a request at or before cut " + std::to_string(cut) + " (the run failed it before the cut)";
      *field = "sector";
      if (f.sector != 0) return "expected 0 (io-error names no sector)";
      *field = "detail";
      return f.detail <= 1 ? std::string{} : "expected 0 or 1 (whether the failed write's data landed)";
    case Mode::call_error:  // the trace is the run recorded with the faulted call: the image changes no byte
    case Mode::call_misuse:
      *field = "sector";
      if (f.sector != 0) return std::string("expected 0 (") + mode_name(f.kind) + " names no sector)";
      *field = "detail";
      if (f.kind == Mode::call_misuse && f.detail < kSysCallCount && !passes_value(static_cast<SysCall>(f.detail)))
        return "expected a call with an argument to misuse (not disk_blocks or disk_flush)";
      return f.detail < kSysCallCount ? std::string{} : "expected 0 to " + std::to_string(kSysCallCount - 1) + " (the faulted call)";
    default:
      *field = "kind";
      return "expected lying-flush, misdirected, lost-write, bit-rot, sub-sector-tear, read-error, io-error, call-error or call-misuse";
  }
  if (f.kind != Mode::misdirected && f.sector != 0) {
    *field = "sector";
    return std::string("expected 0 (") + mode_name(f.kind) + " names no sector)";
  }
  *field = "detail";
  return f.detail == 0 ? std::string{} : std::string("expected 0 (") + mode_name(f.kind) + " has no detail)";
}

}  // namespace

bool is_image_fault(Mode mode) {
  return mode == Mode::lying_flush || mode == Mode::misdirected || mode == Mode::lost_write ||
         mode == Mode::bit_rot || mode == Mode::sub_sector_tear;
}

bool same_target(const Fault& a, const Fault& b) {
  if (a.kind != b.kind || a.request != b.request) return false;
  if (a.kind == Mode::bit_rot) return a.sector == b.sector && a.detail == b.detail;
  return a.kind != Mode::sub_sector_tear || a.sector == b.sector;
}

std::optional<CrashStateError> image_fault_error(const DurableState& durable, const CrashState& state) {
  if (is_fault_mode(state.kind) && state.faults.empty())
    return CrashStateError{"faults", std::string("expected at least one fault for kind ") + mode_name(state.kind)};
  if (state.faults.size() > kMaxFaults)
    return CrashStateError{"faults", "expected at most " + std::to_string(kMaxFaults) + " faults"};
  for (size_t i = 0; i < state.faults.size(); ++i) {
    const Fault& f = state.faults[i];
    const std::string where = "faults[" + std::to_string(i) + "].";
    if (f.kind != state.kind)
      return CrashStateError{where + "kind", std::string("expected the state's kind ") + mode_name(state.kind)};
    for (size_t j = 0; j < i; ++j)
      if (same_target(state.faults[j], f))
        return CrashStateError{where + "request", "expected a target no earlier fault hits (faults[" + std::to_string(j) + "] does)"};
    std::string field;
    if (std::string expected = fault_error(durable, f, &field); !expected.empty())
      return CrashStateError{where + field, expected};
  }
  return std::nullopt;
}

uint64_t apply_image_faults(const DurableState& durable, std::span<const DeltaEntry> delta,
                            const CrashState& state, uint64_t fingerprint, std::vector<FaultSector>& out) {
  out.clear();
  if (state.faults.empty()) return fingerprint;
  const Trace& trace = durable.trace();
  const size_t honest_flush = last_honest_flush(trace, state);
  for (const uint64_t sector : touched_sectors(trace, state)) {
    FaultSector fs{sector, {}};
    faulted_content(trace, state, honest_flush, sector, fs.data.data());
    const uint64_t before = layered_contribution(durable, delta, sector);
    const uint64_t after = sector_contribution(trace, sector, fs.data.data());
    if (before == after) continue;
    fingerprint += after - before;
    out.push_back(fs);
  }
  return fingerprint;
}

}  // namespace sc::crash
