// What every loader does with a file a learner names: read it within the
// limits, and quote its text in a message without letting that text break the
// message's one line.
#pragma once

#include <string>
#include <string_view>

namespace bpw {

// The whole file, or a UsageError in one line: missing, unreadable, a folder,
// or larger than limits::file_bytes. A regular file is measured before it is
// read; a pipe or device is cut off at the limit. `kind` names the file in
// messages: "network", "data", "CSV".
std::string read_input_file(const std::string& path, std::string_view kind);

// Text from a file as a message quotes it: at most `width` characters, with
// control characters shown as '?' and "…" where it was cut.
std::string excerpt(std::string_view text, std::size_t width = 40);

}  // namespace bpw
