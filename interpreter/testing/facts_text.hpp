// An example's facts as the JSON text the facts reader takes: `* N`
// expanded, `with { … }` merged, and the example's name as the id when the
// facts name none.
#pragma once

#include <string>

#include "interpreter/testing/test_file.hpp"

namespace kijun::ruletest {

// Writes `j` as JSON, each `* N` element N times. False when the text would
// pass `limit` bytes.
bool write_json(const Json& j, std::string& out, std::size_t limit);

// `base` with the members of `with` replacing those of the same name (the
// others appended), as `applicant A with { … }` means.
Json merge(const Json& base, const Json& with);

// Adds "id": NAME in front when the object has no "id" member.
void default_id(Json& object, const std::string& name);

// The same for JSON text read from a file: inserts "id" after the opening
// brace when the text is an object without one; leaves anything else (even
// broken JSON, which the facts reader then reports) as it is.
void default_id(std::string& text, const std::string& name);

}  // namespace kijun::ruletest
