/*
 * check_syllables_fast.c - white-box tests of the speed structures of the
 * syllable counter: the list indexes and the filter must find every list
 * entry that a plain scan of the lists would find, the end-rule shortcut
 * must skip only endings that no rule looks at, and the counter must be
 * safe to call from several threads at once, first calls included.
 *
 * syllables.c is compiled into this test (its statics are needed), with
 * its external names renamed so that they cannot clash with the library.
 */
#define memo__syllables t_syllables
#define memo__syllable_exception_count t_exception_count
#define memo__syllable_exception_at t_exception_at
#include "text/syllables.c"
#undef memo__syllables
#undef memo__syllable_exception_count
#undef memo__syllable_exception_at

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* the library's counter, for comparison */
uint32_t memo__syllables(const char *word, size_t len);

static void t_init(void)
{
	(void)pthread_once(&s_index_once, s_build_indexes);
}

/* A small deterministic generator (xorshift64). */
static uint64_t t_rng = 0x2545F4914F6CDD1Dull;

static uint32_t t_rand(uint32_t n)
{
	t_rng ^= t_rng << 13;
	t_rng ^= t_rng >> 7;
	t_rng ^= t_rng << 17;
	return (uint32_t)((t_rng >> 11) % n);
}

static bool t_letters(const char *s)
{
	for (; *s; s++)
		if (*s < 'a' || *s > 'z')
			return false;
	return true;
}

/* Lookups only visit two-letter buckets: every entry of the compound and
 * suffix lists has two letters a-z or more. */
START_TEST(test_list_entries_fit_the_index)
{
	for (size_t i = 0; i < S_COUNT(s_heads); i++)
		ck_assert_msg(strlen(s_heads[i]) >= 2 && t_letters(s_heads[i]),
			"head %s", s_heads[i]);
	for (size_t i = 0; i < S_COUNT(s_vprefixes); i++)
		ck_assert_msg(strlen(s_vprefixes[i]) >= 2 &&
			t_letters(s_vprefixes[i]), "prefix %s", s_vprefixes[i]);
	for (size_t i = 0; i < S_COUNT(s_tails); i++)
		ck_assert_msg(strlen(s_tails[i]) >= 2 && t_letters(s_tails[i]),
			"tail %s", s_tails[i]);
	for (size_t i = 0; i < S_COUNT(s_suffixes); i++)
		ck_assert_msg(strlen(s_suffixes[i].suf) >= 2 &&
			t_letters(s_suffixes[i].suf), "suffix %s",
			s_suffixes[i].suf);
}
END_TEST

/* Each entry is in the bucket of its first (last) two letters, once, and
 * the buckets keep list order. */
static void t_check_index(const s_index *ix, const void *list, size_t stride,
	size_t n, bool from_end, const char *name)
{
	size_t seen = 0;
	for (size_t k = 0; k < S_NBUCKET; k++)
		for (size_t j = ix->first[k]; j < ix->first[k + 1]; j++) {
			size_t p = ix->pos[j];
			const char *s = *(const char *const *)(const void *)
				((const char *)list + p * stride);
			size_t len = strlen(s);
			ck_assert_uint_lt(p, n);
			ck_assert_uint_eq(ix->len[p], len);
			unsigned want = from_end ? s_bucket(s[len - 1],
				len >= 2 ? s[len - 2] : '\0') :
				s_bucket(s[0], len >= 2 ? s[1] : '\0');
			ck_assert_msg(want == k, "%s: %s in the wrong bucket",
				name, s);
			if (j > ix->first[k])
				ck_assert_uint_lt(ix->pos[j - 1], p);
			seen++;
		}
	ck_assert_msg(seen == n, "%s: %zu of %zu entries indexed", name,
		seen, n);
}

START_TEST(test_indexes_hold_every_entry_in_order)
{
	t_init();
	t_check_index(&s_exc_ix, s_exceptions, sizeof s_exceptions[0],
		S_COUNT(s_exceptions), false, "exceptions");
	t_check_index(&s_head_ix, s_heads, sizeof s_heads[0],
		S_COUNT(s_heads), false, "heads");
	t_check_index(&s_vpre_ix, s_vprefixes, sizeof s_vprefixes[0],
		S_COUNT(s_vprefixes), false, "prefixes");
	t_check_index(&s_tail_ix, s_tails, sizeof s_tails[0],
		S_COUNT(s_tails), true, "tails");
	t_check_index(&s_suf_ix, s_suffixes, sizeof s_suffixes[0],
		S_COUNT(s_suffixes), true, "suffixes");
}
END_TEST

static bool t_starts(const char *w, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(w, p, k) == 0;
}

static bool t_ends(const char *w, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(w + n - k, p, k) == 0;
}

