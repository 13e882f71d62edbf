// console.cpp — a tiny printf over the UART; see console.h.
#include "kernel/arch/riscv64/console.h"

#include <stdarg.h>
#include <stdint.h>

#include "kernel/arch/riscv64/uart.h"

namespace rv {

namespace {

void put_unsigned(uint64_t value, unsigned base, int width, char pad) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[value % base];
    value /= base;
  } while (value != 0);
  for (int i = n; i < width; ++i) uart_putc(pad);
  while (n > 0) uart_putc(digits[--n]);
}

void put_signed(int64_t value) {
  if (value < 0) {
    uart_putc('-');
    put_unsigned(0 - static_cast<uint64_t>(value), 10, 0, ' ');
  } else {
    put_unsigned(static_cast<uint64_t>(value), 10, 0, ' ');
  }
}

void put_string(const char* s) {
  if (s == nullptr) s = "(null)";
  while (*s) uart_putc(*s++);
}

// Reads one integer argument of the given length (0 = int, 1 = long, 2 = long long).
uint64_t take_unsigned(va_list* args, int length) {
  if (length == 0) return va_arg(*args, unsigned);
  if (length == 1) return va_arg(*args, unsigned long);
  return va_arg(*args, unsigned long long);
}

int64_t take_signed(va_list* args, int length) {
  if (length == 0) return va_arg(*args, int);
  if (length == 1) return va_arg(*args, long);
  return va_arg(*args, long long);
}

// Formats one conversion starting after '%'; returns the position after it.
const char* format_one(const char* f, va_list* args) {
  char pad = ' ';
  int width = 0;
  int length = 0;
  if (*f == '0') pad = '0', ++f;
  while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
  while (*f == 'l') ++length, ++f;
  switch (*f) {
    case 'd': put_signed(take_signed(args, length)); break;
    case 'u': put_unsigned(take_unsigned(args, length), 10, width, pad); break;
    case 'x': put_unsigned(take_unsigned(args, length), 16, width, pad); break;
    case 'p':
      put_string("0x");
      put_unsigned(reinterpret_cast<uintptr_t>(va_arg(*args, void*)), 16, 0, ' ');
      break;
    case 's': put_string(va_arg(*args, const char*)); break;
    case 'c': uart_putc(static_cast<char>(va_arg(*args, int))); break;
    case '%': uart_putc('%'); break;
    case '\0': return f;
    default: uart_putc('?'); break;
  }
  return f + 1;
}

}  // namespace

void kputs(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) uart_putc(s[i]);
}

void kvprintf(const char* fmt, va_list args) {
  va_list own;
  va_copy(own, args);
  while (*fmt) {
    if (*fmt == '%') {
      fmt = format_one(fmt + 1, &own);
    } else {
      uart_putc(*fmt++);
    }
  }
  va_end(own);
}

void kprintf(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  kvprintf(fmt, args);
  va_end(args);
}

}  // namespace rv
