// Every file the workbook writes goes through write_text_file: the text goes to
// a temporary file beside the target, every write and the close are checked,
// the data reaches the disk (fsync), and only then does a rename put it in the
// target's place. An interrupted or failed write leaves the old file whole.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "bpw/errors.hpp"
#include "bpw/files.hpp"

namespace bpw {
namespace {

namespace fs = std::filesystem;

// While it lives, a write past the file-size limit (ulimit -f) fails with EFBIG
// and is reported, instead of SIGXFSZ ending the program without a word.
class FileSizeSignalIgnored {
 public:
  FileSizeSignalIgnored() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    saved_ = ::sigaction(SIGXFSZ, &ignore, &before_) == 0;
  }
  ~FileSizeSignalIgnored() {
    if (saved_) ::sigaction(SIGXFSZ, &before_, nullptr);
  }
  FileSizeSignalIgnored(const FileSizeSignalIgnored&) = delete;
  FileSizeSignalIgnored& operator=(const FileSizeSignalIgnored&) = delete;

 private:
  struct sigaction before_ {};
  bool saved_ = false;
};

// 0, or the errno of the first write that failed.
int write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return errno;
    if (wrote == 0) return EIO;
    done += static_cast<std::size_t>(wrote);
  }
  return 0;
}

std::string advice(int error, const std::string& folder) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
      return "the disk is full: free some space or write elsewhere";
    case EFBIG:
      return "the file is larger than this shell lets a program write (ulimit -f): raise the "
             "limit or write elsewhere";
    case EACCES:
    case EPERM:
    case EROFS:
      return "the folder '" + folder + "' is not writable: write elsewhere or change its permissions";
    case ENOENT:
    case ENOTDIR:
      return "check that the folder '" + folder + "' exists";
    default:
      return "check the path and the disk";
  }
}

[[noreturn]] void fail(const std::string& path, int error, const std::string& folder, bool existed) {
  throw UsageError("cannot write '" + path + "': " + std::strerror(error) + "; " +
                   advice(error, folder) + (existed ? " ('" + path + "' is unchanged)" : ""));
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// A device or a pipe (/dev/stdout, /dev/full) has no contents to replace: it
// is written as it is, every write and the close checked.
void write_in_place(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, errno, fs::path(path).parent_path().string(), false);
  int error = write_all(fd, text);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(path, error, fs::path(path).parent_path().string(), false);
}

// The rename itself reaches the disk once the folder is synced; a folder that
// cannot be synced (some network file systems) still holds the whole file.
void sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_text_file(const std::string& path, const std::string& text) {
  if (path.empty()) throw UsageError("cannot write a file without a name; give a file name");
  struct stat st {};
  const bool existed = ::stat(path.c_str(), &st) == 0;
  if ((existed && S_ISDIR(st.st_mode)) || path.back() == '/')
    throw UsageError("cannot write '" + path + "': it is a folder; give the name of a file");
  const FileSizeSignalIgnored reported_instead;
  if (existed && !S_ISREG(st.st_mode)) return write_in_place(path, text);

  // Through a symbolic link, the file it names is replaced and the link stays.
  fs::path target = path;
  struct stat link {};
  if (existed && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      target = real;
      std::free(real);
    }
  const std::string folder = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string temporary =
      (fs::path(folder) / ("." + target.filename().string().substr(0, 200) + ".XXXXXX")).string();
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) fail(path, errno, folder, existed);

  int error = write_all(fd, text);
  if (error == 0) {
    // The new file keeps the old one's permissions and owner, or takes the umask's.
    ::fchmod(fd, existed ? st.st_mode & 07777 : new_file_mode());
    if (existed && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) &&
        ::fchown(fd, st.st_uid, st.st_gid) != 0) {
      // Only root may give a file away; otherwise the new file is the writer's.
    }
    if (::fsync(fd) != 0) error = errno;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    fail(path, error, folder, existed);
  }
  sync_folder(folder);
}

std::string unwritable_reason(const std::string& path, const std::string& example) {
  if (path.empty()) return "the file name is empty; give one, such as " + example;
  std::error_code unknown;
  if (path.back() == '/' || fs::is_directory(path, unknown))
    return "'" + path + "' is a folder; give the name of a file, such as " +
           (fs::path(path) / example).string();
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, unknown))
    return "cannot write '" + path + "': " +
           (fs::exists(folder, unknown)
                ? "'" + folder.string() + "' is a file, not a folder; choose another path"
                : "the folder '" + folder.string() + "' does not exist; create it or choose another path");
  return "";
}

}  // namespace bpw
