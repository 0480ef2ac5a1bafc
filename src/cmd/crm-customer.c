/* crm-customer - add, import, list, show, change and tag customers. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_EMAIL, OPT_PHONE, OPT_INDUSTRY,
	OPT_SIZE, OPT_REGION, OPT_TERMS, OPT_TAG, OPT_SET, OPT_LIMIT,
	OPT_MAP
};

#define FIELD_OPTIONS                                                   \
	{ "name", required_argument, NULL, OPT_NAME },                  \
	{ "email", required_argument, NULL, OPT_EMAIL },                \
	{ "phone", required_argument, NULL, OPT_PHONE },                \
	{ "industry", required_argument, NULL, OPT_INDUSTRY },          \
	{ "size", required_argument, NULL, OPT_SIZE },                  \
	{ "region", required_argument, NULL, OPT_REGION },              \
	{ "terms", required_argument, NULL, OPT_TERMS },                \
	{ "set", required_argument, NULL, OPT_SET }

static const struct option add_options[] = {
	FIELD_OPTIONS,
	{ "tag", required_argument, NULL, OPT_TAG },
	CLI_OPTIONS
};
static const struct option set_options[] = { FIELD_OPTIONS, CLI_OPTIONS };
static const struct option import_options[] = {
	{ "set", required_argument, NULL, OPT_SET },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "map", required_argument, NULL, OPT_MAP },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "industry", required_argument, NULL, OPT_INDUSTRY },
	{ "region", required_argument, NULL, OPT_REGION },
	CLI_OPTIONS
};
static const struct option no_options[] = { CLI_OPTIONS };

/* The record field each field option sets. */
static const char *const option_fields[] = {
	[OPT_NAME - CLI_FIRST_OWN] = "name",
	[OPT_EMAIL - CLI_FIRST_OWN] = "email",
	[OPT_PHONE - CLI_FIRST_OWN] = "phone",
	[OPT_INDUSTRY - CLI_FIRST_OWN] = "industry",
	[OPT_SIZE - CLI_FIRST_OWN] = "size",
	[OPT_REGION - CLI_FIRST_OWN] = "region",
	[OPT_TERMS - CLI_FIRST_OWN] = "terms",
};

struct request {
	int64_t id;
	jv fields;		/* from the options */
	jv sets;		/* from --set, applied last */
	jv tags;		/* from --tag, or the operands of tag */
	const char **tag_list;	/* --tag for list */
	size_t ntags, tag_cap;
	int add;		/* tag (1) or untag (0) */
	struct cli *cli;
	struct customer_filter filter;
};

/* The options' fields with --set's and --tag's on top (consumed). */
static jv request_fields(struct request *req)
{
	jv fields = jv_object_merge(req->fields, req->sets);

	if (jv_array_length(jv_copy(req->tags)))
		rec_set(&fields, "tags", jv_copy(req->tags));
	req->fields = req->sets = jv_null();
	return fields;
}

static int add_customer(struct db *db, void *arg, jv *record)
{
	return customer_upsert(db, request_fields(arg), record);
}

static int set_customer(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return customer_set(db, req->id, request_fields(req), record);
}

/* An imported record takes --set's fields where it has none; --tag adds. */
static int import_customer(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;

	/* A column that becomes a custom field is named once (not -q). */
	cli_note_custom(req->cli, record, customer_field_known);
	if (jv_object_length(jv_copy(req->sets)))
		record = jv_object_merge(jv_copy(req->sets), record);
	if (jv_array_length(jv_copy(req->tags))) {
		jv tags = jv_object_get(jv_copy(record), jv_string("tags"));

		if (jv_get_kind(tags) == JV_KIND_STRING) {
			jv_free(tags);
			tags = jv_array_append(jv_array(),
				jv_object_get(jv_copy(record),
					      jv_string("tags")));
		} else if (jv_get_kind(tags) != JV_KIND_ARRAY) {
			jv_free(tags);
			tags = jv_array();
		}
		if (jv_get_kind(tags) == JV_KIND_ARRAY)
			tags = jv_array_concat(tags, jv_copy(req->tags));
		rec_set(&record, "tags", tags);
	}
	return customer_upsert(db, record, out);
}

