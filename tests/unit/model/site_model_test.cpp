// model: what pages say about codes, computed once: the groups (classes with
// codes), the related codes of each code, the order by name in each
// language's collation, and each code's texts per language (isolated on
// right-to-left pages, falling back to English). The expected orders are
// written out by hand from each language's alphabet.
#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "model/site_model.hpp"
#include "support/tiny_project.hpp"

using namespace versa;
using versa::test::TempDir;
using versa::test::write_file;

namespace {

// Catalogue order (ascending by code): index, code, English name.
//   0 250 ok                 3 500 Syntax error      6 503 Bad sequence
//   1 251 Forwarded          4 501 bad arguments     7 504 parameter not implemented
//   2 450 mailbox busy       5 502 Not implemented   8 550 Mailbox unavailable
// Classes 2, 3, 4 and 5 are defined; no code is of class 3.
const char* const kCatalogue =
    R"({"protocol": "smtp", "name": "SMTP", "title": "T", "spec": "RFC 5321",
 "classes": {"2": {"name": "Success", "summary": "S."}, "3": {"name": "Waiting", "summary": "S."},
             "4": {"name": "Transient", "summary": "S."}, "5": {"name": "Permanent", "summary": "S."}},
 "codes": [
  {"code": "550", "slug": "c550", "rfc": "RFC 5321", "name": "Mailbox unavailable", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "250", "slug": "c250", "rfc": "RFC 5321", "section": "4.2.2", "also_in": [{"rfc": "RFC 3207", "section": "4"}, {"rfc": "RFC 4954"}], "name": "ok", "summary": "The action is done.", "description": "The action is done. The client goes on.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "251", "slug": "c251", "rfc": "RFC 5321", "name": "Forwarded", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "450", "slug": "c450", "rfc": "RFC 5321", "name": "mailbox busy", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "500", "slug": "c500", "rfc": "RFC 5321", "name": "Syntax error", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "501", "slug": "c501", "rfc": "RFC 5321", "name": "bad arguments", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "502", "slug": "c502", "rfc": "RFC 5321", "name": "Not implemented", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "503", "slug": "c503", "rfc": "RFC 5321", "name": "Bad sequence", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  {"code": "504", "slug": "c504", "rfc": "RFC 5321", "name": "parameter not implemented", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."}
 ]}
)";

// A locale file translating the names of the codes, in catalogue order.
std::string names_locale(const std::vector<std::string>& names) {
  const char* codes[] = {"250", "251", "450", "500", "501", "502", "503", "504", "550"};
  std::string out = R"({"messages": {}, "catalogue": {"smtp": {"codes": {)";
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += std::string(i ? ", " : "") + "\"" + codes[i] + "\": {\"name\": \"" + names[i] + "\"}";
  }
  return out + "}}}}";
}

constexpr std::size_t kAr = 0, kDe = 1, kEn = 2, kTr = 3;  // locales sorted by tag

struct Model {
  TempDir dir;
  std::unique_ptr<versa::test::Checked> checked;
  std::unique_ptr<SiteModel> model;
};

std::unique_ptr<Model> make_model() {
  auto m = std::make_unique<Model>();
  versa::test::make_tiny_project(m->dir, kCatalogue);
  // Turkish: Ç after C, dotless I before dotted İ, Ö after O.
  write_file(m->dir / "locales/tr.json", names_locale({"Cevap", "Çekirdek", "Dosya", "Hata", "Işık",
                                                       "İleti", "Zaman", "Ödeme", "Oturum"}));
  // German: Ä, Ö and Ü sort with A, O and U.
  write_file(m->dir / "locales/de.json",
             names_locale({"Zustellung", "Übergabe", "Änderung", "Abbruch", "Öffnung", "Ende",
                           "Umleitung", "Offen", "Ärger"}));
  // Arabic: one name and one description translated, the rest in English.
  write_file(m->dir / "locales/ar.json",
             R"({"messages": {}, "catalogue": {"smtp": {"codes": {"250": {"name": "تم OK",
                 "summary": "اكتمل الأمر MAIL FROM.",
                 "description": "اكتمل الأمر MAIL FROM. يتابع العميل."}}}}})");
  m->checked = versa::test::check_project(m->dir);
  if (!m->checked->project) return m;
  m->model = std::make_unique<SiteModel>(*m->checked->project);
  return m;
}

std::vector<std::uint32_t> list(std::span<const std::uint32_t> s) {
  return {s.begin(), s.end()};
}

}  // namespace

