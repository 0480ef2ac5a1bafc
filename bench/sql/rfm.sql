-- bench/sql/rfm.sql - crm-segment --rfm's scores by hand, for the
-- benchmark: today 2026-11-27 (BIZ_NOW), window 365 days (invoices on or
-- after 2025-11-27).  Score = 1 + 5 * (RANK() - 1) / n in integer
-- arithmetic: RANK() - 1 is how many customers have a strictly worse
-- value (more days; fewer invoices; less money).  Prints id and rfm.
WITH w AS (
	SELECT customer_id AS c, max(date) AS last,
		sum(CASE WHEN date >= '2025-11-27' THEN 1 ELSE 0 END) AS f,
		sum(CASE WHEN date >= '2025-11-27' THEN net ELSE 0 END) AS m
	FROM invoice GROUP BY customer_id
), v AS (
	SELECT c, CAST(julianday('2026-11-27') - julianday(last) AS INTEGER)
			AS days, f,
		m - coalesce((SELECT sum(r.net) FROM sales_return r
			JOIN sales_order o ON o.id = r.order_id
			WHERE o.customer_id = w.c AND r.date >= '2025-11-27'), 0)
			AS m
	FROM w
), s AS (
	SELECT c,
		1 + 5 * (RANK() OVER (ORDER BY days DESC) - 1) / COUNT(*) OVER ()
			AS r,
		1 + 5 * (RANK() OVER (ORDER BY f) - 1) / COUNT(*) OVER () AS f,
		1 + 5 * (RANK() OVER (ORDER BY m) - 1) / COUNT(*) OVER () AS m
	FROM v
)
SELECT c AS id, r || f || m AS rfm FROM s ORDER BY c;
