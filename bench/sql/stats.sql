-- crm-stats (all time, every rep) as one query, for
-- bench/pipeline-bench.sh.
WITH a AS (
  SELECT rep, count(*) AS n, sum(kind = 'call') AS call,
         sum(kind = 'visit') AS visit, sum(kind = 'email') AS email,
         sum(kind = 'meeting') AS meeting, sum(kind = 'quote') AS quote,
         sum(kind = 'note') AS note
  FROM activity GROUP BY rep),
l AS (
  SELECT owner AS rep, count(*) AS leads FROM lead
  WHERE owner IS NOT NULL AND assigned_at IS NOT NULL GROUP BY owner),
fc AS (
  SELECT owner AS rep, unixepoch(first_contact_at) - unixepoch(assigned_at) AS s,
         row_number() OVER (PARTITION BY owner ORDER BY
           unixepoch(first_contact_at) - unixepoch(assigned_at)) AS k,
         count(*) OVER (PARTITION BY owner) AS cnt
  FROM lead WHERE owner IS NOT NULL AND assigned_at IS NOT NULL
  AND first_contact_at IS NOT NULL),
med AS (
  SELECT rep, round(avg(s) / 3600.0, 2) AS hours FROM fc
  WHERE k IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY rep),
dd AS (
  SELECT d.owner AS rep, sum(s.kind = 'won') AS won,
         sum(s.kind = 'lost') AS lost,
         sum(CASE WHEN s.kind = 'won' THEN d.amount ELSE 0 END) AS amount,
         sum(CASE WHEN s.kind = 'won'
             THEN unixepoch(d.closed_at) - unixepoch(d.created_at) END) AS cycle
  FROM deal d JOIN deal_stage s ON s.name = d.stage
  WHERE s.kind <> 'open' AND d.owner IS NOT NULL GROUP BY d.owner)
SELECT r.handle AS rep, coalesce(a.n, 0) AS activities,
       coalesce(a.call, 0) AS call, coalesce(a.visit, 0) AS visit,
       coalesce(a.email, 0) AS email, coalesce(a.meeting, 0) AS meeting,
       coalesce(a.quote, 0) AS quote, coalesce(a.note, 0) AS note,
       coalesce(l.leads, 0) AS leads_assigned,
       med.hours AS median_hours_to_first_contact,
       coalesce(dd.won, 0) AS deals_won, coalesce(dd.lost, 0) AS deals_lost,
       coalesce(dd.amount, 0) / 100.0 AS amount_won,
       CASE WHEN dd.won + dd.lost > 0
            THEN round(1.0 * dd.won / (dd.won + dd.lost), 4) END AS win_rate,
       CASE WHEN dd.won > 0 THEN round(dd.cycle / 86400.0 / dd.won, 2) END
         AS avg_cycle_days
FROM rep r LEFT JOIN a ON a.rep = r.handle LEFT JOIN l ON l.rep = r.handle
LEFT JOIN med ON med.rep = r.handle LEFT JOIN dd ON dd.rep = r.handle
ORDER BY r.handle;
