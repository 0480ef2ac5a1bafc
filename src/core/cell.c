/* cell.c - values as the text of a csv, tsv or table cell. */
#include "cell.h"

#include <string.h>

#include "biz.h"
#include "output.h"
#include "banned.h"

int output_money_field(const char *name)
{
	/*
	 * The money fields of DESIGN.md's record table, and of biz-check's
	 * record (account_balance ... stock_value).
	 */
	static const char *const money[] = {
		"account_balance", "amount", "amount_won", "balance",
		"best_case", "billed", "billed_value", "cost", "credit",
		"credited", "d1_30", "d31_60", "d61_90", "d90_plus", "debit",
		"from_bills", "historical", "invoiced", "layer_value",
		"monetary", "net", "not_due", "open_bills", "open_invoices",
		"paid", "price", "received_not_billed", "received_value",
		"revenue", "stock_value", "tax", "total", "unit_cost",
		"value", "weighted", "won", NULL
	};
	const char *s = name;

	for (int i = 0; money[i]; i++)
		if (!strcmp(name, money[i]))
			return 1;
	/* ledger-balance --monthly: a column per month, "2026-11". */
	return strlen(s) == 7 && s[4] == '-' &&
	       strspn(s, "0123456789-") == 7;
}

jv cell_money_text(jv number, int places)
{
	jv text = jv_dump_string(number, 0);
	const char *s = jv_string_value(text);
	const char *point = strchr(s, '.');
	struct strbuf sb = { 0 };
	int have = point ? (int)strlen(point + 1) : 0;

	if (strpbrk(s, "eE") || have >= places)
		return text;
	strbuf_addstr(&sb, s);
	if (!point)
		strbuf_add(&sb, ".", 1);
	for (; have < places; have++)
		strbuf_add(&sb, "0", 1);
	jv_free(text);
	text = jv_string_sized(sb.buf, (int)sb.len);
	strbuf_release(&sb);
	return text;
}

jv cell_escape(jv text)
{
	const char *s = jv_string_value(text);
	struct strbuf sb = { 0 };
	jv done;

	if (!s[strcspn(s, "\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"
			  "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
			  "\x1a\x1b\x1c\x1d\x1e\x1f\x7f")])
		return text;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '\n')
			strbuf_addstr(&sb, "\\n");
		else if (ch == '\t')
			strbuf_addstr(&sb, "\\t");
		else if (ch == '\r')
			strbuf_addstr(&sb, "\\r");
		else if (ch < 0x20 || ch == 0x7f)
			strbuf_addf(&sb, "\\x%02x", ch);
		else
			strbuf_add(&sb, s, 1);
	}
	done = jv_string_sized(sb.buf, (int)sb.len);
	strbuf_release(&sb);
	jv_free(text);
	return done;
}
