# Runs PROGRAM with ARGS twice in WORKDIR: for WIDTH columns (given as --width,
# or with HOW "env" as COLUMNS in the environment) and with no width at all, and
# checks with CHECKER that every line fits and that the matrices are the same,
# a wide one printed in blocks of columns under captions that name them.
separate_arguments(args UNIX_COMMAND "${ARGS}")
unset(ENV{COLUMNS})
execute_process(COMMAND ${PROGRAM} ${args}
                WORKING_DIRECTORY ${WORKDIR} INPUT_FILE /dev/null
                OUTPUT_FILE ${OUT}.wide.txt ERROR_VARIABLE errors RESULT_VARIABLE wide_rc)
if(HOW STREQUAL "env")
  set(ENV{COLUMNS} ${WIDTH})
else()
  list(APPEND args --width ${WIDTH})
endif()
execute_process(COMMAND ${PROGRAM} ${args}
                WORKING_DIRECTORY ${WORKDIR} INPUT_FILE /dev/null
                OUTPUT_FILE ${OUT}.txt ERROR_VARIABLE errors RESULT_VARIABLE rc)
if(NOT rc MATCHES "^[01]$" OR NOT rc EQUAL wide_rc)
  message(FATAL_ERROR "${PROGRAM} ${args} exited with ${rc} (${wide_rc} with no width): ${errors}")
endif()
execute_process(COMMAND ${CHECKER} ${WIDTH} ${OUT}.txt ${OUT}.wide.txt RESULT_VARIABLE fits)
if(NOT fits EQUAL 0)
  message(FATAL_ERROR "the text of ${PROGRAM} ${args} does not fit ${WIDTH} columns (output: ${OUT}.txt)")
endif()
