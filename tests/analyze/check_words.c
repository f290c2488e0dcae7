/*
 * check_words.c - the fixed word lists of the context rules
 * (libmemo/analyze/words.c) are sorted and lower case, so that the binary
 * search finds every entry; and a few lookups the rules depend on.
 */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/hedge.h"
#include "analyze/words.h"

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

int main(void)
{
	Suite *s = suite_create("analyze-words");
	TCase *tc = tcase_create("words");
	tcase_add_test(tc, test_lists_sorted);
	tcase_add_test(tc, test_hedge_lists_sorted);
	tcase_add_test(tc, test_lookups);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
