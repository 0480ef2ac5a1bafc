/* ledger-post - post balanced journal entries, or reverse one. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "ledger.h"
#include "record.h"

enum { OPT_DATE = CLI_FIRST_OWN, OPT_MEMO, OPT_REF, OPT_REVERSE };

static const struct option options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	{ "memo", required_argument, NULL, OPT_MEMO },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "reverse", required_argument, NULL, OPT_REVERSE },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	const char *date, *memo, *ref;
	int64_t reverse;
	jv entry;
	const char *path;	/* FILE|- of a batch */
	jv group;		/* CSV: the entry being gathered, or invalid */
	jv refs;		/* CSV: the refs gathered so far */
	int group_line;		/* its first row's line */
};

/* Says on stderr that an entry already posted was left as it is. */
static void warn_unchanged(const char *ref, int64_t id)
{
	if (id)
		biz_warn("ref '%s' is already posted as entry %lld: nothing "
			 "posted", ref, (long long)id);
}

static int write_entry(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	int64_t unchanged;
	int status;

	(void)record;
	if (req->reverse)
		status = ledger_reverse(db, req->reverse, req->date, req->memo,
					req->ref, cli_sink(req->cli),
					&unchanged);
	else
		status = ledger_post_record(db, jv_copy(req->entry),
					    cli_sink(req->cli), &unchanged);
	if (status == BIZ_OK)
		warn_unchanged(req->ref, unchanged);
	return status;
}

/* Posts one entry of a batch; the record goes to the command's sink. */
static int post_entry(struct db *db, jv record, struct request *req)
{
	char *ref = NULL;
	int64_t unchanged;
	int status;

	if (jv_get_kind(record) == JV_KIND_OBJECT) {
		jv value = jv_object_get(jv_copy(record), jv_string("ref"));

		if (jv_get_kind(value) == JV_KIND_STRING)
			ref = xstrdup(jv_string_value(value));
		jv_free(value);
	}
	status = ledger_post_record(db, record, cli_sink(req->cli),
				    &unchanged);
	if (status == BIZ_OK)
		warn_unchanged(ref, unchanged);
	free(ref);
	return status;
}

/* The text of field key of record (borrowed), "" when none. */
static const char *row_text(jv record, const char *key, jv *keep)
{
	*keep = jv_object_get(jv_copy(record), jv_string(key));
	return jv_get_kind(*keep) == JV_KIND_STRING ?
	       jv_string_value(*keep) : "";
}

/* Posts the entry gathered from CSV rows, if any. */
static int flush_group(struct db *db, struct request *req)
{
	int status;

	if (!jv_is_valid(req->group))
		return BIZ_OK;
	status = post_entry(db, req->group, req);
	req->group = jv_invalid();
	if (status) {
		char *message = xstrdup(biz_error());

		status = biz_fail(status, "the entry from %s:%d: %s",
				  req->path, req->group_line, message);
		free(message);
	}
	return status;
}

/* 1 when the posting row (borrowed) goes on the gathered entry. */
static int same_entry(jv group, jv row)
{
	static const char *const keys[] = { "ref", "date", "memo", NULL };
	int same = 1, has_ref = 0;

	for (int i = 0; keys[i] && same; i++) {
		jv a, b;
		const char *x = row_text(row, keys[i], &a);
		const char *y = row_text(group, keys[i], &b);

		same = !strcmp(x, y);
		if (i == 0)
			has_ref = *x != '\0';
		jv_free(a);
		jv_free(b);
		if (same && has_ref)
			break;
	}
	return same;
}

/*
 * A batch record: an entry with "postings", or a CSV row with one
 * posting (date,memo,ref,account,amount).  Rows with the same ref, or
 * consecutive rows with the same date and memo and no ref, are one entry.
 */
