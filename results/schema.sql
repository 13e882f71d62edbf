-- schema.sql — the stablecut results database, as an ordered list of migrations.
--
-- Each section "-- migration N: what" is applied once, in order, in its own
-- transaction that also sets PRAGMA user_version = N. A database's
-- user_version is the last migration applied to it; a build refuses a
-- database whose user_version is newer than its last migration. Never edit a
-- released section: append a new one. (The library embeds this file at build
-- time; see injector/results/schema.cpp.)
--
-- Invariants the library keeps:
--   * a workload row exists only when all its checked crash states are recorded: the
--     row, its outcome counts, states, failure hits and failure upserts are
--     written in one transaction (ResultsDb::record_workload, the commit point);
--   * outcome_count holds the count of EVERY checked crash state, legal or
--     not, aggregated per (workload, phase, kind, outcome): statistics are
--     exact whatever subset of states is kept as crash_state rows;
--   * failure.count = SUM(failure_hit.count) + COUNT(fuzz_finding) for it;
--   * seeds are TEXT '0x' + 16 lower-case hex digits (u64, as printed);
--     times are INTEGER unix seconds (UTC).

-- migration 1: enumerations, campaigns, workloads, outcomes, failures
PRAGMA application_id = 1396921684;  -- 0x53435554, 'SCUT'

