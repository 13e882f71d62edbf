// uart.cpp — polling 16550 transmitter; see uart.h.
#include "kernel/arch/riscv64/uart.h"

#include <stdint.h>

namespace rv {

namespace {

constexpr uintptr_t kUartBase = 0x10000000;
constexpr uintptr_t kThr = 0;  // transmit holding register
constexpr uintptr_t kIer = 1;  // interrupt enable
constexpr uintptr_t kFcr = 2;  // FIFO control
constexpr uintptr_t kLcr = 3;  // line control
constexpr uintptr_t kLsr = 5;  // line status
constexpr uint8_t kLsrTxIdle = 1 << 5;

volatile uint8_t* reg(uintptr_t offset) {
  return reinterpret_cast<volatile uint8_t*>(kUartBase + offset);
}

}  // namespace

void uart_init() {
  *reg(kIer) = 0x00;  // no interrupts: everything is polled
  *reg(kLcr) = 0x03;  // 8 data bits, no parity, one stop bit
  *reg(kFcr) = 0x07;  // enable and clear the FIFOs
}

void uart_putc(char c) {
  while ((*reg(kLsr) & kLsrTxIdle) == 0) {
  }
  *reg(kThr) = static_cast<uint8_t>(c);
}

}  // namespace rv