/* The plain scan: which lists (S_PRE_LISTS, S_END_LISTS) have an entry
 * that can take part for w[0..n) under the length conditions of s_count2
 * and its helpers? */
static bool t_pre_can_match(const char *w, size_t n)
{
	for (size_t i = 0; i < S_COUNT(s_exceptions); i++) {
		const char *e = s_exceptions[i].word;
		size_t l = strlen(e);
		if (l <= n && l + 2 >= n && memcmp(w, e, l) == 0)
			return true;
	}
	for (size_t i = 0; i < S_COUNT(s_heads); i++)
		if (n >= strlen(s_heads[i]) + 2 && t_starts(w, n, s_heads[i]))
			return true;
	for (size_t i = 0; i < S_COUNT(s_vprefixes); i++)
		if (n >= strlen(s_vprefixes[i]) + 4 &&
		    t_starts(w, n, s_vprefixes[i]))
			return true;
	return false;
}

static bool t_end_can_match(const char *w, size_t n)
{
	for (size_t i = 0; i < S_COUNT(s_tails); i++) {
		size_t tl = strlen(s_tails[i]);
		if (n >= tl + 3 && t_ends(w, n, s_tails[i]))
			return true;
		if (n >= tl + 4 && w[n - 1] == 's' &&
		    t_ends(w, n - 1, s_tails[i]))
			return true;
	}
	for (size_t i = 0; i < S_COUNT(s_suffixes); i++)
		if (n >= strlen(s_suffixes[i].suf) + s_suffixes[i].min_stem &&
		    t_ends(w, n, s_suffixes[i].suf))
			return true;
	return false;
}

static unsigned t_lists_can_match(const char *w, size_t n)
{
	return (t_pre_can_match(w, n) ? S_PRE_LISTS : 0u) |
		(t_end_can_match(w, n) ? S_END_LISTS : 0u);
}

static const char *t_pick(void)
{
	switch (t_rand(6)) {
	case 0:
		return s_exceptions[t_rand(S_COUNT(s_exceptions))].word;
	case 1:
		return s_heads[t_rand(S_COUNT(s_heads))];
	case 2:
		return s_vprefixes[t_rand(S_COUNT(s_vprefixes))];
	case 3:
		return s_tails[t_rand(S_COUNT(s_tails))];
	case 4:
		return s_suffixes[t_rand(S_COUNT(s_suffixes))].suf;
	default:
		return "";
	}
}

/* The filter never says "no" for a side (prefix or suffix lists) when the
 * plain scan says "maybe": words made of list entries, random letters and
 * a final s, and all short words. */
START_TEST(test_filter_is_a_superset)
{
	t_init();
	char w[S_MAXRUN + 1];
	size_t checked = 0, hits = 0;
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int parts = 1 + (int)t_rand(3);
		for (int p = 0; p < parts; p++) {
			const char *e = t_pick();
			size_t k = strlen(e);
			if (p > 0 && t_rand(2))
				for (uint32_t r = t_rand(4); r > 0 &&
				     n < S_MAXRUN; r--)
					w[n++] = (char)('a' + t_rand(26));
			if (n + k > S_MAXRUN)
				break;
			memcpy(w + n, e, k);
			n += k;
		}
		if (t_rand(4) == 0 && n < S_MAXRUN)
			w[n++] = 's';
		/* also pieces of it: w[a..b) */
		for (size_t a = 0; a < n; a += 1 + t_rand(3))
			for (size_t b = n; b > a; b--) {
				unsigned want = t_lists_can_match(w + a,
					b - a);
				if (want != 0) {
					hits++;
					ck_assert_msg((s_lists_may_match(w + a,
						b - a) & want) == want,
						"filter misses %.*s",
						(int)(b - a), w + a);
				}
				checked++;
			}
	}
	/* every word of one to three letters */
	for (size_t n = 1; n <= 3; n++) {
		size_t total = 1;
		for (size_t i = 0; i < n; i++)
			total *= 26;
		for (size_t c = 0; c < total; c++) {
			size_t v = c;
			for (size_t i = 0; i < n; i++, v /= 26)
				w[i] = (char)('a' + v % 26);
			unsigned want = t_lists_can_match(w, n);
			ck_assert((s_lists_may_match(w, n) & want) == want);
			checked++;
		}
	}
	ck_assert_uint_gt(hits, 10000);
	ck_assert_uint_gt(checked, 200000);
}
END_TEST

/* s_core runs the end rules only under the endings of s_end_rule_pairs:
 * under any other ending they must change nothing. */
