/* biz-import - a biz-export folder into a new database. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "export.h"

static const struct option options[] = {
	CLI_OPTIONS
};

/* Removes the database file at path and its WAL and shared memory. */
static void remove_database(const char *path)
{
	struct strbuf sb = { 0 };

	unlink(path);
	strbuf_addf(&sb, "%s-wal", path);
	unlink(sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s-shm", path);
	unlink(sb.buf);
	strbuf_release(&sb);
}

static void tick(void *arg)
{
	cli_progress_tick(arg);
}

static int run(struct cli *cli, void *arg)
{
	struct cli_progress progress = { "rows read", 0, 0 };
	struct export_tick ticker = { tick, &progress };
	struct stat st;
	char **args, *path;
	int status;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	cli_operands(cli, 1, 1, &args);
	path = db_default_path(cli->db_path);
	status = lstat(path, &st) ? BIZ_OK :
		 biz_fail(BIZ_REFUSED, "'%s' exists: biz-import loads into "
			  "a new database (--db PATH)", path);
	free(path);
	if (status)
		return status;
	cli->spool = 1;
	cli_db_create(cli);
	cli_output(cli);
	status = import_dir(cli->db, args[0], cli_sink(cli), &ticker);
	cli_progress_end(&progress);
	if (!status)
		return status;
	/* Nothing half-made stays: the database this run created goes. */
	path = xstrdup(cli->db->path);
	db_close(cli->db);
	cli->db = NULL;
	remove_database(path);
	free(path);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options, "biz-import DIR\n", 0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_import(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