static int tag_customer(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return customer_tag(db, req->id, jv_copy(req->tags), req->add,
			    record);
}

/* A record read by tag -: its id names the customer to tag. */
static int tag_record(struct db *db, jv record, jv *out, void *arg)
{
	struct rec_texts texts = { .used = 0 };
	struct request *req = arg;
	int64_t id = 0;
	int status;

	status = field_integer("id", rec_text(&texts, record, "id"), 1,
			       INT64_MAX, &id);
	jv_free(record);
	if (status)
		return status;
	if (!id)
		return biz_fail(BIZ_DATAERR, "a record needs the customer's "
				"id");
	return customer_tag(db, id, jv_copy(req->tags), req->add, out);
}

static int64_t customer_id(struct cli *cli, const char *text)
{
	return cli_integer(cli, "ID", text, 1, INT64_MAX);
}

/* Reads the verb's options into req. */
static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->fields = jv_object();
	req->sets = jv_object();
	req->tags = jv_array();
	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SET:
			cli_set_field(cli, &req->sets, optarg);
			break;
		case OPT_MAP:
			cli_map_option(cli, optarg);
			break;
		case OPT_TAG:
			req->tags = jv_array_append(req->tags,
						    jv_string(optarg));
			ARRAY_PUSH(req->tag_list, req->ntags, req->tag_cap,
				   optarg);
			break;
		default:
			if (c == OPT_INDUSTRY)
				req->filter.industry = optarg;
			if (c == OPT_REGION)
				req->filter.region = optarg;
			cli_option_field(&req->fields, option_fields, c,
					 optarg);
		}
	}
}

static int request_release(struct request *req, int status)
{
	jv_free(req->fields);
	jv_free(req->sets);
	jv_free(req->tags);
	free(req->tag_list);
	return status;
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if (!rec_has(req->fields, "name"))
		cli_usage_error(cli, "add needs --name");
	return request_release(req, cli_write(cli, add_customer, req));
}

static int run_import(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n;

	read_options(cli, req);
	n = cli_operands(cli, 0, 1, &args);
	return request_release(req, cli_batch(cli, n ? args[0] : "-",
					      import_customer, req));
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	for (size_t i = 0; i < req->ntags; i++)
		if (!crm_tag_valid(req->tag_list[i]))
			return request_release(req, biz_fail(BIZ_DATAERR,
				"tag '%s': no spaces or control characters",
				req->tag_list[i]));
	req->filter.tags = req->tag_list;
	req->filter.ntags = req->ntags;
	cli_output(cli);
	return request_release(req, customer_each(cli_db(cli), &req->filter,
						  cli_sink(cli)));
}

/* A scalar as table text: strings as they are, numbers as jq prints. */
static void block_text(struct strbuf *sb, jv value)
{
	if (jv_get_kind(value) == JV_KIND_STRING)
		strbuf_addstr(sb, jv_string_value(value));
	else if (jv_get_kind(value) != JV_KIND_NULL)
		rec_dump(sb, value);
}

/*
 * One row of the block: field and value, or a list element's fields in
 * detail (the text consumed): a value column only as wide as the
 * profile's values, where numbers align right.
 */
static void block_row(struct cli *cli, const char *field,
		      struct strbuf *text, int detail)
{
	const char *t = text->buf ? text->buf : "";
	jv row = jv_object();

	rec_set_str(&row, "field", field);
	rec_set_str(&row, "value", detail ? "" : t);
	rec_set_str(&row, "detail", detail ? t : "");
	cli_print(cli, row);
	strbuf_reset(text);
}

/*
 * The 360-degree view in a table: one row per field of the profile, then
 * one per element of each list ("deal 3": its fields as key=value).
 */
