// console.h — formatted kernel output on the UART.
// Interface: kprintf(fmt, ...) understands %s %c %d %u %x %p %% with the
// length modifiers l and ll, and a zero-padded width for %x (e.g. %08x).
// kputs(s, n) writes n raw bytes. Invariant: no buffering, no allocation;
// safe to call from trap handlers and before anything else is initialised
// except uart_init().
#pragma once
#include <stdarg.h>
#include <stddef.h>

namespace rv {

void kputs(const char* s, size_t n);
void kprintf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char* fmt, va_list args);

}  // namespace rv
