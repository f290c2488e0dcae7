/*
 * check_words.c - the fixed word lists of the context rules
 * (libmemo/analyze/words.c) are sorted and lower case, so that the binary
 * search finds every entry; a few lookups the rules depend on; and the
 * analyzer's cache of word forms (wordforms.h): filled from its second
 * analysis on, read by the tables after it, and bounded.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/hedge.h"
#include "analyze/wordforms.h"
#include "analyze/words.h"
#include "lex/lex.h"
#include "memo.h"

START_TEST(test_lists_sorted)
{
	ck_assert(memo__wl_check());
}
END_TEST

START_TEST(test_hedge_lists_sorted)
{
	ck_assert(memo__hedge_lists_ok());
}
END_TEST

static bool s_has(memo__wordlist l, const char *w)
{
	return memo__wl_has(l, w, strlen(w));
}

START_TEST(test_lookups)
{
	ck_assert(s_has(MEMO__WL_BE, "Was"));
	ck_assert(s_has(MEMO__WL_GET, "got"));
	ck_assert(s_has(MEMO__WL_ADJ_PARTICIPLE, "interested"));
	ck_assert(s_has(MEMO__WL_ADJ_PARTICIPLE, "based"));
	ck_assert(!s_has(MEMO__WL_ADJ_PARTICIPLE, "removed"));
	ck_assert(s_has(MEMO__WL_NOT_PARTICIPLE, "indeed"));
	ck_assert(s_has(MEMO__WL_SO_TARGET, "much"));
	ck_assert(s_has(MEMO__WL_SUBJECT, "we"));
	ck_assert(s_has(MEMO__WL_ATTR_JUDGE, "regarded"));
	ck_assert(s_has(MEMO__WL_REPORT_PAST, "announced"));
	ck_assert(memo__wl_has_suffix(MEMO__WL_ADJ_SUFFIX, "popular", 7));
	ck_assert(!memo__wl_has_suffix(MEMO__WL_ADJ_SUFFIX, "ous", 3));
	ck_assert(memo__is_irregular_participle("written", 7));
}
END_TEST

/* One analysis's table over cache wc: the words w[0..n) (NUL-separated
 * in one buffer) added and classified, then published. */
static void s_analysis(memo__wcache *wc, const char *w, size_t n)
{
	memo__wforms f;
	memo__wforms_init(&f, wc);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(w);
		uint32_t idx;
		ck_assert_int_eq(memo__wforms_add(&f, w, len, &idx), MEMO_OK);
		(void)memo__wforms_is(&f, idx, MEMO__WL_BE);
		w += len + 1;
	}
	memo__wforms_publish(&f);
	memo__wforms_free(&f);
}

START_TEST(test_word_cache)
{
	memo__lex *lx;
	memo__wcache *wc;
	ck_assert_int_eq(memo__lex_new(&lx, 0), MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);
	ck_assert_int_eq(memo__wcache_new(&wc, lx), MEMO_OK);
	static const char two[] = "Was\0interested";
	s_analysis(wc, two, 2);
	ck_assert_uint_eq(memo__wcache_count(wc), 0); /* the first: none */
	s_analysis(wc, two, 2);
	ck_assert_uint_eq(memo__wcache_count(wc), 2);
	/* a later table takes the facts, in any ASCII case */
	memo__wforms f;
	uint32_t idx;
	memo__wforms_init(&f, wc);
	ck_assert_int_eq(memo__wforms_add(&f, "WAS", 3, &idx), MEMO_OK);
	ck_assert(f.v[idx].shared);
	ck_assert(memo__wforms_is(&f, idx, MEMO__WL_BE));
	ck_assert(!memo__wforms_is(&f, idx, MEMO__WL_GET));
	memo__wforms_free(&f);
	/* bounded: more distinct words than it holds */
	size_t n = MEMO__WCACHE_MAX + 5000;
	char *many = malloc(n * 8), *p = many;
	ck_assert_ptr_nonnull(many);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "w%06zu", i) + 1;
	s_analysis(wc, many, n);
	ck_assert_uint_eq(memo__wcache_count(wc), MEMO__WCACHE_MAX);
	free(many);
	memo__wcache_free(wc);
	memo__lex_free(lx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("analyze-words");
	TCase *tc = tcase_create("words");
	tcase_add_test(tc, test_lists_sorted);
	tcase_add_test(tc, test_hedge_lists_sorted);
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_word_cache);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
