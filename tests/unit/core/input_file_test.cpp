// The bounded reader every input goes through (core/input_file.hpp): regular
// files only, sizes checked before a byte is read, never a wait on a FIFO.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "core/input_file.hpp"
#include "core/source_text.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
namespace fs = std::filesystem;

namespace {

std::string only_error(const Diagnostics& d) {
  return d.all().size() == 1 ? format_diagnostic(d.all().front()) : "";
}

}  // namespace

TEST(InputFile, ReadsARegularFileExactly) {
  test::TempDir dir;
  test::write_file(dir / "a.json", std::string("{\0}", 3));
  Diagnostics diags;
  EXPECT_EQ(read_input_file((dir / "a.json").string(), 3, diags), std::string("{\0}", 3));
  EXPECT_FALSE(diags.has_errors());
}

TEST(InputFile, AFileOverTheLimitIsRefusedLocated) {
  test::TempDir dir;
  test::write_file(dir / "a.json", "0123456789");
  Diagnostics diags;
  EXPECT_FALSE(read_input_file((dir / "a.json").string(), 4, diags));
  EXPECT_EQ(only_error(diags), (dir / "a.json").string() +
                                   ":1:1: error: file is 10 bytes; input files may be at most 4 "
                                   "bytes (is this the right file?)");
  Diagnostics check;
  EXPECT_FALSE(check_input_file((dir / "a.json").string(), 4, check));
  EXPECT_EQ(only_error(check), only_error(diags));
  EXPECT_TRUE(check_input_file((dir / "a.json").string(), 10, check));
}

TEST(InputFile, AFifoIsRefusedWithoutWaitingForAWriter) {
  test::TempDir dir;
  const std::string fifo = (dir / "fifo.json").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  Diagnostics diags;
  EXPECT_FALSE(read_source(fifo, diags));  // an ifstream would block here forever
  EXPECT_EQ(only_error(diags).rfind(fifo + ": error: is a FIFO, not a regular file; ", 0), 0u)
      << only_error(diags);
}

TEST(InputFile, FoldersDevicesAndSocketsAreRefused) {
  test::TempDir dir;
  Diagnostics folder;
  EXPECT_FALSE(read_input_file(dir.path().string(), 100, folder));
  EXPECT_NE(only_error(folder).find(": error: is a folder, not a regular file"), std::string::npos);
  Diagnostics device;
  EXPECT_FALSE(read_input_file("/dev/zero", 100, device));
  EXPECT_EQ(only_error(device).rfind("/dev/zero: error: is a device, not a regular file", 0), 0u);

  // A socket cannot even be opened; it is still named for what it is.
  const std::string path = (dir / "s.json").string();
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof addr.sun_path);
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  Diagnostics socket;
  EXPECT_FALSE(read_input_file(path, 100, socket));
  ::close(fd);
  EXPECT_EQ(only_error(socket).rfind(path + ": error: is a socket, not a regular file", 0), 0u)
      << only_error(socket);
}

TEST(InputFile, AMissingFileCannotBeOpened) {
  Diagnostics diags;
  EXPECT_FALSE(read_input_file("/nonexistent/en.json", 100, diags));
  EXPECT_EQ(only_error(diags),
            "/nonexistent/en.json: error: cannot open file (No such file or directory); check "
            "that it exists and is readable");
}
