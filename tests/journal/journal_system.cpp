// journal_system.cpp — see journal_system.h.
#include "tests/journal/journal_system.h"

#include <cstring>

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/root_store.h"
#include "managers/journal/journal_format.h"
#include "managers/registry/format_checks.h"
#include "managers/registry/registry.h"

namespace sc::journal_test {

namespace {

// The value in the first word, the rest derived from it.
std::vector<uint8_t> content(uint64_t value) {
  std::vector<uint8_t> page(kPageSize);
  std::memcpy(page.data(), &value, 8);
  for (uint32_t i = 8; i < kPageSize; i += 8) {
    const uint64_t word = mix64(value * 4096 + i);
    std::memcpy(page.data() + i, &word, 8);
  }
  return page;
}

}  // namespace

struct JournalSystem::Storage {
  alignas(kManagerProgramAlign) unsigned char bytes[kMaxManagerProgramBytes];
};

uint64_t disk_sectors() { return kKernelAreaSectors + kPartitionBlocks * kSectorsPerPage; }

BootConfig boot_config(uint32_t bug_bits) {
  BootConfig config;
  config.manager_count = 1;
  ManagerConfig& mc = config.managers[0];
  mc.id = 0;
  mc.home = 0;
  mc.entry = journal::kEntryJournal;
  mc.managed_by = kNoManager;
  mc.partition_start = kKernelAreaSectors;
  mc.partition_sectors = kPartitionBlocks * kSectorsPerPage;
  mc.bugs = bug_bits;
  return config;
}

JournalSystem::JournalSystem(BlockDevice& disk, uint32_t bug_bits)
    : disk_(disk), bug_bits_(bug_bits), kernel_(std::make_unique<Kernel>(*this)) {}

JournalSystem::~JournalSystem() = default;

UpcallTarget* JournalSystem::bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) {
  const ManagerProgram* program = find_manager_program(entry);
  if (id != 0 || program == nullptr || !str_equal(program->name, "journal")) return nullptr;
  sys_ = std::make_unique<DirectSys>(*kernel_, id);
  storage_ = std::make_unique<Storage>();
  return program->construct(storage_->bytes, *sys_, bug_bits);
}

Status JournalSystem::boot() { return kernel_->boot(boot_config(bug_bits_)); }

Status JournalSystem::create_data() {
  Status s = kernel_->create_locus(0, &locus_);
  has_locus_ = !failed(s);
  if (!failed(s)) s = kernel_->locus_create_container(locus_, kData, 0, &data_);
  return s;
}

Status JournalSystem::write(uint32_t page, uint64_t value) {
  if (!has_locus_) {
    Status s = kernel_->create_locus(0, &locus_);
    if (!failed(s)) s = kernel_->locus_open(locus_, kData, &data_);
    if (failed(s)) return s;
    has_locus_ = true;
  }
  return kernel_->locus_write(locus_, data_, page, content(value).data());
}

Status JournalSystem::stabilise() { return kernel_->locus_request_stabilisation(locus_, 0); }

Status JournalSystem::read_state(State* out) {
  out->clear();
  if (!kernel_->container_exists(kData)) return Status::ok;
  std::vector<uint8_t> page(kPageSize);
  const std::vector<uint8_t> zeros(kPageSize);
  for (uint32_t p = 0; p < kPages; ++p) {
    const Status s = kernel_->inspect_read(kData, p, page.data());
    if (failed(s)) return s;
    if (page == zeros) continue;
    uint64_t value = 0;
    std::memcpy(&value, page.data(), 8);
    (*out)[p] = content(value) == page ? value : kGarbage;
  }
  return Status::ok;
}

std::vector<std::string> format_violations(BlockDevice& disk) {
  std::vector<std::string> violations;
  CutRecord cut;
  if (failed(read_newest_cut(disk, &cut))) return violations;
  const CutEntry* e = cut.find(0);
  std::vector<uint8_t> root(kPageSize);
  uint32_t version = 0;
  if (e == nullptr || failed(read_root_copy(disk, 0, e->copy, root.data(), &version))) {
    violations.push_back("the newest cut has no readable root copy of manager 0");
    return violations;
  }
  const BootConfig config = boot_config(0);
  find_format_check("journal")(FormatCheckInput{disk, config.managers[0], root.data()}, violations);
  return violations;
}

}  // namespace sc::journal_test
