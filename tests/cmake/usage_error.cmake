# Runs PROGRAM with ARGS and expects what every user mistake must give: exit
# status 2, nothing but one line on stderr, matching EXPECT, and no trace of a
# crash or of a library's own exception text.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args}
                INPUT_FILE /dev/null
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "exit status ${rc}, expected 2; stderr: ${err}")
endif()
# Training reports progress on stderr before it stops: then the error is the last line.
if(AFTER_PROGRESS)
  string(REGEX REPLACE "^(.*\n)?([^\n]*\n)$" "\\2" err "${err}")
endif()
string(REGEX MATCHALL "\n" newlines "${err}")
list(LENGTH newlines count)
if(NOT count EQUAL 1 OR NOT err MATCHES "\n$")
  message(FATAL_ERROR "expected exactly one line on stderr, got:\n${err}")
endif()
if(NOT err MATCHES "${EXPECT}")
  message(FATAL_ERROR "stderr does not match '${EXPECT}':\n${err}")
endif()
if(err MATCHES "terminate called|what\\(\\)|json\\.exception|xtensor|Assertion")
  message(FATAL_ERROR "stderr shows a raw exception or crash:\n${err}")
endif()
