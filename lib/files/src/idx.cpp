#include "bpw/idx.hpp"

#include <sys/mman.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "bpw/errors.hpp"

namespace bpw {
namespace {

// An IDX file of unsigned bytes, read through zlib (which reads a plain file
// unchanged): the header first, then the data straight into its destination.
class IdxFile {
 public:
  IdxFile(const std::string& path, std::size_t dimensions)
      : path_(path), file_(gzopen(path.c_str(), "rb"), gzclose) {
    if (!file_) throw UsageError("cannot open IDX file '" + path + "'; check the path");
    gzbuffer(file_.get(), 1 << 20);
    std::array<unsigned char, 4> magic{};
    read(magic.data(), magic.size(), "its header");
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] != dimensions)
      throw UsageError("'" + path + "' is not an IDX file of " + std::to_string(dimensions) +
                       "-dimensional bytes (its first four bytes must be 0 0 8 " +
                       std::to_string(dimensions) + "); is it the right file?");
    for (std::size_t d = 0; d < dimensions; ++d) {
      std::array<unsigned char, 4> b{};
      read(b.data(), b.size(), "its header");
      sizes_.push_back((std::size_t{b[0]} << 24) | (std::size_t{b[1]} << 16) |
                       (std::size_t{b[2]} << 8) | std::size_t{b[3]});
    }
  }

  const std::vector<std::size_t>& sizes() const { return sizes_; }

  // Exactly `count` bytes, or a one-line error for a file that is cut short or
  // corrupt; `consume` sees them chunk by chunk.
  template <class Consume>
  void read_data(std::size_t count, Consume&& consume) {
    std::vector<unsigned char> chunk(1 << 20);
    for (std::size_t done = 0; done < count;) {
      const std::size_t want = std::min(chunk.size(), count - done);
      read(chunk.data(), want, "the data its header promises");
      consume(chunk.data(), done, want);
      done += want;
    }
    unsigned char extra = 0;
    if (gzread(file_.get(), &extra, 1) != 0)
      throw UsageError("IDX file '" + path_ + "' holds more data than its header promises; " +
                       "the file is corrupt");
  }

 private:
  void read(unsigned char* into, std::size_t count, const char* what) {
    const int got = gzread(file_.get(), into, static_cast<unsigned>(count));
    if (got != static_cast<int>(count)) {
      int code = Z_OK;
      const std::string why = got < 0 ? std::string(" (") + gzerror(file_.get(), &code) + ")" : "";
      throw UsageError("IDX file '" + path_ + "' is cut short or corrupt: it ends before " + what +
                       why + "; download or install it again");
    }
  }

  std::string path_;
  // Closed however the constructor or a read ends, a throw included.
  std::unique_ptr<gzFile_s, decltype(&gzclose)> file_;
  std::vector<std::size_t> sizes_;
};

std::string find_file(const std::string& dir, const std::string& stem) {
  for (const std::string& name : {stem + ".gz", stem})
    if (std::filesystem::exists(std::filesystem::path(dir) / name))
      return (std::filesystem::path(dir) / name).string();
  throw UsageError("'" + dir + "' has no " + stem + "[.gz]; an MNIST-format directory holds " +
                   "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte " +
                   "and t10k-labels-idx1-ubyte (for Fashion-MNIST: apt-get install " +
                   "dataset-fashion-mnist)");
}

// The batches read the rows of the images in a random order: on huge pages those
// reads miss the TLB far less often than on 4 KiB pages.
void prefer_huge_pages(void* data, std::size_t bytes) {
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t huge = 2u << 20;
  const std::uintptr_t from = (begin + huge - 1) & ~(huge - 1);
  const std::uintptr_t to = (begin + bytes) & ~(huge - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

}  // namespace

Dataset load_idx(const std::string& images_path, const std::string& labels_path) {
  IdxFile images(images_path, 3);
  IdxFile labels(labels_path, 1);
  const std::size_t N = images.sizes()[0], pixels = images.sizes()[1] * images.sizes()[2];
  if (labels.sizes()[0] != N)
    throw UsageError("'" + images_path + "' holds " + std::to_string(N) + " images but '" +
                     labels_path + "' holds " + std::to_string(labels.sizes()[0]) +
                     " labels; give the labels that belong to these images");

  std::vector<unsigned char> label(N);
  labels.read_data(N, [&](const unsigned char* bytes, std::size_t at, std::size_t count) {
    std::copy(bytes, bytes + count, label.begin() + static_cast<std::ptrdiff_t>(at));
  });
  const std::size_t classes =
      std::max<std::size_t>(10, N == 0 ? 0 : 1 + *std::max_element(label.begin(), label.end()));

  // The pixels stay bytes, 1 per pixel; the training loop turns the rows of
  // each batch into doubles (bpw::gather).
  Dataset d{Matrix(), xt::zeros<double>({N, classes}), Pixels({N, pixels})};
  std::uint8_t* x = d.pixels.data();
  prefer_huge_pages(x, N * pixels);
  images.read_data(N * pixels, [&](const unsigned char* bytes, std::size_t at, std::size_t count) {
    std::copy(bytes, bytes + count, x + at);
  });
  for (std::size_t n = 0; n < N; ++n) d.y(n, label[n]) = 1.0;
  return d;
}

Split load_idx_directory(const std::string& dir) {
  if (!std::filesystem::is_directory(dir))
    throw UsageError("'" + dir + "' is not a directory; give the folder that holds the IDX files" +
                     (dir == fashion_mnist_dir ? " (apt-get install dataset-fashion-mnist)" : ""));
  // Looked up one after another, so that the first missing file is the one named.
  const std::string train_images = find_file(dir, "train-images-idx3-ubyte");
  const std::string train_labels = find_file(dir, "train-labels-idx1-ubyte");
  const std::string test_images = find_file(dir, "t10k-images-idx3-ubyte");
  const std::string test_labels = find_file(dir, "t10k-labels-idx1-ubyte");
  return {load_idx(train_images, train_labels), load_idx(test_images, test_labels)};
}

}  // namespace bpw
