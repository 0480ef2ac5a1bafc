-- crm-funnel (all time, every owner) as one query: the figures of
-- crm-funnel(1), for bench/pipeline-bench.sh.
WITH h AS (
  SELECT deal_id, to_stage, at,
         lead(at) OVER (PARTITION BY deal_id ORDER BY at, id) AS left_at
  FROM deal_history),
e AS (
  SELECT to_stage AS stage, count(DISTINCT deal_id) AS entered,
         count(left_at) AS stays,
         sum(unixepoch(left_at) - unixepoch(at)) AS secs
  FROM h GROUP BY to_stage),
n AS (SELECT stage, count(*) AS now FROM deal GROUP BY stage),
s AS (
  SELECT name, probability, position, kind,
         (SELECT x.name FROM deal_stage x WHERE x.position > deal_stage.position
          AND x.kind <> 'lost' ORDER BY x.position LIMIT 1) AS next
  FROM deal_stage)
SELECT s.name AS stage, s.probability, coalesce(e.entered, 0) AS entered,
       coalesce(n.now, 0) AS now,
       CASE WHEN s.kind = 'open' THEN s.next END AS next,
       CASE WHEN s.kind = 'open' AND s.next IS NOT NULL AND e.entered > 0
            THEN round(1.0 * coalesce(en.entered, 0) / e.entered, 4) END
         AS conversion,
       coalesce(e.stays, 0) AS stays,
       CASE WHEN e.stays > 0 THEN round(e.secs / 86400.0 / e.stays, 2) END
         AS avg_days
FROM s LEFT JOIN e ON e.stage = s.name LEFT JOIN n ON n.stage = s.name
LEFT JOIN e en ON en.stage = s.next
ORDER BY s.position;
