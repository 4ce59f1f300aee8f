#include "bpw/table.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "bpw/gradcheck.hpp"

namespace bpw {

Table& Table::row(std::string name, const std::vector<double>& values) {
  if (values.size() != columns_.size())
    throw std::logic_error(fmt::format("table row '{}' has {} values for {} columns", name,
                                       values.size(), columns_.size()));
  names_.push_back(std::move(name));
  values_.insert(values_.end(), values.begin(), values.end());
  return *this;
}

Matrix Table::values() const {
  Matrix m({names_.size(), columns_.size()});
  std::copy(values_.begin(), values_.end(), m.begin());
  return m;
}

Table gradient_table(const Matrix& g, const Matrix& n, const std::string& symbol) {
  Table table({"analytic g", "numerical n", "r"});
  for (std::size_t r = 0; r < g.shape(0); ++r)
    for (std::size_t c = 0; c < g.shape(1); ++c)
      table.row(fmt::format("{}[{},{}]", symbol, r + 1, c + 1),
                {g(r, c), n(r, c), relative_error(g(r, c), n(r, c))});
  return table;
}

}  // namespace bpw
