#include "i18n/message_format.hpp"

#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "core/html.hpp"
#include "core/nearest.hpp"

namespace versa {

namespace {

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Noncharacters U+FDD0 + i stand in for text argument i while ICU formats, so
// the pattern's own text can be escaped afterwards without touching markup.
// Inputs refuse noncharacters (core/text_check), so no text holds a marker;
// private-use characters are ordinary text (icon fonts) and pass through.
constexpr char32_t kMarkerBase = 0xFDD0;
constexpr std::size_t kMarkerCount = 32;  // U+FDD0..U+FDEF

// The argument index of the marker at `p` (UTF-8 EF B7 90..AF), if it is one.
std::optional<std::size_t> marker_at(std::string_view raw, std::size_t p) {
  if (p + 2 >= raw.size() || raw[p] != '\xEF' || raw[p + 1] != '\xB7') return std::nullopt;
  const auto b2 = static_cast<unsigned char>(raw[p + 2]);
  if (b2 < 0x90 || b2 > 0xAF) return std::nullopt;
  return std::size_t{b2 - 0x90u};
}

std::size_t utf8_offset(const icu::UnicodeString& s, int32_t utf16_index) {
  std::string prefix;
  s.tempSubString(0, utf16_index).toUTF8String(prefix);
  return prefix.size();
}

// ---------------------------------------------------------------------------
// The pattern checker: ICU's MessageFormat grammar, walked again to say what
// is wrong in plain words and where (ICU reports an error code and, for some
// mistakes, no position at all). It also refuses patterns ICU accepts but
// that cannot be what the translator meant: a case the language's plural
// rules never choose, a case written twice, and an apostrophe that quotes an
// argument away ("d'{code}" shows "{code}"). Offsets are bytes into the
// UTF-8 pattern; every syntax character is ASCII, so bytes can be compared.

/// A mistake in a pattern: its byte offset and what is wrong, with the fix.
struct PatternError {
  std::size_t offset;
  std::string why;
};

enum class ArgKind { none, simple, choice, plural, select, selectordinal };

bool has_plural_style(ArgKind k) {
  return k == ArgKind::plural || k == ArgKind::selectordinal;
}

// CLDR's plural categories, in CLDR's order.
constexpr std::array<std::string_view, 6> kPluralCategories = {"zero", "one",  "two",
                                                               "few",  "many", "other"};

// The argument types ICU's MessageFormat knows (compared case-insensitively).
constexpr std::array<std::string_view, 10> kArgTypes = {
    "plural", "select",   "selectordinal", "number",   "date",
    "time",   "spellout", "ordinal",       "duration", "choice"};

// Arguments nested deeper than this are refused (ICU allows 255 levels; no
// message needs more than a few, and the check recurses).
constexpr int kMaxNesting = 32;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// The plural forms a language has, by CLDR's rules as ICU holds them.
struct PluralForms {
  std::string language;  ///< "German", for messages
  std::vector<std::string> cardinal;
  std::vector<std::string> ordinal;
};

std::vector<std::string> plural_keywords(const icu::Locale& locale, UPluralType type) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(locale, type, status));
  std::vector<std::string> found;
  if (U_SUCCESS(status) && rules) {
    const std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    const char* k = nullptr;
    while (U_SUCCESS(status) && keywords && (k = keywords->next(nullptr, status)) != nullptr) {
      found.emplace_back(k);
    }
  }
  if (found.empty()) found.emplace_back("other");
  std::vector<std::string> ordered;  // in CLDR's order, whatever ICU's
  for (std::string_view c : kPluralCategories) {
    if (std::find(found.begin(), found.end(), c) != found.end()) ordered.emplace_back(c);
  }
  return ordered;
}

PluralForms plural_forms(const icu::Locale& locale) {
  PluralForms forms;
  icu::UnicodeString name;
  locale.getDisplayName(icu::Locale::getEnglish(), name);
  name.toUTF8String(forms.language);
  if (forms.language.empty()) forms.language = locale.getName();
  forms.cardinal = plural_keywords(locale, UPLURAL_TYPE_CARDINAL);
  forms.ordinal = plural_keywords(locale, UPLURAL_TYPE_ORDINAL);
  return forms;
}

