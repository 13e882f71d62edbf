// image_queue.h — how the host hands crash images to the plugin's power-ons
// (the plugin's next_image=STEM, disk_model.h): a queue of files next to STEM.
//   STEM.<n>          a whole raw crash image; n is decimal and the host
//                     never uses one n twice for a STEM; it appears whole
//                     (written to a .part file, then renamed into place);
//   STEM.<n>.faults   its failing sectors (one decimal a line), written
//                     before STEM.<n> appears; absent: no failing sector;
//   STEM.<n>.order    a record order: the plugin settings of that power-on,
//                     one key=value a line (trace=, durable=, freeze_at=,
//                     io_error=, as disk_model.h apply_run_setting takes
//                     them), written before STEM.<n> appears; the guest then
//                     records the workload's run on the image (an empty
//                     image: a blank disk); absent: the guest recovers it.
// The plugin serves the images in increasing n: at a power-on it claims the
// lowest STEM.<n> by renaming it to STEM.<n>.taken, loads it, its faults
// and its order, and deletes them. A rename is atomic, so a claim and the host's
// withdraw_image() of the same n exclude each other: exactly one succeeds.
// The host stages images in the order they are to be booted, and may stage
// the next one while the current boot runs: that power-on then finds its
// image waiting instead of waiting for it.
// Errors: stage_image() throws std::runtime_error (one line naming the file);
// the plugin's calls never throw (they run inside nbdkit's C callbacks).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace sc::nbd {

std::string queued_image_path(const std::string& stem, uint64_t n);
std::string queued_faults_path(const std::string& stem, uint64_t n);
std::string queued_order_path(const std::string& stem, uint64_t n);

// Host: queues image n (its failing sectors and its record order first, if any).
void stage_image(const std::string& stem, uint64_t n, std::span<const uint8_t> image,
                 std::span<const uint64_t> read_errors, std::span<const std::string> order = {});
// Host: takes image n (and its faults and order) off the queue; false if a power-on
// had already claimed it (or it was never staged).
bool withdraw_image(const std::string& stem, uint64_t n);

// Plugin: the lowest n queued, if any.
std::optional<uint64_t> lowest_queued(const std::string& stem);
// Plugin: claims image n; the path it now has (STEM.<n>.taken), or nullopt
// if the host withdrew it first.
std::optional<std::string> claim_image(const std::string& stem, uint64_t n);

}  // namespace sc::nbd
