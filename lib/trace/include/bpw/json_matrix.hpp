// A matrix as JSON rows, [[1, 2], [3, 4]], at full double precision: how the
// JSON writer and the network files write matrices. It pulls in nlohmann/json,
// so only the library's sources include it.
#pragma once

#include <nlohmann/json.hpp>

#include "bpw/matrix.hpp"

namespace bpw {

inline nlohmann::json rows_of(const Matrix& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t r = 0; r < m.shape(0); ++r) {
    nlohmann::json row = nlohmann::json::array();
    for (std::size_t c = 0; c < m.shape(1); ++c) row.push_back(m(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bpw
