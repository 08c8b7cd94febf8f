#include "i18n/message_format.hpp"

#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>

#include <array>
#include <vector>

#include "core/html.hpp"

namespace versa {

namespace {

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Private-use code points stand in for text arguments while ICU formats, so
// the pattern's own text can be escaped afterwards without touching markup.
constexpr char32_t kMarkerBase = 0xE000;

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
  status = U_ZERO_ERROR;
  icu::MessagePattern parsed(upattern, &perr, status);
  for (int32_t i = 0; U_SUCCESS(status) && i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      std::string name;
      parsed.getSubstring(part).toUTF8String(name);
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
    } else if (markers) {
      values.emplace_back(icu::UnicodeString(static_cast<UChar32>(kMarkerBase + i)));
    } else {
      values.emplace_back(to_unicode(std::get<std::string_view>(args[i].value)));
    }
  }
  icu::UnicodeString result;
  UErrorCode status = U_ZERO_ERROR;
  format_->format(names.data(), values.data(), static_cast<int32_t>(args.size()), result, status);
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
  const std::string raw = format(args, true);
  out.reserve(out.size() + raw.size() + 32);
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i + 2 < raw.size() + 0; ++i) {
    // U+E000..U+E0FF encode as EE 80 80 .. EE 83 BF.
    const auto b0 = static_cast<unsigned char>(raw[i]);
    const auto b1 = static_cast<unsigned char>(raw[i + 1]);
    if (b0 != 0xEE || b1 < 0x80 || b1 > 0x83) continue;
    const auto b2 = static_cast<unsigned char>(raw[i + 2]);
    const std::size_t index = ((b1 & 0x03u) << 6) | (b2 & 0x3Fu);
    if (index >= args.size()) continue;
    append_html_escaped(out, std::string_view(raw).substr(plain_start, i - plain_start));
    out += "<bdi>";
    append_html_escaped(out, std::get<std::string_view>(args[index].value));
    out += "</bdi>";
    i += 2;
    plain_start = i + 1;
  }
  append_html_escaped(out, std::string_view(raw).substr(plain_start));
}

}  // namespace versa
