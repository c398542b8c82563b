// The fast path's out-of-line scanning: escapes (rare: titles with quotes)
// and the values of ignored fields, which are checked as the careful path
// checks them so that malformed JSON is never accepted for sitting in a field
// nobody reads.
#include "interpreter/facts/json_scan.hpp"

#include "interpreter/facts/facts_messages.hpp"

namespace kijun::facts::scan {

namespace {

void put_utf8(std::uint32_t c, char*& out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

const char* unescape_one(const char* p, char*& out) {
  char c;
  switch (p[1]) {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u': {
      const int hi = hex4(p + 2);
      if (hi < 0) return nullptr;
      if (hi >= 0xDC00 && hi <= 0xDFFF) return nullptr;  // a low surrogate alone
      if (hi < 0xD800 || hi > 0xDBFF) {
        put_utf8(static_cast<std::uint32_t>(hi), out);
        return p + 6;
      }
      // A high surrogate: the low one must follow at once.
      if (p[6] != '\\' || p[7] != 'u') return nullptr;
      const int lo = hex4(p + 8);
      if (lo < 0xDC00 || lo > 0xDFFF) return nullptr;
      put_utf8(0x10000 + ((static_cast<std::uint32_t>(hi) - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00),
               out);
      return p + 12;
    }
    default:
      return nullptr;
  }
  *out++ = c;
  return p + 2;
}

const char* string_with_escapes(const char* p, const char* stop, char* buffer, std::string_view& text) {
  char* out = buffer;
  for (;;) {
    const auto n = static_cast<std::size_t>(stop - p);
    std::memcpy(out, p, n);
    out += n;
    if (*stop == '"') {
      text = std::string_view(buffer, static_cast<std::size_t>(out - buffer));
      return stop + 1;
    }
    if (*stop != '\\') return nullptr;  // a raw control character, or the end of the text
    p = unescape_one(stop, out);
    if (!p) return nullptr;
    stop = string_stop(p);
  }
}

const char* skip_string(const char* p) {
  for (;;) {
    const char* stop = string_stop(p);
    if (*stop == '"') return stop + 1;
    if (*stop != '\\') return nullptr;
    char sink[4];
    char* out = sink;
    p = unescape_one(stop, out);
    if (!p) return nullptr;
  }
}

const char* skip_value(const char* p, int depth, int max_depth) {
  if (depth >= max_depth) return nullptr;
  switch (*p) {
    case '{': {
      p = skip_blanks(p + 1);
      if (*p == '}') return p + 1;
      for (;;) {
        if (*p != '"') return nullptr;
        const char* stop = string_stop(p + 1);
        if (*stop != '"') return nullptr;  // escapes in the key: the careful path's to unescape
        p = skip_blanks(stop + 1);
        if (*p != ':') return nullptr;
        p = skip_value(skip_blanks(p + 1), depth + 1, max_depth);
        if (!p) return nullptr;
        p = skip_blanks(p);
        if (*p == '}') return p + 1;
        if (*p != ',') return nullptr;
        p = skip_blanks(p + 1);
      }
    }
    case '[': {
      p = skip_blanks(p + 1);
      if (*p == ']') return p + 1;
      for (;;) {
        p = skip_value(p, depth + 1, max_depth);
        if (!p) return nullptr;
        p = skip_blanks(p);
        if (*p == ']') return p + 1;
        if (*p != ',') return nullptr;
        p = skip_blanks(p + 1);
      }
    }
    case '"':
      return skip_string(p + 1);
    case 't':
      return literal(p, "true") ? p + 4 : nullptr;
    case 'f':
      return literal(p, "false") ? p + 5 : nullptr;
    case 'n':
      return literal(p, "null") ? p + 4 : nullptr;
    case '-':
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
      // As the careful path: only the syntax matters in an ignored field
      // (a number too large to hold is fine there).
      const char* end = number_end(p);
      Rational ignored;
      if (detail::parse_json_number({p, static_cast<std::size_t>(end - p)}, ignored) == detail::NumberStatus::syntax)
        return nullptr;
      return end;
    }
    default:
      return nullptr;
  }
}

}  // namespace kijun::facts::scan
