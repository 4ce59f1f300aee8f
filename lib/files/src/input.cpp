#include "input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "bpw/errors.hpp"
#include "bpw/limits.hpp"

namespace bpw {
namespace {

// Closes the descriptor however the reading ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// "is 300 MiB" or "goes on past 128 MiB".
[[noreturn]] void too_large(const std::string& what, const std::string& size) {
  throw UsageError(what + " " + size + "; the workbook reads files of up to " +
                   limits::grouped(limits::file_bytes >> 20) +
                   " MiB (see Limits in the README); is it the right file?");
}

}  // namespace

std::string read_input_file(const std::string& path, std::string_view kind) {
  const std::string what = std::string(kind) + " file '" + path + "'";
  // Not blocking on a pipe that nobody writes to: it reads as empty instead.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0)
    throw UsageError("cannot open " + what + ": " + std::strerror(errno) + "; check the path");
  struct stat st {};
  if (::fstat(file.fd, &st) != 0)
    throw UsageError("cannot read " + what + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode))
    throw UsageError("'" + path + "' is a folder, not a " + std::string(kind) +
                     " file; give the path of the file inside it");
  const int flags = ::fcntl(file.fd, F_GETFL);
  if (flags >= 0) ::fcntl(file.fd, F_SETFL, flags & ~O_NONBLOCK);
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limits::file_bytes)
    too_large(what, "is " + limits::grouped(static_cast<std::uint64_t>(st.st_size) >> 20) + " MiB");

  std::string text;
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(file.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw UsageError("cannot read " + what + ": " + std::strerror(errno));
    if (got == 0) break;
    if (text.size() + static_cast<std::size_t>(got) > limits::file_bytes)
      too_large(what, "goes on past " + limits::grouped(limits::file_bytes >> 20) + " MiB");
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

std::string excerpt(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t characters = 0, i = 0;
  for (; i < text.size() && characters < width; ++characters) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // A UTF-8 character is kept whole: its lead byte says how many follow.
    std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    length = std::min(length, text.size() - i);
    if (byte < 0x20 || byte == 0x7F) out += '?';
    else out.append(text.substr(i, length));
    i += length;
  }
  if (i < text.size()) out += "…";
  return out;
}

}  // namespace bpw
