// A PEGTL-free door to PEGTL's grammar analysis, for the tests.
#pragma once

namespace kijun::grammar {

// True when tao::pegtl::analyze finds no problem (e.g. a loop that can match
// nothing, or left recursion) in the ruleset and expression grammars.
bool grammar_is_sound();

}  // namespace kijun::grammar
