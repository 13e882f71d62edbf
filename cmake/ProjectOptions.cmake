# Warnings and sanitizers as INTERFACE targets: every project target links
# stablecut_options, so flags are set in one place.
add_library(stablecut_options INTERFACE)
target_compile_options(stablecut_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(STABLECUT_WERROR)
  target_compile_options(stablecut_options INTERFACE -Werror)
endif()
if(STABLECUT_SANITIZE)
  target_compile_options(stablecut_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=all -fno-omit-frame-pointer)
  # vptr checks need RTTI, which the kernel core and managers are built without.
  target_link_options(stablecut_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr)
endif()
if(STABLECUT_FUZZ)
  target_compile_options(stablecut_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

# The kernel core is platform-free: no exceptions, no RTTI, no libc heap.
add_library(stablecut_core_options INTERFACE)
target_compile_options(stablecut_core_options INTERFACE -fno-exceptions -fno-rtti)
