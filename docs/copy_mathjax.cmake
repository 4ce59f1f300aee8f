# Copies into HTML/mathjax the MathJax files the book uses, listed in MANIFEST
# (paths under MATHJAX_DIR, Debian's libjs-mathjax), so that the book works
# wherever its folder is copied. The browser test (tests/book/browser_test.mjs)
# fails when a page asks for a file that is not listed, or when a listed file is
# never asked for.
file(STRINGS ${MANIFEST} lines)
set(count 0)
if(IS_SYMLINK ${HTML}/mathjax)
  file(REMOVE ${HTML}/mathjax)
endif()
foreach(line IN LISTS lines)
  string(STRIP "${line}" file)
  if(file STREQUAL "" OR file MATCHES "^#")
    continue()
  endif()
  if(NOT EXISTS ${MATHJAX_DIR}/${file})
    message(FATAL_ERROR "${MANIFEST} lists ${file}, which ${MATHJAX_DIR} does not have")
  endif()
  get_filename_component(folder ${file} DIRECTORY)
  file(COPY ${MATHJAX_DIR}/${file} DESTINATION ${HTML}/mathjax/${folder} FOLLOW_SYMLINK_CHAIN)
  math(EXPR count "${count} + 1")
endforeach()
message(STATUS "Copied ${count} MathJax files into ${HTML}/mathjax")
