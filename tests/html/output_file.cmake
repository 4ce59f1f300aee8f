# --output FILE, run by ctest with PROGRAM (a chapter), WORK (a scratch folder),
# and STOPPING_PROGRAM with STOPPING_ARGS (a run that stops halfway):
#   - the page goes to the file, whole, and nothing to the standard output;
#   - text to a file is what the standard output would have shown;
#   - a path that cannot be written (a missing folder, a folder, a file taken
#     for a folder) is one line on stderr and exit status 2, and no file;
#   - a run stopped by an error leaves no file, and an existing file as it was.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run_chapter)
  execute_process(COMMAND ${PROGRAM} ${ARGN} INPUT_FILE /dev/null
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
  set(rc "${rc}" PARENT_SCOPE)
endfunction()

# A refusal: exit 2, one line matching `pattern`, and `path` not created.
function(expect_refusal path pattern)
  run_chapter(${ARGN})
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines lines)
  if(NOT rc EQUAL 2 OR NOT lines EQUAL 1 OR NOT err MATCHES "${pattern}")
    message(FATAL_ERROR "${ARGN}: expected exit 2 and one line matching '${pattern}', got ${rc}:\n${err}")
  endif()
  if(EXISTS ${path} AND NOT IS_DIRECTORY ${path})
    message(FATAL_ERROR "${ARGN}: a refused run left ${path} behind")
  endif()
endfunction()

run_chapter(--format html --output ${WORK}/page.html)
file(READ ${WORK}/page.html page)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "" OR NOT page MATCHES "^<!DOCTYPE html>\n.*</html>\n$")
  message(FATAL_ERROR "--format html --output: exit ${rc}, stdout '${out}', the file does not hold one page")
endif()

run_chapter(--no-color)
set(text "${out}")
run_chapter(--no-color --output ${WORK}/trace.txt)
file(READ ${WORK}/trace.txt written)
if(NOT rc EQUAL 0 OR NOT written STREQUAL text OR text STREQUAL "")
  message(FATAL_ERROR "--output trace.txt does not hold what the standard output shows")
endif()

expect_refusal(${WORK}/no/such/folder/page.html
               "--output: cannot write '.*/no/such/folder/page.html': the folder '.*/no/such/folder' does not exist; create it or choose another path"
               --format html --output ${WORK}/no/such/folder/page.html)
expect_refusal(${WORK} "--output: '.*' is a folder; give the name of a file, such as .*/trace.html"
               --format html --output ${WORK})
expect_refusal(${WORK}/trace.txt/page.html "--output: cannot write '.*': '.*/trace.txt' is a file, not a folder; choose another path"
               --format html --output ${WORK}/trace.txt/page.html)

# Stopped by an error halfway through the trace (STOPPING_PROGRAM with
# STOPPING_ARGS writes its trace, then cannot write a plot whose name a folder
# has taken, {WORK}/blocked-boundary.svg, and stops with exit status 2):
# nothing written, and an existing file as it was.
file(MAKE_DIRECTORY ${WORK}/blocked-boundary.svg)
string(REPLACE "{WORK}" "${WORK}" STOPPING_ARGS "${STOPPING_ARGS}")
separate_arguments(stopping UNIX_COMMAND "${STOPPING_ARGS}")
set(PROGRAM ${STOPPING_PROGRAM})
run_chapter(${stopping} --format json)
string(LENGTH "${out}" partial)
if(NOT rc EQUAL 2 OR partial LESS 1000)
  message(FATAL_ERROR "${STOPPING_PROGRAM} ${STOPPING_ARGS} no longer stops halfway (exit ${rc}, ${partial} bytes)")
endif()
run_chapter(${stopping} --format html --output ${WORK}/stopped.html)
if(NOT rc EQUAL 2 OR EXISTS ${WORK}/stopped.html)
  message(FATAL_ERROR "a run stopped by an error (exit ${rc}) left stopped.html behind")
endif()
file(WRITE ${WORK}/kept.html "an earlier page\n")
run_chapter(${stopping} --format html --output ${WORK}/kept.html)
file(READ ${WORK}/kept.html kept)
if(NOT rc EQUAL 2 OR NOT kept STREQUAL "an earlier page\n")
  message(FATAL_ERROR "a run stopped by an error (exit ${rc}) changed the file it was to write")
endif()
