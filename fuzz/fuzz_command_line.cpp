// Fuzz target: a chapter's command line, parsed and turned into a session (the
// example network and data from presets or files) as Chapter::run does. The
// input is the arguments, one per line; the first line names the chapter
// (ch01 … ch10), whose options are declared as its main.cpp declares them. The
// body does no work of its own: the loaders and the training have targets and
// tests of their own.
//
// The exit status must be 0 (--help, --list-presets, a session built) or 2 (one
// line on stderr); 1 would be "internal error". Arguments run inside a folder
// of small example files (net.json, data.json, t.csv, bom.csv, the IDX folder
// mnist), and an argument with '/' or naming --fashion-mnist is not tried: the
// target reads nothing outside that folder and writes nothing at all.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "bpw/chapter.hpp"
#include "fuzz.hpp"

using namespace bpw;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& file, std::string_view bytes) {
  std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string idx(std::vector<std::uint32_t> sizes, std::size_t data_bytes) {
  std::string out{0, 0, 8, static_cast<char>(sizes.size())};
  for (std::uint32_t s : sizes)
    for (int shift : {24, 16, 8, 0}) out += static_cast<char>(s >> shift);
  for (std::size_t i = 0; i < data_bytes; ++i) out += static_cast<char>(i * 37 % (sizes.size() == 1 ? 3 : 256));
  return out;
}

// Small example files in a folder of this process's own, removed when it ends.
struct Sandbox {
  fs::path dir;
  Sandbox() : dir(fs::temp_directory_path() / ("bpw_fuzz_cli_" + std::to_string(getpid()))) {
    fs::create_directories(dir / "mnist");
    put(dir / "net.json", R"({"cost": "sse", "layers": [
      {"W": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], "b": [0.1, 0.1, 0.1], "activation": "sigmoid"},
      {"W": [[0.7], [0.8], [0.9]], "activation": "sigmoid"}], "lambda": 0.01})");
    put(dir / "data.json", R"({"X": [[0.3, 1], [0.5, 0.2], [1, 0.4]], "y": [[0.75], [0.82], [0.93]]})");
    put(dir / "t.csv", "a,b,kind\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");
    put(dir / "bom.csv", "\xEF\xBB\xBF" "a,b,c\n1,2,0.5\n3,4,0.25\n");
    for (const char* set : {"train", "t10k"}) {
      put(dir / "mnist" / (std::string(set) + "-images-idx3-ubyte"), idx({10, 2, 3}, 60));
      put(dir / "mnist" / (std::string(set) + "-labels-idx1-ubyte"), idx({10}, 10));
    }
  }
  ~Sandbox() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

const fs::path& sandbox() {
  static const Sandbox made;
  return made.dir;
}

// The working directory is the sandbox while a command line runs, and what it
// was before afterwards (libFuzzer writes its corpus by relative paths).
class InSandbox {
 public:
  InSandbox() : before_(::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    fuzz::require(before_ >= 0 && ::chdir(sandbox().c_str()) == 0, "the sandbox can be entered");
  }
  ~InSandbox() {
    fuzz::require(::fchdir(before_) == 0, "the working directory comes back");
    ::close(before_);
  }

 private:
  int before_;
};

// std::cout, std::cerr and std::cin quiet while a command line runs (--step
// reads an empty line; BPW_FUZZ_VERBOSE=1 keeps the messages).
class Quiet {
 public:
  Quiet() : out_(std::cout.rdbuf(&sink_)), in_(std::cin.rdbuf(&empty_)) {
    if (!std::getenv("BPW_FUZZ_VERBOSE")) err_ = std::cerr.rdbuf(&sink_);
  }
  ~Quiet() {
    std::cout.rdbuf(out_);
    std::cin.rdbuf(in_);
    if (err_) std::cerr.rdbuf(err_);
    std::cin.clear();
  }

 private:
  std::stringbuf sink_, empty_;
  std::streambuf *out_, *in_, *err_ = nullptr;
};

// As chapters/NN_*/main.cpp declare them.
void declare(Chapter& chapter, int number) {
  switch (number) {
    case 2: chapter.regularization(); break;
    case 5: chapter.regularization().weight(); break;
    case 6: chapter.regularization().learning_rate().fixed_biases().save_network().weight(); break;
    case 7: chapter.regularization().gradient_check(); break;
    case 8:
      chapter.regularization().learning_rate().save_network().schedule(1000).moons().data_files(true).plot({"-curve.svg"}, " (and PREFIX-boundary.svg for 2-D data)");
      break;
    case 9:
      chapter.regularization().learning_rate().save_network().iterations(200).moons().data_files(false);
      break;
    case 10: chapter.regularization().iterations(200).held_out().data_files(false).plot({"-overfitting.svg"}); break;
    default: break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args;
  std::istringstream lines{std::string(fuzz::bytes(data, size))};
  for (std::string line; std::getline(lines, line);) args.push_back(line);
  if (args.empty() || args[0].size() != 4 || args[0].rfind("ch", 0) != 0) return 0;
  const int number = std::atoi(args[0].c_str() + 2);
  if (number < 1 || number > 10) return 0;
  for (const std::string& arg : args)
    if (arg.find('/') != std::string::npos || arg == ".." || arg.rfind("--fashion-mnist", 0) == 0) return 0;
  // Chapter::run also parses the --save-network and --plot names; the body
  // never writes them.
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());

  const InSandbox inside;
  const Quiet quiet;
  Chapter chapter(number, args[0], "Fuzzing", "A chapter's command line");
  declare(chapter, number);
  const int status = chapter.run(static_cast<int>(argv.size()), argv.data(), [](Session& s) {
    fuzz::require(samples(s.data) > 0 && features(s.data) == s.network.sizes().front() &&
                      s.data.y.shape(1) == s.network.sizes().back(),
                  "a session's data fits its network");
  });
  fuzz::require(status == 0 || status == 2, "a command line ends in status 0 or 2, never 1 (internal error)");
  return 0;
}
