-- The daily-demand mean and population standard deviation per item and
-- warehouse over the 90 days before BIZ_NOW=2026-11-27 (days without
-- issues count zero), written by hand: what inv-reorder computes first.
-- bench/reorder-bench.sh and bench/run time inv-reorder against it.
WITH daily AS (
  SELECT m.sku, m.wh, m.date, -sum(m.qty) AS q
  FROM move m JOIN stock_doc d ON d.id = m.doc_id
  WHERE m.date >= '2026-08-29' AND m.date < '2026-11-27'
    AND d.kind = 'issue' AND coalesce(d.reason, 'sale') IN ('sale', 'production')
  GROUP BY m.sku, m.wh, m.date)
SELECT sku, wh, round(sum(q) / 90.0 / 1000, 4) AS avg_daily_demand,
  round(sqrt(max(0, sum(q * q) / 90.0 - (sum(q) / 90.0) * (sum(q) / 90.0)))
    / 1000, 4) AS demand_sd
FROM daily GROUP BY sku, wh;