TEST(SiteModel, GroupsAreTheClassesWithCodesInCatalogueOrder) {
  const auto m = make_model();
  ASSERT_TRUE(m->model) << m->checked->all();
  const auto groups = m->model->groups(0);
  ASSERT_EQ(groups.size(), 3u);  // class 3 has no code
  EXPECT_EQ(groups[0].digit, "2");
  EXPECT_EQ(groups[0].codes, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(groups[1].digit, "4");
  EXPECT_EQ(groups[1].codes, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(groups[2].digit, "5");
  EXPECT_EQ(groups[2].codes, (std::vector<std::uint32_t>{3, 4, 5, 6, 7, 8}));
}

// Without "confused_with" and "phases" (see ShippedSite for them), related
// codes are every other code, those of the same class first, nearest first.
TEST(SiteModel, RelatedCodesAreOfTheSameClassFirstThenTheRestNearestFirst) {
  const auto m = make_model();
  ASSERT_TRUE(m->model) << m->checked->all();
  // 502 (index 5): 501 and 503 are one away (lower first), 500 and 504 two,
  // 550 three; then the other classes.
  EXPECT_EQ(list(m->model->related(0, 5)), (std::vector<std::uint32_t>{4, 6, 3, 7, 8, 2, 1, 0}));
  EXPECT_EQ(m->model->close_count(0, 5), 0u);
  // 550 (index 8), at the end of its class: the others before it, nearest first.
  EXPECT_EQ(list(m->model->related(0, 8)), (std::vector<std::uint32_t>{7, 6, 5, 4, 3, 2, 1, 0}));
  // 250: only 251 shares its class; 450 is alone in its class.
  EXPECT_EQ(list(m->model->related(0, 0)).front(), 1u);
  EXPECT_EQ(list(m->model->related(0, 2)), (std::vector<std::uint32_t>{1, 3, 0, 4, 5, 6, 7, 8}));
}

TEST(SiteModel, CodesAreOrderedByNameInEachLanguagesCollation) {
  const auto m = make_model();
  ASSERT_TRUE(m->model) << m->checked->all();
  ASSERT_EQ(m->checked->project->localizations[kTr].tag(), "tr");
  ASSERT_EQ(m->checked->project->localizations[kDe].tag(), "de");
  ASSERT_EQ(m->checked->project->localizations[kEn].tag(), "en");
  const auto names = [&](std::size_t locale) {
    std::vector<std::string> out;
    for (const std::uint32_t c : m->model->by_name(locale, 0)) {
      out.push_back(m->model->code(locale, 0, c).name);
    }
    return out;
  };
  // Byte order would put every accented capital last; the root collation
  // would put Çekirdek before Cevap and İleti before Işık.
  EXPECT_EQ(names(kTr), (std::vector<std::string>{"Cevap", "Çekirdek", "Dosya", "Hata", "Işık",
                                                  "İleti", "Oturum", "Ödeme", "Zaman"}));
  EXPECT_EQ(names(kDe),
            (std::vector<std::string>{"Abbruch", "Änderung", "Ärger", "Ende", "Offen", "Öffnung",
                                      "Übergabe", "Umleitung", "Zustellung"}));
  // Case does not separate words: "bad" and "Bad" sort together.
  EXPECT_EQ(names(kEn),
            (std::vector<std::string>{"bad arguments", "Bad sequence", "Forwarded", "mailbox busy",
                                      "Mailbox unavailable", "Not implemented", "ok",
                                      "parameter not implemented", "Syntax error"}));
  EXPECT_EQ(list(m->model->by_name(kTr, 0)),
            (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 8, 7, 6}));
}

TEST(SiteModel, TextsPerLanguageFallBackToEnglishAndAreIsolatedRightToLeft) {
  const auto m = make_model();
  ASSERT_TRUE(m->model) << m->checked->all();
  const Protocol& smtp = m->checked->project->inputs.protocols[0];

  const CodeInLocale& en = m->model->code(kEn, 0, 0);
  EXPECT_EQ(en.code, &smtp.codes[0]);
  EXPECT_EQ(en.name, "ok");
  EXPECT_EQ(en.class_code, "2xx");
  EXPECT_EQ(en.class_name, "Success");
  EXPECT_EQ(en.view.at("summary_html"), "The action is done.");
  EXPECT_EQ(en.view.at("code"), "250");
  EXPECT_EQ(en.view.at("name_html"), "ok");
  EXPECT_EQ(en.view.at("class_label_html"), "2xx Success");
  // Every defining document, joined as a list in the language, each with
  // "RFC" bound to its number by a no-break space and a link to its section.
  EXPECT_EQ(en.view.at("rfc_label_html"),
            "<a href=\"https://www.rfc-editor.org/rfc/rfc5321#section-4.2.2\">RFC\u00A05321, "
            "section 4.2.2</a>, <a href=\"https://www.rfc-editor.org/rfc/rfc3207#section-4\">"
            "RFC\u00A03207, section 4</a>, and <a href=\"https://www.rfc-editor.org/rfc/rfc4954\">"
            "RFC\u00A04954</a>");
  EXPECT_EQ(en.rfcs, "RFC\u00A05321, RFC\u00A03207, and RFC\u00A04954");
  EXPECT_EQ(en.view.at("description_html"), "The action is done. The client goes on.");
  EXPECT_FALSE(en.foreign);
  EXPECT_EQ(m->model->code(kEn, 0, 2).view.at("rfc_label_html"),  // no section
            "<a href=\"https://www.rfc-editor.org/rfc/rfc5321\">RFC\u00A05321</a>");
  EXPECT_EQ(m->model->code(kEn, 0, 2).rfcs, "RFC\u00A05321");

  const CodeInLocale& ar = m->model->code(kAr, 0, 0);
  EXPECT_EQ(ar.name, "تم OK");
  EXPECT_EQ(ar.view.at("name_html"), "تم <bdi>OK</bdi>");
  EXPECT_EQ(ar.view.at("summary_html"), "اكتمل الأمر <bdi>MAIL FROM</bdi>.");
  // Untranslated: English, marked as such as one whole left-to-right text.
  EXPECT_EQ(ar.view.at("when_html"), "<span lang=\"en\" dir=\"ltr\">W.</span>");
  EXPECT_TRUE(ar.foreign);
  EXPECT_FALSE(ar.name_foreign);
  EXPECT_EQ(m->model->code(kAr, 0, 1).name, "Forwarded");
  EXPECT_EQ(m->model->code(kAr, 0, 1).view.at("name_html"),
            "<span lang=\"en\" dir=\"ltr\">Forwarded</span>");
  EXPECT_TRUE(m->model->code(kAr, 0, 1).name_foreign);
  EXPECT_EQ(m->model->code(kDe, 0, 1).name, "Übergabe");
  EXPECT_EQ(m->model->code(kDe, 0, 1).view.at("name_html"), "Übergabe");
}
