# Layers.cmake — enforces cmake/layers.txt during every build: the target
# stablecut_layers runs cmake/CheckLayers.cmake over the sources whenever a
# source or the table changes, and every target that links
# stablecut_options or stablecut_warnings (all of the project's code) depends
# on it, so an include that crosses the layers fails `cmake --build`.
file(GLOB_RECURSE STABLECUT_LAYERED_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/kernel/*.h ${PROJECT_SOURCE_DIR}/kernel/*.cpp
  ${PROJECT_SOURCE_DIR}/managers/*.h ${PROJECT_SOURCE_DIR}/managers/*.cpp
  ${PROJECT_SOURCE_DIR}/injector/*.h ${PROJECT_SOURCE_DIR}/injector/*.cpp ${PROJECT_SOURCE_DIR}/injector/*.in
  ${PROJECT_SOURCE_DIR}/fuzz/*.h ${PROJECT_SOURCE_DIR}/fuzz/*.cpp)
set(stamp ${PROJECT_BINARY_DIR}/layers.stamp)
add_custom_command(
  OUTPUT ${stamp}
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DSTAMP=${stamp}
          -P ${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/layers.txt ${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake
          ${STABLECUT_LAYERED_SOURCES}
  COMMENT "Checking includes against the layers of cmake/layers.txt"
  VERBATIM)
add_custom_target(stablecut_layers DEPENDS ${stamp})
add_dependencies(stablecut_options stablecut_layers)
add_dependencies(stablecut_warnings stablecut_layers)
