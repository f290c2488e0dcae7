/*
 * check_pairs.c - the same story written weakly and strongly
 * (tests/analyze/pairs/NN-weak.md and NN-strong.md, business-memo style;
 * the weak text narrates activity, hedges and uses vague quantities, the
 * strong one names metrics, decisions, causes and costs). For each pair:
 *   hedge density           weak > strong
 *   vague-quantity density  weak > strong
 *   metric density          strong > weak
 *   causal density          strong > weak
 * Each assertion is its own Check loop test, so a failure names the pair
 * and the metric. At least 20 pairs must exist. Public API only.
 */
#include <check.h>
#include <stdbool.h>
#include <dirent.h>
#include <memo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PAIRS 100

static char s_dir[4096];
static int s_ids[MAX_PAIRS];
static int s_npairs;
/* One analyzer for every test (made before the tests fork). */
static memo_analyzer *s_an;

static int s_cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Find NN-weak.md files that have an NN-strong.md partner. */
static void s_find_pairs(void)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	snprintf(s_dir, sizeof s_dir, "%s/tests/analyze/pairs",
		root && *root ? root : ".");
	DIR *d = opendir(s_dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && s_npairs < MAX_PAIRS) {
		int id;
		char tail[16];
		if (sscanf(e->d_name, "%d-%15s", &id, tail) != 2 ||
		    strcmp(tail, "weak.md") != 0)
			continue;
		char path[4200];
		snprintf(path, sizeof path, "%s/%02d-strong.md", s_dir, id);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fclose(f);
		s_ids[s_npairs++] = id;
	}
	closedir(d);
	qsort(s_ids, (size_t)s_npairs, sizeof *s_ids, s_cmp_int);
}

static double s_doc_metric(int id, const char *which, const char *metric)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%02d-%s.md", s_dir, id, which);
	memo_document *doc = NULL;
	memo_report *rep = NULL;
	ck_assert_msg(memo_document_parse_file(&doc, path, NULL) == MEMO_OK,
		"%s: %s", path, memo_error_message(memo_error_last()));
	ck_assert_int_eq(memo_analyze(&rep, s_an, doc), MEMO_OK);
	double v = 0;
	ck_assert_int_eq(memo_report_metric(rep, NULL, metric, &v), MEMO_OK);
	memo_report_free(rep);
	memo_document_free(doc);
	return v;
}

/* Assert metric(first) > metric(second) for pair _i. */
static void s_more(int i, const char *metric, const char *higher,
	const char *lower)
{
	int id = s_ids[i];
	double h = s_doc_metric(id, higher, metric);
	double l = s_doc_metric(id, lower, metric);
	ck_assert_msg(h > l, "pair %02d: %s of %s (%.3f) is not above %s "
		"(%.3f)", id, metric, higher, h, lower, l);
}

START_TEST(test_enough_pairs)
{
	ck_assert_msg(s_npairs >= 20, "only %d pairs in %s", s_npairs, s_dir);
}
END_TEST

START_TEST(test_hedges_weak)
{
	s_more(_i, "hedge_density", "weak", "strong");
}
END_TEST

START_TEST(test_vague_weak)
{
	s_more(_i, "vague_quantity_density", "weak", "strong");
}
END_TEST

START_TEST(test_metrics_strong)
{
	s_more(_i, "metric_density", "strong", "weak");
}
END_TEST

START_TEST(test_causes_strong)
{
	s_more(_i, "causal_density", "strong", "weak");
}
END_TEST

int main(void)
{
	s_find_pairs();
	if (memo_analyzer_new(&s_an, NULL) != MEMO_OK) {
		fprintf(stderr, "memo_analyzer_new failed\n");
		return EXIT_FAILURE;
	}
	Suite *s = suite_create("analyze-pairs");
	TCase *tc = tcase_create("pairs");
	tcase_add_test(tc, test_enough_pairs);
	tcase_add_loop_test(tc, test_hedges_weak, 0, s_npairs);
	tcase_add_loop_test(tc, test_vague_weak, 0, s_npairs);
	tcase_add_loop_test(tc, test_metrics_strong, 0, s_npairs);
	tcase_add_loop_test(tc, test_causes_strong, 0, s_npairs);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	memo_analyzer_free(s_an);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
