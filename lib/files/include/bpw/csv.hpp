// Data sets from CSV files: one sample per line, comma-separated, an optional
// header line of column names. Some columns are targets, the rest inputs.
#pragma once

#include <string>
#include <vector>

#include "bpw/data.hpp"

namespace bpw {

struct CsvData {
  Dataset data;
  bool classes = false;                  // targets were class labels, now one-hot rows
  std::vector<std::string> class_names;  // in the order of the one-hot columns
};

// `targets` names the target columns: "last", 1-based numbers ("3" or "2,4"), or
// header names. A single target column of labels that are not all numbers, or any
// single target column when `classes` is set, becomes one-hot rows, one column per
// distinct label in order of first appearance. Throws UsageError for a missing
// file, a row of the wrong length, or a value that is not a number, with its line.
CsvData load_csv(const std::string& path, const std::string& targets = "last",
                 bool classes = false);

}  // namespace bpw
