// fsck.cpp — see fsck.h. Reads the kernel's stable media (root_store.h) and
// hands each self-managing manager's stable root page to the format checker
// its program registered (managers/registry/format_checks.h); none of the
// kernel's or managers' recovery code runs here.
#include "injector/oracle/fsck.h"

#include <fmt/format.h>

#include <array>

#include "kernel/core/root_store.h"
#include "managers/registry/format_checks.h"
#include "managers/registry/registry.h"

namespace sc {

namespace {

void check_manager(BlockDevice& disk, const ManagerConfig& mc, const CutRecord& cut, std::vector<std::string>& out) {
  const CutEntry* e = cut.find(mc.id);
  if (mc.managed_by != kNoManager || e == nullptr) return;
  std::array<uint8_t, kPageSize> page{};
  uint32_t version = 0;
  if (failed(read_root_copy(disk, mc.id, e->copy, page.data(), &version)) || version != e->version) {
    out.push_back(fmt::format("manager {}: root copy {} named by cut {} is invalid", mc.id, e->copy, cut.epoch));
    return;
  }
  const ManagerProgram* program = find_manager_program(mc.entry);
  const FormatCheck check = program == nullptr ? nullptr : find_format_check(program->name);
  if (check == nullptr) return;
  std::vector<std::string> violations;
  check(FormatCheckInput{disk, mc, page.data()}, violations);
  for (const auto& v : violations) out.push_back(fmt::format("manager {}: {}", mc.id, v));
}

}  // namespace

std::vector<std::string> fsck_disk(BlockDevice& disk, const BootConfig& config) {
  std::vector<std::string> out;
  CutRecord cut;
  if (failed(read_newest_cut(disk, &cut))) return out;
  for (uint32_t i = 0; i < config.manager_count; ++i) check_manager(disk, config.managers[i], cut, out);
  return out;
}

}  // namespace sc
