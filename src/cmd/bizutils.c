/*
 * bizutils - the one program behind every command: runs the command it
 * was called by (bin/inv-issue is a link to it), or the one its first
 * argument names.
 */
#include <stdio.h>
#include <string.h>

#include "biz.h"
#include "commands.h"

static const char usage[] =
	"usage: bizutils COMMAND [ARG...]\n"
	"       bizutils --list | --help | --version\n";

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

#define BIZ_COMMAND_ENTRY(name, fn) { name, fn },
static const struct command commands[] = {
	BIZ_COMMANDS(BIZ_COMMAND_ENTRY)
};
#undef BIZ_COMMAND_ENTRY
#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	const char *name = slash ? slash + 1 : argv[0];
	const struct command *cmd = find_command(name);

	if (cmd)
		return cmd->run(argc, argv);
	if (strcmp(name, "bizutils") != 0) {
		fprintf(stderr, "bizutils: '%s' is not a bizutils command\n",
			name);
		return BIZ_USAGE;
	}
	if (argc < 2) {
		fputs(usage, stderr);
		return BIZ_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage, stdout);
		return BIZ_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("bizutils %s\n", BIZ_VERSION);
		return BIZ_OK;
	}
	if (!strcmp(argv[1], "--list")) {
		for (size_t i = 0; i < COMMAND_COUNT; i++)
			puts(commands[i].name);
		return BIZ_OK;
	}
	if ((cmd = find_command(argv[1])))
		return cmd->run(argc - 1, argv + 1);
	fprintf(stderr, "bizutils: '%s' is not a bizutils command "
		"(bizutils --list names them)\n", argv[1]);
	fputs(usage, stderr);
	return BIZ_USAGE;
}
