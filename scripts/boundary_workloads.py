#!/usr/bin/env python3
"""boundary_workloads.py — writes the boundary workloads of corpus/workloads/
(docs/managers.md "Boundaries a corpus must reach"): long runs, full
partitions, the largest container ids and page numbers, deep hierarchies,
many loci, a multi-block journal directory, a journal transaction larger
than its log, and reads of pages never written and of containers lost in a
crash, for shadow and journal.

Usage: scripts/boundary_workloads.py [OUT_DIR]   (default corpus/workloads)
The files are generated so that their sizes follow kernel/core/limits.h and
the managers' formats; tests/coverage/boundary_test.cpp checks that each
does what its description says.
"""
import json
import os
import sys

MAX_CONTAINERS = 32        # kernel/core/limits.h kMaxContainers
MAX_PAGE = (1 << 20) - 1   # kMaxPageNumber - 1
MAX_LOCI = 16              # kMaxLoci
MIN_PARTITION = 64         # injector/workload/workload.h kMinPartitionBlocks
ENTRIES_PER_BLOCK = 169    # shadow kEntriesPerMapBlock, journal kEntriesPerDirBlock
MAX_PAGES = 200            # kMaxWorkloadPages


def workload(name, description, managers, steps, seed=7):
    return {"format": "stablecut-workload", "version": 2, "name": name, "description": description,
            "seed": seed, "managers": managers, "steps": steps}


def run(*loci):
    return {"run": list(loci)}


def locus(name, home, ops):
    return {"locus": name, "home": home, "ops": ops}


CRASH = {"crash": {}}


def create(c, m):
    return {"op": "create", "container": c, "manager": m}


def write(c, page, value):
    return {"op": "write", "container": c, "page": page, "value": value}


def read(c, page):
    return {"op": "read", "container": c, "page": page}


def stabilise(m):
    return {"op": "stabilise", "manager": m}


def long_run(program, prefix):
    """208 stabilisations in 4 runs separated by 3 crashes, on the smallest
    partition: a block leaked per stabilisation runs out of space within the
    first run; the journal's log wraps around many times."""
    steps, value = [], 1
    for r in range(4):
        ops = [create("d", "A")] if r == 0 else [read("d", p) for p in range(4)]
        for i in range(52):
            ops += [write("d", (r * 52 + i) % 6, value), stabilise("A")]
            value += 1
        ops.append(write("d", 7, value))  # volatile at the crash: must be lost
        steps.append(run(locus("w", "A", ops)))
        if r < 3:
            steps.append(CRASH)
    desc = (f"Long run: 208 successful stabilisations of one {program} manager on the smallest partition "
            f"({MIN_PARTITION} blocks), in 4 runs separated by 3 crash-recover cycles, each run reading back "
            "what the last stabilised; leaks and drifting in-memory state run out of space"
            + (", and the redo log wraps around many times." if program == "journal" else "."))
    return workload(f"{prefix}long_run", desc, [{"name": "A", "program": program, "partition_blocks": MIN_PARTITION}],
                    steps)


def full_partition(program, prefix):
    """Fills the smallest partition until a stabilisation is refused with
    no_space, then crashes: recovery must give the last stable state, and
    the manager must keep working on what fits."""
    ops = [create("d", "A"), write("d", 0, 1), stabilise("A")]
    for p in range(1, 62):
        ops.append(write("d", p, 100 + p))
    ops.append(stabilise("A"))  # more pages than free blocks: no_space
    ops.append(read("d", 0))
    steps = [run(locus("w", "A", ops)), CRASH,
             run(locus("w2", "A", [read("d", 0), read("d", 1), write("d", 0, 2), stabilise("A")])), CRASH]
    desc = (f"Full partition: 62 pages on the smallest {program} partition ({MIN_PARTITION} blocks); the second "
            "stabilisation is refused with no_space, the crash after it recovers the first, and a small "
            "stabilisation afterwards succeeds.")
    return workload(f"{prefix}full_partition", desc,
                    [{"name": "A", "program": program, "partition_blocks": MIN_PARTITION, "may_fill_partition": True}],
                    steps)


