// The I/O floor: writes the files a build wrote (same paths, same sizes) and
// does nothing else, the way the cheapest possible generator would: on every
// core, as versa does (creating files costs CPU time in the kernel, so one
// thread would be no floor).
//
//   versa_bench_io_floor LIST OUT_DIR [THREADS]   (LIST: lines "size path")
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: versa_bench_io_floor LIST OUT_DIR [THREADS]\n";
    return 2;
  }
  // Read the whole list first: only the writes are the floor.
  std::vector<std::pair<std::size_t, std::string>> files;
  std::ifstream list(argv[1]);
  std::size_t size = 0;
  std::string path;
  std::size_t largest = 0;
  while (list >> size && list.get() && std::getline(list, path)) {
    files.emplace_back(size, path);
    largest = std::max(largest, size);
  }
  const std::string root = argv[2];
  const std::string bytes(largest, 'x');
  ::mkdir(root.c_str(), 0755);
  // Thread t writes files t, t + threads, ...: neighbours share folders, so
  // each thread meets every folder, and whoever comes first makes it.
  const unsigned threads = std::max(1u, argc == 4 ? static_cast<unsigned>(std::stoul(argv[3]))
                                                  : std::thread::hardware_concurrency());
  std::atomic<bool> failed{false};
  const auto writer = [&](unsigned first) {
    std::unordered_set<std::string> made;
    for (std::size_t i = first; i < files.size() && !failed; i += threads) {
      const auto& [n, rel] = files[i];
      // mkdir -p for the file's folder, each folder once per thread.
      for (std::size_t slash = rel.find('/'); slash != std::string::npos;
           slash = rel.find('/', slash + 1)) {
        const std::string dir = root + "/" + rel.substr(0, slash);
        if (made.insert(dir).second && ::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
          std::perror(dir.c_str());
          failed = true;
        }
      }
      const std::string file = root + "/" + rel;
      const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || ::write(fd, bytes.data(), n) != static_cast<ssize_t>(n) || ::close(fd) != 0) {
        std::perror(file.c_str());
        failed = true;
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(writer, t);
    writer(0);
  }
  return failed ? 1 : 0;
}
