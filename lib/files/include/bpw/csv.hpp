// Data sets from CSV files: one sample per line, comma-separated, an optional
// header line of column names. Some columns are targets, the rest inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bpw/data.hpp"

namespace bpw {

struct CsvData {
  Dataset data;
  bool classes = false;                  // targets were class labels, now one-hot rows
  std::vector<std::string> class_names;  // in the order of the one-hot columns
};

// `targets` names the target columns: "last", 1-based numbers ("3" or "2,4"), or
// header names, each once. A single target column of labels that are not all
// numbers, or any single target column when `classes` is set, becomes one-hot
// rows, one column per distinct label in order of first appearance. A UTF-8
// byte-order mark before the header is dropped. Throws UsageError for a missing
// file, a row of the wrong length, a value that is not a number (with its line),
// target columns that are empty, repeated or unknown, or a file beyond the
// limits (bpw/limits.hpp), before the matrices are allocated.
CsvData load_csv(const std::string& path, const std::string& targets = "last",
                 bool classes = false);

// The same, from the text of a file; `source` names it in messages ("'iris.csv'").
CsvData parse_csv(std::string_view text, const std::string& source,
                  const std::string& targets = "last", bool classes = false);

}  // namespace bpw
