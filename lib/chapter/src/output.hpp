// Where a chapter's output goes: the standard output, or with --output FILE a
// file written whole once the chapter has finished, through
// bpw::write_text_file, so that a run stopped by an error leaves no file behind
// and a file that cannot be written is one line and exit status 2. Private to
// bpw_chapter.
#pragma once

#include <iosfwd>
#include <sstream>
#include <string>

namespace bpw {

class ChapterOutput {
 public:
  std::string path;  // --output FILE; empty for the standard output

  // Before any work: a path that names a folder, or whose folder is missing,
  // is refused now rather than after a long run (throws UsageError).
  void check() const;
  // What the tracer writes to.
  std::ostream& stream();
  // Writes what was collected to `path` (nothing to do for the standard output).
  void finish() const;

 private:
  std::ostringstream collected_;
};

}  // namespace bpw
