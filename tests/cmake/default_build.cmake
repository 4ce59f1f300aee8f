# The default build leaves out the exercise programs the tests build for
# themselves (starting texts, solutions, mistakes): a learner's `cmake --build`
# compiles no solution. Asks Ninja for every command of the target `all`.
execute_process(COMMAND ${NINJA} -C ${BUILD} -t commands all
                OUTPUT_VARIABLE commands RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ninja -t commands all failed (${rc})")
endif()
foreach(program exercise_solution_ exercise_start_ mistake_)
  if(commands MATCHES "exercises/bin/${program}[a-z_]+")
    message(FATAL_ERROR "the default build makes ${CMAKE_MATCH_0}")
  endif()
endforeach()
if(NOT commands MATCHES "bin/ch01_forward_pass")
  message(FATAL_ERROR "ninja -t commands all does not list the chapters either: is this the build?")
endif()
