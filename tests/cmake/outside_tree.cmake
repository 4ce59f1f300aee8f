# Checks a copy of FILE kept outside the source tree (a learner's own folder),
# then hands over to expect_output.cmake.
string(RANDOM LENGTH 10 suffix)
set(dir /tmp/bpw-exercise-${suffix})
file(MAKE_DIRECTORY ${dir})
get_filename_component(base ${FILE} NAME)
file(COPY ${FILE} DESTINATION ${dir})
set(ARGS "check ${NAME} --file ${dir}/${base}")
string(REPLACE "DIR" "${dir}" EXPECT "${EXPECT}")
include(${CMAKE_CURRENT_LIST_DIR}/expect_output.cmake)
file(REMOVE_RECURSE ${dir})
