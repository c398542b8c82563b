// Expressions for the formatter: on one line with the fewest parentheses the
// precedence table allows (grammar/README.md), and the few ways a clause too
// long for a line is broken.
#include <type_traits>

#include "interpreter/format/format_impl.hpp"

namespace kijun::format::detail {
namespace {

int level(ast::BinaryOp op) {
  using O = ast::BinaryOp;
  switch (op) {
    case O::or_: return p_or;
    case O::and_: return p_and;
    case O::range: return p_range;
    case O::add:
    case O::sub: return p_add;
    case O::mul:
    case O::div: return p_mul;
    default: return p_compare;
  }
}

const char* spelling(ast::BinaryOp op) {
  static const char* names[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", ".."};
  return names[static_cast<int>(op)];
}

int level(const ast::Expr& e) {
  if (const auto* b = std::get_if<ast::Binary>(&e.kind)) return level(b->op);
  if (const auto* u = std::get_if<ast::Unary>(&e.kind)) return u->op == ast::UnaryOp::neg ? p_neg : p_not;
  if (std::holds_alternative<ast::Where>(e.kind)) return p_where;
  if (std::holds_alternative<ast::As>(e.kind)) return p_as;
  if (std::holds_alternative<ast::Member>(e.kind)) return p_postfix;
  return p_primary;
}

// `if` and `case` end with an expression that takes everything to its right.
bool greedy(const ast::Expr& e) {
  return std::holds_alternative<ast::If>(e.kind) || std::holds_alternative<ast::Case>(e.kind);
}

std::string join(const std::vector<ast::ExprPtr>& es) {
  std::string out;
  for (const auto& e : es) out += (out.empty() ? "" : ", ") + flat(*e);
  return out;
}

void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      default: out += c;
    }
  }
}

// The text of `e` without parentheses around it; `tail`: nothing follows.
std::string bare(const ast::Expr& e, bool tail) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::NumberLit>) {
          return x.unit ? x.text + " " + x.unit->text : x.text;
        } else if constexpr (std::is_same_v<T, ast::DateLit>) {
          return x.text;
        } else if constexpr (std::is_same_v<T, ast::BoolLit>) {
          return x.value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, ast::StringLit>) {
          std::string out = "\"";
          for (const auto& part : x.parts) {
            if (const auto* s = std::get_if<std::string>(&part)) escape_into(out, *s);
            else out += "{" + flat(*std::get<ast::ExprPtr>(part)) + "}";
          }
          return out + "\"";
        } else if constexpr (std::is_same_v<T, ast::NameRef>) {
          return x.name;
        } else if constexpr (std::is_same_v<T, ast::ItRef>) {
          return "it";
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          return flat(*x.object, p_postfix, false) + "." + x.name.text;
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          return x.callee.text + "(" + join(x.args) + ")";
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          if (x.op == ast::UnaryOp::not_) return "not " + flat(*x.operand, p_not, tail);
          std::string operand = flat(*x.operand, p_neg, tail);
          return operand.starts_with('-') ? "- " + operand : "-" + operand;  // `- -x`, not `--x`
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          const int l = level(x.op);
          // and, or, + - * / are left-associative; comparisons and '..' are not.
          const bool left_assoc = l == p_or || l == p_and || l == p_add || l == p_mul;
          const int lhs = l == p_compare ? p_range : l == p_range ? p_add : l;
          const int rhs = left_assoc ? l + 1 : lhs;
          return flat(*x.lhs, lhs, false) + " " + spelling(x.op) + " " + flat(*x.rhs, rhs, tail);
        } else if constexpr (std::is_same_v<T, ast::As>) {
          return flat(*x.operand, p_as, false) + " as " + x.unit.text;
        } else if constexpr (std::is_same_v<T, ast::Where>) {
          return flat(*x.list, p_or, false) + " where " + flat(*x.predicate, p_or, tail);
        } else if constexpr (std::is_same_v<T, ast::If>) {
          // The condition and the branch before `else` end at a keyword.
          return "if " + flat(*x.cond) + " then " + flat(*x.then_branch) + " else " + flat(*x.else_branch, 0, tail);
        } else if constexpr (std::is_same_v<T, ast::Case>) {
          std::string out = "case " + flat(*x.subject);
          for (const auto& arm : x.arms) out += " when " + join(arm.values) + " then " + flat(*arm.result);
          return out + " else " + flat(*x.else_branch, 0, tail);
        } else if constexpr (std::is_same_v<T, ast::SetLit>) {
          return "{" + join(x.items) + "}";
        } else if constexpr (std::is_same_v<T, ast::ListLit>) {
          return "[" + join(x.items) + "]";
        } else {
          static_assert(std::is_same_v<T, ast::RecordLit>);
          std::string out;
          for (const auto& [name, value] : x.fields) out += (out.empty() ? "" : ", ") + name.text + ": " + flat(*value);
          return "{" + out + "}";
        }
      },
      e.kind);
}

