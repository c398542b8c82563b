// How FactsReader reports: field errors collected with their JSON path,
// malformed JSON as one error at "$", and the applicant named at the end
// (its id may come after the fields that were wrong).
#include "interpreter/facts/facts_messages.hpp"
#include "interpreter/facts/facts_reader_impl.hpp"

namespace kijun::facts {

using detail::quote;

void FactsReader::Impl::error(std::string message, std::string hint) {
  if (++error_count > max_errors) return;
  Diagnostic d;
  d.location = *location;
  d.json_path = render_path();
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags->push_back(std::move(d));
}

bool FactsReader::Impl::fail(simdjson::error_code e, const char* at) {
  if (!doc_valid && !at) {
    // simdjson's first pass gives no position; find it in the text.
    std::size_t off = detail::locate_input_error({input, length}, e);
    if (off != std::string_view::npos) at = input + off;
  }
  if (!at && doc_valid) at = current_token();
  const bool in_text = at && at >= input && at < input + length;
  // simdjson calls a bad true/false/null INCORRECT_TYPE: name the literal.
  if (e == simdjson::INCORRECT_TYPE && in_text)
    e = *at == 't' ? simdjson::T_ATOM_ERROR : *at == 'f' ? simdjson::F_ATOM_ERROR
                   : *at == 'n' ? simdjson::N_ATOM_ERROR : e;
  // The end of the input is where this one is: no position to show.
  if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) at = input + length;
  std::string reason = detail::json_error_words(e);
  if (e == simdjson::TAPE_ERROR && in_text && *at >= 0x21 && *at <= 0x7E)
    reason += std::string(" (found '") + *at + "')";
  // Where the file's own mark is dropped (the very start of a file), any
  // other is an error: typically files joined with cat.
  if (in_text && static_cast<std::size_t>(input + length - at) >= 3 && std::memcmp(at, "\xEF\xBB\xBF", 3) == 0)
    reason = "a byte-order mark (U+FEFF), which is allowed only at the very start of a file";
  return fail(std::move(reason), at);
}

bool FactsReader::Impl::fail(std::string reason, const char* at) {
  if (!failed) {
    failed = true;
    fail_reason = std::move(reason);
    if (!at && doc_valid) at = current_token();
    if (at && at >= input && at <= input + length)
      fail_offset = static_cast<std::size_t>(at - input);
  }
  return false;
}

const char* FactsReader::Impl::current_token() {
  // After an error simdjson points at the offending token.
  const char* loc = nullptr;
  return doc.current_location().get(loc) == simdjson::SUCCESS ? loc : nullptr;
}

std::string FactsReader::Impl::render_path() const {
  std::string out = "$";
  for (const auto& s : path) {
    if (s.is_index) {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    } else if (s.name) {
      out += '.';
      out += *s.name;
    }
  }
  return out;
}

void FactsReader::Impl::finish() {
  if (failed) {
    // Field errors found before the JSON broke are dropped: the text has to
    // be fixed first, and what follows the break was never checked.
    diags->erase(diags->begin() + static_cast<std::ptrdiff_t>(first_diag), diags->end());
    Diagnostic d;
    d.location = *location;
    d.json_path = "$";
    d.message = "malformed JSON: " + fail_reason;
    if (fail_offset < length) {
      const std::string_view text(input, length);
      d.message = "malformed JSON at " + detail::position_words(text, fail_offset) + ": " + fail_reason;
      // Which byte, for the one error a person cannot see in an editor.
      if (fail_reason == detail::json_error_words(simdjson::UTF8_ERROR)) {
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto b = static_cast<unsigned char>(text[fail_offset]);
        d.message += std::string(" (byte 0x") + hex[b >> 4] + hex[b & 15] + ")";
      }
    }
    diags->push_back(std::move(d));
  } else if (error_count > max_errors) {
    Diagnostic d;
    d.severity = Severity::note;
    d.location = *location;
    d.message = std::to_string(error_count - max_errors) + " more errors in this applicant not shown";
    diags->push_back(std::move(d));
  }
  if (!id.empty()) {
    std::string subject = "applicant " + quote(id, '\'');
    for (std::size_t i = first_diag; i < diags->size(); ++i) (*diags)[i].subject = subject;
  }
}

}  // namespace kijun::facts
