// make_idx_fixtures DIR: small MNIST-format directories for the tests.
//   DIR/good       ten 2×3 images, plain files, and their labels, gzipped
//   DIR/truncated  the same, with the gzipped training images cut short
//   DIR/corrupt    the same, with the gzipped training images' data scrambled
//   DIR/mismatch   ten images but nine labels
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
  fs::remove(root / "scratch.gz");
  return 0;
}
