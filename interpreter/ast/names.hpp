// The kind and name a top-level declaration is known by: shared by the draft
// merger and the semantic diff, which both pair declarations by them.
#pragma once

#include <string>
#include <utility>

#include "interpreter/ast/ast.hpp"

namespace kijun::ast {

// ("let", &name) …; ("", nullptr) for declarations without a name (facts, convert).
inline std::pair<std::string, const Ident*> kind_and_name(const Decl& d) {
  return std::visit(
      [](const auto& x) -> std::pair<std::string, const Ident*> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, LetDecl>) return {"let", &x.name};
        else if constexpr (std::is_same_v<T, TableDecl>) return {"table", &x.name};
        else if constexpr (std::is_same_v<T, CategoryDecl>) return {"category", &x.name};
        else if constexpr (std::is_same_v<T, ExemptionDecl>) return {"exemption", &x.name};
        else if constexpr (std::is_same_v<T, StandardDecl>) return {"standard", &x.name};
        else if constexpr (std::is_same_v<T, OutcomeDecl>) return {"outcome", &x.name};
        else if constexpr (std::is_same_v<T, ReportDecl>) return {"report", &x.name};
        else if constexpr (std::is_same_v<T, UnitDecl>) return {"unit", &x.name};
        else if constexpr (std::is_same_v<T, EnumDecl>) return {"enum", &x.name};
        else if constexpr (std::is_same_v<T, RecordDecl>) return {"record", &x.name};
        else return {"", nullptr};
      },
      d);
}

// The key of a standard's item: a bound by its category, `total`, and a
// requirement, let or report by its name.
inline std::string item_key(const StandardItem& item) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, BoundDecl>) return x.category.text;
        else if constexpr (std::is_same_v<T, TotalDecl>) return "total";
        else return x.name.text;
      },
      item);
}

}  // namespace kijun::ast
