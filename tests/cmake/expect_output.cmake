# Runs PROGRAM with ARGS and expects exit status EXPECT_RC and output (stdout
# and stderr together) that matches every regular expression in the list
# EXPECT, in that order.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args}
                INPUT_FILE /dev/null
                OUTPUT_VARIABLE out
                ERROR_VARIABLE out
                RESULT_VARIABLE rc)
if(NOT rc STREQUAL EXPECT_RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${EXPECT_RC}; output:\n${out}")
endif()
set(rest "${out}")
foreach(pattern IN LISTS EXPECT)
  string(REGEX MATCH "${pattern}.*" found "${rest}")
  if(found STREQUAL "")
    message(FATAL_ERROR "the output does not show '${pattern}' (after the earlier patterns):\n${out}")
  endif()
  set(rest "${found}")
endforeach()
if(out MATCHES "terminate called|what\\(\\)|Aborted|core dumped")
  message(FATAL_ERROR "the output shows a raw exception or crash:\n${out}")
endif()
