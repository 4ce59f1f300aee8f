// Replays inputs through a fuzz target without libFuzzer, in any build: each
// argument is an input file or a folder of them. The test suite runs every
// seed and every kept crash input this way (under ASan + UBSan in the asan
// preset). All inputs are read before the first runs: a target may change the
// working directory while it runs.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> inputs;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files;
    if (fs::is_directory(argv[i])) {
      for (const auto& entry : fs::directory_iterator(argv[i]))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(argv[i]);
    }
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 2;
      }
      inputs.emplace_back(file.string(), std::string(std::istreambuf_iterator<char>(in), {}));
    }
  }
  for (const auto& [name, bytes] : inputs) {
    std::fprintf(stderr, "replaying %s\n", name.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs replayed, none crashed\n", inputs.size());
  return inputs.empty() ? 2 : 0;
}
