/*
 * cell.h - what a value looks like in a csv, tsv or table cell: money
 * with the currency's places, control characters escaped in a table.
 */
#ifndef CELL_H
#define CELL_H

#include <jq.h>

/*
 * A number's JSON text (number consumed) with at least places decimals:
 * 37.5 at 2 places is "37.50"; more places than that are kept.
 */
jv cell_money_text(jv number, int places);

/* text (consumed) with control characters as escapes: "\n", "\x1b". */
jv cell_escape(jv text);

#endif
