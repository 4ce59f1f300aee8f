#include "output.hpp"

#include <iostream>

#include "bpw/errors.hpp"
#include "bpw/files.hpp"

namespace bpw {

void ChapterOutput::check() const {
  if (path.empty()) return;
  if (const std::string reason = unwritable_reason(path, "trace.html"); !reason.empty())
    throw UsageError("--output: " + reason);
}

std::ostream& ChapterOutput::stream() {
  if (path.empty()) return std::cout;
  return collected_;
}

void ChapterOutput::finish() const {
  if (path.empty()) return;
  try {
    write_text_file(path, collected_.str());
  } catch (const UsageError& e) {
    throw UsageError(std::string("--output: ") + e.what());
  }
}

}  // namespace bpw
