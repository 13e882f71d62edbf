-- queries.sql — example queries for the sqlite3 shell, e.g.
--   sqlite3 -header -column results/campaign.db < results/queries.sql
-- or paste one. Tables and invariants: results/schema.sql. outcome_count
-- counts every checked crash state; crash_state keeps only illegal (and
-- sampled) ones; failure holds deduplicated failures with their reproducers.

-- 1. Outcomes by protocol phase for the most recent campaign, in protocol order.
SELECT oc.phase, oc.outcome, sum(oc.states) AS states
FROM outcome_count oc
JOIN workload w ON w.id = oc.workload_id
JOIN phase p ON p.name = oc.phase
JOIN outcome o ON o.name = oc.outcome
WHERE w.campaign_id = (SELECT id FROM campaign ORDER BY started_at DESC, id DESC LIMIT 1)
GROUP BY oc.phase, oc.outcome
ORDER BY p.ord, o.ord;

-- 2. The ten most frequent failure signatures, with the command that replays each.
SELECT signature, count, source,
       datetime(first_seen, 'unixepoch') AS first_seen,
       datetime(last_seen, 'unixepoch') AS last_seen,
       coalesce(repro_command, '-') AS replay
FROM failure
ORDER BY count DESC, first_seen
LIMIT 10;

-- 3. Throughput per campaign over time: crash states checked per second of
--    checking, per campaign and day, oldest first.
SELECT c.name, c.shard_index || '/' || c.shard_count AS shard, c.tier,
       date(w.recorded_at, 'unixepoch') AS day,
       sum(s.states) AS states,
       round(sum(w.check_s), 3) AS check_s,
       round(sum(s.states) / nullif(sum(w.check_s), 0), 1) AS states_per_s
FROM campaign c
JOIN workload w ON w.campaign_id = c.id
JOIN (SELECT workload_id, sum(states) AS states FROM outcome_count GROUP BY workload_id) s
  ON s.workload_id = w.id
GROUP BY c.id, day
ORDER BY day, c.started_at;
