# Runs PROGRAM with ARGS --format json and checks every line with CHECKER,
# every "source" against the sources in SOURCE_ROOT.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args} --format json
                COMMAND ${CHECKER} ${SCHEMA} ${SOURCE_ROOT}
                INPUT_FILE /dev/null
                RESULTS_VARIABLE results
                ERROR_VARIABLE errors)
list(GET results 0 program_rc)
list(GET results 1 checker_rc)
if(NOT program_rc EQUAL 0 OR NOT checker_rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} --format json: exit ${program_rc}, check ${checker_rc}: ${errors}")
endif()
