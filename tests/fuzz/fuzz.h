/*
 * fuzz.h - what the fuzz targets share.  Each tests/fuzz/NAME.c defines
 * LLVMFuzzerTestOneInput(); `make fuzz` links it with libFuzzer (clang),
 * `make check` with replay.c (gcc), which runs it once on every file of
 * tests/fuzz/corpus/NAME/.  A broken invariant calls fuzz_fail(), which
 * aborts: libFuzzer keeps the input as a crash.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of data (NUL bytes in it end the text early). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define fuzz_fail(...)                                                   \
	do {                                                             \
		fprintf(stderr, "fuzz: " __VA_ARGS__);                   \
		fputc('\n', stderr);                                     \
		abort();                                                 \
	} while (0)

#endif