class PatternCheck {
 public:
  PatternCheck(std::string_view pattern, const icu::Locale& locale)
      : p_(pattern), locale_(locale) {}

  std::optional<PatternError> run() {
    try {
      message(0, 0, ArgKind::none, 0, {});
    } catch (PatternError& e) {
      return std::move(e);
    }
    return std::nullopt;
  }

 private:
  [[noreturn]] static void fail(std::size_t at, std::string why) {
    throw PatternError{at, std::move(why)};
  }

  // The code point at `i` (U+FFFD for a broken sequence) and where the next begins.
  char32_t decode(std::size_t i, std::size_t& next) const {
    int32_t at = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(p_.data()), at, static_cast<int32_t>(p_.size()), c);
    next = static_cast<std::size_t>(at);
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
  }
  bool is_white(char32_t c) const {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_PATTERN_WHITE_SPACE);
  }
  std::size_t skip_white(std::size_t i) const {
    std::size_t next = i;
    while (i < p_.size() && is_white(decode(i, next))) i = next;
    return i;
  }
  // ICU's identifier: anything but pattern syntax and pattern white space.
  std::size_t skip_identifier(std::size_t i) const {
    std::size_t next = i;
    while (i < p_.size()) {
      const char32_t c = decode(i, next);
      if (is_white(c) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_PATTERN_SYNTAX)) break;
      i = next;
    }
    return i;
  }
  // The characters ICU takes as part of a number: digits, + - . e E and ∞.
  std::size_t skip_number(std::size_t i) const {
    while (i < p_.size()) {
      const char c = p_[i];
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E') {
        ++i;
      } else if (p_.substr(i, 3) == "\u221E") {
        i += 3;
      } else {
        break;
      }
    }
    return i;
  }
  static bool is_number(std::string_view s) {
    if (s.size() > 1 && s.front() == '+' && s[1] != '+' && s[1] != '-') s.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
  }

  const PluralForms& forms() {
    if (!forms_) forms_ = plural_forms(locale_);
    return *forms_;
  }

  // A message or a case's text, from `i` to its closing "}" (to the end at the
  // top level, where "}" is text). `open`/`what` name the "{" that opened it.
  std::size_t message(std::size_t i, int depth, ArgKind parent, std::size_t open,
                      const std::string& what) {
    while (i < p_.size()) {
      const char c = p_[i];
      if (c == '\'') {
        i = apostrophe(i, parent);
      } else if (c == '{') {
        i = argument(i, depth);
      } else if (c == '}' && depth > 0) {
        return i + 1;
      } else {
        ++i;
      }
    }
    if (depth > 0) fail(open, what + " is never closed; add \"}\" at its end");
    return i;
  }

  // An apostrophe: "''" is one apostrophe; before "{", "}" (or "#" in a
  // plural) it starts quoted text up to the next single apostrophe.
  std::size_t apostrophe(std::size_t i, ArgKind parent) {
    if (i + 1 >= p_.size()) return p_.size();
    const char next = p_[i + 1];
    if (next == '\'') return i + 2;
    if (next != '{' && next != '}' && !(has_plural_style(parent) && next == '#')) return i + 1;
    std::size_t end = i + 1;
    for (;;) {
      end = p_.find('\'', end + 1);
      if (end == std::string_view::npos) {
        end = p_.size();
        break;
      }
      if (end + 1 < p_.size() && p_[end + 1] == '\'') {
        ++end;  // '' inside quoted text
        continue;
      }
      break;
    }
    // Quoting is how a brace or # is written as text ('{' or '{literal}'),
    // but an apostrophe after a letter is one in a word (French d'{code}),
    // and a quote nothing closes runs to the end: then it quotes by mistake.
    bool after_letter = false;
    if (i > 0) {
      int32_t at = static_cast<int32_t>(i);
      UChar32 before = 0;
      U8_PREV(reinterpret_cast<const uint8_t*>(p_.data()), 0, at, before);
      after_letter = before > 0 && u_isalnum(before);
    }
    const bool mistaken = after_letter || end == p_.size();
    if (mistaken && next == '{') {
      // Only an argument quoted away matters: a quoted lone brace is text.
      const std::size_t name_at = skip_white(i + 2);
      const std::size_t name_end = std::min(skip_identifier(name_at), end);
      const std::size_t after = skip_white(name_end);
      if (name_end > name_at && after < end && (p_[after] == '}' || p_[after] == ',')) {
        const std::string shown = "{" + std::string(p_.substr(name_at, name_end - name_at)) +
                                  (p_[after] == '}' ? "}" : ", ...}");
        fail(i, "the apostrophe before " + shown +
                    " quotes it in ICU MessageFormat, so the page would show " + shown +
                    " as is; write '' for an apostrophe, or use \u2019");
      }
    } else if (after_letter && next == '#') {
      fail(i,
           "the apostrophe before # quotes it in ICU MessageFormat, so the page would show # "
           "instead of the number; write '' for an apostrophe, or use \u2019");
    }
    return end == p_.size() ? end : end + 1;
  }

  // An argument, from its "{" to after its "}".
  std::size_t argument(std::size_t open, int depth) {
    if (depth >= kMaxNesting) {
      fail(open, "arguments are nested more than " + std::to_string(kMaxNesting) +
                     " levels deep here; simplify the message");
    }
    const std::size_t name_at = skip_white(open + 1);
    const std::size_t name_end = skip_identifier(name_at);
    const std::string name(p_.substr(name_at, name_end - name_at));
    if (name_at == p_.size())
      fail(open, "\"{\" is never closed; to show a brace as text, write '{'");
    if (name.empty()) {
      fail(open,
           "\"{\" must be followed by an argument name, as in {a_code}; to show a brace as "
           "text, write '{'");
    }
    if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      fail(open, "{" + name +
                     "} is a numbered argument; the arguments here have names, such as "
                     "{a_code}");
    }
    std::size_t i = skip_white(name_end);
    if (i == p_.size()) fail(open, "{" + name + " is never closed; add \"}\" after the name");
    if (p_[i] == '}') return i + 1;
    if (p_[i] != ',') {
      fail(open, "{" + name +
                     " must be followed by \"}\": an argument name is a single word, as "
                     "in {a_code}; to show a brace as text, write '{'");
    }
    const std::size_t type_at = skip_white(i + 1);
    std::size_t type_end = type_at;
    while (type_end < p_.size() && ((p_[type_end] >= 'a' && p_[type_end] <= 'z') ||
                                    (p_[type_end] >= 'A' && p_[type_end] <= 'Z'))) {
      ++type_end;
    }
    const std::string type(p_.substr(type_at, type_end - type_at));
    const std::string shown = "{" + name + ", " + type + ", ...}";
    i = skip_white(type_end);
    if (type.empty()) {
      fail(type_at, "{" + name +
                        ", must be followed by an argument type: plural, select, "
                        "selectordinal, number, date, time, spellout, ordinal or duration");
    }
    if (i == p_.size()) fail(open, shown + " is never closed; add \"}\" at its end");
    if (p_[i] != ',' && p_[i] != '}') {
      fail(i, "after {" + name + ", " + type + " a \",\" or \"}\" is expected");
    }
    const std::string lower = lower_ascii(type);
    if (std::find(kArgTypes.begin(), kArgTypes.end(), lower) == kArgTypes.end()) {
      const auto guess = nearest(lower, kArgTypes);
      fail(type_at, "\"" + type + "\" is not an argument type" +
                        (guess ? "; did you mean \"" + *guess + "\"?" : "") +
                        " The types are plural, select, selectordinal, number, date, time, "
                        "spellout, ordinal and duration");
    }
    const ArgKind kind = lower == "plural"          ? ArgKind::plural
                         : lower == "select"        ? ArgKind::select
                         : lower == "selectordinal" ? ArgKind::selectordinal
                         : lower == "choice"        ? ArgKind::choice
                                                    : ArgKind::simple;
    if (p_[i] == '}') {
      if (kind == ArgKind::simple) return i + 1;
      fail(open, "{" + name + ", " + type + "} needs its cases, as in {" + name + ", " + type +
                     (kind == ArgKind::select ? ", other {...}}" : ", one {...} other {...}}"));
    }
    if (kind == ArgKind::plural || kind == ArgKind::select || kind == ArgKind::selectordinal) {
      return cases(i + 1, depth, kind, open, shown);
    }
    return style(i + 1, kind, open, shown);
  }

  // A simple argument's style ("integer", "::currency/EUR") or a choice's
  // cases, to after the argument's "}". Only the braces are checked: ICU
  // judges the rest.
  std::size_t style(std::size_t i, ArgKind kind, std::size_t open, const std::string& shown) {
    int nested = 0;
    while (i < p_.size()) {
      const char c = p_[i++];
      // In a choice's texts an apostrophe quotes only before syntax, as in a
      // message; in a style it always quotes.
      if (c == '\'' && kind == ArgKind::choice &&
          (i == p_.size() || std::string_view("{}|").find(p_[i]) == std::string_view::npos)) {
        if (i < p_.size() && p_[i] == '\'') ++i;
        continue;
      }
      if (c == '\'') {
        const std::size_t end = p_.find('\'', i);
        if (end == std::string_view::npos) {
          if (kind == ArgKind::simple) {
            fail(i - 1, "the apostrophe in the style of " + shown +
                            " is never closed; close it or write '' for an apostrophe");
          }
          break;
        }
        i = end + 1;
      } else if (c == '{') {
        ++nested;
      } else if (c == '}') {
        if (nested == 0) return i;
        --nested;
      }
    }
    fail(open, shown + " is never closed; add \"}\" at its end");
  }

  // The cases of a plural, select or selectordinal, to after its "}".
  std::size_t cases(std::size_t i, int depth, ArgKind kind, std::size_t open,
                    const std::string& shown) {
    const bool plural = has_plural_style(kind);
    bool any = false;
    std::vector<std::string> seen;
    for (;;) {
      i = skip_white(i);
      if (i == p_.size()) fail(open, shown + " is never closed; add \"}\" at its end");
      if (p_[i] == '}') {
        if (std::find(seen.begin(), seen.end(), "other") == seen.end()) {
          fail(open, shown + " needs an \"other\" case, for the " +
                         (plural ? "numbers" : "values") +
                         " no other case matches; add other {...}");
        }
        return i + 1;
      }
      const std::size_t at = i;
      if (plural && p_[i] == '=') {
        i = skip_number(i + 1);
        if (!is_number(p_.substr(at + 1, i - at - 1))) {
          fail(at, "\"=\" must be followed by a number, as in =0 {...}, for an exact value");
        }
      } else {
        i = skip_identifier(i);
        if (i == at) {
          fail(at, std::string("a case is expected here, a word such as ") +
                       (plural ? "one or other" : "other") + " followed by its text in braces");
        }
        if (plural && p_.substr(at, i - at) == "offset" && i < p_.size() && p_[i] == ':') {
          const std::size_t value = skip_white(i + 1);
          i = skip_number(value);
          if (any || !is_number(p_.substr(value, i - value))) {
            fail(at,
                 "\"offset:\" must come before the cases and be followed by a number, as in "
                 "offset:1");
          }
          any = true;
          continue;
        }
        if (plural) check_plural_keyword(std::string(p_.substr(at, i - at)), at, kind);
      }
      std::string selector(p_.substr(at, i - at));
      if (std::find(seen.begin(), seen.end(), selector) != seen.end()) {
        fail(at, shown + " has a second \"" + selector +
                     "\" case, which is never used; remove one of them");
      }
      i = skip_white(i);
      if (i == p_.size() || p_[i] != '{') {
        fail(at, "the case \"" + selector + "\" needs its text in braces, as in " + selector +
                     " {...}");
      }
      i = message(i + 1, depth + 1, kind, i,
                  "the text of the case \"" + selector + "\" of " + shown);
      seen.push_back(std::move(selector));
      any = true;
    }
  }

  // A plural case must be one of the forms the language's rules choose.
  void check_plural_keyword(const std::string& keyword, std::size_t at, ArgKind kind) {
    const bool ordinal = kind == ArgKind::selectordinal;
    const std::vector<std::string>& has = ordinal ? forms().ordinal : forms().cardinal;
    if (std::find(has.begin(), has.end(), keyword) != has.end()) return;
    const std::string form = ordinal ? "ordinal form" : "plural form";
    const std::string list = forms().language + "'s " + form + "s are " + join_words(has) +
                             " (and =0, =1, ... match exact numbers)";
    if (std::find(kPluralCategories.begin(), kPluralCategories.end(), keyword) !=
        kPluralCategories.end()) {
      fail(at, forms().language + " has no \"" + keyword + "\" " + form +
                   ", so this case is never used; remove it. " + list);
    }
    const std::string lower = lower_ascii(keyword);
    std::optional<std::string> guess;
    if (std::find(has.begin(), has.end(), lower) != has.end()) {
      guess = lower;
    } else {
      guess = nearest(keyword, has);
    }
    fail(at, "\"" + keyword + "\" is not a " + form +
                 (guess ? "; did you mean \"" + *guess + "\"?" : ".") + " " + list);
  }

  std::string_view p_;
  const icu::Locale& locale_;
  std::optional<PluralForms> forms_;
};

}  // namespace

