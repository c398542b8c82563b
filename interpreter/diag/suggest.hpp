// "did you mean 'common'?": the closest known name to a mistyped one, used by
// the checker and the draft merger alike.
#pragma once

#include <string>
#include <vector>

namespace kijun {

// Edits between two names, a swap of neighbours counting as one edit
// (optimal string alignment): "titel" is one edit from "title".
std::size_t edit_distance(const std::string& a, const std::string& b);

// "did you mean 'X'?" for the candidate within about a third of the name's
// length in edits, or "" when none is that close.
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace kijun
