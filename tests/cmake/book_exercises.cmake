# The book's exercise section of chapter 8, from the registry: labels that
# cannot be read as equation numbers, each exercise's own equation, the note on
# xtensor's lazy reductions, how to ask for hints, and no hint's text.
execute_process(COMMAND ${BOOK} page ch08_training ${SOURCE}/chapters/08_training/README.md ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bpw_book failed: ${err}")
endif()
file(READ ${OUT} page)
string(FIND "${page}" "## Exercises" at)
string(SUBSTRING "${page}" ${at} -1 section)
foreach(expected
    "### Exercise 8-A · The share of samples classified right {#exercise_accuracy}"
    "### Exercise 8-B · The softmax of each sample {#exercise_softmax}"
    "\\hat{y}_{mk} = \\frac{e^{z^{(L)}_{mk}}}{\\sum_{j} e^{z^{(L)}_{mj}}} \\tag{1.4}"
    "- **Note:** Debian's xtensor 0.24 computes a reduction kept lazy"
    "- **Hints:** 3, one at a time: `build/bin/exercise hint softmax`."
    "`build/bin/exercise solution NAME` shows the workbook's solution once yours passes")
  string(FIND "${section}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "the exercise section lacks '${expected}':\n${section}")
  endif()
endforeach()
foreach(hidden "Exercise 8.1" "Exercise 8.2" "Count the rows where the two columns agree"
               "Matrix total = xt::sum(e, {1}, xt::keep_dims); return e / total;")
  string(FIND "${section}" "${hidden}" found)
  if(NOT found EQUAL -1)
    message(FATAL_ERROR "the exercise section shows '${hidden}', which it must not")
  endif()
endforeach()
