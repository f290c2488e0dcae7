/*
 * standalone.c - replay fuzz inputs without libFuzzer, as an ordinary
 * test (libgit2's standalone_driver.c, jansson's standaloneengine.cc).
 *
 * Usage: fuzz_<harness>_replay FILE-OR-FOLDER...
 * Every regular file named, or found (not recursively) in a folder named,
 * is passed once to LLVMFuzzerTestOneInput. A harness bug aborts; the
 * sanitizers of the build, if any, report the rest. Prints TAP.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static size_t s_count;

static int s_run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("not ok %zu - %s: %s\n", ++s_count, path,
			strerror(errno));
		return 1;
	}
	size_t cap = 4096, n = 0, k;
	uint8_t *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			uint8_t *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf) {
		printf("not ok %zu - %s: out of memory\n", ++s_count, path);
		return 1;
	}
	/* announce first: a crash leaves the name in the log */
	fprintf(stderr, "replay %s (%zu bytes)\n", path, n);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	printf("ok %zu - %s\n", ++s_count, path);
	return 0;
}

static int s_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int s_run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		printf("not ok %zu - %s: %s\n", ++s_count, dir,
			strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	int fails = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *names);
			if (!nn)
				break;
			names = nn;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		if (!names[n])
			break;
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, s_cmp);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			fails += s_run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return fails;
}

int main(int argc, char **argv)
{
	int fails = 0;
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			printf("not ok %zu - %s: %s\n", ++s_count, argv[i],
				strerror(errno));
			fails++;
		} else if (S_ISDIR(st.st_mode)) {
			fails += s_run_dir(argv[i]);
		} else {
			fails += s_run_file(argv[i]);
		}
	}
	printf("1..%zu\n", s_count);
	return fails ? 1 : 0;
}
