// Edit claims: "change this line, rebuild, rerun" made into a test. An edit is
//
//   edit lib/math/src/forward.cpp
//   from: matmul_into(z, a, layer.W);
//   to:   matmul_into(z, a, layer.W); z *= 2.0;
//
// and the program of the next `run` is built as the learner would build it: the
// edited copy of the file compiled with the build's own command, the library or
// program it belongs to linked again from the build's other objects, into a
// folder of its own (the build itself is never touched).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "claims.hpp"

namespace claims {

struct Edit {
  std::string file;  // relative to the source tree
  std::string from;  // must occur exactly once in the file
  std::string to;
};

// The edit whose "edit FILE" line is lines[i]; `from:` and `to:` follow it.
Edit edit_at(const std::vector<std::string>& lines, std::size_t i);

// A rebuilt program: run `program` with `library_dir` searched first for libraries.
struct Variant {
  std::filesystem::path program;
  std::filesystem::path library_dir;
};

// The program `program` rebuilt with the edits applied; throws a std::runtime_error
// naming what went wrong (a `from` that is not in the file, a failed compile).
Variant build_variant(const std::string& program, const std::vector<Edit>& edits,
                                    const Context& context);

}  // namespace claims
