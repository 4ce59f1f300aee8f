# The source check of CHECKER must fail: PROGRAM's JSON with one matrix's
# "source" moved to a line that computes nothing (the first line of README.md),
# then to a line that traces a value computed on another line.
execute_process(COMMAND ${PROGRAM} --format json INPUT_FILE /dev/null OUTPUT_VARIABLE trace RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --format json exited with ${rc}")
endif()
foreach(wrong "README.md:1" "tests/inputs/misplaced_trace.cpp:3")
  string(REGEX REPLACE "\"source\":\"lib/math/src/forward.cpp:[0-9]+\"" "\"source\":\"${wrong}\"" moved "${trace}")
  if(moved STREQUAL trace)
    message(FATAL_ERROR "${PROGRAM} traced nothing at lib/math/src/forward.cpp to move")
  endif()
  file(WRITE ${OUT} "${moved}")
  execute_process(COMMAND ${CHECKER} ${SCHEMA} ${SOURCE_ROOT} INPUT_FILE ${OUT}
                  RESULT_VARIABLE checked ERROR_VARIABLE why)
  if(checked EQUAL 0 OR NOT why MATCHES "${wrong}")
    message(FATAL_ERROR "a source moved to ${wrong} passed the check (${checked}): ${why}")
  endif()
endforeach()
