// The checking driver: the order of the passes, diagnostics, and the cell
// graph (with its cycle check).
#include <algorithm>

#include "interpreter/check/checker_impl.hpp"
#include "interpreter/diag/suggest.hpp"

namespace kijun::check {

CheckResult check(const ast::Ruleset& ruleset, const SourceMap& sources) {
  return Checker(ruleset, sources).run();
}

Checker::Checker(const ast::Ruleset& rs, const SourceMap& sources)
    : rs_(rs), sources_(sources), prog_(std::make_unique<Program>()) {}

CheckResult Checker::run() {
  prog_->name = rs_.header.name.text;
  prog_->label = rs_.header.label.value_or("");
  prog_->version = rs_.header.version.value_or("");
  prog_->source = rs_.header.source.value_or("");
  prog_->units.push_back({"", "", ""});  // unit 0: a plain number
  conversions_.emplace_back();

  declare_units();   // units and conversions
  declare_types();   // enum and record names
  build_records();   // facts and record fields -> schema
  declare_tables();
  declare_rules();   // lets, categories, exemptions, standards: names and cells

  check_record_checks();
  for (std::uint32_t i = 0; i < lets_.size(); ++i)
    if (lets_[i].standard < 0 && lets_[i].state == CheckState::pending) {
      bool used = lets_[i].used;  // checking a let is not using it
      let_ref(lets_[i], lets_[i].decl->span);
      lets_[i].used = used;
    }
  for (std::uint32_t c = 0; c < categories_.size(); ++c) ensure_category(c);
  check_exemptions();
  check_standards();
  check_outcomes();
  check_reports();
  find_cycles();
  // "Never used" is noise while errors hide the uses.
  if (!has_errors(diags_)) warn_unused();

  // Stable order: by position in the file, errors and warnings together.
  std::stable_sort(diags_.begin(), diags_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return (a.span ? a.span->begin : 0) < (b.span ? b.span->begin : 0);
  });
  CheckResult r;
  if (!has_errors(diags_)) r.program = std::move(prog_);
  r.diagnostics = std::move(diags_);
  return r;
}

void Checker::report(Severity severity, Span at, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = severity;
  d.span = at;
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags_.push_back(std::move(d));
}

void Checker::error(Span at, std::string message, std::string hint) {
  report(Severity::error, at, std::move(message), std::move(hint));
}

void Checker::error_with_note(Span at, std::string message, Span note_at, std::string note) {
  error(at, std::move(message));
  diags_.back().notes.push_back({note_at, std::move(note)});
}

void Checker::warning(Span at, std::string message, std::string hint) {
  report(Severity::warning, at, std::move(message), std::move(hint));
}


std::string Checker::suggest(const std::string& name, const std::vector<std::string>& candidates) {
  return did_you_mean(name, candidates);
}

std::uint32_t Checker::add_cell(CellKind kind, std::uint32_t a, std::uint32_t b, std::string name, Span span) {
  CellPlan c;
  c.kind = kind;
  c.a = a;
  c.b = b;
  c.name = std::move(name);
  c.span = span;
  prog_->cells.push_back(std::move(c));
  deps_.emplace_back();
  return static_cast<std::uint32_t>(prog_->cells.size() - 1);
}

void Checker::depend(std::uint32_t cell) {
  if (current_cell_ != no_cell) deps_[current_cell_].push_back(cell);
}

plan::NodePtr Checker::cell_ref(std::uint32_t cell, Span span) {
  depend(cell);
  auto n = std::make_unique<plan::CellRef>();
  n->cell = cell;
  n->span = span;
  return n;
}

// Depth-first search over the cells; a back edge is a definition that
// (through others) uses itself, which would never finish evaluating.
void Checker::find_cycles() {
  const auto& cells = prog_->cells;
  std::vector<std::uint8_t> color(cells.size(), 0);
  std::vector<std::uint32_t> path;
  std::vector<bool> reported(cells.size(), false);
  struct Walker {
    Checker& ck;
    std::vector<std::uint8_t>& color;
    std::vector<std::uint32_t>& path;
    std::vector<bool>& reported;
    void visit(std::uint32_t c) {
      color[c] = 1;
      path.push_back(c);
      for (auto d : ck.deps_[c]) {
        if (color[d] == 1) {
          auto from = std::find(path.begin(), path.end(), d);
          bool seen = false;
          for (auto it = from; it != path.end(); ++it) seen = seen || reported[*it];
          if (!seen) {
            std::string chain;
            for (auto it = from; it != path.end(); ++it) {
              chain += ck.prog_->cells[*it].name + " → ";
              reported[*it] = true;
            }
            chain += ck.prog_->cells[d].name;
            ck.error(ck.prog_->cells[d].span, "'" + ck.prog_->cells[d].name + "' depends on itself: " + chain,
                     "a definition may not use its own value, directly or through others");
          }
        } else if (color[d] == 0) {
          visit(d);
        }
      }
      path.pop_back();
      color[c] = 2;
    }
  } walker{*this, color, path, reported};
  for (std::uint32_t c = 0; c < cells.size(); ++c)
    if (color[c] == 0) walker.visit(c);
}

}  // namespace kijun::check
