# Runs PROGRAM with ARGS and writes its standard output to OUTPUT; a chapter's
# exit status 1 (a failed check) is expected for the --break-derivative page.
separate_arguments(args UNIX_COMMAND "${ARGS}")
unset(ENV{COLUMNS})  # the book shows the text as a file gets it, whatever the shell's width
execute_process(COMMAND ${PROGRAM} ${args} INPUT_FILE /dev/null OUTPUT_FILE ${OUTPUT}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} exited with ${rc}")
endif()
