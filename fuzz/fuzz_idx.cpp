// Fuzz target: an IDX images file and its labels, plain or gzipped. The input
// is a flags byte (1: gzip the images, 2: gzip the labels), the labels file's
// length in two bytes (little-endian), the labels file, then the images file.
// Both are written to files of this process's own and read by load_idx.
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "bpw/idx.hpp"
#include "fuzz.hpp"

using namespace bpw;
namespace fs = std::filesystem;

namespace {

// A folder of this process's own, removed when it ends.
struct Folder {
  fs::path path;
  Folder() {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    path = base / ("bpw_fuzz_idx_" + std::to_string(getpid()));
    fs::create_directories(path);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const fs::path& folder() {
  static const Folder made;
  return made.path;
}

std::string write(const std::string& name, std::string_view bytes, bool gzipped) {
  const std::string path = (folder() / name).string();
  if (gzipped) {
    gzFile out = gzopen(path.c_str(), "wb");
    gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(out);
  } else {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::string_view input = fuzz::bytes(data, size);
  const std::size_t label_bytes = std::min<std::size_t>(data[1] | (data[2] << 8), size - 3);
  const std::string labels = write("labels", input.substr(3, label_bytes), data[0] & 2);
  const std::string images = write("images", input.substr(3 + label_bytes), data[0] & 1);
  fuzz::expect_usage_errors([&] {
    const Dataset d = load_idx(images, labels);
    fuzz::require(d.pixels.shape(0) == d.y.shape(0) && d.pixels.shape(0) > 0 &&
                      d.pixels.shape(1) > 0 && d.y.shape(1) >= 10,
                  "loaded images have pixels and a one-hot label each");
  });
  return 0;
}
