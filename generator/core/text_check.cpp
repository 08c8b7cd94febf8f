#include "core/text_check.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace versa {

namespace {

// Control characters have no Unicode name; these are their aliases.
constexpr std::array<const char*, 32> kC0Names = {
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "FILE SEPARATOR",
    "GROUP SEPARATOR",
    "RECORD SEPARATOR",
    "UNIT SEPARATOR",
};

constexpr std::array<const char*, 32> kC1Names = {
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
};

constexpr char32_t kPdf = 0x202C;
constexpr char32_t kPdi = 0x2069;

bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

bool is_noncharacter(char32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool opens_embedding(char32_t c) {
  return (c >= 0x202A && c <= 0x202B) || (c >= 0x202D && c <= 0x202E);
}

bool opens_isolate(char32_t c) {
  return c >= 0x2066 && c <= 0x2068;
}

// The mark a writer most likely wanted instead of an embedding or isolate.
std::string mark_for(char32_t opener) {
  const bool rtl = opener == 0x202B || opener == 0x202E || opener == 0x2067;
  return rtl ? "U+200F RIGHT-TO-LEFT MARK" : "U+200E LEFT-TO-RIGHT MARK";
}

struct Open {
  char32_t c;
  std::size_t offset;
};

}  // namespace

std::string describe_code_point(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  std::string out = hex;
  if (c < 0x20) return out + ' ' + kC0Names[c];
  if (c == 0x7F) return out + " DELETE";
  if (c >= 0x80 && c <= 0x9F) return out + ' ' + kC1Names[c - 0x80];
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n =
      u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_SUCCESS(status) && n > 0) out.append(" ").append(name, static_cast<std::size_t>(n));
  return out;
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b = static_cast<unsigned char>(text[i]);
  const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += len;
  return c;
}

std::vector<TextProblem> find_unsafe_text(std::string_view text) {
  std::vector<TextProblem> problems;
  std::vector<Open> open;  // embeddings and isolates not closed yet, innermost last
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    // Printable ASCII is nearly all of the text: skip it without decoding.
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (is_control(c)) {
      problems.push_back({at, describe_code_point(c) +
                                  " is a control character, which a page cannot show; remove it"});
    } else if (is_noncharacter(c)) {
      problems.push_back(
          {at, describe_code_point(c) + " is a noncharacter, which a page cannot show; remove it"});
    } else if (opens_embedding(c) || opens_isolate(c)) {
      open.push_back({c, at});
    } else if (c == kPdf) {
      if (!open.empty() && opens_embedding(open.back().c)) {
        open.pop_back();
      } else if (open.empty()) {
        problems.push_back({at, describe_code_point(c) +
                                    " closes nothing: no embedding or override is open here; "
                                    "remove it"});
      } else {
        problems.push_back({at, describe_code_point(c) + " would close " +
                                    describe_code_point(open.back().c) + ", which needs " +
                                    describe_code_point(kPdi) +
                                    "; close them in the order they were opened"});
      }
    } else if (c == kPdi) {
      std::size_t isolate = open.size();
      while (isolate > 0 && !opens_isolate(open[isolate - 1].c)) --isolate;
      if (isolate == 0) {
        problems.push_back(
            {at, describe_code_point(c) + " closes nothing: no isolate is open here; remove it"});
      } else {
        if (isolate < open.size()) {
          problems.push_back(
              {at, describe_code_point(c) + " comes before " + describe_code_point(open.back().c) +
                       " is closed; close that first with " + describe_code_point(kPdf)});
        }
        // As in the bidi algorithm, a PDI also ends the embeddings inside its isolate.
        open.resize(isolate - 1);
      }
    }
  }
  for (const Open& o : open) {
    const char32_t closer = opens_isolate(o.c) ? kPdi : kPdf;
    problems.push_back({o.offset, describe_code_point(o.c) + " is never closed; close it with " +
                                      describe_code_point(closer) +
                                      " before the end of the text, or remove it (to mark "
                                      "direction use " +
                                      mark_for(o.c) + ")"});
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const TextProblem& a, const TextProblem& b) { return a.offset < b.offset; });
  return problems;
}

std::size_t json_source_offset(std::string_view token, std::size_t decoded_offset) {
  std::size_t src = 1;  // past the opening quote
  std::size_t decoded = 0;
  const auto hex4 = [&](std::size_t at) {
    char32_t v = 0;
    for (std::size_t k = at; k < at + 4 && k < token.size(); ++k) {
      const char h = token[k];
      v = v * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return v;
  };
  while (decoded < decoded_offset && src < token.size() && token[src] != '"') {
    if (token[src] != '\\') {
      ++src;
      ++decoded;
    } else if (src + 1 < token.size() && token[src + 1] == 'u') {
      const char32_t unit = hex4(src + 2);
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        src += 12;  // a surrogate pair: \uD83D\uDE00, four bytes decoded
        decoded += 4;
      } else {
        src += 6;
        decoded += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
      }
    } else {
      src += 2;
      ++decoded;
    }
  }
  return src;
}

}  // namespace versa
