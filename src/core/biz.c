/* biz.c - failure messages, memory and string helpers. */
#include "biz.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *biz_progname = "bizutils";
int biz_quiet;
int biz_errors_json = -1;
static char last_error[1024];
/* Where the last failure is, for JSON errors: "FILE:LINE: " and its parts. */
static char error_prefix[300], error_file[256];
static int error_line;

int biz_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	if (error_prefix[0] && !strstr(last_error, error_prefix))
		error_prefix[0] = '\0';
	return status;
}

int biz_fail_at(int status, const char *file, int line, const char *fmt,
		...)
{
	char message[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	snprintf(error_file, sizeof(error_file), "%s", file);
	error_line = line;
	snprintf(error_prefix, sizeof(error_prefix), "%s:%d: ", file, line);
	return biz_fail(status, "%s%s", error_prefix, message);
}

/* Appends s to sb as a JSON string. */
static void json_string(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_add(sb, s, 1);
	}
	strbuf_add(sb, "\"", 1);
}

/*
 * The field a message names: by the library's convention it opens with
 * "field: " (a lower-case name, digits and underscores); NULL if not.
 */
static size_t field_length(const char *message)
{
	size_t n = 0;

	while ((message[n] >= 'a' && message[n] <= 'z') || message[n] == '_' ||
	       (n && message[n] >= '0' && message[n] <= '9'))
		n++;
	return n && message[n] == ':' && message[n + 1] == ' ' ? n : 0;
}

/* Prints the last failure as one JSON object a line on stderr. */
static void die_json(int status)
{
	struct strbuf sb = { 0 };
	const char *message = last_error[0] ? last_error : "failed";
	const char *at = error_prefix[0] ? strstr(message, error_prefix) : NULL;
	char *field;
	size_t n;

	if (at)
		message = at + strlen(error_prefix);
	n = field_length(message);
	strbuf_addstr(&sb, "{\"prog\":");
	json_string(&sb, biz_progname);
	strbuf_addf(&sb, ",\"status\":%d,\"message\":", status);
	json_string(&sb, message);
	strbuf_addstr(&sb, ",\"file\":");
	if (at)
		json_string(&sb, error_file);
	else
		strbuf_addstr(&sb, "null");
	if (at)
		strbuf_addf(&sb, ",\"line\":%d", error_line);
	else
		strbuf_addstr(&sb, ",\"line\":null");
	strbuf_addstr(&sb, ",\"field\":");
	if (n) {
		field = xmalloc(n + 1);
		memcpy(field, message, n);
		field[n] = '\0';
		json_string(&sb, field);
		free(field);
	} else {
		strbuf_addstr(&sb, "null");
	}
	fprintf(stderr, "%s}\n", sb.buf);
	strbuf_release(&sb);
}

int biz_errors_as_json(void)
{
	const char *env;

	if (biz_errors_json < 0) {
		env = getenv("BIZ_ERRORS");
		biz_errors_json = env && !strcmp(env, "json");
	}
	return biz_errors_json;
}

const char *biz_error(void)
{
	return last_error;
}

void biz_die(int status)
{
	fflush(stdout);
	if (biz_errors_as_json())
		die_json(status);
	else
		fprintf(stderr, "%s: %s\n", biz_progname,
			last_error[0] ? last_error : "failed");
	exit(status);
}

void biz_dief(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	biz_die(status);
}

void biz_warn(const char *fmt, ...)
{
	va_list ap;

	if (biz_quiet)
		return;
	fprintf(stderr, "%s: ", biz_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		biz_dief(BIZ_INTERNAL, "out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		biz_dief(BIZ_INTERNAL, "out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void strbuf_grow(struct strbuf *sb, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
}

void strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, n + 1, fmt, ap);
	va_end(ap);
	sb->len += n;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (!s || !*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
