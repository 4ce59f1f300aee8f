# Runs PROGRAM with ARGS twice in WORKDIR: for WIDTH columns (given as --width,
# or with HOW "env" as COLUMNS in the environment) and with no width at all, and
# checks with CHECKER that every line fits and that the matrices are the same,
# a wide one printed in blocks of columns under captions that name them; with
# SAME_WORDS set, also that no word is lost, added or moved.
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
# SAME_WORDS: text with no matrix (--help) must hold the same words, only broken
# into lines at other places.
if(SAME_WORDS)
  file(READ ${OUT}.txt narrow)
  file(READ ${OUT}.wide.txt wide)
  string(REGEX REPLACE "[ \n]+" ";" narrow_words "${narrow}")
  string(REGEX REPLACE "[ \n]+" ";" wide_words "${wide}")
  if(NOT narrow_words STREQUAL wide_words OR NOT narrow MATCHES "\n  --")
    message(FATAL_ERROR "${PROGRAM} ${args} at ${WIDTH} columns does not hold the words of the "
                        "text with no width (${OUT}.txt against ${OUT}.wide.txt)")
  endif()
endif()