static int apply_entry(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;
	jv posting = jv_object(), entry;
	int status;

	(void)out;
	if (jv_get_kind(record) != JV_KIND_OBJECT ||
	    jv_object_has(jv_copy(record), jv_string("postings")) ||
	    !jv_object_has(jv_copy(record), jv_string("account"))) {
		jv_free(posting);
		if ((status = flush_group(db, req))) {
			jv_free(record);
			return status;
		}
		return post_entry(db, record, req);
	}
	rec_set(&posting, "account", jv_object_get(jv_copy(record),
						   jv_string("account")));
	{
		jv amount = jv_object_get(jv_copy(record), jv_string("amount"));
		jv account;
		const char *name = row_text(record, "account", &account);
		int64_t cents;

		status = BIZ_OK;
		if (!*name)
			status = biz_fail(BIZ_DATAERR, "a posting row needs an "
					  "account");
		else if (jv_get_kind(amount) == JV_KIND_STRING &&
			 jv_string_length_bytes(jv_copy(amount)) &&
			 dec_parse(jv_string_value(amount), db->money_scale,
				   &cents))
			status = biz_fail(BIZ_DATAERR, "amount: '%s' is not "
					  "an amount", jv_string_value(amount));
		jv_free(account);
		if (status) {
			jv_free(amount);
			jv_free(posting);
			jv_free(record);
			return status;
		}
		if (jv_get_kind(amount) == JV_KIND_STRING &&
		    !jv_string_length_bytes(jv_copy(amount))) {
			jv_free(amount);
			amount = jv_null();
		}
		rec_set(&posting, "amount", jv_is_valid(amount) ? amount :
			jv_null());
	}
	if (jv_is_valid(req->group) && !same_entry(req->group, record) &&
	    (status = flush_group(db, req))) {
		jv_free(posting);
		jv_free(record);
		return status;
	}
	if (!jv_is_valid(req->group)) {
		jv ref = jv_object_get(jv_copy(record), jv_string("ref"));

		if (jv_get_kind(ref) == JV_KIND_STRING &&
		    jv_string_length_bytes(jv_copy(ref))) {
			if (jv_object_has(jv_copy(req->refs), jv_copy(ref))) {
				status = biz_fail(BIZ_DATAERR, "ref '%s' again "
						  "after other rows: the rows "
						  "of an entry are together",
						  jv_string_value(ref));
				jv_free(ref);
				jv_free(posting);
				jv_free(record);
				return status;
			}
			req->refs = jv_object_set(req->refs, ref, jv_true());
		} else {
			jv_free(ref);
		}
		entry = jv_object();
		jv_object_foreach(record, key, value) {
			const char *name = jv_string_value(key);

			if ((!strcmp(name, "date") || !strcmp(name, "memo") ||
			     !strcmp(name, "ref")) &&
			    jv_get_kind(value) == JV_KIND_STRING &&
			    jv_string_length_bytes(jv_copy(value)))
				entry = jv_object_set(entry, key, value);
			else {
				jv_free(key);
				jv_free(value);
			}
		}
		rec_set(&entry, "postings", jv_array());
		req->group = entry;
		req->group_line = req->cli->batch_line;
	}
	jv_free(record);
	{
		jv postings = jv_object_get(jv_copy(req->group),
					    jv_string("postings"));

		postings = jv_array_append(postings, posting);
		rec_set(&req->group, "postings", postings);
	}
	return BIZ_OK;
}

/* After the last record: the entry still gathered. */
static int end_entries(struct db *db, void *arg)
{
	return flush_group(db, arg);
}

/* The entry of the postings ACCOUNT=[AMOUNT] given as operands. */
static jv entry_from_args(struct cli *cli, struct request *req, int n,
			  char **args)
{
	jv postings = jv_array(), entry = jv_object();

	for (int i = 0; i < n; i++) {
		char *eq = strrchr(args[i], '=');
		jv posting = jv_object();

		/* A bare ACCOUNT is ACCOUNT=: its amount is inferred. */
		if (!eq)
			eq = args[i] + strlen(args[i]);
		if (eq == args[i])
			cli_usage_error(cli, "'%s' is not ACCOUNT=AMOUNT",
					args[i]);
		rec_set(&posting, "account",
			jv_string_sized(args[i], (int)(eq - args[i])));
		rec_set(&posting, "amount", *eq && eq[1] ?
			jv_string(eq + 1) : jv_null());
		postings = jv_array_append(postings, posting);
	}
	if (req->date)
		rec_set_str(&entry, "date", req->date);
	rec_set_str(&entry, "memo", req->memo);
	if (req->ref)
		rec_set_str(&entry, "ref", req->ref);
	rec_set(&entry, "postings", postings);
	return entry;
}

static int run_post(struct cli *cli, void *arg)
{
	struct request *req = arg;
	int c, nargs, status;
	char **args;

	req->cli = cli;
	req->entry = jv_null();
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_DATE)
			req->date = cli_data_date(cli, "--date", optarg,
						  DATE_EXACT);
		else if (c == OPT_MEMO)
			req->memo = optarg;
		else if (c == OPT_REF)
			req->ref = optarg;
		else if (c == OPT_REVERSE)
			req->reverse = cli_integer(cli, "--reverse", optarg, 1,
						   INT64_MAX);
	}
	nargs = cli_operands(cli, 0, -1, &args);
	if (req->reverse) {
		if (nargs)
			cli_usage_error(cli, "--reverse takes no postings");
		return cli_write(cli, write_entry, req);
	}
	if (nargs == 1 && !strchr(args[0], '=')) {
		if (req->date || req->memo || req->ref)
			cli_usage_error(cli, "entries from a file carry their "
					"own date, memo and ref");
		req->path = args[0];
		req->group = jv_invalid();
		req->refs = jv_object();
		status = cli_batch_end(cli, args[0], apply_entry,
				       end_entries, req);
		jv_free(req->group);
		jv_free(req->refs);
		return status;
	}
	if (!nargs)
		cli_usage_error(cli, "postings ACCOUNT=AMOUNT, a FILE or - "
				"are needed");
	if (!req->memo)
		cli_usage_error(cli, "an entry needs --memo");
	req->entry = entry_from_args(cli, req, nargs, args);
	status = cli_write(cli, write_entry, req);
	jv_free(req->entry);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_post, "", options,
	  "ledger-post [--date D] --memo M [--ref R] ACCOUNT=[AMOUNT]...\n"
	  "       ledger-post --reverse ID [--date D] [--memo M] [--ref R]\n"
	  "       ledger-post FILE|-\n", CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_post(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
