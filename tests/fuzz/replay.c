/*
 * replay.c - runs a fuzz target once on each file named, or on each file
 * of each folder named, without libFuzzer: `make check` replays the seed
 * corpora (and any crash kept) this way with the ordinary compiler.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0, n;

	if (!fp) {
		perror(path);
		return 1;
	}
	do {
		if (size == cap) {
			cap = cap ? cap * 2 : 4096;
			data = realloc(data, cap);
			if (!data)
				abort();
		}
		n = fread(data + size, 1, cap - size, fp);
		size += n;
	} while (n > 0);
	fclose(fp);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0, count = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *dir;
		struct dirent *e;

		if (stat(argv[i], &st) || !S_ISDIR(st.st_mode)) {
			failed |= replay_file(argv[i]);
			count++;
			continue;
		}
		if (!(dir = opendir(argv[i]))) {
			perror(argv[i]);
			return 1;
		}
		while ((e = readdir(dir))) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i],
				 e->d_name);
			failed |= replay_file(path);
			count++;
		}
		closedir(dir);
	}
	printf("%d inputs replayed\n", count);
	return failed;
}