def limits(program, prefix):
    """The largest container id and page number the kernel allows."""
    n = MAX_CONTAINERS - 1  # the home container of A is id 0
    ops = [create(f"c{i}", "A") for i in range(n)]
    ops += [write(f"c{i}", MAX_PAGE - i, 1000 + i) for i in range(n)]
    ops += [write(f"c{n - 1}", 0, 7), stabilise("A")]
    ops2 = [read(f"c{n - 1}", MAX_PAGE - (n - 1)), read("c0", MAX_PAGE), write(f"c{n - 1}", MAX_PAGE, 9),
            stabilise("A")]
    desc = (f"Limits: {MAX_CONTAINERS} containers (ids up to {MAX_CONTAINERS - 1}, the kernel's table full) on "
            f"one {program} manager, each written at a page near the largest page number ({MAX_PAGE}); "
            "stabilised, crashed, read back and stabilised again.")
    return workload(f"{prefix}limits", desc, [{"name": "A", "program": program, "partition_blocks": 256}],
                    [run(locus("w", "A", ops)), CRASH, run(locus("w2", "A", ops2)), CRASH])


def deep_hierarchy(program, prefix):
    """A chain of managed managers below the self-managing one."""
    managers = [{"name": "A", "program": program, "partition_blocks": 256},
                {"name": "M1", "program": "ordinary", "managed_by": "A"},
                {"name": "M2", "program": "ordinary", "managed_by": "M1"},
                {"name": "M3", "program": "ordinary", "managed_by": "M2"}]
    ops = [create("x1", "M1"), create("x2", "M2"), create("x3", "M3")]
    ops += [write(c, p, 10 * i + p) for i, c in enumerate(["x1", "x2", "x3"]) for p in range(3)]
    ops += [stabilise("A"), write("x3", 0, 99), write("x2", 5, 98)]
    ops2 = [read("x3", 0), read("x3", 2), read("x2", 1), write("x3", 4, 77), stabilise("A")]
    desc = (f"Deep hierarchy: {program} manager A manages M1, which manages M2, which manages M3 (depth 3 of "
            "managed managers); containers at every level are written, stabilised through A, crashed and "
            "read back.")
    return workload(f"{prefix}deep_hierarchy", desc, managers,
                    [run(locus("w", "A", ops)), CRASH, run(locus("w2", "A", ops2)), CRASH])


def many_loci(program, prefix):
    """Every locus slot of the kernel busy in one step."""
    loci = [locus("s", "A", [create(f"c{i}", "A") for i in range(MAX_LOCI - 1)])]
    step2 = [locus(f"l{i}", "A", [write(f"c{i}", 0, i + 1), write(f"c{i}", 1, i + 100),
                                  read(f"c{(i + 1) % (MAX_LOCI - 1)}", 0), stabilise("A")])
             for i in range(MAX_LOCI - 1)]
    step2.append(locus("st", "A", [stabilise("A"), stabilise("A")]))
    desc = (f"Many loci: {MAX_LOCI} loci run at once (the kernel's limit), {MAX_LOCI - 1} writing their own "
            f"{program} containers and stabilising, while one more stabilises twice; crashed and read back.")
    return workload(f"{prefix}many_loci", desc, [{"name": "A", "program": program, "partition_blocks": 256}],
                    [run(*loci), run(*step2), CRASH,
                     run(locus("r", "A", [read(f"c{i}", 1) for i in range(MAX_LOCI - 1)] + [stabilise("A")])),
                     CRASH])


