// A ruleset's table printed back as a table: the committee reads the per-year
// requirements as they are in the seed, from the ruleset itself.
#pragma once

#include <string>

#include "interpreter/compile/plan.hpp"

namespace kijun::cli {

enum class TableFormat { text, csv, markdown, json };

std::string render_table(const Program& p, const TablePlan& t, TableFormat format);

}  // namespace kijun::cli
