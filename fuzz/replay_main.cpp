// Runs a fuzz target once over each file or folder given, without libFuzzer:
// the regression corpus becomes an ordinary test in every build. A path that
// does not exist, or a folder without a file, fails the run: a mistyped
// corpus path must not pass as if its inputs had been replayed.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size);

namespace {

bool replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE-OR-FOLDER...\n";
    return 2;
  }
  std::size_t count = 0;
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    std::size_t here = 0;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
        if (!entry.is_regular_file()) continue;
        if (!replay(entry.path())) {
          std::cerr << "fuzz replay: cannot read " << entry.path().string() << "\n";
          status = 1;
        }
        ++here;
      }
    } else if (std::filesystem::is_regular_file(arg, ec)) {
      if (!replay(arg)) {
        std::cerr << "fuzz replay: cannot read " << arg.string() << "\n";
        status = 1;
      }
      ++here;
    } else {
      std::cerr << "fuzz replay: " << arg.string()
                << " does not exist or is not a file or folder\n";
      status = 1;
      continue;
    }
    if (here == 0) {
      std::cerr << "fuzz replay: " << arg.string() << " holds no input\n";
      status = 1;
    }
    std::cout << "replayed " << here << " inputs from " << arg.string() << "\n";
    count += here;
  }
  std::cout << "replayed " << count << " inputs\n";
  return status;
}
