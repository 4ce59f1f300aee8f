// Files are never lost: every file the workbook writes goes through
// write_text_file, tested here by faults. The old file must survive each one
// whole, and each failure must be one line.
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <bpw/files.hpp>

using namespace bpw;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("bpw_write_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void put(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// Runs `body` in a child process and returns its exit status, or 128 + the
// signal that ended it. 0: the write threw a UsageError whose text matched;
// 1: it threw something else or nothing.
int in_child(const std::function<void()>& body) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    body();
    _exit(3);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

[[noreturn]] void exit_with_message_check(const std::function<void()>& write, const char* expected) {
  try {
    write();
  } catch (const UsageError& e) {
    const std::string what = e.what();
    _exit(what.find(expected) != std::string::npos && what.find('\n') == std::string::npos ? 0 : 1);
  } catch (...) {
    _exit(1);
  }
  _exit(1);
}

// root passes every permission check: the test of a read-only folder drops to nobody.
void become_ordinary_user() {
  if (geteuid() != 0) return;
  if (setgid(65534) != 0 || setuid(65534) != 0) _exit(4);
}

}  // namespace

TEST_CASE("a written file replaces the old one whole, with its permissions", "[files][write]") {
  const fs::path dir = fresh_folder("replace");
  const fs::path file = dir / "net.json";
  put(file, "old contents, longer than the new\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_text_file(file.string(), "new\n");
  CHECK(contents(file) == "new\n");
  CHECK(fs::status(file).permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  // No temporary file is left beside it.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("writing through a symbolic link replaces the file and keeps the link", "[files][write]") {
  const fs::path dir = fresh_folder("link");
  put(dir / "real.json", "old");
  fs::create_symlink("real.json", dir / "link.json");
  write_text_file((dir / "link.json").string(), "new");
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(contents(dir / "real.json") == "new");
}

TEST_CASE("a file without a name or that is a folder is refused in one line", "[files][write]") {
  CHECK_THROWS_WITH(write_text_file("", "x"), "cannot write a file without a name; give a file name");
  const fs::path dir = fresh_folder("folder");
  CHECK_THROWS_WITH(write_text_file(dir.string(), "x"),
                    "cannot write '" + dir.string() + "': it is a folder; give the name of a file");
  CHECK(fs::is_directory(dir));
}

TEST_CASE("a name that can never be written is known before any work is done", "[files][write]") {
  const fs::path dir = fresh_folder("reason");
  CHECK(unwritable_reason("", "net.json") == "the file name is empty; give one, such as net.json");
  CHECK(unwritable_reason(dir.string(), "net.json") ==
        "'" + dir.string() + "' is a folder; give the name of a file, such as " +
            (dir / "net.json").string());
  CHECK(unwritable_reason((dir / "new.json").string(), "net.json").empty());
}

TEST_CASE("a read-only folder leaves the old file as it was", "[files][write]") {
  const fs::path dir = fresh_folder("read_only");
  const fs::path file = dir / "net.json";
  put(file, "old");
  fs::permissions(file, fs::perms::all);  // the file itself stays writable
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  CHECK(in_child([&] {
          become_ordinary_user();
          exit_with_message_check([&] { write_text_file(file.string(), "new"); },
                                  "Permission denied; the folder");
        }) == 0);
  CHECK(contents(file) == "old");
  fs::permissions(dir, fs::perms::owner_all);
}

TEST_CASE("a file-size limit (ulimit -f) is one line and leaves the old file", "[files][write]") {
  const fs::path dir = fresh_folder("size_limit");
  const fs::path file = dir / "net.json";
  put(file, "old");
  CHECK(in_child([&] {
          const rlimit one_kilobyte{1024, 1024};
          setrlimit(RLIMIT_FSIZE, &one_kilobyte);
          exit_with_message_check([&] { write_text_file(file.string(), std::string(100000, 'x')); },
                                  "File too large; the file is larger than this shell lets a program "
                                  "write (ulimit -f)");
        }) == 0);
  CHECK(contents(file) == "old");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a full device is one line, not a silent loss", "[files][write]") {
  CHECK_THROWS_WITH(write_text_file("/dev/full", "{}\n"),
                    Contains("cannot write '/dev/full': No space left on device; the disk is full"));
}

TEST_CASE("a process killed in the middle of a write leaves the old file whole", "[files][write]") {
  const fs::path dir = fresh_folder("killed");
  const fs::path file = dir / "net.json";
  const std::string old_text = "{\"old\": true}\n";
  const std::string new_text(64 << 20, 'n');  // 64 MiB: long enough to be caught in the middle
  for (const int after_ms : {1, 5, 20, 60}) {
    put(file, old_text);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      write_text_file(file.string(), new_text);
      _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    const std::string now = contents(file);
    INFO("killed after " << after_ms << " ms; the file holds " << now.size() << " bytes");
    CHECK((now == old_text || now == new_text));
    // What a killed write leaves behind is a hidden temporary file beside it.
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path() != file) {
        CHECK(entry.path().filename().string().rfind(".net.json.", 0) == 0);
        fs::remove(entry.path());
      }
  }
}
