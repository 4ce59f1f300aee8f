# PROGRAM --help with COLUMNS=WIDTH against the same help with no width (a pipe):
# every line fits WIDTH columns (CHECKER, as for the trace) and not a word is lost,
# added or moved: the two differ only in where their lines break.
unset(ENV{COLUMNS})
execute_process(COMMAND ${PROGRAM} --help INPUT_FILE /dev/null OUTPUT_FILE ${OUT}.wide.txt
                RESULT_VARIABLE wide_rc)
set(ENV{COLUMNS} ${WIDTH})
execute_process(COMMAND ${PROGRAM} --help INPUT_FILE /dev/null OUTPUT_FILE ${OUT}.txt
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT wide_rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help exited with ${rc} (${wide_rc} with no width)")
endif()
execute_process(COMMAND ${CHECKER} ${WIDTH} ${OUT}.txt ${OUT}.wide.txt RESULT_VARIABLE fits)
if(NOT fits EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help does not fit ${WIDTH} columns (output: ${OUT}.txt)")
endif()
file(READ ${OUT}.txt narrow)
file(READ ${OUT}.wide.txt wide)
string(REGEX REPLACE "[ \n]+" ";" narrow_words "${narrow}")
string(REGEX REPLACE "[ \n]+" ";" wide_words "${wide}")
if(NOT narrow_words STREQUAL wide_words)
  message(FATAL_ERROR "${PROGRAM} --help at ${WIDTH} columns does not hold the words of the help "
                      "with no width (${OUT}.txt against ${OUT}.wide.txt)")
endif()
string(FIND "${narrow}" "\n  --" first_option)
if(first_option EQUAL -1)
  message(FATAL_ERROR "${PROGRAM} --help lists no option")
endif()
