#include "output.hpp"

#include <filesystem>
#include <iostream>

#include "bpw/errors.hpp"
#include "bpw/files.hpp"

namespace bpw {

void ChapterOutput::check() const {
  if (path.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::is_directory(path, ignored))
    throw UsageError("--output: '" + path + "' is a folder; give a file name in it, such as '" +
                     (fs::path(path) / "trace.html").string() + "'");
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ignored))
    throw UsageError("--output: cannot write '" + path + "': " +
                     (fs::exists(folder, ignored) ? "'" + folder.string() + "' is not a folder"
                                                  : "the folder '" + folder.string() + "' does not exist") +
                     "; create it or choose another path");
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
