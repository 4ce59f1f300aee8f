// make_idx_fixtures DIR: small MNIST-format directories for the tests.
//   DIR/good       ten 2×3 images, plain files, and their labels, gzipped
//   DIR/truncated  the same, with the gzipped training images cut short
//   DIR/corrupt    the same, with the gzipped training images' data scrambled
//   DIR/mismatch   ten images but nine labels
// and hostile ones, whose headers claim more than the files hold or than the
// workbook takes (each with the good test set beside it):
//   DIR/claims_400000   a 16-byte images file that claims 400,000 images of 28×28
//   DIR/claims_50000    the same, claiming 50,000 (within the limits, not the file)
//   DIR/thin_gzip       a gzip of a few dozen bytes that claims 50,000 images
//   DIR/huge_images     one image of 2³¹×2³¹ pixels
//   DIR/overflowing     2³²−1 images of (2³²−1)² pixels: the product overflows
//   DIR/bomb            gzip files that inflate, consistently, to 2,000,000 images
//                       (1.6 GB) and their labels: members of zeros repeated
//   DIR/many_classes    400,000 images of one pixel, every label 255
//   DIR/no_images       a header of 0 images
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<unsigned char> idx(std::vector<std::size_t> sizes, const std::vector<unsigned char>& data) {
  std::vector<unsigned char> out{0, 0, 8, static_cast<unsigned char>(sizes.size())};
  for (std::size_t s : sizes)
    for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<unsigned char>(s >> shift));
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

void write_plain(const fs::path& path, const std::vector<unsigned char>& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<std::streamsize>(bytes.size()));
}

void write_gz(const fs::path& path, const std::vector<unsigned char>& bytes) {
  gzFile f = gzopen(path.string().c_str(), "wb");
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
}

void write_set(const fs::path& dir, std::size_t images, std::size_t labels) {
  fs::create_directories(dir);
  std::vector<unsigned char> pixels, classes;
  for (std::size_t i = 0; i < images * 6; ++i) pixels.push_back(static_cast<unsigned char>((i * 37) % 256));
  for (std::size_t i = 0; i < labels; ++i) classes.push_back(static_cast<unsigned char>(i % 3));
  write_plain(dir / "train-images-idx3-ubyte", idx({images, 2, 3}, pixels));
  write_gz(dir / "train-labels-idx1-ubyte.gz", idx({labels}, classes));
  write_gz(dir / "t10k-images-idx3-ubyte.gz", idx({images, 2, 3}, pixels));
  write_plain(dir / "t10k-labels-idx1-ubyte", idx({labels}, classes));
}

// Replaces the training pair of a good set with these bytes.
void write_training(const fs::path& dir, const std::vector<unsigned char>& images,
                    const std::vector<unsigned char>& labels) {
  write_set(dir, 10, 10);
  fs::remove(dir / "train-images-idx3-ubyte");
  fs::remove(dir / "train-labels-idx1-ubyte.gz");
  write_plain(dir / "train-images-idx3-ubyte", images);
  write_plain(dir / "train-labels-idx1-ubyte", labels);
}

std::vector<unsigned char> gz_bytes(const std::vector<unsigned char>& bytes, const fs::path& scratch) {
  write_gz(scratch, bytes);
  std::ifstream in(scratch, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const fs::path root = argv[1];
  write_set(root / "good", 10, 10);
  write_set(root / "mismatch", 10, 9);
  std::vector<unsigned char> pixels(1200 * 6);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<unsigned char>((i * 7919) % 251);
  const auto packed = gz_bytes(idx({1200, 2, 3}, pixels), root / "scratch.gz");
  for (const char* name : {"truncated", "corrupt"}) {
    write_set(root / name, 1200, 1200);
    fs::remove(root / name / "train-images-idx3-ubyte");
    auto bytes = packed;
    if (std::string(name) == "truncated") bytes.resize(bytes.size() / 2);
    else for (std::size_t i = 40; i < 80; ++i) bytes[i] ^= 0x5a;
    write_plain(root / name / "train-images-idx3-ubyte.gz", bytes);
  }

  write_training(root / "claims_400000", idx({400000, 28, 28}, {}), idx({400000}, {}));
  write_training(root / "claims_50000", idx({50000, 28, 28}, {}), idx({50000}, {}));
  write_training(root / "thin_gzip", gz_bytes(idx({50000, 28, 28}, {1, 2, 3}), root / "scratch.gz"),
                 idx({50000}, std::vector<unsigned char>(50000, 1)));
  write_training(root / "huge_images", idx({1, 1u << 31, 1u << 31}, {0}), idx({1}, {0}));
  write_training(root / "overflowing", idx({0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF}, {0}),
                 idx({0xFFFFFFFF}, {0}));
  write_training(root / "no_images", idx({0, 28, 28}, {}), idx({0}, {}));
  write_training(root / "many_classes", idx({400000, 1, 1}, std::vector<unsigned char>(400000, 7)),
                 idx({400000}, std::vector<unsigned char>(400000, 255)));

  // gzip members concatenated inflate one after another: a header member, then
  // one member of 2,000 zero images repeated 1,000 times (and so for the labels).
  auto images = gz_bytes(idx({2000000, 28, 28}, {}), root / "scratch.gz");
  auto labels = gz_bytes(idx({2000000}, {}), root / "scratch.gz");
  const auto zero_images = gz_bytes(std::vector<unsigned char>(2000 * 28 * 28), root / "scratch.gz");
  const auto zero_labels = gz_bytes(std::vector<unsigned char>(2000), root / "scratch.gz");
  for (int i = 0; i < 1000; ++i) {
    images.insert(images.end(), zero_images.begin(), zero_images.end());
    labels.insert(labels.end(), zero_labels.begin(), zero_labels.end());
  }
  write_training(root / "bomb", images, labels);
  fs::rename(root / "bomb" / "train-images-idx3-ubyte", root / "bomb" / "train-images-idx3-ubyte.gz");
  fs::rename(root / "bomb" / "train-labels-idx1-ubyte", root / "bomb" / "train-labels-idx1-ubyte.gz");
  fs::remove(root / "scratch.gz");
  return 0;
}
