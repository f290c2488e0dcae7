/*
 * check_score.c - the score's behaviour (RULES.md 5, "what right means"),
 * through the public API only.
 *
 * Pairs (tests/score/pairs/NN-weak.md, NN-strong.md): the same story of
 * 80-200 words written weakly (activity narration, hedges, vague
 * quantities, slogans) and strongly (decisions with owners, causes, costs,
 * what was ruled out). For every pair:
 *   - the strong version scores at least PAIR_MARGIN points more;
 *   - its judgment sub-score is higher (decisions are rewarded as such);
 *   - the weak version's findings name its problems: rule ids hedge,
 *     vague.quantity and activity, and it has advice that names a
 *     sub-score and the points it would gain.
 * Pairs whose strong version has no number at all (no digit and no number
 * word) must be at least NO_NUMBER_PAIRS; the analyzer must see no metric
 * in them, and they must still win by PAIR_MARGIN: the score does not
 * reward numbers alone.
 *
 * Whole memos (tests/score/memos): a strong and a weak six-pager, a
 * complete and an incomplete PR/FAQ. The strong one wins by MEMO_MARGIN;
 * both members of a pair have the expected kind; the weak one's findings
 * name its missing sections and elements and its writing problems; the
 * strong one has none of the structural findings.
 *
 * The figures (scores, margins) are printed to stdout for the log.
 */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <memo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "A clear margin", in score points (0-100). */
#define PAIR_MARGIN 10.0
#define MEMO_MARGIN 15.0
#define MIN_PAIRS 20
#define NO_NUMBER_PAIRS 5
#define MAX_PAIRS 100

static char s_root[4096];
static int s_ids[MAX_PAIRS];
static int s_npairs;
static memo_analyzer *s_an;

static int s_cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void s_path(char *buf, size_t n, const char *sub, int id,
	const char *which)
{
	if (id >= 0)
		snprintf(buf, n, "%s/tests/score/%s/%02d-%s.md", s_root, sub,
			id, which);
	else
		snprintf(buf, n, "%s/tests/score/%s/%s.md", s_root, sub,
			which);
}

static void s_find_pairs(void)
{
	char dir[4200];
	snprintf(dir, sizeof dir, "%s/tests/score/pairs", s_root);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && s_npairs < MAX_PAIRS) {
		int id;
		char tail[16];
		if (sscanf(e->d_name, "%d-%15s", &id, tail) != 2 ||
		    strcmp(tail, "weak.md") != 0)
			continue;
		char path[4400];
		s_path(path, sizeof path, "pairs", id, "strong");
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fclose(f);
		s_ids[s_npairs++] = id;
	}
	closedir(d);
	qsort(s_ids, (size_t)s_npairs, sizeof *s_ids, s_cmp_int);
}

/* One analyzed file. */
typedef struct s_doc {
	memo_document *doc;
	memo_report *rep;
	double score;
} s_doc;

static s_doc s_load(const char *path)
{
	s_doc d = { 0 };
	ck_assert_msg(memo_document_parse_file(&d.doc, path, NULL) == MEMO_OK,
		"%s: %s", path, memo_error_message(memo_error_last()));
	ck_assert_int_eq(memo_analyze(&d.rep, s_an, d.doc), MEMO_OK);
	ck_assert_int_eq(memo_report_score(d.rep, NULL, NULL, &d.score),
		MEMO_OK);
	return d;
}

static void s_free(s_doc *d)
{
	memo_report_free(d->rep);
	memo_document_free(d->doc);
}

static double s_sub(const s_doc *d, const char *sub)
{
	double v = -1;
	ck_assert_int_eq(memo_report_score(d->rep, NULL, sub, &v), MEMO_OK);
	return v;
}

/* Findings of rule @p rule (exact id). */
static size_t s_count(const s_doc *d, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < memo_report_finding_count(d->rep); i++) {
		const char *id = memo_finding_rule_id(
			memo_report_finding_at(d->rep, i));
		n += id && strcmp(id, rule) == 0;
	}
	return n;
}

/* The advice exists, is sorted by points, and each item names the
 * sub-score it belongs to and the points it gains. */
static void s_check_advice(const s_doc *d, const char *what)
{
	size_t n = memo_report_advice_count(d->rep);
	ck_assert_msg(n >= 1, "%s: no advice", what);
	double prev = 1e9;
	for (size_t i = 0; i < n; i++) {
		double pts = 0;
		const char *m = memo_report_advice_at(d->rep, i, &pts);
		ck_assert_ptr_nonnull(m);
		ck_assert_msg(pts > 0 && pts <= prev, "%s: advice %zu gains "
			"%.2f points after %.2f", what, i, pts, prev);
		prev = pts;
		bool named = false;
		for (size_t k = 0; k < memo_subscore_count(); k++) {
			const char *s = memo_subscore_name(k);
			named |= strncmp(m, s, strlen(s)) == 0;
		}
		ck_assert_msg(named, "%s: advice \"%s\" names no sub-score",
			what, m);
		ck_assert_msg(strstr(m, "points") != NULL, "%s: advice \"%s\" "
			"does not say what it gains", what, m);
	}
}

