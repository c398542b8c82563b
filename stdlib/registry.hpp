// The standard library: one table of builtins, used by the checker (to type
// a call) and by the evaluator (to run it), and rendered into docs/stdlib.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/check/types.hpp"
#include "interpreter/compile/nodes.hpp"

namespace kijun::stdlib {

// Names a type for messages, with its unit ("a number of minutes"): the
// checker's, which knows the ruleset's units.
using Namer = std::function<std::string(const check::Type&)>;

// Types a call: returns the result type, or nullopt with `error` set to a
// message such as "floor() expects a number, got a date".
using CheckFn = std::optional<check::Type> (*)(const std::vector<check::Type>& args, std::string& error,
                                               const Namer& describe);

struct Builtin {
  const char* name;
  int min_args;
  int max_args;
  CheckFn check;
  plan::BuiltinFn fn;
  const char* signature;  // for docs and messages: "floor(number) -> number"
  const char* doc;
};

const Builtin* find(std::string_view name);
const std::vector<Builtin>& all();

// Families, each in its own file.
void register_lists(std::vector<Builtin>& out);
void register_numbers(std::vector<Builtin>& out);
void register_dates(std::vector<Builtin>& out);
void register_text(std::vector<Builtin>& out);

// Shared by the families: "a number", "a list of units", …
std::string describe(const check::Type& t);

}  // namespace kijun::stdlib
