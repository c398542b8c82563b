// The formatter's insides, shared by format_expr.cpp (expressions),
// format_decl.cpp (declarations) and format_comments.cpp (comments and the
// final text). Not included outside interpreter/format/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/format/format.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::format::detail {

// One output line. Declarations are printed to lines first, comments are
// placed afterwards (format_comments.cpp) by the source range of each line:
// a comment goes with the line whose tokens precede it in the source.
struct Line {
  std::size_t indent = 0;
  std::string text;  // without the indentation; empty for a blank line
  bool blank = false;
  // The source range of some of the tokens on the line (keywords have no
  // span in the AST, so it can be a part of the line); `b` is strictly
  // increasing over the lines that have a range.
  bool has_range = false;
  std::uint32_t b = 0;
  std::uint32_t e = 0;
  bool item_start = false;  // the first line of a declaration or of a block item
  bool top = false;         // the first line of a top-level declaration
  std::size_t comment_indent = 0;  // for comments placed before this line
};
using Lines = std::vector<Line>;

inline Line code(std::size_t indent, std::string text, std::uint32_t b, std::uint32_t e) {
  Line l;
  l.indent = l.comment_indent = indent;
  l.text = std::move(text);
  l.has_range = true;
  l.b = b;
  l.e = e < b ? b : e;
  return l;
}

inline std::size_t width(std::string_view s) { return display_width(s); }
inline bool fits(std::size_t indent, std::string_view s) { return indent + width(s) <= max_width; }

// ------------------------------------------------------------- expressions
// Precedence levels, loosest first (grammar/README.md).
enum Prec : int { p_where = 1, p_or, p_and, p_not, p_compare, p_range, p_add, p_mul, p_neg, p_as, p_postfix, p_primary };

// `e` on one line with the fewest parentheses: it is parenthesized when its
// level is looser than `need`, and an `if` or `case` (which extend as far
// right as they can) also when `tail` is false, i.e. something follows it.
std::string flat(const ast::Expr& e, int need = 0, bool tail = true);
std::string quote(std::string_view s);  // a plain string literal, re-escaped
std::string text(const ast::Text& t);   // "日本語" en "English"

// `prefix` + e + `suffix` at `indent`: one line when it fits, else broken
// at the expression's loosest level (if/then/else, case arms, or an `or`/
// `and` chain aligned under the expression's start). `b0` is where the
// first line's tokens start in the source.
void expr_lines(Lines& out, std::size_t indent, const std::string& prefix, const ast::Expr& e,
                const std::string& suffix, std::uint32_t b0);
// `prefix` + text: `"ja" en "en"` on one line when it fits, else `en` on the next.
void text_lines(Lines& out, std::size_t indent, const std::string& prefix, const ast::Text& t);
// `let x = e` / `report x = e` / `require …: e`: the head, and the
// expression on the same line when it fits, else on the next lines at +2.
void assign_lines(Lines& out, std::size_t indent, const std::string& head, const ast::Expr& e, std::uint32_t b0);

// ------------------------------------------------------------ declarations
// A block's item, or a top-level declaration, as lines.
struct Item {
  int group;  // consecutive items of the same group are not separated by a blank line
  Lines lines;
};
// Items in order, a blank line between groups; marks the items' first lines.
void join(Lines& out, std::vector<Item>& items, bool top);

// Items collected from the AST's separate vectors (fields, checks, variants…),
// put back in source order.
struct Ordered {
  std::vector<std::pair<std::uint32_t, Item>> items;
  Lines& add(std::uint32_t at, int group) {
    items.push_back({at, {group, {}}});
    return items.back().second.lines;
  }
  std::vector<Item> sorted();
};

class DeclPrinter {
 public:
  explicit DeclPrinter(const SourceFile& file) : text_(file.text()) {}
  Lines ruleset(const ast::Ruleset& rs);

 private:
  // `kw name "label" cites "…" {`, broken before `cites` when too long.
  void head(Lines& out, std::size_t indent, std::string head, const std::optional<std::string>& cites, Span decl,
            std::uint32_t name_end);
  void close(Lines& out, std::size_t indent, Span decl);
  // `items` inside the block opened by head(), then the '}'; `{ }` when empty.
  void body(Lines& out, std::size_t indent, Ordered& items, Span decl);
  std::uint32_t find(std::string_view token, std::uint32_t from, std::uint32_t to) const;

  Lines header(const ast::Header& h);
  Lines decl(const ast::Decl& d, std::size_t indent);
  void field(Lines& out, std::size_t indent, const ast::FieldDecl& f);
  void invalid(Lines& out, std::size_t indent, const ast::InvalidWhen& w);
  void fields_block(Lines& out, std::size_t indent, const std::vector<ast::FieldDecl>& fs,
                    const std::vector<ast::InvalidWhen>& checks, const std::vector<ast::VariantDecl>* variants,
                    Span decl);
  void variant(Lines& out, std::size_t indent, const ast::VariantDecl& v);
  void enumeration(Lines& out, std::size_t indent, const ast::EnumDecl& d);
  void table(Lines& out, std::size_t indent, const ast::TableDecl& d);
  void counts(Lines& out, std::size_t indent, const ast::CountsWhen& c);
  void part(Lines& out, std::size_t indent, const ast::PartDecl& d);
  void category(Lines& out, std::size_t indent, const ast::CategoryDecl& d);
  void exemption(Lines& out, std::size_t indent, const ast::ExemptionDecl& d);
  void standard(Lines& out, std::size_t indent, const ast::StandardDecl& d);
  void outcome(Lines& out, std::size_t indent, const ast::OutcomeDecl& d);

  std::string_view text_;
};

// ---------------------------------------------------------------- comments
// Places every comment of `rs` among `lines` and renders the final text.
std::string render(const Lines& lines, const ast::Ruleset& rs, const SourceFile& file);

// The next token of kijun source at or after `at`, which is between two
// tokens (white space and comments are skipped): [begin, end). A string,
// interpolations and all, is one token; at the end, {size, size}.
std::pair<std::uint32_t, std::uint32_t> next_token(std::string_view text, std::uint32_t at);

}  // namespace kijun::format::detail
