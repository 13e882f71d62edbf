# Compiler cache: when ccache is installed and no launcher was given, every
# compile (host C/C++ and the riscv64 custom commands, which prefix
# STABLECUT_COMPILER_LAUNCHER) runs through ccache with
# CCACHE_BASEDIR=<source dir> and CCACHE_NOHASHDIR=1, so build directories at
# the same depth under the source tree (build/release, build/byom-test) share
# cached objects. A launcher given on the command line
# (-DCMAKE_CXX_COMPILER_LAUNCHER=...) is kept and used for riscv64 too.
# -DSTABLECUT_CCACHE=OFF turns the default off.
option(STABLECUT_CCACHE "Compile through ccache when it is installed" ON)
find_program(STABLECUT_CCACHE_PROGRAM ccache)
if(STABLECUT_CCACHE AND STABLECUT_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(stablecut_ccache_launcher
    ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} CCACHE_NOHASHDIR=1 ${STABLECUT_CCACHE_PROGRAM})
  set(CMAKE_C_COMPILER_LAUNCHER ${stablecut_ccache_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${stablecut_ccache_launcher})
endif()
set(STABLECUT_COMPILER_LAUNCHER ${CMAKE_CXX_COMPILER_LAUNCHER})