// The operands of a left-deep chain of one operator: a or b or c.
void chain(const ast::Expr& e, ast::BinaryOp op, std::vector<const ast::Expr*>& out) {
  const auto* b = std::get_if<ast::Binary>(&e.kind);
  if (b && b->op == op) {
    chain(*b->lhs, op, out);
    out.push_back(b->rhs.get());
  } else {
    out.push_back(&e);
  }
}

}  // namespace

std::string flat(const ast::Expr& e, int need, bool tail) {
  if (level(e) < need || (greedy(e) && !tail)) return "(" + bare(e, true) + ")";
  return bare(e, tail);
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  escape_into(out, s);
  return out + "\"";
}

std::string text(const ast::Text& t) { return flat(*t.ja) + (t.en ? " en " + flat(*t.en) : ""); }

void expr_lines(Lines& out, std::size_t indent, const std::string& prefix, const ast::Expr& e,
                const std::string& suffix, std::uint32_t b0) {
  const std::string one = prefix + flat(e) + suffix;
  if (fits(indent, one)) {
    out.push_back(code(indent, one, b0, e.span.end));
    return;
  }
  if (const auto* x = std::get_if<ast::If>(&e.kind)) {
    // `then` and `else` under the `if` when it starts the line, else indented.
    const std::size_t inner = prefix.empty() ? indent : indent + 2;
    out.push_back(code(indent, prefix + "if " + flat(*x->cond), b0, x->cond->span.end));
    out.push_back(code(inner, "then " + flat(*x->then_branch), x->then_branch->span.begin, x->then_branch->span.end));
    out.push_back(code(inner, "else " + flat(*x->else_branch) + suffix, x->else_branch->span.begin,
                       x->else_branch->span.end));
    return;
  }
  if (const auto* x = std::get_if<ast::Case>(&e.kind)) {
    out.push_back(code(indent, prefix + "case " + flat(*x->subject), b0, x->subject->span.end));
    for (const auto& arm : x->arms)
      out.push_back(code(indent + 2, "when " + join(arm.values) + " then " + flat(*arm.result),
                         arm.values.front()->span.begin, arm.result->span.end));
    out.push_back(code(indent + 2, "else " + flat(*x->else_branch) + suffix, x->else_branch->span.begin,
                       x->else_branch->span.end));
    return;
  }
  // An `or` chain (else an `and` chain), one operand a line, the operators
  // aligned under the first operand; a `where` whose predicate is a chain
  // keeps the list on the first line.
  const ast::Expr* body = &e;
  std::string lead = prefix;
  if (const auto* w = std::get_if<ast::Where>(&e.kind)) {
    body = w->predicate.get();
    lead = prefix + flat(*w->list, p_or, false) + " where ";
  }
  const auto* b = std::get_if<ast::Binary>(&body->kind);
  if (b && (b->op == ast::BinaryOp::or_ || b->op == ast::BinaryOp::and_)) {
    std::vector<const ast::Expr*> operands;
    chain(*body, b->op, operands);
    const int l = level(b->op);
    const std::size_t column = indent + width(lead);
    for (std::size_t i = 0; i < operands.size(); ++i) {
      const bool last = i + 1 == operands.size();
      const auto& o = *operands[i];
      std::string t = flat(o, i == 0 ? l : l + 1, last) + (last ? suffix : "");
      if (i == 0) out.push_back(code(indent, lead + t, b0, o.span.end));
      else out.push_back(code(column, spelling(b->op) + (" " + t), o.span.begin, o.span.end));
    }
    return;
  }
  out.push_back(code(indent, one, b0, e.span.end));  // nowhere to break: a long line
}

void text_lines(Lines& out, std::size_t indent, const std::string& prefix, const ast::Text& t) {
  const std::string one = prefix + text(t);
  if (!t.en || fits(indent, one)) {
    out.push_back(code(indent, one, t.ja->span.begin, t.span.end));
    return;
  }
  out.push_back(code(indent, prefix + flat(*t.ja), t.ja->span.begin, t.ja->span.end));
  out.push_back(code(indent + 2, "en " + flat(*t.en), t.en->span.begin, t.en->span.end));
}

void assign_lines(Lines& out, std::size_t indent, const std::string& head, const ast::Expr& e, std::uint32_t b0) {
  const std::string one = head + " " + flat(e);
  if (fits(indent, one)) {
    out.push_back(code(indent, one, b0, e.span.end));
    return;
  }
  out.push_back(code(indent, head, b0, b0));
  expr_lines(out, indent + 2, "", e, "", e.span.begin);
}

}  // namespace kijun::format::detail
