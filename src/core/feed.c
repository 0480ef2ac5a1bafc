/* feed.c - the event feed's start by date and its cursor file. */
#include "feed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "privfile.h"
#include "timeutil.h"
#include "banned.h"

int feed_id_before(struct db *db, int64_t t, int64_t *id)
{
	/* Timestamps are ISO text in UTC: their order is the time order. */
	static const char sql[] =
		"SELECT coalesce(max(id), 0) FROM event WHERE at < ?1";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];

	db_bind_text(stmt, 1, time_format(t, at));
	return db_int64(db, stmt, id);
}

int feed_cursor_read(const char *path, int64_t *id, int *found)
{
	char buf[64];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	*found = 0;
	if (fd < 0) {
		if (errno == ENOENT)
			return BIZ_OK;
		return biz_fail(BIZ_NOINPUT, "%s: %s", path, strerror(errno));
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return biz_fail(BIZ_NOINPUT, "%s: %s", path, strerror(errno));
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (parse_i64(buf, 0, INT64_MAX, id))
		return biz_fail(BIZ_DATAERR, "%s: not a cursor file (one "
				"event id)", path);
	*found = 1;
	return BIZ_OK;
}

int feed_cursor_write(const char *path, int64_t id)
{
	struct strbuf tmp = { 0 }, text = { 0 };
	int fd, status = BIZ_OK;

	strbuf_addf(&text, "%lld\n", (long long)id);
	if ((fd = private_create_beside(path, &tmp)) < 0) {
		status = biz_fail(BIZ_NOINPUT, "%s: %s", tmp.buf,
				  strerror(errno));
		goto done;
	}
	if (write(fd, text.buf, text.len) != (ssize_t)text.len ||
	    fsync(fd)) {
		status = biz_fail(BIZ_IOERR, "%s: %s", tmp.buf,
				  strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto done;
	}
	close(fd);
	if (rename(tmp.buf, path)) {
		status = biz_fail(BIZ_NOINPUT, "%s: %s", path, strerror(errno));
		unlink(tmp.buf);
	}
done:
	strbuf_release(&tmp);
	strbuf_release(&text);
	return status;
}
