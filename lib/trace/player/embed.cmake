# Writes OUTPUT, a C++ source that holds the player's script and stylesheet as
# string constants, so that --format html can put them inside the page it
# writes. Run at build time: editing player.js or player.css rebuilds the page
# writer, and the page never refers to a file of the repository.
#
#   cmake -DSCRIPT=player.js -DSTYLE=player.css -DOUTPUT=player_assets.cpp -P embed.cmake
set(delimiter "bpw_player")
set(body "")
foreach(pair "player_script;${SCRIPT}" "player_style;${STYLE}")
  list(GET pair 0 name)
  list(GET pair 1 file)
  file(READ ${file} text)
  if(text MATCHES "\\)${delimiter}\"")
    message(FATAL_ERROR "${file} holds )${delimiter}\", which ends the raw string it is embedded in")
  endif()
  string(APPEND body "extern const std::string_view ${name};\n"
                     "const std::string_view ${name} = R\"${delimiter}(${text})${delimiter}\";\n\n")
endforeach()
file(WRITE ${OUTPUT}.new
     "// Written by lib/trace/player/embed.cmake from player.js and player.css; do not edit.\n"
     "#include <string_view>\n\nnamespace bpw {\n\n${body}}  // namespace bpw\n")
# Unchanged text keeps its timestamp, so nothing recompiles needlessly.
file(COPY_FILE ${OUTPUT}.new ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.new)
