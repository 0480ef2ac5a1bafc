/* biz-backup - an online copy of the database, safe while others write. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "commands.h"
#include "json.h"
#include "privfile.h"

enum { OPT_FORCE = CLI_FIRST_OWN };

static const struct option options[] = {
	{ "force", no_argument, NULL, OPT_FORCE },
	CLI_OPTIONS
};

/*
 * Backs up into a new file beside file (0600, made here, so no link is
 * followed), then puts it in place: link() refuses an existing file
 * unless --force, where rename() replaces it.  A run that fails or is
 * killed leaves file as it was.
 */
static int backup(struct cli *cli, const char *file, int force,
		  int64_t *size)
{
	struct strbuf tmp = { 0 };
	struct stat st;
	int fd, status;

	if ((fd = private_create_beside(file, &tmp)) < 0) {
		status = biz_fail(BIZ_NOINPUT, "%s: %s", tmp.buf,
				  strerror(errno));
		goto done;
	}
	close(fd);
	if ((status = db_backup(cli_db(cli), tmp.buf)))
		goto fail;
	if (force ? rename(tmp.buf, file) : link(tmp.buf, file)) {
		status = errno == EEXIST ?
			 biz_fail(BIZ_REFUSED, "'%s' exists: --force to "
				  "replace it", file) :
			 biz_fail(BIZ_NOINPUT, "%s: %s", file,
				  strerror(errno));
		goto fail;
	}
	if (!force)
		unlink(tmp.buf);
	*size = stat(file, &st) ? 0 : (int64_t)st.st_size;
	goto done;
fail:
	unlink(tmp.buf);
done:
	strbuf_release(&tmp);
	return status;
}

/* The storage check's record is not printed: only whether it failed. */
static int discard(struct sink *sink, const char *json, size_t len)
{
	(void)sink;
	(void)json;
	(void)len;
	return BIZ_OK;
}

/*
 * A damaged database is not backed up: the copy would carry the damage
 * and look like a good backup.  SQLite's quick_check, as biz-check runs.
 */
static int check_source(struct cli *cli)
{
	struct sink none = { discard };
	int failed, status = check_storage(cli_db(cli), 0, &none, &failed);

	if (status || !failed)
		return status;
	return biz_fail(BIZ_UNAVAILABLE, "'%s' is damaged (biz-check lists "
			"what SQLite found): a backup would copy the damage; "
			"keep the file as it is (cp) and restore an earlier "
			"backup", cli_db(cli)->path);
}

static int run(struct cli *cli, void *arg)
{
	struct json w = { { 0 }, 0 };
	struct stat st;
	int64_t size = 0;
	int c, force = 0, status;
	char **args;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1)
		if (c == OPT_FORCE)
			force = 1;
	cli_operands(cli, 1, 1, &args);
	/* Refused before the work when the answer is known already. */
	if (!force && !lstat(args[0], &st))
		return biz_fail(BIZ_REFUSED, "'%s' exists: --force to replace "
				"it", args[0]);
	cli_output(cli);
	if ((status = check_source(cli)) ||
	    (status = backup(cli, args[0], force, &size)))
		return status;
	json_object(&w);
	json_key_str(&w, "file", args[0]);
	json_key_int(&w, "bytes", size);
	json_key_int(&w, "schema_version", db_schema_version());
	json_end_object(&w);
	status = sink_put(cli_sink(cli), &w);
	json_release(&w);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options, "biz-backup [--force] FILE\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_backup(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
