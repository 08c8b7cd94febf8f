// Template parser: a tokenizer that honours set-delimiter tags, a pass that
// applies the spec's standalone-line rules, and a tree builder.
#include <algorithm>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "mustache/template.hpp"

namespace versa::mustache {
namespace {

struct Delimiters {
  std::string open = "{{";
  std::string close = "}}";
};

struct Token {
  char kind = 't';  // 't' text, 'v' escaped, '&' raw, or the sigil: # ^ / ! > < $ =
  std::string name;
  std::size_t begin = 0;  // byte range in the source, shrunk by standalone cuts
  std::size_t end = 0;
  std::size_t tag_begin = 0;  // for diagnostics
  Delimiters delims;          // in force after this token
  std::string indent;         // standalone whitespace before the tag
  bool standalone = false;
};

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

class Parser {
 public:
  // A block's content is parsed from a dedented copy: `parent` parsed the
  // text it came from, `base` is where it starts there, and `shifts` says
  // how many bytes dedenting removed before each of its lines.
  using Shifts = std::vector<std::pair<std::size_t, std::size_t>>;
  Parser(const SourceText& source, std::string_view text, const Parser* parent, std::size_t base,
         Shifts shifts, Delimiters delims, int depth, Diagnostics& diags)
      : source_(source),
        text_(text),
        parent_(parent),
        base_(base),
        shifts_(std::move(shifts)),
        start_delims_(std::move(delims)),
        start_depth_(depth),
        diags_(diags) {}

  std::optional<std::vector<Node>> run() {
    if (!tokenize() || !pair_sections()) return std::nullopt;
    apply_standalone_rules();
    std::size_t i = 0;
    auto nodes = build(i, start_depth_);
    if (failed_) return std::nullopt;
    return nodes;
  }

 private:
  // The offset in the template file of `offset` in text_.
  [[nodiscard]] std::size_t source_offset(std::size_t offset) const {
    const auto line = std::upper_bound(shifts_.begin(), shifts_.end(), offset,
                                       [](std::size_t o, const auto& s) { return o < s.first; });
    const std::size_t in_parent =
        base_ + offset + (line == shifts_.begin() ? 0 : std::prev(line)->second);
    return parent_ != nullptr ? parent_->source_offset(in_parent) : in_parent;
  }

  void error(std::size_t offset, std::string message) {
    diags_.error(source_.locate(source_offset(offset)), std::move(message));
    failed_ = true;
  }

  bool tokenize() {
    Delimiters d = start_delims_;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const std::size_t open = text_.find(d.open, pos);
      if (open == std::string_view::npos) break;
      if (open > pos) tokens_.push_back({'t', {}, pos, open, pos, d, {}, false});
      Token tok;
      tok.tag_begin = open;
      std::size_t p = open + d.open.size();
      std::string_view close = d.close;
      std::string triple_close;
      if (p < text_.size() && text_[p] == '{') {
        tok.kind = '&';
        ++p;
        triple_close = "}" + d.close;
        close = triple_close;
      } else {
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        if (p < text_.size() &&
            std::string_view("#^/!><$=&").find(text_[p]) != std::string_view::npos) {
          tok.kind = text_[p++];
        } else {
          tok.kind = 'v';
        }
      }
      std::string eq_close;
      if (tok.kind == '=') {
        eq_close = "=" + d.close;
        close = eq_close;
      }
      const std::size_t stop = text_.find(close, p);
      if (stop == std::string_view::npos) {
        error(open,
              "tag '" + d.open + "' is never closed; add '" + std::string(close) + "' to end it");
        return false;
      }
      const std::string_view content = trim(text_.substr(p, stop - p));
      tok.begin = open;
      tok.end = stop + close.size();
      if (tok.kind == '=') {
        const auto space = content.find_first_of(" \t");
        const std::string_view a =
            space == std::string_view::npos ? content : content.substr(0, space);
        const std::string_view b =
            space == std::string_view::npos ? std::string_view{} : trim(content.substr(space));
        if (a.empty() || b.empty() || b.find_first_of(" \t=") != std::string_view::npos ||
            a.find('=') != std::string_view::npos) {
          error(open,
                "set-delimiter tag needs two delimiters without '=' or spaces, as in "
                "{{=<% %>=}}");
          return false;
        }
        d.open = a;
        d.close = b;
      } else if (tok.kind != '!') {
        if (content.empty()) {
          error(open, "empty tag: write a name between the delimiters, such as {{title}}");
          return false;
        }
        if (content.find_first_of(" \t\n") != std::string_view::npos) {
          error(open, "tag name '" + std::string(content) +
                          "' contains spaces; use a single name or dotted path");
          return false;
        }
        tok.name = content;
      }
      tok.delims = d;
      tokens_.push_back(std::move(tok));
      pos = tokens_.back().end;
    }
    if (pos < text_.size()) tokens_.push_back({'t', {}, pos, text_.size(), pos, d, {}, false});
    return true;
  }

