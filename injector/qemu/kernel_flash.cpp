// kernel_flash.cpp — see kernel_flash.h.
#include "injector/qemu/kernel_flash.h"

#include <elf.h>

#include <cstring>
#include <fstream>

namespace sc::qemu {

namespace {

constexpr uint64_t kFlashBase = 0x20000000;  // QEMU virt, pflash unit 0

}  // namespace

std::string flash_image_of(const std::string& kernel_elf) {
  const std::string suffix = ".elf";
  if (kernel_elf.size() > suffix.size() && kernel_elf.ends_with(suffix))
    return kernel_elf.substr(0, kernel_elf.size() - suffix.size()) + ".flash";
  return kernel_elf + ".flash";
}

bool runs_from_flash(const std::string& kernel_elf) {
  Elf64_Ehdr header{};
  std::ifstream in(kernel_elf, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return false;
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64) return false;
  return header.e_entry >= kFlashBase && header.e_entry < kFlashBase + kFlashBankBytes;
}

}  // namespace sc::qemu
