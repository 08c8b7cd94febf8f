#include "i18n/message_format.hpp"

#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>

#include <array>
#include <optional>
#include <vector>

#include "core/html.hpp"

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

}  // namespace

Message::~Message() = default;

std::unique_ptr<Message> Message::compile(std::string_view pattern, std::string_view locale_tag,
                                          std::size_t& error_offset, std::string& why) {
  const icu::UnicodeString upattern = to_unicode(pattern);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(locale_tag.data(), static_cast<int32_t>(locale_tag.size())), status);
  status = U_ZERO_ERROR;
  UParseError perr{};
  auto fmt = std::make_unique<icu::MessageFormat>(upattern, locale, perr, status);
  if (U_FAILURE(status)) {
    error_offset = utf8_offset(upattern, std::max(perr.offset, 0));
    why = std::string("malformed MessageFormat pattern (") + u_errorName(status) +
          "); check the braces and the argument syntax, e.g. {count, plural, one {# page} other {# "
          "pages}}";
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
