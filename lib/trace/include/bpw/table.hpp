// A table with named rows and columns, for the traces that are lists rather
// than matrices: one row per weight (chapter 7), per iteration (chapters 9, 10).
#pragma once

#include <string>
#include <vector>

#include "bpw/matrix.hpp"

namespace bpw {

class Table {
 public:
  explicit Table(std::vector<std::string> columns) : columns_(std::move(columns)) {}

  // Adds a row; throws std::logic_error when it has another number of values
  // than the table has columns.
  Table& row(std::string name, const std::vector<double>& values);

  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<std::string>& row_names() const { return names_; }
  // [rows x columns]
  Matrix values() const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::string> names_;
  std::vector<double> values_;
};

// Chapter 7's table of one parameter matrix: a row per element, named after
// its place as shown ("W⁽¹⁾[1,2]"), with the analytic g, the numerical n and
// (7.3) their relative error r.
Table gradient_table(const Matrix& g, const Matrix& n, const std::string& symbol);

}  // namespace bpw
