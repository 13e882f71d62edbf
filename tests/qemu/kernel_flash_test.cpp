// kernel_flash_test.cpp — the kernel's flash bank (kernel_flash.h): where it
// is looked for, which images need one, that the built bank is the size QEMU
// virt requires, that the ELF loads no code into RAM, and that a kernel whose bank is missing or the wrong size
// is a one-line setup error before QEMU starts.
#include "injector/qemu/kernel_flash.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "injector/qemu/qemu_runner.h"
#include "injector/qemu/temp_dir.h"

namespace sc::qemu {
namespace {

namespace fs = std::filesystem;

TEST(KernelFlash, TheBankIsBesideTheElf) {
  EXPECT_EQ(flash_image_of("/a/b/stablecut-kernel.elf"), "/a/b/stablecut-kernel.flash");
  EXPECT_EQ(flash_image_of("/a/b/kernel"), "/a/b/kernel.flash");
  EXPECT_EQ(flash_image_of(".elf"), ".elf.flash");
}

TEST(KernelFlash, TheKernelRunsFromFlashAndTheSpinGuestDoesNot) {
  EXPECT_TRUE(runs_from_flash(STABLECUT_KERNEL_ELF));
  EXPECT_FALSE(runs_from_flash(STABLECUT_SPIN_ELF));
  EXPECT_FALSE(runs_from_flash("/nonexistent/stablecut-kernel.elf"));
  std::string error;
  auto dir = TempDir::create(&error);
  std::ofstream(dir->file("text.elf")) << "not an ELF file, but long enough to hold an ELF header's 64 bytes";
  EXPECT_FALSE(runs_from_flash(dir->file("text.elf")));
}

TEST(KernelFlash, TheBuiltBankIsTheSizeQemuRequires) {
  EXPECT_EQ(fs::file_size(flash_image_of(STABLECUT_KERNEL_ELF)), kFlashBankBytes);
}

// What -kernel loads QEMU rewrites at every reset, discarding its
// translations: no code may be there (kernel.ld keeps it in .flash).
TEST(KernelFlash, NothingTheElfLoadsIsCode) {
  std::ifstream in(STABLECUT_KERNEL_ELF, std::ios::binary);
  Elf64_Ehdr header{};
  ASSERT_TRUE(in.read(reinterpret_cast<char*>(&header), sizeof header));
  size_t loads = 0;
  for (uint16_t i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr ph{};
    in.seekg(static_cast<std::streamoff>(header.e_phoff + uint64_t{i} * header.e_phentsize));
    ASSERT_TRUE(in.read(reinterpret_cast<char*>(&ph), sizeof ph));
    if (ph.p_type != PT_LOAD) continue;
    ++loads;
    EXPECT_EQ(ph.p_flags & PF_X, 0u) << "segment " << i << " at 0x" << std::hex << ph.p_paddr;
    EXPECT_GE(ph.p_paddr, 0x80000000u) << "segment " << i << " is outside RAM";
  }
  EXPECT_GT(loads, 0u);
}

// The kernel image copied alone (or with a bank of `bank_bytes`, unless
// negative) into a temp dir, booted once.
RunResult boot_copy(long bank_bytes) {
  std::string error;
  auto dir = TempDir::create(&error);
  const std::string elf = dir->file("stablecut-kernel.elf");
  fs::copy_file(STABLECUT_KERNEL_ELF, elf);
  if (bank_bytes >= 0) {
    const std::string bank = dir->file("stablecut-kernel.flash");
    std::ofstream{bank};
    fs::resize_file(bank, static_cast<uintmax_t>(bank_bytes));
  }
  RunConfig config;
  config.kernel_elf = elf;
  return QemuRunner(config).run();
}

TEST(KernelFlash, AMissingBankIsASetupError) {
  const RunResult r = boot_copy(-1);
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_NE(r.error.find("runs from flash, but its flash bank"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("stablecut-kernel.flash is not readable"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find('\n'), std::string::npos);
}

TEST(KernelFlash, ABankOfTheWrongSizeIsASetupError) {
  const RunResult r = boot_copy(4096);
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_NE(r.error.find("has 4096 bytes; QEMU virt needs 33554432"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace sc::qemu