def many_pages(program, prefix, structure):
    """More page entries than one map (shadow) or directory (journal) block holds."""
    ops = [create("p", "A"), create("q", "A")]
    ops += [write("p" if i % 2 else "q", i, i + 1) for i in range(MAX_PAGES)]
    ops += [stabilise("A")] + [write("p", 1, 5000 + i) for i in range(3)] + [stabilise("A")]
    desc = (f"Many pages: {MAX_PAGES} pages (the workload limit) on one {program} manager, more than one "
            f"{structure} block holds ({ENTRIES_PER_BLOCK}), stabilised, overwritten, stabilised, crashed and "
            "read back.")
    return workload(f"{prefix}many_pages", desc, [{"name": "A", "program": program, "partition_blocks": 1024}],
                    [run(locus("w", "A", ops)), CRASH,
                     run(locus("r", "A", [read("p", 1), read("q", 0), read("q", MAX_PAGES - 2)])), CRASH])


def fresh_and_vanished(program, prefix):
    """Pages never written read as zeros through each manager's page fault
    (before and after recovery); a container created after the last
    stabilisation is gone after the crash (not_found) and can be created
    again; creating a container that survived is refused with exists."""
    managers = [{"name": "A", "program": program, "partition_blocks": MIN_PARTITION},
                {"name": "M", "program": "ordinary", "managed_by": "A"}]
    ops = [create("a", "A"), create("m", "M"), read("a", 3), read("m", 2), write("a", 0, 1), write("m", 0, 2),
           stabilise("A"), create("v", "A"), write("v", 0, 3), read("v", 4)]
    ops2 = [read("a", 0), read("a", 5), read("m", 0), read("m", 7), read("v", 0), create("a", "A"),
            create("v", "A"), read("v", 1), write("v", 2, 4), stabilise("A")]
    ops3 = [read("v", 2), read("v", 0), read("m", 9)]
    desc = (f"Fresh and vanished: a {program} manager A and an ordinary manager M below it serve reads of pages "
            "never written as zeros, before and after recovery; container v, created after the last "
            "stabilisation, is gone after the crash (read: not_found), is created again and stabilised; "
            "creating container a again after the crash is refused (exists).")
    return workload(f"{prefix}fresh_and_vanished", desc, managers,
                    [run(locus("w", "A", ops)), CRASH, run(locus("w2", "A", ops2)), CRASH, run(locus("r", "A", ops3))])


def journal_log_full():
    """A transaction of 30 pages on the smallest journal partition: every
    page has a home slot (30 slots), but the redo log (31 blocks) cannot hold
    30 page records plus header, directory, catalog and commit, so the
    stabilisation is refused with no_space while the log is being written."""
    ops = [create("d", "A"), write("d", 0, 1), stabilise("A")]
    ops += [write("d", p, 200 + p) for p in range(30)]
    ops += [stabilise("A"), read("d", 0)]
    steps = [run(locus("w", "A", ops)), CRASH,
             run(locus("w2", "A", [read("d", 0), read("d", 29), write("d", 1, 2), stabilise("A")])), CRASH]
    desc = (f"Log full: 30 pages on the smallest journal partition ({MIN_PARTITION} blocks: 30 home slots, a "
            "31-block redo log); the second stabilisation fits the home slots but not the log and is refused "
            "with no_space, the crash after it recovers the first, and a small stabilisation afterwards "
            "succeeds.")
    return workload("journal_log_full", desc,
                    [{"name": "A", "program": "journal", "partition_blocks": MIN_PARTITION,
                      "may_fill_partition": True}],
                    steps)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "corpus/workloads"
    made = [many_pages("journal", "journal_", "directory"), many_pages("shadow", "shadow_", "map"),
            many_loci("shadow", ""), journal_log_full()]
    for program, prefix in (("shadow", "shadow_"), ("journal", "journal_")):
        made += [long_run(program, prefix), full_partition(program, prefix), limits(program, prefix),
                 deep_hierarchy(program, prefix), fresh_and_vanished(program, prefix)]
    for w in made:
        with open(os.path.join(out, w["name"] + ".json"), "w") as f:
            json.dump(w, f, indent=1)
            f.write("\n")
        print(w["name"])


if __name__ == "__main__":
    main()
