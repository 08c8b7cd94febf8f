#include "load/input_fingerprint.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/input_file.hpp"
#include "core/source_text.hpp"

namespace versa {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

namespace {

struct StateDeleter {
  void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

// Every input file may be read: the larger of the two limits.
constexpr std::size_t kMaxFingerprintBytes = std::max(kMaxSourceBytes, kMaxAssetBytes);

// Hashed instead of the bytes of a file that cannot be read bounded; NULs
// keep it from being any text input's bytes.
constexpr std::string_view kUnreadable = "\0versa: unreadable input\0"sv;

}  // namespace

std::string input_fingerprint(const InputPaths& paths, std::string_view options) {
  const std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
  if (!state) throw std::bad_alloc();
  XXH3_64bits_reset(state.get());
  const auto add = [&](std::string_view bytes) {
    XXH3_64bits_update(state.get(), bytes.data(), bytes.size());
  };
  add(std::string("versa ") + VERSA_VERSION + ' ');
  add(options);
  std::error_code ec;
  if (fs::exists("/proc/self/exe", ec)) {
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    add(exe.string() + std::to_string(fs::file_size(exe, ec)) +
        std::to_string(fs::last_write_time(exe, ec).time_since_epoch().count()));
  }
  // Everything but folders: a FIFO or device where the loaders expect a file
  // is hashed as unreadable rather than skipped.
  std::vector<fs::path> files;
  for (const std::string& root : {paths.catalogue, paths.locales, paths.templates}) {
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;  // a broken link: hashed as unreadable, the walk goes on
      if (!it->is_directory(type_ec)) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  files.push_back(paths.site_config);
  for (const auto& f : files) {
    add('\n' + f.string() + '\n');
    Diagnostics ignored;  // the full load reports the same problem, located
    const auto bytes = read_input_file(f.string(), kMaxFingerprintBytes, ignored);
    add(bytes ? std::string_view(*bytes) : kUnreadable);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits_digest(state.get())));
  return hex;
}

}  // namespace versa
