# Runs PROGRAM with ARGS in WORKDIR (stdin not a terminal), expects exit status EXPECT_RC,
# and compares its stdout with GOLDEN through COMPARE within ABS and REL.
# With BPW_UPDATE_GOLDEN=1 in the environment it rewrites GOLDEN instead.
separate_arguments(args UNIX_COMMAND "${ARGS}")
# Golden text is made with no width: a COLUMNS the shell exports must not change it.
unset(ENV{COLUMNS})
execute_process(COMMAND ${PROGRAM} ${args}
                WORKING_DIRECTORY ${WORKDIR}
                INPUT_FILE /dev/null
                OUTPUT_FILE ${ACTUAL}
                ERROR_VARIABLE errors
                RESULT_VARIABLE rc)
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} exited with ${rc}, expected ${EXPECT_RC}: ${errors}")
endif()
if("$ENV{BPW_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE ${ACTUAL} ${GOLDEN})
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
execute_process(COMMAND ${COMPARE} ${GOLDEN} ${ACTUAL} ${ABS} ${REL} RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the output of ${PROGRAM} ${ARGS} differs from ${GOLDEN} (actual output: ${ACTUAL})")
endif()