  std::string_view body(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

  // True when only whitespace stands between the start of the line and token i.
  bool clear_before(std::size_t i) const {
    if (i == 0) return true;
    const Token& prev = tokens_[i - 1];
    if (prev.kind != 't') return false;
    const std::string_view t = body(prev);
    const auto nl = t.rfind('\n');
    if (nl == std::string_view::npos) return i - 1 == 0 && is_blank(t);
    return is_blank(t.substr(nl + 1));
  }

  // True when only whitespace stands between token j and the end of the line.
  bool clear_after(std::size_t j) const {
    if (j + 1 >= tokens_.size()) return true;
    const Token& next = tokens_[j + 1];
    if (next.kind != 't') return false;
    const std::string_view t = body(next);
    const auto nl = t.find('\n');
    if (nl == std::string_view::npos) return j + 2 == tokens_.size() && is_blank(t);
    return is_blank(t.substr(0, nl));
  }

  static bool can_stand_alone(char kind) {
    return std::string_view("#^/!><$=").find(kind) != std::string_view::npos;
  }

  struct Cut {
    std::size_t index;
    bool before;   // cut the whitespace that precedes the tag on its line
    bool newline;  // cut the rest of the line after the tag, newline included
  };

  // The spec's standalone rule: a line holding only one such tag (or one of the
  // pairs that inheritance allows) and whitespace disappears from the output.
  void apply_standalone_rules() {
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // first, last tag index
    std::vector<bool> keep_newline;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const char k = tokens_[i].kind;
      if (k == 't' || !can_stand_alone(k)) continue;
      if (i + 1 < tokens_.size()) {
        const Token& n = tokens_[i + 1];
        const bool pair = (k == '<' && n.kind == '$') || (k == '/' && n.kind == '/') ||
                          ((k == '$' || k == '<') && n.kind == '/' && n.name == tokens_[i].name);
        if (pair && clear_before(i) && clear_after(i + 1)) {
          lines.emplace_back(i, i + 1);
          keep_newline.push_back(k == '$' && n.kind == '/');
          ++i;
          continue;
        }
      }
      if (clear_before(i) && clear_after(i)) {
        lines.emplace_back(i, i);
        keep_newline.push_back(false);
      }
    }
    // Cut after deciding, so each decision saw the original text.
    for (std::size_t n = 0; n < lines.size(); ++n) {
      auto [first, last] = lines[n];
      std::string indent;
      if (first > 0) {
        Token& prev = tokens_[first - 1];
        const std::string_view t = body(prev);
        const auto nl = t.rfind('\n');
        const std::size_t keep = nl == std::string_view::npos ? 0 : nl + 1;
        indent = std::string(t.substr(keep));
        prev.end = prev.begin + keep;
      }
      for (std::size_t i = first; i <= last; ++i) {
        tokens_[i].standalone = true;
        tokens_[i].indent = indent;
      }
      if (!keep_newline[n] && last + 1 < tokens_.size()) {
        Token& next = tokens_[last + 1];
        const std::string_view t = body(next);
        const auto nl = t.find('\n');
        next.begin += nl == std::string_view::npos ? t.size() : nl + 1;
      }
    }
  }

