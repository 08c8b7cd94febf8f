// ICU MessageFormat patterns, compiled once per locale and formatted many times.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class MessageFormat;
U_NAMESPACE_END

namespace versa {

/// One named argument for a message: text or a number (for plural and select).
struct MessageArg {
  std::string_view name;
  std::variant<std::string_view, std::int64_t> value;
};

/// A compiled pattern with named arguments ("{a_code} vs {b_code}").
///
/// Thread-safe: one Message may be formatted by several threads at once
/// (English fallbacks are shared by every locale and every worker). ICU's
/// MessageFormat::format may change the formatter's state, so calls into ICU
/// are serialised per message; simple patterns never reach ICU.
class Message {
 public:
  /// Compiles `pattern` for `locale_tag`. On a syntax error returns nothing and
  /// sets `error_offset` (byte offset in the pattern) and `why`.
  static std::unique_ptr<Message> compile(std::string_view pattern, std::string_view locale_tag,
                                          std::size_t& error_offset, std::string& why);
  ~Message();
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;

  /// The names of the arguments the pattern uses.
  [[nodiscard]] const std::set<std::string>& arguments() const { return arguments_; }

  /// Formats as plain text.
  [[nodiscard]] std::string text(std::span<const MessageArg> args) const;

  /// Formats as HTML: the pattern's text is escaped, and each text argument is
  /// escaped and isolated in <bdi> so that codes keep their order in RTL text.
  [[nodiscard]] std::string html(std::span<const MessageArg> args) const;

  /// The same as text() and html(), appended to `out`.
  void append_text(std::string& out, std::span<const MessageArg> args) const;
  void append_html(std::string& out, std::span<const MessageArg> args) const;

 private:
  Message() = default;
  std::string format(std::span<const MessageArg> args, bool markers) const;

  // A pattern made only of text and plain {name} arguments is formatted by
  // concatenation, without ICU: most messages are such, and it is ~20x faster.
  struct Segment {
    std::string text;       ///< literal text, apostrophe quoting already resolved
    std::string text_html;  ///< the same, escaped once for html()
    std::string arg;        ///< then this argument, if not empty
  };
  /// For a simple pattern, the argument of each segment (nullptr when none
  /// or not passed), or false when ICU must format (a number argument).
  [[nodiscard]] bool fast_path(std::span<const MessageArg> args,
                               std::span<const MessageArg*> resolved) const;
  [[nodiscard]] static const MessageArg* find(std::span<const MessageArg> args,
                                              std::string_view name);

  std::unique_ptr<icu::MessageFormat> format_;
  mutable std::mutex format_mutex_;  ///< held while ICU formats
  std::set<std::string> arguments_;
  std::set<std::string, std::less<>> select_args_;  ///< arguments a select chooses by
  bool simple_ = false;
  bool markers_usable_ = true;  ///< the pattern holds no U+FDD0..U+FDEF of its own
  std::vector<Segment> segments_;
};

}  // namespace versa
