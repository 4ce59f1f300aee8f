#include <cctype>
#include <random>

#include <fmt/format.h>

#include "bpw/chapter.hpp"
#include "bpw/errors.hpp"

namespace bpw {
namespace {

// Letters and digits that cannot be mistaken for one another.
constexpr std::string_view class_alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

}  // namespace

std::uint64_t class_seed(std::string_view code) {
  if (code.size() < 2 || code.size() > 12)
    throw UsageError(fmt::format("a class code has 2 to 12 letters and digits, such as K7Q, not '{}'", code));
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a of the code in capitals
  for (char c : code) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (class_alphabet.find(upper) == std::string_view::npos)
      throw UsageError(fmt::format("the class code '{}' has '{}', which codes leave out; they use {}",
                                   code, c, class_alphabet));
    hash = (hash ^ static_cast<unsigned char>(upper)) * 0x100000001b3ULL;
  }
  return hash;
}

std::string new_class_code() {
  std::random_device entropy;
  std::string code;
  for (int i = 0; i < 4; ++i) code += class_alphabet[entropy() % class_alphabet.size()];
  return code;
}

}  // namespace bpw
