/*
 * bench_util.c - see bench_util.h.
 */
#include "bench_util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

const char *bu_ext[8];
int bu_next;

void *bu_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL) {
		perror("realloc");
		exit(2);
	}
	return q;
}

/* ---------------------------------------------------------------- time */

double bu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the process: unlike wall time, it leaves out the time the
 * scheduler gave to other jobs on the same core (a busy machine). */
double bu_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int s_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bu_median(double *v, size_t n)
{
	if (n == 0)
		return 0.0;
	qsort(v, n, sizeof *v, s_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* ------------------------------------------------------------- memory */

long bu_maxrss_kb(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return -1;
	return ru.ru_maxrss; /* kilobytes on Linux */
}

/* A field ("VmHWM:", "VmRSS:") of /proc/self/status in kB, or -1. */
long bu_status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (f == NULL)
		return -1;
	char line[256];
	long v = -1;
	size_t fl = strlen(field);
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, field, fl) == 0) {
			v = strtol(line + fl, NULL, 10);
			break;
		}
	}
	fclose(f);
	return v;
}

/*
 * Reset the peak-RSS high-water mark (VmHWM, which ru_maxrss reads) to
 * the current RSS, so that each engine's peak is its own. Linux >= 4.0.
 */
int bu_reset_hwm(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f == NULL)
		return -1;
	int ok = fputs("5", f) >= 0;
	ok = (fclose(f) == 0) && ok;
	return ok ? 0 : -1;
}

/* -------------------------------------------------------------- files */

static int s_has_ext(const char *path)
{
	if (bu_next == 0)
		return 1;
	size_t pl = strlen(path);
	for (int i = 0; i < bu_next; i++) {
		size_t el = strlen(bu_ext[i]);
		if (pl >= el && strcmp(path + pl - el, bu_ext[i]) == 0)
			return 1;
	}
	return 0;
}

static void s_push(flist *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = bu_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].path = strdup(path);
	l->v[l->n].data = NULL;
	l->v[l->n].len = 0;
	l->n++;
}

static void s_walk(flist *l, const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = malloc(n);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				s_walk(l, p);
			else if (S_ISREG(st.st_mode) && s_has_ext(p))
				s_push(l, p);
		}
		free(p);
	}
	closedir(d);
}

static void s_add_list(flist *l, const char *listfile)
{
	FILE *f = fopen(listfile, "r");
	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", listfile, strerror(errno));
		exit(2);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n > 0)
			s_push(l, line);
	}
	free(line);
	fclose(f);
}

void bu_add(flist *l, const char *arg)
{
	struct stat st;
	if (arg[0] == '@') {
		s_add_list(l, arg + 1);
	} else if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		s_walk(l, arg);
	} else {
		s_push(l, arg);
	}
}

int bu_cmp_path(const void *a, const void *b)
{
	return strcmp(((const bfile *)a)->path, ((const bfile *)b)->path);
}

int bu_read(bfile *f)
{
	FILE *fp = fopen(f->path, "rb");
	if (fp == NULL) {
		fprintf(stderr, "%s: %s\n", f->path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(fp), &st) != 0) {
		fclose(fp);
		return -1;
	}
	size_t len = (size_t)st.st_size;
	/* one byte more: md4c reads with string functions, so the
	 * buffer handed to it must be terminated */
	f->data = malloc(len + 1);
	if (f->data)
		f->data[len] = '\0';
	if (f->data == NULL || fread(f->data, 1, len, fp) != len) {
		fprintf(stderr, "%s: short read\n", f->path);
		fclose(fp);
		free(f->data);
		f->data = NULL;
		return -1;
	}
	fclose(fp);
	f->len = len;
	return 0;
}


void bu_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
