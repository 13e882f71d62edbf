# lcov_parts.awk — line, branch and function coverage per part of the system
# under test, from `llvm-cov export -format=lcov` (scripts/source_coverage.sh).
#
# Interface: awk -v root=DIR [-v dirs="DIR..."] -f lcov_parts.awk LCOV. root
# is the source tree's absolute path; a relative file name in the lcov (such
# as build/coverage/../../managers/x.cpp) is taken from root, and every name
# is resolved lexically. dirs are absolute folders of out-of-tree managers
# (space-separated), each a part of its own. Prints, per part,
# "PART lines H/F P% branches H/F P% functions H/F P%", then one line
# "unreached FILE:FIRST-LAST" per range of consecutive lines no run reached
# (FILE relative to root, or absolute outside it).
#
# Invariants: the parts are kernel/core (files under kernel/core/), managers/
# (files under managers/) and each of dirs (a file under one of dirs is in
# that part only), the same code the campaign's own measure counts:
# seeded-bug variants (*seeded_bugs.cpp: they run only with --bug), format
# checkers (*_check.cpp, *_checks.cpp, format_check.h) and the fuzzers'
# resealing tools (*_reseal.cpp) are left out, as is every other file. A line
# reached in any record of a file is reached.

function resolved(path,    n, parts, out, depth, i) {
  if (substr(path, 1, 1) != "/") path = root "/" path
  n = split(path, parts, "/")
  depth = 0
  for (i = 1; i <= n; ++i) {
    if (parts[i] == "" || parts[i] == ".") continue
    if (parts[i] == "..") { if (depth > 0) --depth; continue }
    out[++depth] = parts[i]
  }
  path = ""
  for (i = 1; i <= depth; ++i) path = path "/" out[i]
  return path
}

function shown(absolute) {
  return index(absolute, root "/") == 1 ? substr(absolute, length(root) + 2) : absolute
}

function part_of(absolute, file,    i) {
  if (file ~ /(seeded_bugs|_checks?|_reseal)\.cpp$/ || file ~ /(^|\/)format_check\.h$/) return ""
  for (i = 1; i <= dir_count; ++i)
    if (index(absolute, dir_list[i] "/") == 1) return dir_list[i]
  if (file ~ /^kernel\/core\//) return "kernel/core"
  if (file ~ /^managers\//) return "managers/"
  return ""
}

BEGIN {
  sub(/\/+$/, "", root)
  part_count = split("kernel/core managers/", part_list, " ")
  dir_count = split(dirs, dir_list, " ")
  for (i = 1; i <= dir_count; ++i) { sub(/\/+$/, "", dir_list[i]); part_list[++part_count] = dir_list[i] }
}

function pct(hit, found) { return found == 0 ? "-" : sprintf("%.2f%%", 100 * hit / found) }

/^SF:/ { absolute = resolved(substr($0, 4)); file = shown(absolute); part = part_of(absolute, file); next }
part == "" { next }
/^DA:/ {
  split(substr($0, 4), f, ",")
  key = file SUBSEP (f[1] + 0)
  if (!(key in line_hit)) { line_hit[key] = 0; ++lines[part] }
  if (f[2] > 0 && line_hit[key] == 0) { line_hit[key] = 1; ++lines_hit[part] }
  next
}
/^BRF:/ { branches[part] += substr($0, 5); next }
/^BRH:/ { branches_hit[part] += substr($0, 5); next }
/^FNF:/ { functions[part] += substr($0, 5); next }
/^FNH:/ { functions_hit[part] += substr($0, 5); next }

END {
  for (i = 1; i <= part_count; ++i) {
    p = part_list[i]
    printf "%s lines %d/%d %s branches %d/%d %s functions %d/%d %s\n", p,
           lines_hit[p], lines[p], pct(lines_hit[p], lines[p]),
           branches_hit[p], branches[p], pct(branches_hit[p], branches[p]),
           functions_hit[p], functions[p], pct(functions_hit[p], functions[p])
  }
  for (key in line_hit) {
    if (line_hit[key]) continue
    split(key, k, SUBSEP)
    missed[k[1], k[2]] = 1
    missed_files[k[1]] = 1
  }
  count = 0
  for (fname in missed_files) sorted[++count] = fname
  for (i = 2; i <= count; ++i)
    for (j = i; j > 1 && sorted[j - 1] > sorted[j]; --j) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
  for (i = 1; i <= count; ++i) print_ranges(sorted[i])
}

function print_ranges(fname,    line, first, last, top) {
  top = 0
  for (key in missed) { split(key, k, SUBSEP); if (k[1] == fname && k[2] + 0 > top) top = k[2] + 0 }
  first = 0
  for (line = 1; line <= top + 1; ++line) {
    if ((fname, line) in missed) { if (!first) first = line; last = line; continue }
    if (first) printf "unreached %s:%s\n", fname, (first == last ? first : first "-" last)
    first = 0
  }
}