/* The text has no number: no digit and no number word. */
static bool s_has_number(const char *path)
{
	static const char *const words[] = { "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "twenty", "thirty", "forty", "fifty", "hundred",
		"thousand", "million", "billion", "dozen", "half", "twice",
		"double", "triple", "percent", "first", "second", "third" };
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char word[64];
	size_t wl = 0;
	bool found = false;
	for (int c; !found && (c = fgetc(f)) != EOF;) {
		if (isdigit(c)) {
			found = true;
		} else if (isalpha(c)) {
			if (wl + 1 < sizeof word)
				word[wl++] = (char)tolower(c);
		} else {
			word[wl] = '\0';
			for (size_t i = 0; wl && i < sizeof words /
			     sizeof *words; i++)
				found |= strcmp(word, words[i]) == 0;
			wl = 0;
		}
	}
	fclose(f);
	return found;
}

/* ---- pairs ------------------------------------------------------------ */

START_TEST(test_enough_pairs)
{
	ck_assert_msg(s_npairs >= MIN_PAIRS, "only %d pairs", s_npairs);
	int nonum = 0;
	for (int i = 0; i < s_npairs; i++) {
		char path[4400];
		s_path(path, sizeof path, "pairs", s_ids[i], "strong");
		nonum += !s_has_number(path);
	}
	ck_assert_msg(nonum >= NO_NUMBER_PAIRS, "only %d strong versions "
		"without numbers", nonum);
}
END_TEST

START_TEST(test_pair)
{
	int id = s_ids[_i];
	char wp[4400], sp[4400];
	s_path(wp, sizeof wp, "pairs", id, "weak");
	s_path(sp, sizeof sp, "pairs", id, "strong");
	s_doc w = s_load(wp), s = s_load(sp);

	/* 80-200 words of prose each */
	double words = 0;
	ck_assert_int_eq(memo_report_metric(w.rep, NULL, "words", &words), 0);
	ck_assert_msg(words >= 80 && words <= 200, "%s: %g words", wp, words);
	ck_assert_int_eq(memo_report_metric(s.rep, NULL, "words", &words), 0);
	ck_assert_msg(words >= 80 && words <= 200, "%s: %g words", sp, words);

	ck_assert_msg(s.score - w.score >= PAIR_MARGIN, "pair %02d: strong "
		"%.1f, weak %.1f: margin %.1f < %.0f", id, s.score, w.score,
		s.score - w.score, PAIR_MARGIN);
	ck_assert_msg(s_sub(&s, "judgment") > s_sub(&w, "judgment"),
		"pair %02d: judgment strong %.1f <= weak %.1f", id,
		s_sub(&s, "judgment"), s_sub(&w, "judgment"));

	/* the reasons: the weak version's findings and advice */
	const char *const expected[] = { "hedge", "vague.quantity",
		"activity" };
	for (size_t k = 0; k < 3; k++) {
		ck_assert_msg(s_count(&w, expected[k]) > 0, "pair %02d: the "
			"weak version has no %s finding", id, expected[k]);
		ck_assert_msg(s_count(&w, expected[k]) > s_count(&s,
			expected[k]), "pair %02d: %s findings: weak %zu, "
			"strong %zu", id, expected[k], s_count(&w, expected[k]),
			s_count(&s, expected[k]));
	}
	s_check_advice(&w, wp);

	/* a strong version with no number is seen as such */
	if (!s_has_number(sp)) {
		double md = -1;
		ck_assert_int_eq(memo_report_metric(s.rep, NULL,
			"metric_density", &md), MEMO_OK);
		ck_assert_msg(md == 0, "%s has no number but metric_density "
			"%g", sp, md);
	}
	printf("pair %02d: weak %5.1f strong %5.1f margin %5.1f%s\n", id,
		w.score, s.score, s.score - w.score,
		s_has_number(sp) ? "" : " (strong has no number)");
	s_free(&w);
	s_free(&s);
}
END_TEST

/* The margins of all pairs, for the log: min and median. */
START_TEST(test_pair_summary)
{
	double m[MAX_PAIRS];
	for (int i = 0; i < s_npairs; i++) {
		char wp[4400], sp[4400];
		s_path(wp, sizeof wp, "pairs", s_ids[i], "weak");
		s_path(sp, sizeof sp, "pairs", s_ids[i], "strong");
		s_doc w = s_load(wp), s = s_load(sp);
		m[i] = s.score - w.score;
		s_free(&w);
		s_free(&s);
	}
	for (int i = 1; i < s_npairs; i++)
		for (int j = i; j > 0 && m[j] < m[j - 1]; j--) {
			double t = m[j];
			m[j] = m[j - 1];
			m[j - 1] = t;
		}
	ck_assert_int_gt(s_npairs, 0);
	double med = s_npairs % 2 ? m[s_npairs / 2] :
		(m[s_npairs / 2 - 1] + m[s_npairs / 2]) / 2;
	printf("pairs: %d, margin min %.1f, median %.1f, max %.1f\n",
		s_npairs, m[0], med, m[s_npairs - 1]);
	ck_assert_msg(m[0] >= PAIR_MARGIN, "smallest margin %.1f", m[0]);
}
END_TEST

