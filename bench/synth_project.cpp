// Writes a synthetic versa project with N reply codes, for the benchmark.
// Texts are the shipped ones, reused in turn, so page sizes match the real
// site; every shipped locale is kept, with its translations.
//
//   versa_bench_synth SOURCE_DIR N OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::ordered_json;

static ordered_json read_json(const fs::path& p) {
  std::ifstream in(p);
  return ordered_json::parse(in);
}

static void write_json(const fs::path& p, const ordered_json& j) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << j.dump(2) << '\n';
}

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: versa_bench_synth SOURCE_DIR N OUT_DIR\n";
    return 2;
  }
  const fs::path src = argv[1];
  const int n = std::stoi(argv[2]);
  const fs::path out = argv[3];
  fs::remove_all(out);
  fs::create_directories(out);
  fs::copy(src / "templates", out / "templates", fs::copy_options::recursive);
  fs::copy_file(src / "site.json", out / "site.json");

  const ordered_json real = read_json(src / "catalogue/smtp.json");
  const auto& codes = real["codes"];
  ordered_json synth = real;
  synth["codes"] = ordered_json::array();
  // Codes spread over the four classes like the real ones: 2xx..5xx, 00..99.
  std::vector<std::pair<std::string, std::size_t>> made;  // code, source index
  for (int i = 0; i < n; ++i) {
    const std::size_t source = static_cast<std::size_t>(i) % codes.size();
    ordered_json c = codes[source];
    const int cls = 2 + i % 4;
    const std::string code = std::to_string(cls) + (i / 4 < 10 ? "0" : "") + std::to_string(i / 4);
    c["code"] = code;
    c["slug"] = c["slug"].get<std::string>() + "-" + std::to_string(i);
    synth["codes"].push_back(c);
    made.emplace_back(code, source);
  }
  // Each code is confused with the first copy of what its source is confused
  // with, so relatedness costs what it costs on the real site.
  std::map<std::string, std::string> first_copy;  // real code -> synthetic code
  for (const auto& [code, source] : made) {
    first_copy.try_emplace(codes[source]["code"].get<std::string>(), code);
  }
  for (auto& c : synth["codes"]) {
    ordered_json confused = ordered_json::array();
    for (const auto& real_code : c.value("confused_with", ordered_json::array())) {
      const auto it = first_copy.find(real_code.get<std::string>());
      if (it != first_copy.end() && it->second != c["code"]) confused.push_back(it->second);
    }
    c["confused_with"] = confused;
  }
  write_json(out / "catalogue/smtp.json", synth);

  for (const auto& entry : fs::directory_iterator(src / "locales")) {
    ordered_json locale = read_json(entry.path());
    if (locale.contains("catalogue")) {
      auto& texts = locale["catalogue"]["smtp"];
      const ordered_json real_codes = texts["codes"];
      texts["codes"] = ordered_json::object();
      for (const auto& [code, source] : made) {
        texts["codes"][code] = real_codes[codes[source]["code"].get<std::string>()];
      }
    }
    write_json(out / "locales" / entry.path().filename(), locale);
  }
  std::cout << out.string() << ": " << n << " codes\n";
  return 0;
}