START_TEST(test_end_rule_shortcut)
{
	char w[S_MAXRUN];
	uint8_t mk[S_MAXRUN];
	size_t tried = 0;
	for (char last = 'a'; last <= 'z'; last++)
		for (char before = 'a'; before <= 'z'; before++) {
			if (s_in(before, s_end_rule_pairs[last & 31]))
				continue;
			for (int r = 0; r < 500; r++) {
				size_t n = 2 + t_rand(7);
				for (size_t i = 0; i + 2 < n; i++) {
					w[i] = (char)('a' + t_rand(26));
					mk[i] = (uint8_t)t_rand(4);
				}
				w[n - 2] = before;
				w[n - 1] = last;
				mk[n - 2] = (uint8_t)t_rand(4);
				mk[n - 1] = (uint8_t)t_rand(4);
				uint64_t vm = ((uint64_t)t_rand(1u << 16) << 16 |
					t_rand(1u << 16)) & S_LOW(n);
				int c = (int)t_rand(6);
				bool stem = t_rand(2) != 0;
				ck_assert_msg(s_end_rules(w, mk, n, vm, stem, c)
					== c, "end rules apply under -%c%c",
					before, last);
				tried++;
			}
		}
	ck_assert_uint_gt(tried, 300000);
}
END_TEST

/* The nucleus table is s_vowel_at for the letters it decides alone. */
START_TEST(test_nucleus_table)
{
	char w[8];
	for (int r = 0; r < 100000; r++) {
		size_t n = 1 + t_rand(8);
		for (size_t i = 0; i < n; i++)
			w[i] = (char)('a' + t_rand(26));
		for (size_t i = 0; i < n; i++) {
			unsigned k = s_nucleus[(unsigned char)w[i]];
			if (k == 2)
				ck_assert(w[i] == 'u' || w[i] == 'y');
			else
				ck_assert_uint_eq(k, s_vowel_at(w, n, i));
		}
	}
}
END_TEST

/* The compiled-in copy and the library give the same counts (a smoke test
 * that this file tests what the library runs). */
START_TEST(test_copy_matches_library)
{
	static const char *const words[] = {
		"the", "business", "organization", "customers", "activation",
		"decided", "implementation", "grapefruits", "microeconomic",
		"everyone", "anything", "basically", "statements", "recipes",
		"don't", "kube-apiserver", "na\xc3\xafve", "3.5", "HTML",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		ck_assert_uint_eq(t_syllables(words[i], strlen(words[i])),
			memo__syllables(words[i], strlen(words[i])));
}
END_TEST

/* First calls from several threads at once (the indexes are built under
 * pthread_once), then many calls: same counts as one thread. */
#define T_THREADS 4
#define T_WORDS 2000

static char t_words[T_WORDS][24];
static uint32_t t_want[T_WORDS];

static void *t_worker(void *arg)
{
	size_t bad = 0;
	(void)arg;
	for (int round = 0; round < 20; round++)
		for (size_t i = 0; i < T_WORDS; i++)
			if (t_syllables(t_words[i], strlen(t_words[i])) !=
			    t_want[i])
				bad++;
	return (void *)(uintptr_t)bad;
}

START_TEST(test_threads)
{
	/* the reference counts come from the library's copy, so that this
	 * copy's indexes are first built by the threads below */
	for (size_t i = 0; i < T_WORDS; i++) {
		size_t n = 0;
		while (n < 20) {
			const char *e = t_pick();
			size_t k = strlen(e);
			if (n + k > 20)
				break;
			memcpy(t_words[i] + n, e, k);
			n += k;
			if (t_rand(2))
				break;
		}
		if (n == 0)
			t_words[i][n++] = 'a';
		t_words[i][n] = '\0';
		t_want[i] = memo__syllables(t_words[i], n);
	}
	ck_assert(!atomic_load(&s_index_ready));
	pthread_t th[T_THREADS];
	for (int i = 0; i < T_THREADS; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, t_worker, NULL),
			0);
	for (int i = 0; i < T_THREADS; i++) {
		void *bad;
		ck_assert_int_eq(pthread_join(th[i], &bad), 0);
		ck_assert_uint_eq((uintptr_t)bad, 0);
	}
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("syllables-fast");
	TCase *tc = tcase_create("syllables-fast");
	tcase_set_timeout(tc, 120);
	/* first, in case the tests share a process (CK_FORK=no): the
	 * indexes must not be built yet */
	tcase_add_test(tc, test_threads);
	tcase_add_test(tc, test_list_entries_fit_the_index);
	tcase_add_test(tc, test_indexes_hold_every_entry_in_order);
	tcase_add_test(tc, test_filter_is_a_superset);
	tcase_add_test(tc, test_end_rule_shortcut);
	tcase_add_test(tc, test_nucleus_table);
	tcase_add_test(tc, test_copy_matches_library);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(s_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
