# dbmig_add_bindings(TARGET target [PROJECT dir] [OUTPUT dir] [APPS app ...])
# Generates the SOCI bindings of the dbmig project's models (`dbmig bindings`, docs/cli.md) at
# build time, again whenever a model header, a file it includes (the command's depfile) or dbmig
# itself changes, puts OUTPUT on TARGET's include path (`#include <blog/models_soci.hpp>`) and
# makes TARGET build after the headers. PROJECT defaults to the current source folder and OUTPUT
# to <current binary folder>/dbmig-bindings; relative ones are relative to those folders. The
# headers are known at configure time: those of APPS, else those `dbmig bindings --list` names,
# which reads dbmig.json and the apps folder without parsing any model (configure again after
# adding an app). Uses DBMIG_EXECUTABLE: the installed dbmig, or in dbmig's own tree the name of
# its target (which then builds first).
function(dbmig_add_bindings)
  cmake_parse_arguments(ARG "" "TARGET;PROJECT;OUTPUT" "APPS" ${ARGN})
  if(NOT ARG_TARGET)
    message(FATAL_ERROR "dbmig_add_bindings: TARGET is required")
  endif()
  if(NOT ARG_PROJECT)
    set(ARG_PROJECT "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  if(NOT ARG_OUTPUT)
    set(ARG_OUTPUT dbmig-bindings)
  endif()
  get_filename_component(ARG_PROJECT "${ARG_PROJECT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(ARG_OUTPUT "${ARG_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(outputs)
  if(ARG_APPS)
    foreach(app IN LISTS ARG_APPS)
      list(APPEND outputs "${ARG_OUTPUT}/${app}/models_soci.hpp")
    endforeach()
  else()
    execute_process(
      COMMAND "${DBMIG_EXECUTABLE}" --project "${ARG_PROJECT}" bindings --output "${ARG_OUTPUT}" --list
      OUTPUT_VARIABLE listed RESULT_VARIABLE status ERROR_VARIABLE error)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "dbmig_add_bindings: `dbmig bindings --list` failed: ${error}")
    endif()
    string(STRIP "${listed}" listed)
    string(REPLACE "\n" ";" outputs "${listed}")
    if(EXISTS "${ARG_PROJECT}/dbmig.json")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ARG_PROJECT}/dbmig.json")
    endif()
  endif()
  string(MAKE_C_IDENTIFIER "${ARG_TARGET}" name)
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${name}_dbmig_bindings.d")
  # dbmig leaves a header that would not change as it is; touching it then keeps Make from
  # running the command again on every build because a dependency is newer.
  add_custom_command(OUTPUT ${outputs}
    COMMAND "${DBMIG_EXECUTABLE}" --project "${ARG_PROJECT}" bindings ${ARG_APPS}
            --output "${ARG_OUTPUT}" --depfile "${depfile}"
    COMMAND "${CMAKE_COMMAND}" -E touch_nocreate ${outputs}
    DEPFILE "${depfile}"
    DEPENDS "${DBMIG_EXECUTABLE}"
    COMMENT "Generating the SOCI bindings of the dbmig models in ${ARG_PROJECT}"
    VERBATIM)
  add_custom_target(${name}_dbmig_bindings DEPENDS ${outputs})
  add_dependencies(${ARG_TARGET} ${name}_dbmig_bindings)
  target_include_directories(${ARG_TARGET} PRIVATE "${ARG_OUTPUT}")
endfunction()