Message::~Message() = default;

std::unique_ptr<Message> Message::compile(std::string_view pattern, std::string_view locale_tag,
                                          std::size_t& error_offset, std::string& why) {
  const icu::UnicodeString upattern = to_unicode(pattern);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(locale_tag.data(), static_cast<int32_t>(locale_tag.size())), status);
  if (auto error = PatternCheck(pattern, locale).run()) {
    error_offset = error->offset;
    why = std::move(error->why);
    return nullptr;
  }
  status = U_ZERO_ERROR;
  UParseError perr{};
  auto fmt = std::make_unique<icu::MessageFormat>(upattern, locale, perr, status);
  if (U_FAILURE(status)) {
    // What the check above does not foresee (an argument style ICU refuses).
    error_offset = utf8_offset(upattern, std::max(perr.offset, 0));
    why =
        "ICU cannot use this MessageFormat pattern; check the braces and the argument syntax, "
        "e.g. {count, plural, one {# page} other {# pages}}";
    return nullptr;
  }
  std::unique_ptr<Message> m(new Message());
  m->format_ = std::move(fmt);
  for (std::size_t i = 0; i < pattern.size() && m->markers_usable_; ++i) {
    m->markers_usable_ = !marker_at(pattern, i);
  }
  status = U_ZERO_ERROR;
  icu::MessagePattern parsed(upattern, &perr, status);
  for (int32_t i = 0; U_SUCCESS(status) && i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      std::string name;
      parsed.getSubstring(part).toUTF8String(name);
      // A select chooses by the argument's text, so that text must reach ICU.
      if (parsed.getPart(i - 1).getArgType() == UMSGPAT_ARG_TYPE_SELECT)
        m->select_args_.insert(name);
      m->arguments_.insert(std::move(name));
    }
  }
  // Split a simple pattern into literal text and arguments, resolving the
  // apostrophe quoting the way ICU's formatter does.
  m->simple_ = U_SUCCESS(status);
  icu::UnicodeString literal;
  int32_t prev = 0;
  for (int32_t i = 1; m->simple_ && i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    const UMessagePatternPartType type = part.getType();
    literal.append(upattern, prev, part.getIndex() - prev);
    prev = part.getLimit();
    // SKIP_SYNTAX (quoting apostrophes) is dropped by the append above;
    // INSERT_CHAR only matters for re-quoting a pattern, not for formatting.
    if (type == UMSGPAT_PART_TYPE_ARG_START) {
      const icu::MessagePattern::Part& name = parsed.getPart(i + 1);
      if (part.getArgType() != UMSGPAT_ARG_TYPE_NONE ||
          name.getType() != UMSGPAT_PART_TYPE_ARG_NAME) {
        m->simple_ = false;
        break;
      }
      Segment seg;
      literal.toUTF8String(seg.text);
      seg.text_html = html_escape(seg.text);
      parsed.getSubstring(name).toUTF8String(seg.arg);
      m->segments_.push_back(std::move(seg));
      literal.remove();
      i = parsed.getLimitPartIndex(i);
      prev = parsed.getPart(i).getLimit();
    } else if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
      Segment seg;
      literal.toUTF8String(seg.text);
      seg.text_html = html_escape(seg.text);
      m->segments_.push_back(std::move(seg));
      break;
    }
  }
  if (!m->simple_) m->segments_.clear();
  return m;
}

