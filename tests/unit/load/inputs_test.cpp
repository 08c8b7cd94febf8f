// load: load_inputs gathers every input folder: protocols sorted by id,
// locales by tag, templates named by their path, assets under
// templates/assets/; what cannot be read is reported and remembered as
// broken, and everything else is still returned.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "load/inputs.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
using versa::test::TempDir;
using versa::test::write_file;

namespace {

std::string catalogue(const std::string& id) {
  return R"({"protocol": ")" + id + R"(", "name": "X", "title": "T", "spec": "S",
 "classes": {"2": {"name": "A", "summary": "S."}},
 "codes": [{"code": "250", "slug": "ok", "rfc": "R", "name": "N", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."}]})";
}

}  // namespace

TEST(LoadInputs, ReturnsWhatItCouldReadAndNamesWhatItCouldNot) {
  TempDir dir;
  write_file(dir / "site.json", R"({"base_url": "https://example.org"})");
  // File names sort the other way round from the protocol ids.
  write_file(dir / "catalogue/a-mail.json", catalogue("smtp"));
  write_file(dir / "catalogue/b-files.json", catalogue("ftp"));
  write_file(dir / "catalogue/c-broken.json", "{\"protocol\": ");
  write_file(dir / "catalogue/notes.txt", "not a catalogue");
  write_file(dir / "locales/vi.json", R"({"messages": {}})");
  write_file(dir / "locales/en.json", R"({"messages": {"site_name": "S"}})");
  write_file(dir / "locales/xx.json", R"({"messages": 1})");
  write_file(dir / "templates/home.html", "<p>{{#open}}</p>\n");
  write_file(dir / "templates/partials/card.html", "<b>{{name}}</b>");
  write_file(dir / "templates/assets/style.css", "body{}");
  write_file(dir / "templates/README.md", "# notes");

  Diagnostics diags;
  const Inputs in = load_inputs({(dir / "catalogue").string(), (dir / "locales").string(),
                                 (dir / "templates").string(), (dir / "site.json").string()},
                                diags);
  EXPECT_EQ(in.site.base_url, "https://example.org");
  ASSERT_EQ(in.protocols.size(), 2u);
  EXPECT_EQ(in.protocols[0].id, "ftp");
  EXPECT_EQ(in.protocols[1].id, "smtp");
  EXPECT_EQ(in.broken_catalogues, 1u);
  ASSERT_EQ(in.locales.size(), 2u);
  EXPECT_EQ(in.locales[0].tag, "en");
  EXPECT_EQ(in.locales[0].messages.at("site_name"), "S");
  EXPECT_EQ(in.locales[1].tag, "vi");
  EXPECT_EQ(in.broken_locales, (std::set<std::string>{"xx"}));
  EXPECT_EQ(in.templates.names(), (std::vector<std::string>{"partials/card"}));
  EXPECT_EQ(in.broken_templates, (std::set<std::string>{"home"}));
  ASSERT_EQ(in.assets.size(), 1u);
  EXPECT_EQ(in.assets[0].out_path, "assets/style.css");
  EXPECT_EQ(read_asset(in.assets[0]), "body{}");

  // One located error per broken file, nothing about the others.
  std::vector<std::string> files;
  for (const auto& d : diags.all()) {
    EXPECT_EQ(d.severity, Severity::error);
    files.push_back(std::filesystem::path(d.where.path).filename().string() + ":" +
                    std::to_string(d.where.line) + ":" + std::to_string(d.where.col));
  }
  std::sort(files.begin(), files.end());
  // "{\"protocol\": " ends at 1:14; "1" is at 1:14 of xx.json; "{{#open}}" at 1:4.
  EXPECT_EQ(files,
            (std::vector<std::string>{"c-broken.json:1:14", "home.html:1:4", "xx.json:1:14"}));
}

TEST(LoadInputs, AMissingFolderIsAnErrorNamingIt) {
  TempDir dir;
  write_file(dir / "site.json", R"({"base_url": "https://example.org"})");
  std::filesystem::create_directories(dir / "locales");
  std::filesystem::create_directories(dir / "templates");
  Diagnostics diags;
  const Inputs in = load_inputs({(dir / "catalogue").string(), (dir / "locales").string(),
                                 (dir / "templates").string(), (dir / "site.json").string()},
                                diags);
  EXPECT_TRUE(in.protocols.empty());
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(format_diagnostic(diags.all()[0]),
            (dir / "catalogue").string() +
                ": error: folder not found; create it or pass its path with the matching flag");
}
