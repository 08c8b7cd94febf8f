#include "core/json_document.hpp"

#include <cctype>
#include <unordered_set>

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
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string string_token() {
    std::string s;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        const char e = text_[pos_ + 1];
        s += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // keys with other escapes are rare
        pos_ += 2;
      } else {
        s += text_[pos_++];
      }
    }
    ++pos_;  // closing quote
    return s;
  }

  void value(const std::string& pointer) {
    if (depth_ > 4096 || pos_ >= text_.size()) return;
    out_[pointer] = pos_;
    const char c = text_[pos_];
    if (c == '{') {
      ++depth_;
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
      --depth_;
    } else if (c == '[') {
      ++depth_;
      ++pos_;
      skip_ws();
      for (std::size_t i = 0; pos_ < text_.size() && text_[pos_] != ']'; ++i) {
        value(pointer_join(pointer, std::to_string(i)));
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skip_ws();
      }
      ++pos_;
      --depth_;
    } else if (c == '"') {
      string_token();
    } else {
      while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
             text_[pos_] != ',' && text_[pos_] != ']' && text_[pos_] != '}') {
        ++pos_;
      }
    }
  }

  const SourceText& source_;
  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& out_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<JsonDocument> JsonDocument::parse(SourceText source, Diagnostics& diags) {
  if (!check_utf8(source, diags)) return std::nullopt;
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
      while (at > 0 && at <= text.size() && std::isalnum(static_cast<unsigned char>(text[at - 1])))
        --at;
    }
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    diags.error(source.locate(at), "malformed JSON: " + what + "; fix the syntax at this position");
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
  return source_.locate(it->second + 1 + offset);
}

}  // namespace versa
