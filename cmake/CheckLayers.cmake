# CheckLayers.cmake — the layering check of the build: reads every source
# file under the folders of cmake/layers.txt and refuses an #include "..."
# of a folder its layer may not reach (layers.txt: direct edges; a layer may
# include its own folder and the transitive closure of its edges; "*" allows
# everything). Run as: cmake -DSOURCE_DIR=<root> -DSTAMP=<file> -P CheckLayers.cmake
# On a violation it prints one line per offending include (file:line: what,
# from which layer, and what that layer may include) and fails, so the build
# fails; otherwise it touches STAMP.

cmake_minimum_required(VERSION 3.25)

file(STRINGS ${SOURCE_DIR}/cmake/layers.txt table_lines REGEX "^[^#].*:")
set(layers)
foreach(line IN LISTS table_lines)
  string(REGEX MATCH "^([^:]+):(.*)$" _ "${line}")
  set(layer "${CMAKE_MATCH_1}")
  string(STRIP "${CMAKE_MATCH_2}" deps)
  separate_arguments(deps)
  list(APPEND layers ${layer})
  string(REPLACE "/" "_" key "${layer}")
  set(direct_${key} ${deps})
endforeach()

# The layer a path lies in: the longest layer folder it starts with.
function(layer_of path out)
  set(best "")
  foreach(layer IN LISTS layers)
    string(LENGTH "${layer}" n)
    string(SUBSTRING "${path}/" 0 ${n} head)
    string(LENGTH "${best}" best_n)
    if(head STREQUAL layer AND n GREATER best_n)
      string(SUBSTRING "${path}/" ${n} 1 sep)
      if(sep STREQUAL "/")
        set(best "${layer}")
      endif()
    endif()
  endforeach()
  set(${out} "${best}" PARENT_SCOPE)
endfunction()

# The transitive closure of a layer's edges.
function(reach layer out)
  set(seen)
  set(todo ${layer})
  while(todo)
    list(POP_FRONT todo l)
    string(REPLACE "/" "_" key "${l}")
    foreach(d IN LISTS direct_${key})
      if(NOT d IN_LIST seen)
        list(APPEND seen ${d})
        list(APPEND todo ${d})
      endif()
    endforeach()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

set(errors 0)
foreach(layer IN LISTS layers)
  reach(${layer} allowed)
  if("*" IN_LIST allowed)
    continue()
  endif()
  file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/${layer}/*.h ${SOURCE_DIR}/${layer}/*.cpp ${SOURCE_DIR}/${layer}/*.in)
  foreach(source IN LISTS sources)
    layer_of(${source} owner)
    if(NOT owner STREQUAL layer)
      continue()  # a nested layer's file, checked under its own layer
    endif()
    file(STRINGS ${SOURCE_DIR}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+/[^\"]+\"")
    foreach(line IN LISTS includes)
      string(REGEX MATCH "\"([^\"]+)\"" _ "${line}")
      set(included "${CMAKE_MATCH_1}")
      layer_of(${included} target)
      if(target STREQUAL "" OR target STREQUAL layer OR target IN_LIST allowed)
        continue()
      endif()
      string(JOIN " " reachable ${layer} ${allowed})
      message("${source}: #include \"${included}\": layer ${layer} may not include ${target} "
              "(it may include: ${reachable}; cmake/layers.txt)")
      math(EXPR errors "${errors} + 1")
    endforeach()
  endforeach()
endforeach()

if(errors GREATER 0)
  message(FATAL_ERROR "${errors} include(s) cross the layers of cmake/layers.txt")
endif()
file(TOUCH ${STAMP})
