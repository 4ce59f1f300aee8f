#include "bpw/idx.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "bpw/errors.hpp"
#include "bpw/limits.hpp"

namespace bpw {
namespace {

// An IDX file of unsigned bytes, read through zlib (which reads a plain file
// unchanged): the header first, then the data straight into its destination.
// The sizes in the header are only claims: check_holds compares them with what
// the file can hold before anything is allocated for them.
class IdxFile {
 public:
  IdxFile(const std::string& path, std::size_t dimensions)
      : path_(path), file_(nullptr, gzclose) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      throw UsageError("cannot open IDX file '" + path + "': " + std::strerror(errno) + "; check the path");
    if (!S_ISREG(st.st_mode))
      throw UsageError("'" + path + "' is not a file" + (S_ISDIR(st.st_mode) ? " but a folder" : "") +
                       "; an IDX directory holds the four files of the data set");
    bytes_on_disk_ = static_cast<std::uint64_t>(st.st_size);
    file_.reset(gzopen(path.c_str(), "rb"));
    if (!file_) throw UsageError("cannot open IDX file '" + path + "'; check the path");
    // Large reads for a large file; a small one needs no megabyte of buffers.
    gzbuffer(file_.get(), static_cast<unsigned>(std::clamp<std::uint64_t>(bytes_on_disk_, 1 << 13, 1 << 20)));
    std::array<unsigned char, 4> magic{};
    read(magic.data(), magic.size(), "its header");
    gzipped_ = gzdirect(file_.get()) == 0;  // known once zlib has looked at the first bytes
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
  const std::string& path() const { return path_; }

  // Refuses a header that promises more data than the file holds: a plain file
  // is its header and its data exactly; a gzipped one cannot inflate beyond
  // limits::gzip_ratio times its size. `claim` says what was promised, for the message.
  void check_holds(std::uint64_t data_bytes, const std::string& claim) const {
    const std::uint64_t header = 4 + 4 * sizes_.size();
    const std::uint64_t promised = header + data_bytes;
    if (!gzipped_ && bytes_on_disk_ < promised)
      throw UsageError("IDX file '" + path_ + "' claims " + claim + " (" +
                       limits::grouped(data_bytes) + " bytes) but holds only " +
                       limits::grouped(bytes_on_disk_ - std::min(bytes_on_disk_, header)) +
                       ": it is cut short or corrupt; download or install it again");
    if (!gzipped_ && bytes_on_disk_ > promised) extra_data();
    if (gzipped_ && promised > bytes_on_disk_ * limits::gzip_ratio)
      throw UsageError("IDX file '" + path_ + "' claims " + claim + " (" +
                       limits::grouped(data_bytes) + " bytes), more than its " +
                       limits::grouped(bytes_on_disk_) + " gzipped bytes can hold: it is " +
                       "cut short or corrupt; download or install it again");
  }

  // Exactly `count` bytes, or a one-line error for a file that is cut short or
  // corrupt; `consume` sees them chunk by chunk.
  template <class Consume>
  void read_data(std::size_t count, Consume&& consume) {
    std::vector<unsigned char> chunk(std::min<std::size_t>(count, 1 << 20));
    for (std::size_t done = 0; done < count;) {
      const std::size_t want = std::min(chunk.size(), count - done);
      read(chunk.data(), want, "the data its header promises");
      consume(chunk.data(), done, want);
      done += want;
    }
    unsigned char extra = 0;
    if (gzread(file_.get(), &extra, 1) != 0) extra_data();
  }

 private:
  [[noreturn]] void extra_data() const {
    throw UsageError("IDX file '" + path_ + "' holds more data than its header promises; " +
                     "the file is corrupt");
  }

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
  std::uint64_t bytes_on_disk_ = 0;
  bool gzipped_ = false;
};

std::string find_file(const std::string& dir, const std::string& stem) {
  std::error_code unreadable;  // reported when the file is opened
  for (const std::string& name : {stem + ".gz", stem})
    if (std::filesystem::exists(std::filesystem::path(dir) / name, unreadable))
      return (std::filesystem::path(dir) / name).string();
  throw UsageError("'" + dir + "' has no " + stem + "[.gz]; an MNIST-format directory holds " +
                   "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte " +
                   "and t10k-labels-idx1-ubyte" +
                   (dir == fashion_mnist_dir ? " (apt-get install dataset-fashion-mnist)" : ""));
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
  const std::size_t N = images.sizes()[0], rows = images.sizes()[1], cols = images.sizes()[2];
  const std::size_t pixels = limits::product(rows, cols);
  const std::string claim = limits::grouped(N) + (N == 1 ? " image of " : " images of ") +
                            std::to_string(rows) + "×" + std::to_string(cols) + " pixels";
  // Every size is checked before it is used: against the limits, then against the file.
  if (N == 0 || pixels == 0)
    throw UsageError("IDX file '" + images_path + "' claims " + claim + ", which is no data at " +
                     "all; is it the right file?");
  if (N > limits::samples || limits::product(N, pixels) > limits::values)
    throw UsageError("IDX file '" + images_path + "' claims " + claim + "; the workbook takes at " +
                     "most " + limits::grouped(limits::samples) + " images and " +
                     limits::grouped(limits::values) + " pixels in all (Fashion-MNIST: 60,000 of " +
                     "28×28; see Limits in the README)");
  images.check_holds(N * pixels, claim);
  if (labels.sizes()[0] != N)
    throw UsageError("'" + images_path + "' holds " + std::to_string(N) + " images but '" +
                     labels_path + "' holds " + std::to_string(labels.sizes()[0]) +
                     " labels; give the labels that belong to these images");
  labels.check_holds(N, limits::grouped(N) + (N == 1 ? " label" : " labels"));

  std::vector<unsigned char> label(N);
  labels.read_data(N, [&](const unsigned char* bytes, std::size_t at, std::size_t count) {
    std::copy(bytes, bytes + count, label.begin() + static_cast<std::ptrdiff_t>(at));
  });
  const std::size_t classes = std::max<std::size_t>(10, 1 + *std::max_element(label.begin(), label.end()));
  if (limits::product(N, classes) > limits::values)
    throw UsageError("IDX file '" + labels_path + "' has labels up to " + std::to_string(classes - 1) +
                     ": as one-hot rows for " + limits::grouped(N) + " images that is more than the " +
                     limits::grouped(limits::values) + " numbers the workbook takes in y (see Limits " +
                     "in the README); is it the right file?");

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
  std::error_code unreadable;
  if (!std::filesystem::is_directory(dir, unreadable))
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
