// Errors a user can cause. Each carries one line saying what is wrong and how to
// fix it; chapter programs print it and exit with status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace bpw {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Shapes that do not fit an equation, e.g. "(1.1) z⁽²⁾ = X W⁽¹⁾: X is 3×4 but W⁽¹⁾ is 2×3".
class ShapeError : public UsageError {
 public:
  using UsageError::UsageError;
};

}  // namespace bpw