std::string Message::format(std::span<const MessageArg> args, bool markers) const {
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    names.push_back(to_unicode(args[i].name));
    if (const auto* n = std::get_if<std::int64_t>(&args[i].value)) {
      values.emplace_back(static_cast<int64_t>(*n));
    } else if (markers && i < kMarkerCount &&
               (select_args_.empty() || !select_args_.contains(args[i].name))) {
      values.emplace_back(icu::UnicodeString(static_cast<UChar32>(kMarkerBase + i)));
    } else {
      values.emplace_back(to_unicode(std::get<std::string_view>(args[i].value)));
    }
  }
  icu::UnicodeString result;
  UErrorCode status = U_ZERO_ERROR;
  {
    const std::lock_guard lock(format_mutex_);
    format_->format(names.data(), values.data(), static_cast<int32_t>(args.size()), result, status);
  }
  std::string out;
  result.toUTF8String(out);
  return out;
}

const MessageArg* Message::find(std::span<const MessageArg> args, std::string_view name) {
  for (const MessageArg& a : args) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

bool Message::fast_path(std::span<const MessageArg> args,
                        std::span<const MessageArg*> resolved) const {
  if (!simple_ || resolved.size() < segments_.size()) return false;
  // A number in a plain {n} is formatted by the locale's rules: leave it to ICU.
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const MessageArg* a = segments_[i].arg.empty() ? nullptr : find(args, segments_[i].arg);
    if (a != nullptr && !std::holds_alternative<std::string_view>(a->value)) return false;
    resolved[i] = a;
  }
  return true;
}