static void print_block(struct cli *cli, jv record)
{
	struct strbuf value = { 0 };

	jv_object_foreach(record, key, field) {
		const char *name = jv_string_value(key);
		char label[64];
		int i = 0;

		if (jv_get_kind(field) != JV_KIND_ARRAY) {
			block_text(&value, field);
			block_row(cli, name, &value, 0);
		} else if (!strcmp(name, "tags")) {
			jv_array_foreach(field, t, tag) {
				if (t)
					strbuf_addstr(&value, ",");
				block_text(&value, tag);
				jv_free(tag);
			}
			block_row(cli, name, &value, 0);
		} else if (!jv_array_length(jv_copy(field))) {
			block_row(cli, name, &value, 0);
		}
		if (jv_get_kind(field) == JV_KIND_ARRAY && strcmp(name, "tags"))
		    jv_array_foreach(field, n, element) {
			if (jv_get_kind(element) != JV_KIND_OBJECT) {
				jv_free(element);
				continue;
			}
			i = 0;
			jv_object_foreach(element, k, v) {
				if (jv_get_kind(v) != JV_KIND_NULL &&
				    jv_get_kind(v) != JV_KIND_ARRAY &&
				    jv_get_kind(v) != JV_KIND_OBJECT) {
					if (i++)
						strbuf_addstr(&value, "  ");
					strbuf_addf(&value, "%s=",
						    jv_string_value(k));
					block_text(&value, v);
				}
				jv_free(k);
				jv_free(v);
			}
			snprintf(label, sizeof(label), "%s[%d]", name, n);
			block_row(cli, label, &value, 1);
			jv_free(element);
		}
		jv_free(key);
		jv_free(field);
	}
	jv_free(record);
	strbuf_release(&value);
}

/* The sink of show in table format: the view as a block. */
struct block_sink {
	struct sink sink;
	struct cli *cli;
};

static int put_block(struct sink *sink, const char *json, size_t len)
{
	struct block_sink *b = (struct block_sink *)sink;

	print_block(b->cli, jv_parse_sized(json, (int)len));
	return BIZ_OK;
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	struct block_sink block = { { put_block }, cli };
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	return request_release(req, customer_show(cli_db(cli),
				customer_id(cli, args[0]),
				cli_format(cli) == FORMAT_TABLE ?
				&block.sink : cli_sink(cli)));
}

static int run_set(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	req->id = customer_id(cli, args[0]);
	return request_release(req, cli_write(cli, set_customer, req));
}

/* tag and untag: ID|- then the tags. */
static int run_tag_verb(struct cli *cli, struct request *req)
{
	char **args;
	int n;

	read_options(cli, req);
	n = cli_operands(cli, 2, -1, &args);
	for (int i = 1; i < n; i++)
		req->tags = jv_array_append(req->tags, jv_string(args[i]));
	if (!strcmp(args[0], "-"))
		return request_release(req, cli_batch(cli, "-", tag_record,
						      req));
	req->id = customer_id(cli, args[0]);
	return request_release(req, cli_write(cli, tag_customer, req));
}

static int run_tag(struct cli *cli, void *arg)
{
	struct request *req = arg;

	req->add = 1;
	return run_tag_verb(cli, req);
}

static int run_untag(struct cli *cli, void *arg)
{
	struct request *req = arg;

	req->add = 0;
	return run_tag_verb(cli, req);
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "crm-customer add --name N [--email E] [--phone P] [--industry I] "
	  "[--size N]\n"
	  "                 [--region R] [--terms DAYS] [--tag T]... "
	  "[--set k=v]...\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "import", run_import, "", import_options,
	  "crm-customer import [--tag T]... [--set k=v]... "
	  "[--map HEADER=field]... [FILE|-]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "crm-customer list [--tag T]... [--industry I] [--region R] "
	  "[--limit N]\n", CLI_NEEDS_DB },
	{ "show", run_show, "", no_options, "crm-customer show ID\n",
	  CLI_NEEDS_DB },
	{ "set", run_set, "", set_options,
	  "crm-customer set ID [--name N] [--email E] ... [--terms DAYS] "
	  "[--set k=v]...\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "tag", run_tag, "", no_options, "crm-customer tag ID|- TAG...\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "untag", run_untag, "", no_options,
	  "crm-customer untag ID|- TAG...\n", CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_customer(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
