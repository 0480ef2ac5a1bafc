/*
 * dbfile.c - what db_open() checks of the database's files before SQLite
 * opens them, so that a failure says what is wrong and how to mend it.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "banned.h"

/* Whether the file's header says WAL mode (bytes 18 and 19 are 2). */
static int is_wal(const char *path)
{
	unsigned char header[20];
	int fd = open(path, O_RDONLY | O_CLOEXEC), wal;

	if (fd < 0)
		return 0;	/* SQLite's open says why */
	wal = read(fd, header, sizeof(header)) == (ssize_t)sizeof(header) &&
	      header[18] == 2 && header[19] == 2;
	close(fd);
	return wal;
}

/* The -wal or -shm file beside path exists and this user may not read
 * it: SQLite says "unable to open database file" (which was 70). */
static int unreadable_beside(const char *path, const char *suffix)
{
	struct strbuf name = { 0 };
	int status = BIZ_OK;

	strbuf_addf(&name, "%s%s", path, suffix);
	if (access(name.buf, F_OK) == 0 && access(name.buf, R_OK) != 0)
		status = biz_fail(BIZ_NOPERM, "cannot read '%s': this user "
				  "may not read its %s file; ask its owner "
				  "to give it the database file's permissions",
				  path, suffix);
	strbuf_release(&name);
	return status;
}

/*
 * SQLite reads a WAL database only where its -shm file exists or may be
 * created (https://sqlite.org/wal.html, "Read-only databases"); the
 * immutable=1 way round it would read wrong pages while the owner
 * writes.  A user who may not write the folder, when the -shm file is
 * missing (a copy, or the sqlite3 shell removed it on close), gets a
 * bare "attempt to write a readonly database" from SQLite: this says
 * what is wrong instead, exit 77.
 */
int db_file_check_wal(const char *path)
{
	struct strbuf shm = { 0 };
	char *dir, *slash;
	int status, missing;

	if (!is_wal(path))
		return BIZ_OK;
	if ((status = unreadable_beside(path, "-shm")) ||
	    (status = unreadable_beside(path, "-wal")))
		return status;
	strbuf_addf(&shm, "%s-shm", path);
	missing = access(shm.buf, F_OK) != 0 && errno == ENOENT;
	strbuf_release(&shm);
	if (!missing)
		return BIZ_OK;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, strlen(dir) + 1, "%s", ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (access(dir, W_OK | X_OK) != 0)
		status = biz_fail(BIZ_NOPERM, "cannot read '%s': it is in WAL "
				  "mode, its -shm file is missing and this "
				  "user may not create it in '%s'; ask its "
				  "owner to run biz-check on it once (which "
				  "leaves the -shm file), or to let this user "
				  "write the folder", path, dir);
	free(dir);
	return status;
}