/* ---- whole memos -------------------------------------------------------- */

static void s_memo_pair(const char *strong, const char *weak,
	const char *kind, const char *const *weak_rules, size_t nweak,
	const char *const *strong_none, size_t nnone, double min_strong,
	double min_weak)
{
	char sp[4400], wp[4400];
	s_path(sp, sizeof sp, "memos", -1, strong);
	s_path(wp, sizeof wp, "memos", -1, weak);
	s_doc s = s_load(sp), w = s_load(wp);
	printf("%s %.1f (%s) vs %s %.1f (%s): margin %.1f\n", strong,
		s.score, memo_report_kind(s.rep), weak, w.score,
		memo_report_kind(w.rep), s.score - w.score);
	for (size_t k = 0; k < memo_subscore_count(); k++)
		printf("  %-12s %5.1f %5.1f\n", memo_subscore_name(k),
			s_sub(&s, memo_subscore_name(k)),
			s_sub(&w, memo_subscore_name(k)));
	double words = 0;
	ck_assert_int_eq(memo_report_metric(s.rep, NULL, "words", &words), 0);
	ck_assert_msg(words >= min_strong, "%s: %g words", sp, words);
	ck_assert_int_eq(memo_report_metric(w.rep, NULL, "words", &words), 0);
	ck_assert_msg(words >= min_weak, "%s: %g words", wp, words);

	ck_assert_str_eq(memo_report_kind(s.rep), kind);
	ck_assert_str_eq(memo_report_kind(w.rep), kind);
	ck_assert_msg(s.score - w.score >= MEMO_MARGIN, "%s %.1f vs %s %.1f: "
		"margin %.1f < %.0f", strong, s.score, weak, w.score,
		s.score - w.score, MEMO_MARGIN);
	ck_assert_msg(s_sub(&s, "structure") > s_sub(&w, "structure"),
		"structure: %s %.1f <= %s %.1f", strong,
		s_sub(&s, "structure"), weak, s_sub(&w, "structure"));
	for (size_t k = 0; k < nweak; k++)
		ck_assert_msg(s_count(&w, weak_rules[k]) > 0, "%s: no %s "
			"finding", weak, weak_rules[k]);
	for (size_t k = 0; k < nnone; k++)
		ck_assert_msg(s_count(&s, strong_none[k]) == 0, "%s: %zu %s "
			"findings", strong, s_count(&s, strong_none[k]),
			strong_none[k]);
	s_check_advice(&w, wp);
	for (size_t i = 0; i < memo_report_advice_count(w.rep); i++)
		printf("  advice: %s\n", memo_report_advice_at(w.rep, i, NULL));
	s_free(&s);
	s_free(&w);
}

START_TEST(test_six_pager)
{
	const char *const weak[] = { "structure.missing-section",
		"structure.bullets", "narrative.ask", "narrative.tenets",
		"hedge", "vague.quantity", "activity", "slogan" };
	const char *const none[] = { "structure.missing-section",
		"narrative.ask" };
	s_memo_pair("six-pager-strong", "six-pager-weak", "narrative", weak,
		sizeof weak / sizeof *weak, none, sizeof none / sizeof *none,
		1000, 1000);
}
END_TEST

START_TEST(test_prfaq)
{
	const char *const weak[] = { "prfaq.dateline",
		"prfaq.customer-quote", "prfaq.getting-started",
		"prfaq.faq-question", "prfaq.internal-faq", "hedge",
		"vague.quantity", "slogan" };
	const char *const none[] = { "structure.missing-section",
		"prfaq.headline", "prfaq.subheading", "prfaq.dateline",
		"prfaq.problem", "prfaq.solution", "prfaq.leader-quote",
		"prfaq.customer-quote", "prfaq.getting-started",
		"prfaq.call-to-action", "prfaq.faq-question",
		"prfaq.external-faq", "prfaq.internal-faq",
		"prfaq.internal-faq-topic" };
	s_memo_pair("prfaq-complete", "prfaq-incomplete", "prfaq", weak,
		sizeof weak / sizeof *weak, none, sizeof none / sizeof *none,
		600, 250);
}
END_TEST

int main(void)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	snprintf(s_root, sizeof s_root, "%s", root && *root ? root : ".");
	s_find_pairs();
	if (memo_analyzer_new(&s_an, NULL) != MEMO_OK) {
		fprintf(stderr, "memo_analyzer_new failed\n");
		return EXIT_FAILURE;
	}
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("pairs");
	tcase_add_test(tc, test_enough_pairs);
	tcase_add_loop_test(tc, test_pair, 0, s_npairs);
	tcase_add_test(tc, test_pair_summary);
	suite_add_tcase(s, tc);
	TCase *tm = tcase_create("memos");
	tcase_add_test(tm, test_six_pager);
	tcase_add_test(tm, test_prfaq);
	suite_add_tcase(s, tm);
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	memo_analyzer_free(s_an);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
