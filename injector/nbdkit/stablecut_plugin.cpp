// stablecut_plugin.cpp — the nbdkit glue of our plugin (API version 2,
// SERIALIZE_ALL_REQUESTS): one DiskModel (disk_model.h) per connection.
// Usage: nbdkit [-U SOCK] stablecut_nbdkit.so [size=BYTES] [image=RAW]
//               [trace=FILE] [durable=RAW] [freeze_at=I] [next_image=STEM]
//               [io_error=I[:D]]
// next_image=STEM names the queue of crash images the host hands to each
// power-on (image_queue.h).
// It advertises FLUSH and native FUA and a 512-byte minimum block size; the
// size it serves is the data size plus the guest's control sector. The
// trace (trace file JSON with the control marks in "meta") and the durable
// image are written to the files named when the run ends (disk_model.h
// save_run(): at kEnd, at the live cut, or at the connection's close).
// Errors are one line, through nbdkit_error.
#define NBDKIT_API_VERSION 2
#include <nbdkit-plugin.h>

#include <cerrno>
#include <exception>
#include <memory>
#include <string>

#include "injector/nbdkit/disk_model.h"

#define THREAD_MODEL NBDKIT_THREAD_MODEL_SERIALIZE_ALL_REQUESTS

namespace {

using sc::nbd::DiskModel;

sc::nbd::ModelConfig config;

int sc_config(const char* key, const char* value) {
  const std::string error = sc::nbd::apply_setting(&config, key, value);
  if (error.empty()) return 0;
  nbdkit_error("%s", error.c_str());
  return -1;
}

int sc_config_complete() {
  if (!config.next_image.empty() && config.freeze_at) {
    nbdkit_error("next_image= and freeze_at= exclude each other (a power cut ends the session)");
    return -1;
  }
  if (!config.next_image.empty() && config.io_error) {
    nbdkit_error("next_image= and io_error= exclude each other (io_error= fails a request of a record run)");
    return -1;
  }
  if (config.size_bytes || !config.image.empty()) return 0;
  nbdkit_error("give size= or image=");
  return -1;
}

void* sc_open(int) {
  try {
    return new DiskModel(config, [](std::chrono::microseconds wait) {
      return nbdkit_nanosleep(0, static_cast<unsigned>(wait.count()) * 1000) == 0;
    });
  } catch (const std::exception& e) {
    nbdkit_error("%s", e.what());
    return nullptr;
  }
}

void sc_close(void* handle) {
  std::unique_ptr<DiskModel> model(static_cast<DiskModel*>(handle));
  std::string why;
  if (model->save_run(&why) != 0) nbdkit_error("%s", why.c_str());
}

int64_t sc_get_size(void* handle) { return static_cast<int64_t>(static_cast<DiskModel*>(handle)->size_bytes()); }
int sc_can_flush(void*) { return 1; }
int sc_can_fua(void*) { return NBDKIT_FUA_NATIVE; }
int sc_can_multi_conn(void*) { return 0; }

int sc_block_size(void*, uint32_t* minimum, uint32_t* preferred, uint32_t* maximum) {
  *minimum = 512;
  *preferred = 4096;
  *maximum = 0xffffffff;
  return 0;
}

int fail(int err, const std::string& why) {
  nbdkit_error("%s", why.c_str());
  nbdkit_set_error(err);
  return -1;
}

int sc_pread(void* handle, void* buf, uint32_t count, uint64_t offset, uint32_t) {
  std::string why;
  const int err = static_cast<DiskModel*>(handle)->pread(buf, count, offset, &why);
  return err == 0 ? 0 : fail(err, why);
}

int sc_pwrite(void* handle, const void* buf, uint32_t count, uint64_t offset, uint32_t flags) {
  std::string why;
  const bool fua = (flags & NBDKIT_FLAG_FUA) != 0;
  const int err = static_cast<DiskModel*>(handle)->pwrite(buf, count, offset, fua, &why);
  return err == 0 ? 0 : fail(err, why);
}

int sc_flush(void* handle, uint32_t) {
  std::string why;
  const int err = static_cast<DiskModel*>(handle)->flush(&why);
  return err == 0 ? 0 : fail(err, why);
}

nbdkit_plugin make_plugin() {
  nbdkit_plugin p{};
  p.name = "stablecut";
  p.longname = "stablecut crash-model disk";
  p.description = "serves a disk image through the stablecut crash model, recording a trace with phase tags";
  p.config = sc_config;
  p.config_complete = sc_config_complete;
  p.config_help = "size=BYTES image=RAW trace=FILE durable=RAW freeze_at=I next_image=STEM io_error=I[:D]";
  p.open = sc_open;
  p.close = sc_close;
  p.get_size = sc_get_size;
  p.can_flush = sc_can_flush;
  p.can_fua = sc_can_fua;
  p.can_multi_conn = sc_can_multi_conn;
  p.block_size = sc_block_size;
  p.pread = sc_pread;
  p.pwrite = sc_pwrite;
  p.flush = sc_flush;
  return p;
}

nbdkit_plugin plugin = make_plugin();

}  // namespace

NBDKIT_REGISTER_PLUGIN(plugin)
