/* filter.c - compile and run jq programs with libjq. */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "predicate.h"
#include "banned.h"

/*
 * A program the predicate parser knows is valid jq, so libjq compiles it
 * (some 20 ms in jq 1.6) only if filter_run() needs its output.
 */
struct filter {
	char *program;
	struct predicate *native;	/* or NULL */
	jq_state *jq;			/* NULL until compiled */
	struct strbuf messages;
};

/* jq reports compile errors through this; the first message is the one. */
static void collect_message(void *data, jv message)
{
	struct strbuf *sb = data;

	if (sb->len == 0 && jv_get_kind(message) == JV_KIND_STRING)
		strbuf_addstr(sb, jv_string_value(message));
	else if (sb->len == 0 && jv_get_kind(message) == JV_KIND_INVALID) {
		jv msg = jv_invalid_get_msg(jv_copy(message));

		if (jv_get_kind(msg) == JV_KIND_STRING)
			strbuf_addstr(sb, jv_string_value(msg));
		jv_free(msg);
	}
	jv_free(message);
}

/* Compiles f's program with libjq; 0, or -1 with the message set. */
static int compile_jq(struct filter *f)
{
	f->jq = jq_init();
	if (!f->jq)
		biz_dief(BIZ_INTERNAL, "cannot start jq");
	jq_set_error_cb(f->jq, collect_message, &f->messages);
	if (!jq_compile(f->jq, f->program)) {
		char *nl;

		if (!f->messages.len)
			strbuf_addstr(&f->messages, "jq: compile error");
		if ((nl = strchr(f->messages.buf, '\n')))
			*nl = '\0';
		biz_fail(BIZ_USAGE, "%s", f->messages.buf);
		return -1;
	}
	return 0;
}

struct filter *filter_compile(const char *program)
{
	struct filter *f = xmalloc(sizeof(*f));

	memset(f, 0, sizeof(*f));
	f->program = xstrdup(program);
	f->native = predicate_parse(program);
	if (!f->native && compile_jq(f)) {
		filter_free(f);
		return NULL;
	}
	return f;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	if (f->jq)
		jq_teardown(&f->jq);
	predicate_free(f->native);
	free(f->program);
	strbuf_release(&f->messages);
	free(f);
}

jv filter_run(struct filter *f, jv input)
{
	jv results = jv_array(), value;

	if (!f->jq && compile_jq(f))
		biz_dief(BIZ_INTERNAL, "%s", biz_error());
	jq_start(f->jq, input, 0);
	while (jv_is_valid(value = jq_next(f->jq)))
		results = jv_array_append(results, value);
	if (jv_invalid_has_msg(jv_copy(value))) {
		jv msg = jv_invalid_get_msg(value);

		jv_free(results);
		if (jv_get_kind(msg) != JV_KIND_STRING)
			msg = jv_dump_string(msg, 0);
		return jv_invalid_with_msg(msg);
	}
	jv_free(value);
	return results;
}

int filter_holds(struct filter *f, jv input, int *error)
{
	jv value;
	int holds = 0;

	if (f->native)
		return predicate_holds(f->native, input, error);
	if (error)
		*error = 0;
	jq_start(f->jq, jv_copy(input), 0);
	value = jq_next(f->jq);
	if (jv_is_valid(value)) {
		jv_kind kind = jv_get_kind(value);

		holds = kind != JV_KIND_FALSE && kind != JV_KIND_NULL;
	} else if (error && jv_invalid_has_msg(jv_copy(value))) {
		*error = 1;
	}
	jv_free(value);
	return holds;
}
