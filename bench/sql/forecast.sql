-- crm-forecast (by month, all open deals) as one query, for
-- bench/pipeline-bench.sh.  Money in minor units, rounded half up here
-- (crm-forecast rounds half to even: they may differ by one minor unit).
WITH closed AS (
  SELECT d.id, s.kind FROM deal d JOIN deal_stage s ON s.name = d.stage
  WHERE s.kind <> 'open'),
rate AS (
  SELECT h.to_stage AS stage, count(DISTINCT h.deal_id) AS c,
         count(DISTINCT CASE WHEN c.kind = 'won' THEN h.deal_id END) AS w
  FROM deal_history h JOIN closed c ON c.id = h.deal_id
  GROUP BY h.to_stage),
o AS (
  SELECT substr(d.close, 1, 7) AS month, d.stage, count(*) AS n,
         sum(d.amount) AS a
  FROM deal d JOIN deal_stage s ON s.name = d.stage WHERE s.kind = 'open'
  GROUP BY 1, 2),
om AS (
  SELECT o.month, sum(o.n) AS deals, sum(o.a * s.probability) AS wx100,
         sum(CASE WHEN r.c > 0 THEN (2 * o.a * r.w + r.c) / (2 * r.c)
             ELSE 0 END) AS hist,
         sum(o.a) AS best
  FROM o JOIN deal_stage s ON s.name = o.stage
  LEFT JOIN rate r ON r.stage = o.stage GROUP BY o.month),
w AS (
  SELECT substr(d.closed_at, 1, 7) AS month, count(*) AS n,
         sum(d.amount) AS a
  FROM deal d JOIN deal_stage s ON s.name = d.stage WHERE s.kind = 'won'
  GROUP BY 1),
m AS (SELECT month FROM om UNION SELECT month FROM w)
SELECT m.month, coalesce(om.deals, 0) AS deals,
       (coalesce(om.wx100, 0) + 50) / 100 / 100.0 AS weighted,
       coalesce(om.hist, 0) / 100.0 AS historical,
       coalesce(om.best, 0) / 100.0 AS best_case,
       coalesce(w.n, 0) AS won_deals, coalesce(w.a, 0) / 100.0 AS won
FROM m LEFT JOIN om ON om.month IS m.month LEFT JOIN w ON w.month IS m.month
ORDER BY m.month IS NULL, m.month;
