/*
 * text_speed.c - throughput of the sentence splitter and the tokenizer.
 *
 *   text_speed [-r ROUNDS] [PATH...]
 *
 * PATH: .md files or directories searched recursively for *.md; by
 * default $MEMO_CORPUS/md (else ../shared/corpus/md from the source
 * root). Each file is read raw (no Markdown parsing): it is split into
 * sentences as one block of text (blank lines end sentences), then
 * every sentence is tokenized. Prints MB/s for splitting alone,
 * tokenizing alone and both, the best of ROUNDS (default 5) rounds,
 * measured in CPU time. Raw Markdown is a pessimistic input: code
 * blocks and markup are dense in the bytes the splitter must inspect,
 * and hard-wrapped lines add a line-break event every ~50 bytes; the
 * analyzer feeds paragraph text. Not a test: figures depend on the
 * machine.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "memo_internal.h"
#include "text/text.h"

typedef struct file {
	char *data;
	size_t len;
} file;

static file *g_files;
static size_t g_nfiles, g_capfiles, g_bytes;

static int s_add_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0) {
		fclose(f);
		return -1;
	}
	long n = ftell(f);
	rewind(f);
	if (n < 0 || (unsigned long)n > UINT32_MAX) {
		fclose(f);
		return -1;
	}
	char *d = malloc((size_t)n + 1);
	if (!d || fread(d, 1, (size_t)n, f) != (size_t)n) {
		free(d);
		fclose(f);
		return -1;
	}
	fclose(f);
	if (g_nfiles == g_capfiles) {
		g_capfiles = g_capfiles ? g_capfiles * 2 : 256;
		g_files = realloc(g_files, g_capfiles * sizeof *g_files);
		if (!g_files)
			exit(1);
	}
	g_files[g_nfiles].data = d;
	g_files[g_nfiles].len = (size_t)n;
	g_nfiles++;
	g_bytes += (size_t)n;
	return 0;
}

static void s_walk(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (S_ISREG(st.st_mode)) {
		s_add_file(path);
		return;
	}
	if (!S_ISDIR(st.st_mode))
		return;
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096];
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		size_t n = strlen(e->d_name);
		if (stat(sub, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			s_walk(sub);
		else if (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)
			s_add_file(sub);
	}
	closedir(d);
}

/* CPU time of this process: the 2-core build machines are shared, so
 * wall-clock time would measure the neighbours. */
static double s_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	int rounds = 5;
	int npaths = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
			rounds = atoi(argv[++i]);
			if (rounds < 1)
				rounds = 1;
			continue;
		}
		s_walk(argv[i]);
		npaths++;
	}
	if (npaths == 0) {
		char def[4096];
		const char *corpus = getenv("MEMO_CORPUS");
		const char *root = getenv("MEMO_SOURCE_ROOT");
		if (corpus)
			snprintf(def, sizeof def, "%s/md", corpus);
		else
			snprintf(def, sizeof def, "%s/../shared/corpus/md",
				root ? root : ".");
		s_walk(def);
	}
	if (g_nfiles == 0) {
		fprintf(stderr, "text_speed: no .md files found\n");
		return 1;
	}

	memo__sentvec sv;
	memo__tokvec tv;
	memo__sentvec_init(&sv);
	memo__tokvec_init(&tv);
	double best_split = 1e30, best_tok = 1e30, best_both = 1e30;
	size_t nsent = 0, ntok = 0, nwords = 0;
	for (int r = 0; r < rounds; r++) {
		/* splitting alone */
		double t0 = s_now();
		nsent = 0;
		for (size_t f = 0; f < g_nfiles; f++) {
			memo__sentvec_clear(&sv);
			if (memo__sentences_split(&sv, g_files[f].data,
					g_files[f].len, MEMO__SBD_NL_SOFT) != 0)
				return 1;
			nsent += sv.n;
		}
		double t1 = s_now();
		/* tokenizing alone (whole file) */
		ntok = 0;
		for (size_t f = 0; f < g_nfiles; f++) {
			memo__tokvec_clear(&tv);
			if (memo__tokenize(&tv, g_files[f].data, 0,
					g_files[f].len) != 0)
				return 1;
			ntok += tv.n;
		}
		double t2 = s_now();
		/* both: split, then tokenize each sentence */
		nwords = 0;
		for (size_t f = 0; f < g_nfiles; f++) {
			memo__sentvec_clear(&sv);
			if (memo__sentences_split(&sv, g_files[f].data,
					g_files[f].len, MEMO__SBD_NL_SOFT) != 0)
				return 1;
			for (size_t i = 0; i < sv.n; i++) {
				memo__tokvec_clear(&tv);
				if (memo__tokenize(&tv, g_files[f].data,
						sv.v[i].start, sv.v[i].end) != 0)
					return 1;
				for (size_t k = 0; k < tv.n; k++)
					nwords += tv.v[k].nwords;
			}
		}
		double t3 = s_now();
		if (t1 - t0 < best_split)
			best_split = t1 - t0;
		if (t2 - t1 < best_tok)
			best_tok = t2 - t1;
		if (t3 - t2 < best_both)
			best_both = t3 - t2;
	}
	double mb = (double)g_bytes / 1e6;
	printf("files %zu, %.1f MB, best of %d rounds (CPU time)\n", g_nfiles,
		mb, rounds);
	printf("split:    %8.1f MB/s  (%zu sentences)\n", mb / best_split,
		nsent);
	printf("tokenize: %8.1f MB/s  (%zu tokens)\n", mb / best_tok, ntok);
	printf("both:     %8.1f MB/s  (%zu words)\n", mb / best_both, nwords);
	memo__sentvec_free(&sv);
	memo__tokvec_free(&tv);
	for (size_t f = 0; f < g_nfiles; f++)
		free(g_files[f].data);
	free(g_files);
	return 0;
}
