// stats_format.cpp — StatsTable as aligned text, CSV or JSON.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "stats.h"

namespace sc::results {

namespace {

std::string cell_text(const StatsCell& cell) {
  if (const auto* n = std::get_if<std::int64_t>(&cell)) return std::to_string(*n);
  return std::get<std::string>(cell);
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::vector<std::size_t> column_widths(const StatsTable& t) {
  std::vector<std::size_t> widths;
  for (const auto& c : t.columns) widths.push_back(c.size());
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], cell_text(row[i]).size());
  }
  return widths;
}

}  // namespace

std::optional<StatsFormat> parse_stats_format(std::string_view s) {
  if (s == "table") return StatsFormat::table;
  if (s == "csv") return StatsFormat::csv;
  if (s == "json") return StatsFormat::json;
  return std::nullopt;
}

std::string format_stats(const StatsTable& t, StatsFormat format) {
  switch (format) {
    case StatsFormat::table:
      return format_table(t);
    case StatsFormat::csv:
      return format_csv(t);
    case StatsFormat::json:
      return format_json(t);
  }
  return format_table(t);
}

std::string format_table(const StatsTable& t) {
  const auto widths = column_widths(t);
  std::vector<bool> numeric(widths.size(), false);
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size() && i < numeric.size(); ++i)
      numeric[i] = numeric[i] || std::holds_alternative<std::int64_t>(row[i]);
  }
  std::string out;
  auto line = [&](auto cell_at) {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string text = cell_at(i);
      out += numeric[i] ? fmt::format("{:>{}}", text, widths[i]) : fmt::format("{:<{}}", text, widths[i]);
      out += i + 1 == widths.size() ? "\n" : "  ";
    }
  };
  line([&](std::size_t i) { return t.columns[i]; });
  line([&](std::size_t i) { return std::string(widths[i], '-'); });
  for (const auto& row : t.rows) line([&](std::size_t i) { return cell_text(row[i]); });
  return out;
}

std::string format_csv(const StatsTable& t) {
  std::vector<std::string> fields;
  for (const auto& c : t.columns) fields.push_back(csv_field(c));
  std::string out = fmt::format("{}\n", fmt::join(fields, ","));
  for (const auto& row : t.rows) {
    fields.clear();
    for (const auto& cell : row) fields.push_back(csv_field(cell_text(cell)));
    out += fmt::format("{}\n", fmt::join(fields, ","));
  }
  return out;
}

std::string format_json(const StatsTable& t) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i)
      std::visit([&](const auto& v) { object[t.columns[i]] = v; }, row[i]);
    rows.push_back(std::move(object));
  }
  return rows.dump(2) + "\n";
}

}  // namespace sc::results
