# `cmake --build build --target handouts`: every chapter's LaTeX handout under
# every preset, compiled with pdflatex into build/handouts. TeX Live's LaTeX
# (texlive-latex-base) is installed on demand by scripts/install-handout-tools.sh.
get_property(handout_programs GLOBAL PROPERTY BPW_CHAPTERS)
add_custom_target(handouts
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/install-handout-tools.sh
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/handouts.sh ${CMAKE_BINARY_DIR}/bin ${CMAKE_BINARY_DIR}/handouts
  DEPENDS ${handout_programs}
  USES_TERMINAL
  COMMENT "Compiling every chapter's handout under every preset into ${CMAKE_BINARY_DIR}/handouts")