CREATE TABLE phase (
  name TEXT PRIMARY KEY,
  ord  INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;
INSERT INTO phase(name, ord) VALUES
  ('RUN', 0), ('REQUEST', 1), ('FREEZE', 2), ('SNAPSHOT', 3),
  ('ROOT_COPY', 4), ('DISCARD', 5), ('RESUME', 6), ('RECOVERY', 7);

CREATE TABLE state_kind (
  name TEXT PRIMARY KEY,
  ord  INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;
INSERT INTO state_kind(name, ord) VALUES ('prefix', 0), ('reorder', 1), ('torn', 2);

CREATE TABLE outcome (
  name  TEXT PRIMARY KEY,
  ord   INTEGER NOT NULL UNIQUE,
  legal INTEGER NOT NULL CHECK (legal IN (0, 1))
) STRICT, WITHOUT ROWID;
INSERT INTO outcome(name, ord, legal) VALUES
  ('ok_current', 0, 1), ('ok_previous', 1, 1), ('lost', 2, 0), ('corrupt', 3, 0),
  ('recovery_failed', 4, 0), ('recovery_crash', 5, 0), ('hang', 6, 0);

-- One campaign (or one shard of one). uuid is its identity across databases:
-- merge skips a campaign's workloads that the output already holds.
CREATE TABLE campaign (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  tier         TEXT NOT NULL CHECK (tier IN ('inproc', 'qemu')),
  manager      TEXT NOT NULL,
  master_seed  TEXT NOT NULL,
  shard_index  INTEGER NOT NULL,
  shard_count  INTEGER NOT NULL CHECK (shard_index >= 0 AND shard_index < shard_count),
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  command_line TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
  version      TEXT NOT NULL
) STRICT;

-- A workload whose crash states are all checked. status is always 'complete':
-- the row is written at the commit point together with everything below it.
CREATE TABLE workload (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaign(id),
  name          TEXT NOT NULL,
  origin        TEXT NOT NULL CHECK (origin IN ('corpus', 'mutation')),
  corpus_path   TEXT,
  parent_name   TEXT,
  mutation_seed TEXT,
  workload_json TEXT NOT NULL,
  seed          TEXT NOT NULL,
  request_count INTEGER NOT NULL CHECK (request_count >= 0),
  record_s      REAL NOT NULL,
  enumerate_s   REAL NOT NULL,
  check_s       REAL NOT NULL,
  recorded_at   INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status = 'complete'),
  CHECK ((origin = 'corpus' AND corpus_path IS NOT NULL) OR
         (origin = 'mutation' AND parent_name IS NOT NULL AND mutation_seed IS NOT NULL)),
  UNIQUE (campaign_id, name)
) STRICT;

-- Every checked crash state, counted; sums of its check time (the workload's
-- check time shared out evenly per state) and fsck violations.
CREATE TABLE outcome_count (
  workload_id     INTEGER NOT NULL REFERENCES workload(id),
  phase           TEXT NOT NULL REFERENCES phase(name),
  kind            TEXT NOT NULL REFERENCES state_kind(name),
  outcome         TEXT NOT NULL REFERENCES outcome(name),
  states          INTEGER NOT NULL CHECK (states > 0),
  check_us        INTEGER NOT NULL CHECK (check_us >= 0),
  fsck_violations INTEGER NOT NULL CHECK (fsck_violations >= 0),
  PRIMARY KEY (workload_id, phase, kind, outcome)
) STRICT, WITHOUT ROWID;

-- Deduplicated failures. source 'crash_state' fills phase/outcome/manager;
-- source 'fuzzer' fills fuzz_*. The reproducer is the one of the earliest sighting.
CREATE TABLE failure (
  id            INTEGER PRIMARY KEY,
  signature     TEXT NOT NULL UNIQUE,
  source        TEXT NOT NULL CHECK (source IN ('crash_state', 'fuzzer')),
  phase         TEXT REFERENCES phase(name),
  outcome       TEXT REFERENCES outcome(name),
  manager       TEXT,
  fuzz_engine   TEXT CHECK (fuzz_engine IN ('libfuzzer', 'aflpp')),
  fuzz_target   TEXT,
  fuzz_input    TEXT,
  first_seen    INTEGER NOT NULL,
  last_seen     INTEGER NOT NULL,
  count         INTEGER NOT NULL CHECK (count >= 0),
  repro_trace   TEXT,
  repro_seed    TEXT,
  repro_command TEXT
) STRICT;

-- How many crash states of one workload hit one failure.
CREATE TABLE failure_hit (
  workload_id INTEGER NOT NULL REFERENCES workload(id),
  failure_id  INTEGER NOT NULL REFERENCES failure(id),
  count       INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (workload_id, failure_id)
) STRICT, WITHOUT ROWID;

-- Individually kept crash states: every illegal one, plus any sampled legal
-- ones (failure_id NULL). state_key is the crash model's name of the state
-- within its cut (which in-flight writes were kept or torn); opaque here.
-- check_us is its workload's check time per state, as in outcome_count.
CREATE TABLE crash_state (
  id              INTEGER PRIMARY KEY,
  workload_id     INTEGER NOT NULL REFERENCES workload(id),
  cut_index       INTEGER NOT NULL CHECK (cut_index >= 0),
  phase           TEXT NOT NULL REFERENCES phase(name),
  kind            TEXT NOT NULL REFERENCES state_kind(name),
  state_key       TEXT NOT NULL,
  outcome         TEXT NOT NULL REFERENCES outcome(name),
  fsck_violations INTEGER NOT NULL CHECK (fsck_violations >= 0),
  check_us        INTEGER NOT NULL CHECK (check_us >= 0),
  failure_id      INTEGER REFERENCES failure(id)
) STRICT;

-- Crashing inputs found by libFuzzer or AFL++; one row per distinct input.
CREATE TABLE fuzz_finding (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER REFERENCES campaign(id),
  engine      TEXT NOT NULL CHECK (engine IN ('libfuzzer', 'aflpp')),
  target      TEXT NOT NULL,
  input_path  TEXT NOT NULL,
  failure_id  INTEGER NOT NULL REFERENCES failure(id),
  first_seen  INTEGER NOT NULL,
  UNIQUE (engine, target, input_path)
) STRICT;

-- migration 2: indexes for statistics, lookups and merge
CREATE INDEX workload_by_day ON workload(recorded_at);
CREATE INDEX outcome_count_by_phase ON outcome_count(phase, kind, outcome, states);
CREATE INDEX crash_state_by_workload ON crash_state(workload_id);
CREATE INDEX crash_state_by_failure ON crash_state(failure_id) WHERE failure_id IS NOT NULL;
CREATE INDEX failure_hit_by_failure ON failure_hit(failure_id);
CREATE INDEX failure_by_count ON failure(count DESC);
CREATE INDEX fuzz_finding_by_failure ON fuzz_finding(failure_id);
CREATE INDEX campaign_by_name ON campaign(name, shard_index, shard_count, started_at);

-- migration 3: stored campaign options and crash-image fingerprints
-- campaign.options: JSON of the options the campaign runs with, keyed by
-- flag name (tier, corpus, seed, modes, bug, workloads, ...), so --resume
-- continues without repeating them; NULL for campaigns begun before.
-- crash_state.image_fingerprint: the crash image's fingerprint (the sum of
-- sector hashes of injector/crash/sector_hash.h, '0x' + 16 hex digits), so
-- replay can rebuild the exact state from the workload and check it; NULL
-- for states kept before.
-- workload.enumerate_s is the time spent enumerating crash states and
-- check_s the rest of the exploration (recover, read back, classify).
ALTER TABLE campaign ADD COLUMN options TEXT CHECK (options IS NULL OR json_valid(options));
ALTER TABLE crash_state ADD COLUMN image_fingerprint TEXT;

