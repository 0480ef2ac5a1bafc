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

/*
 * What jq's input and inputs get: each record is a filter's one input,
 * there is no next one to read.  jq 1.6's jq_init() leaves this callback
 * uninitialised, so without it input jumps through garbage.
 */
static jv no_more_input(jq_state *jq, void *data)
{
	(void)jq;
	(void)data;
	return jv_invalid_with_msg(jv_string("input and inputs are not "
					     "available: a filter reads one "
					     "record"));
}

/* Compiles f's program with libjq; 0, or -1 with the message set. */
static int compile_jq(struct filter *f)
{
	f->jq = jq_init();
	if (!f->jq)
		biz_dief(BIZ_INTERNAL, "cannot start jq");
	jq_set_error_cb(f->jq, collect_message, &f->messages);
	jq_set_input_cb(f->jq, no_more_input, NULL);
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

static int ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int ident_char(int c)
{
	return ident_start(c) || (c >= '0' && c <= '9');
}

/* Skips blanks forwards from s. */
static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/*
 * Whether the name from start to end in program is a call of input or
 * inputs: not .input, $input, a key (input: ...) nor the shorthand
 * {input} (innermost is the bracket the scan is in, 0 outside any).
 */
static int calls_input(const char *program, const char *start,
		       const char *end, char innermost)
{
	const char *before = start, *after = skip_blanks(end);
	size_t n = (size_t)(end - start);

	if (!((n == 5 && !strncmp(start, "input", 5)) ||
	      (n == 6 && !strncmp(start, "inputs", 6))))
		return 0;
	if (start > program && (start[-1] == '.' || start[-1] == '$'))
		return 0;
	if (*after == ':')
		return 0;
	while (before > program && strchr(" \t\n\r", before[-1]))
		before--;
	return !(innermost == '{' && before > program &&
		 (before[-1] == '{' || before[-1] == ',') &&
		 (*after == '}' || *after == ','));
}

/*
 * Reads program as jq's lexer would, far enough to find how deep its
 * brackets nest and whether it calls input or inputs.  0, or a status
 * with the message set.
 */
static int scan_program(const char *program)
{
	int interpolation[FILTER_MAX_DEPTH + 1];	/* depths of "\(" */
	char brackets[FILTER_MAX_DEPTH + 1];		/* the open ones */
	int depth = 0, open = 0, in_string = 0;
	const char *s = program, *start;

	while (*s) {
		if (in_string) {
			if (*s == '\\' && s[1] == '(') {
				if (depth >= FILTER_MAX_DEPTH ||
				    open >= FILTER_MAX_DEPTH)
					goto too_deep;
				interpolation[open++] = depth;
				brackets[depth++] = '(';
				in_string = 0;
				s += 2;
			} else if (*s == '\\' && s[1]) {
				s += 2;
			} else {
				in_string = *s++ != '"';
			}
		} else if (*s == '#') {
			while (*s && *s != '\n')
				s++;
		} else if (*s == '"') {
			in_string = 1;
			s++;
		} else if (*s == '(' || *s == '[' || *s == '{') {
			if (depth >= FILTER_MAX_DEPTH)
				goto too_deep;
			brackets[depth++] = *s++;
		} else if (*s == ')' || *s == ']' || *s == '}') {
			if (depth > 0)
				depth--;
			if (*s++ == ')' && open &&
			    interpolation[open - 1] == depth) {
				open--;
				in_string = 1;
			}
		} else if (ident_start((unsigned char)*s)) {
			start = s;
			while (ident_char((unsigned char)*s))
				s++;
			if (calls_input(program, start, s,
					depth ? brackets[depth - 1] : 0))
				return biz_fail(BIZ_USAGE, "%.*s is not "
						"available: a filter reads one "
						"record", (int)(s - start),
						start);
		} else {
			s++;
		}
	}
	return 0;
too_deep:
	return biz_fail(BIZ_USAGE, "nested more than %d levels deep",
			FILTER_MAX_DEPTH);
}

struct filter *filter_compile(const char *program)
{
	struct filter *f;

	if (scan_program(program))
		return NULL;
	f = xmalloc(sizeof(*f));

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

int filter_prepare(struct filter *f)
{
	return f->jq ? 0 : compile_jq(f);
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
