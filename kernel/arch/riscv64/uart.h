// uart.h — the QEMU virt 16550 UART at 0x10000000, transmit side only.
// Interface: uart_init() once at boot, then uart_putc() per byte (polling).
// Invariant: output is unbuffered; each byte is in the transmitter when
// uart_putc returns, so a later exit through the finisher loses nothing
// QEMU has not already been handed.
#pragma once

namespace rv {

void uart_init();
void uart_putc(char c);

}  // namespace rv