  static std::vector<std::string> split_path(const std::string& name) {
    std::vector<std::string> parts;
    if (name == ".") return parts;
    std::size_t start = 0;
    while (true) {
      const auto dot = name.find('.', start);
      parts.push_back(name.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return parts;
  }

  Node make_node(NodeKind kind, const Token& t) {
    Node n;
    n.kind = kind;
    n.text = t.name;
    n.path = split_path(t.name);
    const Location at = locate(t.tag_begin);
    n.line = at.line;
    n.col = at.col;
    return n;
  }

  // Removes the common leading whitespace of the non-blank lines, as a block's
  // content is re-indented where it expands. Returns the removed prefix.
  static std::string dedent(std::string& text, std::string& removed_on_first_line, Shifts& shifts) {
    std::optional<std::string> common;
    std::size_t start = 0;
    while (start <= text.size()) {
      auto nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      const std::string_view line(text.data() + start, nl - start);
      if (!is_blank(line)) {
        const auto ws = line.find_first_not_of(" \t");
        const std::string lead(line.substr(0, ws));
        if (!common) {
          common = lead;
        } else {
          std::size_t k = 0;
          while (k < common->size() && k < lead.size() && (*common)[k] == lead[k]) ++k;
          common->resize(k);
        }
      }
      start = nl + 1;
    }
    const std::string prefix = common.value_or("");
    std::string out;
    start = 0;
    bool first = true;
    std::size_t removed = 0;
    while (start <= text.size()) {
      auto nl = text.find('\n', start);
      const bool last = nl == std::string::npos;
      if (last) nl = text.size();
      std::string_view line(text.data() + start, nl - start);
      if (is_blank(line)) {
        if (first) removed_on_first_line = std::string(line);
        removed += line.size();
        line = {};
      } else {
        if (first) removed_on_first_line = prefix;
        line.remove_prefix(prefix.size());
        removed += prefix.size();
      }
      shifts.emplace_back(out.size(), removed);
      out += line;
      if (!last) out += '\n';
      first = false;
      start = nl + 1;
    }
    text = std::move(out);
    return prefix;
  }

  // Tags come in order, so each location is found from the previous one: a
  // template on one very long line stays linear.
  Location locate(std::size_t offset) {
    const std::size_t at = source_offset(offset);
    if (at < last_offset_) {
      last_offset_ = 0;
      last_ = {};
    }
    const std::string_view text = source_.text();
    const std::size_t nl = text.substr(last_offset_, at - last_offset_).rfind('\n');
    if (last_.line == 0 || nl != std::string_view::npos) {
      last_ = source_.locate(at);
    } else {
      for (std::size_t k = last_offset_; k < at; ++k) {
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++last_.col;
      }
    }
    last_offset_ = at;
    return last_;
  }

  static bool opens_section(char kind) {
    return kind == '#' || kind == '^' || kind == '<' || kind == '$';
  }

  // The tag as written, delimiters included.
  std::string tag_text(const Token& t) const { return std::string(body(t)); }

  // "section 'a'", "block 'a'", ...: what the author wrote, in their words.
  std::string describe_open(const Token& t) const {
    switch (t.kind) {
      case '^':
        return "inverted section '" + t.name + "'";
      case '$':
        return "block '" + t.name + "'";
      case '<':
        return "'" + tag_text(t) + "'";
      default:
        return "section '" + t.name + "'";
    }
  }

  std::string close_tag_for(const Token& open) const {
    return open.delims.open + "/" + open.name + open.delims.close;
  }

  [[nodiscard]] int line_of(const Token& t) const {
    return source_.locate(source_offset(t.tag_begin)).line;
  }

  // True when tokens_[from...] close exactly the sections of `open`, with no
  // stray or mismatched close tag: used to tell which reading of a bad close
  // tag leaves the rest of the file consistent.
  bool closes_cleanly(std::vector<std::size_t> open, std::size_t from) const {
    for (std::size_t i = from; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (opens_section(t.kind)) {
        open.push_back(i);
      } else if (t.kind == '/') {
        if (open.empty() || tokens_[open.back()].name != t.name) return false;
        open.pop_back();
      }
    }
    return open.empty();
  }

  // Pairs every opening tag with its closing tag by name before anything is
  // built, so that a section left open is reported at the tag that opened it
  // (and only it), not at whichever later close tag happens to be out of
  // step. Fills partner_; false after reporting the cause.
  bool pair_sections() {
    partner_.assign(tokens_.size(), tokens_.size());
    std::vector<std::size_t> open;  // indices of the opening tags not yet closed
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (opens_section(t.kind)) {
        open.push_back(i);
        continue;
      }
      if (t.kind != '/') continue;
      if (!open.empty() && tokens_[open.back()].name == t.name) {
        partner_[open.back()] = i;
        open.pop_back();
        continue;
      }
      // Closes a section opened further out: the ones opened inside it
      // were left open. Each is a cause; what follows them is not.
      const auto outer = std::find_if(open.rbegin(), open.rend(),
                                      [&](std::size_t k) { return tokens_[k].name == t.name; });
      if (outer != open.rend()) {
        report_left_open(std::span(outer.base(), open.end()),
                         " before " + tag_text(t) + " at line " + std::to_string(line_of(t)));
        return false;
      }
      // Closes nothing that is open: a stray close if the rest of the file
      // is consistent without it, else the innermost section's close
      // mistyped.
      if (open.empty() || closes_cleanly(open, i + 1)) {
        error(t.tag_begin, "'" + t.name +
                               "' closes a section that was never opened; "
                               "remove it or add the matching opening tag");
        return false;
      }
      const Token& o = tokens_[open.back()];
      error(o.tag_begin, describe_open(o) + " is closed by " + tag_text(t) + " at line " +
                             std::to_string(line_of(t)) + ", which does not match; write " +
                             close_tag_for(o) + " there");
      return false;
    }
    report_left_open(open, " after its content");
    return open.empty();
  }

  // Reports the sections of `left_open` (opening tag indices, outermost
  // first), each needing its close tag added `where`. A hostile file can leave
  // millions open: past a few, one count stands for the rest.
  void report_left_open(std::span<const std::size_t> left_open, const std::string& where) {
    constexpr std::size_t kMaxReported = 10;
    for (std::size_t n = 0; n < left_open.size() && n < kMaxReported; ++n) {
      const Token& o = tokens_[left_open[n]];
      std::string message = describe_open(o) + " is never closed; add " + close_tag_for(o) + where;
      if (n + 1 == kMaxReported && left_open.size() > kMaxReported) {
        message += " (and " + std::to_string(left_open.size() - kMaxReported) +
                   " more sections opened after it are never closed)";
      }
      error(o.tag_begin, std::move(message));
    }
  }

  // Builds nodes from tokens_[i...] until the close tag of the section they
  // are in (or the end). `depth` counts the sections around them.
  std::vector<Node> build(std::size_t& i, int depth) {
    std::vector<Node> nodes;
    while (i < tokens_.size()) {
      const Token& t = tokens_[i++];
      switch (t.kind) {
        case 't':
          if (t.end > t.begin) {
            Node n;
            n.text = std::string(body(t));
            nodes.push_back(std::move(n));
          }
          break;
        case 'v':
          nodes.push_back(make_node(NodeKind::escaped, t));
          break;
        case '&':
          nodes.push_back(make_node(NodeKind::raw, t));
          break;
        case '!':
        case '=':
          break;
        case '>': {
          Node n = make_node(NodeKind::partial, t);
          n.indent = t.indent;
          nodes.push_back(std::move(n));
          break;
        }
        case '#':
        case '^':
        case '<':
        case '$': {
          const std::size_t open_index = i - 1;
          if (depth >= kMaxSectionNesting) {
            error(t.tag_begin, "sections nest more than " + std::to_string(kMaxSectionNesting) +
                                   " levels deep; move the inner part into a partial");
            return nodes;
          }
          Node n = make_node(t.kind == '#'   ? NodeKind::section
                             : t.kind == '^' ? NodeKind::inverted
                             : t.kind == '<' ? NodeKind::parent
                                             : NodeKind::block,
                             t);
          if (t.kind == '$' && t.standalone) {
            // Parsed once, from its dedented text: building the children here
            // as well would make nested blocks cost 2^depth.
            const std::size_t close = partner_[open_index];
            reparse_block(n, open_index, close, depth + 1);
            i = close + 1;
          } else {
            n.children = build(i, depth + 1);
          }
          if (failed_) return nodes;
          if (t.kind == '<') {
            n.indent = t.indent;
            // Only blocks count inside a parent tag; other content is ignored.
            std::erase_if(n.children, [](const Node& c) { return c.kind != NodeKind::block; });
          }
          nodes.push_back(std::move(n));
          break;
        }
        case '/':
          // pair_sections() made sure it closes the innermost open section.
          return nodes;
      }
    }
    return nodes;
  }

  // A standalone block's content is dedented and parsed again, so it can be
  // re-indented wherever the block expands (spec: "Block reindentation").
  void reparse_block(Node& n, std::size_t open_index, std::size_t close_index, int depth) {
    const Token& open = tokens_[open_index];
    n.standalone = true;
    n.before = open.indent;
    std::string content;
    std::size_t content_begin = open.end;
    if (close_index > open_index + 1) {
      content_begin = tokens_[open_index + 1].begin;
      content =
          std::string(text_.substr(content_begin, tokens_[close_index - 1].end - content_begin));
    }
    std::string first_line_indent;
    Shifts shifts;
    dedent(content, first_line_indent, shifts);
    n.indent = first_line_indent;
    Parser sub(source_, content, this, content_begin, std::move(shifts), open.delims, depth,
               diags_);
    auto nodes = sub.run();
    if (!nodes) {
      failed_ = true;
      return;
    }
    n.children = std::move(*nodes);
  }

  const SourceText& source_;
  std::string_view text_;
  const Parser* parent_;
  std::size_t base_;
  Shifts shifts_;
  Delimiters start_delims_;
  int start_depth_;
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  std::vector<std::size_t> partner_;  // opening tag index -> its closing tag's
  bool failed_ = false;
  std::size_t last_offset_ = 0;  // for locate()
  Location last_;
};

}  // namespace

std::unique_ptr<Template> parse_template(std::string name, const SourceText& source,
                                         Diagnostics& diags) {
  if (!check_utf8(source, diags)) return nullptr;
  Parser parser(source, source.text(), nullptr, 0, {}, Delimiters{}, 0, diags);
  auto nodes = parser.run();
  if (!nodes) return nullptr;
  auto t = std::make_unique<Template>();
  t->name = std::move(name);
  t->path = source.path();
  t->nodes = std::move(*nodes);
  return t;
}

}  // namespace versa::mustache
