// Looking an entry up by the name a network file uses (activations, costs, presets).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "bpw/errors.hpp"

namespace bpw {

// The entry called `name`, or a UsageError listing every known name.
template <class Entry>
const Entry& find_named(std::span<const Entry* const> entries, std::string_view name,
                        std::string_view kind) {
  std::string known;
  for (const Entry* entry : entries) {
    if (entry->name == name) return *entry;
    known += (known.empty() ? "" : ", ") + std::string(entry->name);
  }
  throw UsageError("unknown " + std::string(kind) + " \"" + std::string(name) +
                   "\"; choose one of " + known);
}

}  // namespace bpw