namespace {
// Segments a simple pattern may have and still be formatted without ICU.
constexpr std::size_t kMaxFastSegments = 16;
}  // namespace

std::string Message::text(std::span<const MessageArg> args) const {
  std::string out;
  append_text(out, args);
  return out;
}

std::string Message::html(std::span<const MessageArg> args) const {
  std::string out;
  append_html(out, args);
  return out;
}

void Message::append_text(std::string& out, std::span<const MessageArg> args) const {
  std::array<const MessageArg*, kMaxFastSegments> resolved;
  if (!fast_path(args, resolved)) {
    out += format(args, false);
    return;
  }
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const Segment& seg = segments_[i];
    out += seg.text;
    if (seg.arg.empty()) continue;
    if (resolved[i] != nullptr) {
      out += std::get<std::string_view>(resolved[i]->value);
    } else {
      out += '{' + seg.arg + '}';  // as ICU leaves an argument nobody passed
    }
  }
}

void Message::append_html(std::string& out, std::span<const MessageArg> args) const {
  std::array<const MessageArg*, kMaxFastSegments> resolved;
  if (fast_path(args, resolved)) {
    for (std::size_t i = 0; i < segments_.size(); ++i) {
      const Segment& seg = segments_[i];
      out += seg.text_html;
      if (seg.arg.empty()) continue;
      if (resolved[i] != nullptr) {
        out += "<bdi>";
        append_html_escaped(out, std::get<std::string_view>(resolved[i]->value));
        out += "</bdi>";
      } else {
        append_html_escaped(out, '{' + seg.arg + '}');
      }
    }
    return;
  }
  if (!markers_usable_) {
    // The inputs refuse noncharacters; should a pattern hold one anyway, its
    // arguments are escaped with the rest, not isolated.
    append_html_escaped(out, format(args, false));
    return;
  }
  const std::string raw = format(args, true);
  out.reserve(out.size() + raw.size() + 32);
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i + 2 < raw.size(); ++i) {
    const auto index = marker_at(raw, i);
    if (!index || *index >= args.size()) continue;
    // Only text arguments were replaced by markers; anything else is left as is.
    const auto* text = std::get_if<std::string_view>(&args[*index].value);
    if (text == nullptr) continue;
    append_html_escaped(out, std::string_view(raw).substr(plain_start, i - plain_start));
    out += "<bdi>";
    append_html_escaped(out, *text);
    out += "</bdi>";
    i += 2;
    plain_start = i + 1;
  }
  append_html_escaped(out, std::string_view(raw).substr(plain_start));
}

}  // namespace versa