-- migration 4: workloads cut short by the campaign's deadline or a stop
-- workload.partial = 1: the campaign's --duration deadline (or SIGINT or
-- SIGTERM) ended the workload's exploration between two crash states; every
-- state it checked is counted in outcome_count, its failures and kept
-- states are recorded as for any workload, but states of its enumeration
-- were left unchecked. status stays 'complete': the row holds everything
-- that was checked. --resume continues after a partial workload (it is
-- recorded), it does not check it again.
ALTER TABLE workload ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));

-- migration 5: mutation testing (stablecut mutate)
-- One row per mutant that one `stablecut mutate` run decided. run numbers the
-- runs of this database (1, 2, ...; one transaction writes a run's rows);
-- started_at is when it began. target is what was mutated: a manager program
-- name, or 'kernel'. A site (kernel/harness/mutant/mutant_plan.h) is
-- manager_id (the workload's manager id; NULL for kernel sites),
-- stabilisation and call_ordinal. verdict: killed (an illegal outcome),
-- equivalent (the same set of reachable crash images as the unmutated run)
-- or survived; evidence says which outcome killed it or what was compared;
-- hint (survivors only) what kind of workload or crash mode would reach it.
-- states: crash states checked for it; seconds: its time; seed: the run's
-- --seed (the mutant sample's and the crash states' PRNG).
CREATE TABLE mutant (
  id            INTEGER PRIMARY KEY,
  run           INTEGER NOT NULL,
  started_at    INTEGER NOT NULL,
  target        TEXT NOT NULL,
  operator      TEXT NOT NULL,
  manager_id    INTEGER,
  stabilisation INTEGER NOT NULL,
  call_ordinal  INTEGER NOT NULL,
  workload      TEXT NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('killed', 'survived', 'equivalent')),
  states        INTEGER NOT NULL,
  seconds       REAL NOT NULL,
  seed          TEXT NOT NULL,
  evidence      TEXT NOT NULL,
  hint          TEXT
);
CREATE INDEX mutant_by_run ON mutant(run, target, operator);

-- migration 6: bench detect runs and their per-bug results
-- One detect_run per `stablecut bench detect`; one detect_result per seeded
-- bug it timed (bug NULL: the correct system, no bug), written when that
-- bug's campaigns have ended, each row its own transaction. campaign_id is
-- the campaign that found the first illegal state, else the last one the
-- bug ran in (its workloads, states and failures are there).
-- detected = 1: an illegal crash state was found; seconds and states are
-- then until the first one was judged (states counting it), else the whole
-- campaign. illegal is every illegal state the campaign committed (for the
-- correct system: its false positives). first_case_id is the first illegal
-- crash_state row (its phase, kind and outcome copied here);
-- replay_outcome / replay_legal are the verdict of replaying it on
-- replay_tier, the other tier (NULL: not replayed), replay_agrees whether
-- that verdict equals the first one.
CREATE TABLE detect_run (
  id           INTEGER PRIMARY KEY,
  tier         TEXT NOT NULL CHECK (tier IN ('inproc', 'qemu')),
  budget_s     REAL NOT NULL CHECK (budget_s > 0),
  master_seed  TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  command_line TEXT NOT NULL,
  version      TEXT NOT NULL
) STRICT;

CREATE TABLE detect_result (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES detect_run(id),
  bug            TEXT,
  campaign_id    INTEGER NOT NULL REFERENCES campaign(id),
  detected       INTEGER NOT NULL CHECK (detected IN (0, 1)),
  seconds        REAL NOT NULL CHECK (seconds >= 0),
  states         INTEGER NOT NULL CHECK (states >= 0),
  illegal        INTEGER NOT NULL CHECK (illegal >= 0),
  first_case_id  INTEGER REFERENCES crash_state(id),
  phase          TEXT REFERENCES phase(name),
  kind           TEXT REFERENCES state_kind(name),
  outcome        TEXT REFERENCES outcome(name),
  replay_tier    TEXT CHECK (replay_tier IS NULL OR replay_tier IN ('inproc', 'qemu')),
  replay_outcome TEXT REFERENCES outcome(name),
  replay_legal   INTEGER CHECK (replay_legal IS NULL OR replay_legal IN (0, 1)),
  replay_agrees  INTEGER CHECK (replay_agrees IS NULL OR replay_agrees IN (0, 1)),
  CHECK (detected = (first_case_id IS NOT NULL))
) STRICT;
CREATE INDEX detect_result_by_run ON detect_result(run_id);

-- migration 7: code coverage of campaigns and the generations that steer them
-- coverage_edge: one row per instrumented edge (SanitizerCoverage) of the
-- kernel core and the manager programs, named by its source location
-- (file relative to the tree, line, column, and ordinal among the edges of
-- that location); hit = 1 once any workload of the campaign ran it, and
-- generation is the generation that first ran it (NULL while not hit). A
-- line is reached when any of its edges is hit. Rows only ever gain hits
-- (resume unions). coverage_generation: per finished generation of
-- mutated workloads, the edges it reached that no earlier generation of the
-- campaign had; a generation with new_edges > 0 gives parents to later ones.
CREATE TABLE coverage_edge (
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  file        TEXT NOT NULL,
  line        INTEGER NOT NULL CHECK (line > 0),
  col         INTEGER NOT NULL CHECK (col >= 0),
  ordinal     INTEGER NOT NULL CHECK (ordinal >= 0),
  hit         INTEGER NOT NULL CHECK (hit IN (0, 1)),
  generation  INTEGER CHECK ((hit = 0) = (generation IS NULL)),
  PRIMARY KEY (campaign_id, file, line, col, ordinal)
) STRICT;
CREATE TABLE coverage_generation (
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  generation  INTEGER NOT NULL CHECK (generation >= 0),
  new_edges   INTEGER NOT NULL CHECK (new_edges >= 0),
  PRIMARY KEY (campaign_id, generation)
) STRICT;

-- migration 8: storage fault classes beyond clean power cuts, and the outcome detected
-- Each fault mode is a crash-state kind of its own (injector/vocab/crash_mode.h);
-- detected is a clean, reported refusal, legal only under a fault that
-- destroys durable data (injector/vocab/outcome.h).
INSERT INTO state_kind(name, ord) VALUES
  ('lying-flush', 3), ('misdirected', 4), ('lost-write', 5), ('bit-rot', 6),
  ('read-error', 7), ('io-error', 8), ('sub-sector-tear', 9);
INSERT INTO outcome(name, ord, legal) VALUES ('detected', 7, 1);

-- migration 9: a detect run's identity across databases
-- uuid (random, RFC 4122 version 4) tells apart detect runs begun alike (the
-- same flags in the same second on two machines); merge matches runs by it.
-- Runs recorded before have none and are matched by how they began.
ALTER TABLE detect_run ADD COLUMN uuid TEXT;
CREATE UNIQUE INDEX detect_run_by_uuid ON detect_run(uuid) WHERE uuid IS NOT NULL;

-- migration 10: the call-error fault class
-- A manager's kernel call that failed (injector/crash/crash_model.h, FAULT CLASSES).
INSERT INTO state_kind(name, ord) VALUES ('call-error', 10);

-- migration 11: the call-misuse fault class
-- A manager's kernel call that reached the kernel with an argument it must
-- refuse (injector/crash/crash_model.h, FAULT CLASSES).
INSERT INTO state_kind(name, ord) VALUES ('call-misuse', 11);
