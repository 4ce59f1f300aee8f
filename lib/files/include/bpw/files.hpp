// Networks and data sets as JSON files, so an instructor can load the exact
// worked example of a lecture:
//   network: {"cost":"sse","layers":[{"W":[[…],…],"b":[…],"activation":"sigmoid"},…]}
//            optional: "lambda": 0.01, "l2": "sum" | "mean", "layout": "rows" | "columns",
//            "fixed_biases": true
//   data:    {"X":[[…],…],"y":[[…],…]}, optional "layout"
// With "layout": "columns" each W is [outputs x inputs], and X and y hold one
// sample per column; the files are transposed on reading and writing.
// Every problem is a UsageError naming the file, the place and the fix.
#pragma once

#include <string>

#include "bpw/data.hpp"
#include "bpw/layout.hpp"
#include "bpw/network.hpp"

namespace bpw {

// A network as its file holds it, and how the file writes samples.
struct NetworkFile {
  Network network;
  Layout layout = Layout::rows;
};

NetworkFile load_network(const std::string& path);
// A data file without a "layout" of its own is read in `layout`, the network's.
Dataset load_data(const std::string& path, Layout layout = Layout::rows);

// Writes the network in the format load_network reads, at full precision, with
// samples written in `layout`.
void save_network(const Network& network, Layout layout, const std::string& path);

// Writes `text` to `path` so that it is never lost: into a temporary file
// beside it, synced to the disk, then renamed over the old file, which a failed
// or interrupted write leaves whole. A device or pipe (/dev/stdout) is written
// directly. Throws UsageError saying why it cannot (an empty name, a folder, a
// full disk, a read-only folder, ulimit -f).
void write_text_file(const std::string& path, const std::string& text);

// Why `path` can never be written, found before any work is done (an empty
// name, a folder, a folder that does not exist), or "" when nothing is known
// against it. `example` is a file name to suggest.
std::string unwritable_reason(const std::string& path, const std::string& example);

// The same, from and to text (used by the tests and by the files above).
NetworkFile parse_network(const std::string& json_text, const std::string& source_name);
Dataset parse_data(const std::string& json_text, const std::string& source_name,
                   Layout layout = Layout::rows);
std::string network_to_json(const Network& network, Layout layout = Layout::rows);

}  // namespace bpw
