/*
 * bench_util.h - what the benchmark programs share: clocks, the median,
 * peak-RSS readings, and the list of input files read into memory.
 */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stddef.h>
#include <stdio.h>

typedef struct bfile {
	char *path;
	char *data;   /* the file's bytes, NUL-terminated (md4c needs it) */
	size_t len;
} bfile;

typedef struct flist {
	bfile *v;
	size_t n;
	size_t cap;
} flist;

/* File name endings kept when a folder is walked (-x); none: all. */
extern const char *bu_ext[8];
extern int bu_next;

void *bu_xrealloc(void *p, size_t n);  /* exits on failure */
double bu_now(void);   /* CLOCK_MONOTONIC, seconds */
double bu_cpu(void);   /* CPU time of the process, seconds */
double bu_median(double *v, size_t n);  /* sorts v */
long bu_maxrss_kb(void);
long bu_status_kb(const char *field);  /* "VmHWM:", "VmRSS:"; -1 */
int bu_reset_hwm(void);                /* 0, or -1 (no clear_refs) */
void bu_add(flist *l, const char *arg);  /* FILE, DIR or @LIST */
int bu_cmp_path(const void *a, const void *b);
int bu_read(bfile *f);                 /* 0, or -1 with a message */
void bu_json_str(FILE *f, const char *s);

#endif
