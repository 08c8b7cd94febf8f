#include "core/json_document.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/ascii.hpp"
#include "core/text_check.hpp"

namespace versa {

std::string pointer_join(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// Walks a document that nlohmann already accepted and records the offset of
// every value. It trusts the syntax, so it stays small.
class OffsetScanner {
 public:
  OffsetScanner(const SourceText& source, std::unordered_map<std::string, std::size_t>& out,
                Diagnostics& diags)
      : source_(source), text_(source.text()), out_(out), diags_(diags) {}

  void scan() {
    skip_ws();
    value("");
  }

 private:
  void skip_ws() {
    while (pos_ < text_.size() && ascii::is_json_space(text_[pos_])) ++pos_;
  }

  // Skips a string, quotes included; returns it as written.
  std::string_view skip_string() {
    const std::size_t begin = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    pos_ = std::min(pos_ + 1, text_.size());
    return text_.substr(begin, pos_ - begin);
  }

  // Skips a string and returns its value.
  std::string string_token() {
    const std::string_view token = skip_string();
    // Escapes such as \u00e9 are rare in keys: let the JSON parser decode them.
    if (token.find('\\') != std::string_view::npos) {
      return nlohmann::json::parse(token).get<std::string>();
    }
    return std::string(token.substr(1, token.size() - 2));
  }

  void value(const std::string& pointer) {
    if (pos_ >= text_.size()) return;
    out_[pointer] = pos_;
    const char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      skip_ws();
      std::unordered_set<std::string> keys;
      while (pos_ < text_.size() && text_[pos_] != '}') {
        const std::size_t key_at = pos_;
        const std::string key = string_token();
        // JSON parsers keep the last of two equal keys; a silent loss here.
        if (!keys.insert(key).second) {
          diags_.error(source_.locate(key_at), "duplicate key \"" + key +
                                                   "\"; the earlier value would be ignored, "
                                                   "remove one of them");
        }
        skip_ws();
        ++pos_;  // ':'
        skip_ws();
        value(pointer_join(pointer, key));
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skip_ws();
      }
      ++pos_;
    } else if (c == '[') {
      ++pos_;
      skip_ws();
      for (std::size_t i = 0; pos_ < text_.size() && text_[pos_] != ']'; ++i) {
        value(pointer_join(pointer, std::to_string(i)));
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skip_ws();
      }
      ++pos_;
    } else if (c == '"') {
      skip_string();
    } else {
      while (pos_ < text_.size() && !ascii::is_json_space(text_[pos_]) && text_[pos_] != ',' &&
             text_[pos_] != ']' && text_[pos_] != '}') {
        ++pos_;
      }
    }
  }

  const SourceText& source_;
  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& out_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
};

// Offset of the first bracket nested deeper than kMaxJsonNesting, if any.
std::optional<std::size_t> too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonNesting) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<JsonDocument> JsonDocument::parse(SourceText source, Diagnostics& diags) {
  if (!check_utf8(source, diags)) return std::nullopt;
  // Later stages walk documents recursively; a bound keeps the stack safe.
  if (auto at = too_deep(source.text())) {
    diags.error(source.locate(*at), "JSON nests more than " + std::to_string(kMaxJsonNesting) +
                                        " levels deep here; versa's files need far fewer");
    return std::nullopt;
  }
  JsonDocument doc;
  try {
    doc.value_ = nlohmann::json::parse(source.text());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points just past the token that failed; report
    // where that token starts, which is where the reader should look.
    const std::string& text = source.text();
    std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    if (at < text.size() && text[at] == '"' && at > 0) {
      std::size_t open = at - 1;
      while (open > 0 && !(text[open] == '"' && text[open - 1] != '\\')) --open;
      at = open;
    } else {
      while (at > 0 && at <= text.size() && ascii::is_alnum(text[at - 1])) --at;
    }
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    diags.error(source.locate(at), "malformed JSON: " + what + "; fix the syntax at this position");
    return std::nullopt;
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too large for a double ("1e999"); the message quotes it.
    const std::string what = e.what();
    const auto quote = what.find('\'');
    const std::string number =
        quote == std::string::npos ? "" : what.substr(quote + 1, what.rfind('\'') - quote - 1);
    const auto at = number.empty() ? std::string::npos : source.text().find(number);
    diags.error(source.locate(at == std::string::npos ? 0 : at),
                "number " + number + " is out of range; write a smaller number or a string");
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  OffsetScanner(source, doc.offsets_, diags).scan();
  if (diags.error_count() > errors_before) return std::nullopt;
  doc.source_ = std::move(source);
  return doc;
}

std::optional<JsonDocument> JsonDocument::load(const std::string& path, Diagnostics& diags) {
  auto source = read_source(path, diags);
  if (!source) return std::nullopt;
  return parse(std::move(*source), diags);
}

Location JsonDocument::locate(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    if (auto it = offsets_.find(p); it != offsets_.end()) return source_.locate(it->second);
    if (p.empty()) return {source_.path(), 1, 1};
    p.erase(p.rfind('/'));
  }
}

Location JsonDocument::locate_in_string(std::string_view pointer, std::size_t offset) const {
  auto it = offsets_.find(std::string(pointer));
  if (it == offsets_.end()) return locate(pointer);
  const std::string_view token = std::string_view(source_.text()).substr(it->second);
  if (token.empty() || token.front() != '"') return source_.locate(it->second);
  return source_.locate(it->second + json_source_offset(token, offset));
}

}  // namespace versa
