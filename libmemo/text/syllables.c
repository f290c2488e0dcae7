/*
 * syllables.c - English syllable counting for the readability formulas.
 *
 * The counter works on one word. It folds case and Latin accents, splits
 * the word at hyphens and other separators (a compound counts as the sum
 * of its parts), counts a number as one syllable, handles clitics after an
 * apostrophe (boss's, it'll), spells vowel-less runs (html), and counts
 * each letter run with:
 *   1. a small table of irregular words (syllable-exceptions.txt),
 *   2. compounds whose first part ends in a silent e (some+thing,
 *      name+space, grape+fruit), every/any+one, and vowel-final prefixes
 *      before a vowel (micro+economic),
 *   3. peeling of productive suffixes (-ing, -ly, -ment, -ness, -less,
 *      -ful, -some; -ically = -ic + ly),
 *   4. vowel-group counting in which "qu", "gu" + vowel and a gliding y
 *      are consonants, and in which adjacent vowels are split into two
 *      syllables by hiatus rules (i-a, i-o, e-a in "idea", u-e in
 *      "fluent", re-/co- prefixes ...),
 *   5. end rules: silent final e (except syllabic -le/-re and -ire),
 *      silent e in -ed/-es, -gue, syllabic m in -ism/-thm, n't after a
 *      consonant.
 * The rules were developed against the CMU Pronouncing Dictionary; see
 * docs/metrics.md for the conventions and the measured accuracy.
 *
 * Speed: the counter runs on every word of every analyzed document and
 * must stay well under 0.1 us a word. How it gets there, without changing
 * any result:
 *   - a word of plain ASCII letters (nine in ten) is lower-cased and
 *     classified in one pass and counted at once (memo__syllables); the
 *     rest goes through the general loop (s_syllables_general);
 *   - the letters are carried as bit masks (s_cls), so the vowel rules
 *     visit only the vowels, not every letter (s_core);
 *   - a filter tells in a few instructions whether any word list can
 *     match; for about one word in six it says maybe, and indexes by two
 *     letters then find the candidates ("list indexes");
 *   - literal affixes are compared with lengths known at compile time
 *     (S_AT, S_ENDS), letter sets are bit masks (S_IN), and branches the
 *     processor cannot predict were taken out of the hot paths.
 * Nothing is allocated; the indexes are built once under pthread_once()
 * and only read afterwards, so the counter is thread-safe.
 * bench/syllable_speed.c measures the speed and dumps the results for a
 * large set of words, for before/after comparisons.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

/* Longest letter run that the rules look at; longer runs (never real
 * English words) are counted by plain vowel groups. */
#define S_MAXRUN 48
/* Recursion limit for suffix and compound peeling. */
#define S_MAXDEPTH 6

#define S_MK_DIAER 1u /* letter carried a diaeresis: starts a new group */
#define S_MK_ACUTE 2u /* final e carried an acute accent: pronounced */

/* ---- small helpers --------------------------------------------------------
 * w is always a run of lower-case ASCII letters a-z (accents are folded
 * before counting); '\0' stands for "no letter" before or after it.
 */

/* w[0..k) == s[0..k). A loop rather than memcmp(): the lengths are
 * small, and with a constant k (the macros below) the compiler unrolls it
 * into a few byte compares, which it does not do for memcmp() of odd
 * sizes. */
static inline bool s_same(const char *w, const char *s, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (w[i] != s[i])
			return false;
	return true;
}

/* Compare w[i..i+k) with s[0..k); used with literals (k constant). */
static inline bool s_at_k(const char *w, size_t n, size_t i, const char *s,
	size_t k)
{
	return i + k <= n && s_same(w + i, s, k);
}

static inline bool s_ends_k(const char *w, size_t n, const char *s, size_t k)
{
	return n >= k && s_same(w + n - k, s, k);
}

#define S_AT(w, n, i, lit) s_at_k((w), (n), (i), (lit), sizeof (lit) - 1)
#define S_STARTS(w, n, lit) s_at_k((w), (n), 0, (lit), sizeof (lit) - 1)
#define S_ENDS(w, n, lit) s_ends_k((w), (n), (lit), sizeof (lit) - 1)

/* A set of up to 8 lower-case letters as a bit mask (bit 0 = 'a'). The
 * compiler folds S_SET("aeiy") to a constant: the index into the literal
 * is a constant and is kept in range even for the unused terms; a longer
 * literal does not compile (negative array size). For expressions only:
 * indexing a literal is no constant expression in ISO C, so static tables
 * use S_BIT (below). */
#define S_SET_BIT(lit, i) ((i) < sizeof (lit) - 1 ? \
	1u << ((lit)[(i) < sizeof (lit) - 1 ? (i) : 0] - 'a') : 0u)
#define S_SET(lit) ((uint32_t)(0 * sizeof (char[sizeof (lit) <= 9 ? 1 : -1]) \
	| S_SET_BIT(lit, 0) | S_SET_BIT(lit, 1) | S_SET_BIT(lit, 2) \
	| S_SET_BIT(lit, 3) | S_SET_BIT(lit, 4) | S_SET_BIT(lit, 5) \
	| S_SET_BIT(lit, 6) | S_SET_BIT(lit, 7)))

/* Is c one of the letters of set? False for '\0' and anything not a-z. */
static inline bool s_in(char c, uint32_t set)
{
	unsigned k = (unsigned)(unsigned char)c - 'a';
	return k < 26 && ((set >> k) & 1u) != 0;
}

#define S_IN(c, lit) s_in((c), S_SET(lit))

/* S_COLD: for the rarer branches of hot code: keeping them out of line
 * leaves the hot code its registers. S_HOT_INLINE: for the one hot path
 * through a function that the compiler would otherwise call. */
#if defined(__GNUC__)
#define S_COLD __attribute__((noinline))
#define S_HOT_INLINE __attribute__((always_inline)) inline
#else
#define S_COLD
#define S_HOT_INLINE inline
#endif

/* Index of a letter a-z (0-25); 26 or more for anything else. */
static inline unsigned s_letter(char c)
{
	return (unsigned)(unsigned char)c - 'a';
}

/* ---- exception table ----------------------------------------------------
 * Sorted by word (strcmp order). Must match data/lexicons/
 * syllable-exceptions.txt line for line; tests/text/check_syllables.c checks
 * that. Keep it small: it is for words that no reasonable rule gets right.
 */
static const memo__syllable_exception s_exceptions[] = {
	/* BEGIN EXCEPTIONS */
	{ "abalone", 4 },
	{ "abare", 3 },
	{ "abbruzzese", 4 },
	{ "abed", 2 },
	{ "aborigine", 5 },
	{ "abruzzese", 4 },
	{ "acne", 2 },
	{ "acreage", 3 },
	{ "adame", 3 },
	{ "adobe", 3 },
	{ "aisle", 1 },
	{ "albeit", 3 },
	{ "anemone", 4 },
	{ "apache", 3 },
	{ "aphrodite", 4 },
	{ "apostrophe", 4 },
	{ "ariadne", 4 },
	{ "business", 2 },
	{ "cafe", 2 },
	{ "calliope", 4 },
	{ "catastrophe", 4 },
	{ "caveat", 3 },
	{ "chile", 2 },
	{ "chloe", 2 },
	{ "chocolate", 2 },
	{ "choir", 2 },
	{ "circe", 2 },
	{ "cliche", 2 },
	{ "cocoa", 2 },
	{ "colonel", 2 },
	{ "communique", 4 },
	{ "coyote", 3 },
	{ "crooked", 2 },
	{ "daphne", 2 },
	{ "diabetes", 4 },
	{ "embed", 2 },
	{ "epitome", 4 },
	{ "eurydice", 4 },
	{ "euterpe", 3 },
	{ "evening", 2 },
	{ "facsimile", 4 },
	{ "fiance", 3 },
	{ "finale", 3 },
	{ "gethsemane", 4 },
	{ "guacamole", 4 },
	{ "hermione", 4 },
	{ "herpes", 2 },
	{ "hmm", 1 },
	{ "hyperbole", 4 },
	{ "isle", 1 },
	{ "jesse", 2 },
	{ "jukebox", 2 },
	{ "karate", 3 },
	{ "machete", 3 },
	{ "maybe", 2 },
	{ "mrs", 2 },
	{ "naive", 2 },
	{ "naked", 2 },
	{ "nevertheless", 4 },
	{ "newlywed", 3 },
	{ "penelope", 4 },
	{ "people", 2 },
	{ "persephone", 4 },
	{ "phoebe", 2 },
	{ "ragged", 2 },
	{ "recipe", 3 },
	{ "risque", 2 },
	{ "riverbed", 3 },
	{ "rugged", 2 },
	{ "sesame", 3 },
	{ "shh", 1 },
	{ "simile", 3 },
	{ "snuffleupagus", 5 },
	{ "soldier", 2 },
	{ "syncope", 3 },
	{ "tamale", 3 },
	{ "valuable", 3 },
	{ "vegetable", 3 },
	{ "waterbed", 3 },
	{ "wednesday", 2 },
	{ "wicked", 2 },
	{ "wretched", 2 },
	{ "yosemite", 4 },
	{ "zoe", 2 },
	/* END EXCEPTIONS */
};

#define S_NEXC (sizeof s_exceptions / sizeof s_exceptions[0])

size_t memo__syllable_exception_count(void)
{
	return S_NEXC;
}

const memo__syllable_exception *memo__syllable_exception_at(size_t i)
{
	return i < S_NEXC ? &s_exceptions[i] : NULL;
}

/* ---- letter classes ----------------------------------------------------- */

static inline bool s_is_aeiou(char c)
{
	return S_IN(c, "aeiou");
}

static inline bool s_is_vowel_letter(char c)
{
	return S_IN(c, "aeiouy");
}

static inline bool s_is_cons(char c)
{
	return s_letter(c) < 26 && !s_is_vowel_letter(c);
}

static bool s_has_vowel(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s_is_vowel_letter(w[i]))
			return true;
	return false;
}

/* Consonants that make a following -le / -led / -les syllabic (table,
 * handled, tables); l, r and w do not (called, curled, bowled). */
static bool s_syllabic_l_before(char c)
{
	return s_is_cons(c) && c != 'l' && c != 'r' && c != 'w';
}

/* Same for -re (acre, centre, hundred). */
static bool s_syllabic_r_before(char c)
{
	return s_is_cons(c) && c != 'r' && c != 'w';
}

/* ---- vowel classification ----------------------------------------------- */

/* Is w[i] the nucleus of a syllable (a vowel letter that is not a glide)? */
S_COLD static bool s_vowel_at(const char *w, size_t n, size_t i)
{
	char c = w[i];
	char prev = i > 0 ? w[i - 1] : '\0';
	char next = i + 1 < n ? w[i + 1] : '\0';
	if (c == 'u') {
		if (prev == 'q')
			return false;
		/* gu + vowel is /gw/ at the start and after n: guess, guide,
		 * language, distinguish; not in argue, ambiguous. */
		if (prev == 'g' && S_IN(next, "aeiy") &&
		    (i == 1 || w[i - 2] == 'n'))
			return false;
		/* persuade, dissuade: su = /sw/ */
		if (prev == 's' && next == 'a' && i >= 2 && S_IN(w[i - 2], "rs") &&
		    i + 2 < n && S_IN(w[i + 2], "ds"))
			return false;
		return true;
	}
	if (c == 'y') {
		if (i == 0)
			return !s_is_vowel_letter(next);
		/* y between vowels is a glide: player, mayor, beyond. Also after
		 * a vowel + w: lawyer. */
		if (s_is_aeiou(next) &&
		    (s_is_aeiou(prev) || (prev == 'w' && i >= 2 &&
			s_is_aeiou(w[i - 2]))))
			return false;
		/* y starting a later syllable: backyard, canyon, kenya. */
		if (s_is_aeiou(next) && s_is_cons(prev) &&
		    !(next == 'e' && (i + 2 == n ||
		      (i + 3 == n && S_IN(w[i + 2], "sdr")))) &&
		    s_has_vowel(w, i - 1))
			return false;
		return true;
	}
	return s_is_aeiou(c);
}

/*
 * Hiatus: do the adjacent vowels w[i-1] and w[i] belong to two syllables?
 * before = number of vowel groups that end before w[i-1].
 */
S_COLD static bool s_hiatus(const char *w, const uint8_t *mk, size_t n,
	size_t i, unsigned before, bool stem)
{
	char a = w[i - 1], b = w[i];
	char prev = i >= 2 ? w[i - 2] : '\0';
	char prev2 = i >= 3 ? w[i - 3] : '\0';
	char next = i + 1 < n ? w[i + 1] : '\0';
	char next2 = i + 2 < n ? w[i + 2] : '\0';
	bool end1 = i + 1 == n;             /* b is the last letter */

	if (mk[i] & S_MK_DIAER)
		return true;

	/* Prefixes that keep their vowel: re-, pre-, de-, co-, pro-, geo- ...
	 * only where the prefix reading is likely. */
	if (i == 2 && w[0] == 'r' && a == 'e') {
		if (b == 'o' || b == 'u')
			return true;
		if (b == 'a')
			return S_AT(w, n, 3, "ct") || S_AT(w, n, 3, "ff") ||
				S_AT(w, n, 3, "ss") || S_AT(w, n, 3, "pp") ||
				S_AT(w, n, 3, "rr") || S_AT(w, n, 3, "dj") ||
				S_AT(w, n, 3, "dd") || S_AT(w, n, 3, "dm") ||
				S_AT(w, n, 3, "llo") ||
				S_AT(w, n, 3, "lig") || S_AT(w, n, 3, "lit") ||
				S_AT(w, n, 3, "liz") || S_AT(w, n, 3, "lis") ||
				S_AT(w, n, 3, "wak") || S_AT(w, n, 3, "ut") ||
				S_AT(w, n, 3, "nn") || S_AT(w, n, 3, "ttach");
		if (b == 'i')
			return (S_AT(w, n, 3, "n") && S_IN(n > 4 ? w[4] : 0,
				"fvtc")) || S_AT(w, n, 3, "nst") ||
				S_AT(w, n, 3, "nsp") || S_AT(w, n, 3, "nsu") ||
				S_AT(w, n, 3, "mb") ||
				S_AT(w, n, 3, "mp") || S_AT(w, n, 3, "t") ||
				S_AT(w, n, 3, "ss");
		if (b == 'e')
			return S_IN(next, "nvsxm") || S_AT(w, n, 3, "le");
	}
	if (i == 3 && S_STARTS(w, n, "pre") && s_is_aeiou(b))
		return !S_AT(w, n, 3, "ach");
	if (i == 2 && w[0] == 'd' && a == 'e')
		return b == 'o' || (b == 'i' && S_IN(next, "fst")) ||
			S_AT(w, n, 2, "act") ||
			S_AT(w, n, 2, "all") || S_AT(w, n, 2, "esc") ||
			S_AT(w, n, 2, "inst") || S_AT(w, n, 2, "init");
	if (i == 2 && w[0] == 'c' && a == 'o') {
		if (b == 'o')
			return S_AT(w, n, 3, "pe") || S_AT(w, n, 3, "rd") ||
				S_AT(w, n, 3, "cc");
		if (b == 'e')
			return true;
		if (b == 'a')
			return S_IN(next, "dgu") || S_AT(w, n, 3, "le") ||
				S_AT(w, n, 3, "li");
		if (b == 'i')
			return S_AT(w, n, 3, "nc");
	}
	if (i == 3 && S_STARTS(w, n, "pro") && b == 'a')
		return true;
	if (i == 2 && (S_STARTS(w, n, "geo") && !S_STARTS(w, n, "georg")))
		return true;
	if (i == 2 && S_STARTS(w, n, "neo"))
		return true;
	if (i == 2 && S_STARTS(w, n, "zool"))
		return true;

	switch (a) {
	case 'a':
		if (b == 'i')
			return next == 'c' && (next2 == '\0' || next2 == 's');
		if (b == 'o')
			return true;
		return false;
	case 'e':
		switch (b) {
		case 'a':
			if ((end1 || (next == 's' && i + 2 == n && !stem)) &&
			    before > 0)
				return true;                  /* idea(s) */
			if (prev == 'r' && prev2 == 'c' && next == 't' &&
			    next2 != 'u')
				return true;                  /* create */
			if (S_AT(w, n, i + 1, "te") && i + 3 == n)
				return true;                  /* delineate */
			if (next == 'l' && i + 2 == n &&
			    prev == 'r' && before > 0)
				return true;                  /* cereal */
			if (next == 'l' && next2 == 'i' && i + 3 < n &&
			    S_IN(w[i + 3], "tzs"))
				return true;                  /* reality */
			if (next == 'n' && i + 2 == n && before > 0 &&
			    prev != 'c' && prev != 'g')
				return true;                  /* european */
			if (i == 3 && prev == 'h' && prev2 == 't' &&
			    S_IN(next, "tr"))
				return true;                  /* theatre */
			return false;
		case 'i':
			if (next == 't' && next2 == 'y')
				return true;                  /* deity */
			if (next == 's' && S_IN(next2, "tm") &&
			    (prev == 'd' || (prev == 'h' && prev2 == 't')))
				return true;                  /* atheist */
			return false;
		case 'o':
			if (prev == 'c' || prev == 'g')
				return false;                 /* pigeon */
			return true;                          /* video */
		case 'u':
			return S_IN(next, "ms") && i + 2 == n; /* museum */
		default:
			return false;
		}
	case 'i':
		switch (b) {
		case 'a':
			if (S_IN(prev, "ct") && (S_IN(next, "ln") || end1 ||
			    (next == 's' && i + 2 == n)))
				return false;                 /* social, asia */
			if (prev == 's' && (S_IN(next, "nl") || end1))
				return false;                 /* asian, controversial */
			if (prev == 'g' && before > 0 && (end1 || (next == 'n' &&
			    (i + 2 == n || next2 == 'c' ||
			    (next2 == 's' && i + 3 == n)))))
				return false;                 /* belgian */
			if (prev == 'l' && s_is_aeiou(prev2) && (next == 'r' ||
			    (next == 'n' && (i + 2 == n ||
			    (next2 == 's' && i + 3 == n)))))
				return false;                 /* familiar */
			if (prev == 'r' && prev2 == 'r' && next == 'g')
				return false;                 /* marriage */
			if (S_IN(prev, "ct") && S_AT(w, n, i + 1, "tiv"))
				return false;                 /* initiative */
			return true;
		case 'o':
			if (S_IN(prev, "cstgxh") && S_IN(next, "nu"))
				return false;                 /* nation, vicious */
			if (S_IN(prev, "ln") && s_is_aeiou(prev2) &&
			    S_IN(next, "nr"))
				return false;                 /* opinion, senior */
			if (prev == 'l' && prev2 == 'l' && S_IN(next, "nr"))
				return false;                 /* million */
			if (prev == 'v' && s_is_aeiou(prev2) && (next == 'r' ||
			    (next == 'u' && next2 == 'r')))
				return false;                 /* behavio(u)r */
			return true;
		case 'e':
			if (next == 'n' && S_IN(next2, "tc")) {
				if (S_STARTS(w, n, "scien"))
					return true;          /* science */
				if (S_IN(prev, "cts"))
					return false;         /* ancient */
				if (S_IN(prev, "ln") && s_is_aeiou(prev2))
					return false;         /* resilient */
				return true;                  /* client */
			}
			if (next == 't')
				return true;                  /* quiet, society */
			if (next == 'r' && (i + 2 == n ||
			    (next2 == 's' && i + 3 == n)))
				return before > 0 && s_is_cons(prev); /* earlier */
			if (next == 's' && next2 == 't' && i + 3 == n)
				return before > 0 && s_is_cons(prev); /* happiest */
			if (next == 'n' && i + 2 == n)
				return before > 0;            /* alien */
			if (next == 'r' && prev == 'h' && i == 2)
				return true;                  /* hierarchy */
			return false;
		case 'u':
		case 'i':
			return true;
		default:
			return false;
		}
	case 'o':
		switch (b) {
		case 'a':
			if (next == 'c' && next2 == 't')
				return true;                  /* coactive */
			return end1 && before > 0;            /* samoa */
		case 'e':
			return S_IN(next, "mtlrx") ||
				(prev == 'h' && prev2 == 'w'); /* poem, whoever */
		case 'i':
			if (next == 'c' && (next2 == '\0' || next2 == 's'))
				return true;                  /* heroic */
			if (next == 's' && S_IN(next2, "tm") && before > 0)
				return true;                  /* egoist */
			return false;
		default:
			return false;
		}
	case 'u':
		switch (b) {
		case 'a':
		case 'o':
		case 'u':
			return true;                          /* actual, duo */
		case 'e':
			return S_IN(next, "lntr");            /* cruel, fluent */
		case 'i':
			if (next == 'n')
				return true;                  /* ruin */
			if (next == 'd' && !(i >= 2 && prev == 'b'))
				return true;                  /* fluid */
			if (next == 't' && S_IN(next2, "iy") && before > 0)
				return true;                  /* intuition */
			if (next == 's' && S_IN(next2, "tm"))
				return true;                  /* altruism */
			return false;
		default:
			return false;
		}
	case 'y':
		/* y as a vowel before another vowel: flyer, embryo; not bye. */
		if (b == 'e' && (end1 || (i + 2 == n && S_IN(next, "sd"))))
			return false;
		return true;
	default:
		return false;
	}
}

/* ---- counting one letter run ------------------------------------------- */

/* Plain vowel-group count, the fallback for over-long runs. */
static uint32_t s_naive(const char *w, size_t n)
{
	uint32_t c = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool v = s_is_vowel_letter(w[i]);
		if (v && !in)
			c++;
		in = v;
	}
	return c ? c : 1;
}

/* Which letters are syllable nuclei (s_vowel_at): 1 = always (a e i o),
 * 2 = it depends on the neighbours (u, y), 0 = never. */
static const uint8_t s_nucleus[256] = {
	['a'] = 1, ['e'] = 1, ['i'] = 1, ['o'] = 1, ['u'] = 2, ['y'] = 2,
};

/* Letter classes of a run as bit masks, bit i for w[i]: a e i o (always
 * nuclei) and u y (s_vowel_at decides). Bits at or above the run's length
 * may be set (a part of a longer run): mask them with S_LOW. The masks
 * let the vowel rules skip the consonants without a loop over letters,
 * whose unpredictable exits and branches cost more than the rules. */
typedef struct s_cls {
	uint64_t aeio;
	uint64_t uy;
} s_cls;

/* Bits 0 .. n-1 (n <= S_MAXRUN < 64). */
#define S_LOW(n) ((UINT64_C(1) << (n)) - 1u)

/* The classes of w[m ...]: a later part of the run. */
static inline s_cls s_cls_from(s_cls c, size_t m)
{
	c.aeio >>= m;
	c.uy >>= m;
	return c;
}

static inline bool s_cls_has_vowel(s_cls c, size_t n)
{
	return ((c.aeio | c.uy) & S_LOW(n)) != 0;
}

static inline unsigned s_popcount(uint64_t x)
{
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) +
		((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Index of the lowest set bit; x != 0. */
static inline unsigned s_ctz(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned i = 0;
	while (!(x & 1u)) {
		x >>= 1;
		i++;
	}
	return i;
#endif
}

/* Is w[i] a nucleus, given the mask vm of s_core (bit i = w[i])? */
static inline bool s_v(uint64_t vm, size_t i)
{
	return ((vm >> i) & 1u) != 0;
}

/* -gue after a vowel or n: league, tongue; w[0..m) is the word without a
 * final s or d (dialogues, intrigued). */
static inline int s_rule_gue(const char *w, uint64_t vm, size_t m, int c)
{
	if (m >= 4 && S_ENDS(w, m, "gue") && s_v(vm, m - 2) &&
	    (s_is_aeiou(w[m - 4]) || w[m - 4] == 'n') && c > 1)
		c--;
	return c;
}

/* Syllabic m: criticism, enthusiasm, algorithm; w[0..m) is the word
 * without a final s (algorithms). */
static inline int s_rule_m(const char *w, uint64_t vm, size_t m, int c)
{
	if (m >= 3 && ((S_ENDS(w, m, "sm") && s_v(vm, m - 3)) ||
	    (S_ENDS(w, m, "thm") && m >= 4 && s_v(vm, m - 4))))
		c++;
	return c;
}

/*
 * The end rules, by the last letter: each looks at the last two letters
 * (and more), and within a case they run in this order. c: the vowel
 * groups so far; returns the new count. s_end_rule_pairs below lists the
 * last two letters under which a rule can change c.
 */
static int s_end_rules(const char *w, const uint8_t *mk, size_t n,
	uint64_t vm, bool stem, int c)
{
	switch (w[n - 1]) {
	case 'e':
		/* Silent final e (make, state), but syllabic -le (table), -re
		 * (acre) and an accented é (café). */
		if (n >= 3 && !s_v(vm, n - 2) && c > 1 &&
		    !(mk[n - 1] & S_MK_ACUTE)) {
			if (w[n - 2] == 'l' && s_syllabic_l_before(w[n - 3]))
				;
			else if (w[n - 2] == 'r' &&
			    s_syllabic_r_before(w[n - 3]))
				;
			else if (w[n - 2] == 'r' && S_IN(w[n - 3], "iy") &&
			    !stem && n >= 4 && !s_v(vm, n - 4))
				;       /* fire, entire, tyre: two syllables */
			else
				c--;
		}
		c = s_rule_gue(w, vm, n, c);
		break;
	case 'u':
		/* A stem in -gu after a vowel: intrigu(ing), catalogu(ing). */
		if (stem && n >= 4 && w[n - 2] == 'g' &&
		    s_is_aeiou(w[n - 3]) && s_v(vm, n - 1) && c > 1)
			c--;
		break;
	case 'd':
		if (n > 4)
			c = s_rule_gue(w, vm, n - 1, c);
		/* -ed: silent e except after t/d and in syllabic -led/-red. */
		if (n >= 4 && w[n - 2] == 'e' && !s_v(vm, n - 3) && c > 1 &&
		    !stem) {
			char k = w[n - 3];
			if (k == 't' || k == 'd')
				;
			else if (k == 'r' && S_IN(w[n - 4], "iy") && n >= 5 &&
			    !s_v(vm, n - 5))
				;       /* fired, required */
			else if (S_IN(k, "fw") && s_is_cons(w[n - 4]) &&
			    w[n - 4] != k)
				;       /* overfed, unwed */
			else if (k == 'h' && w[n - 4] == 's' && n >= 5 &&
			    s_is_cons(w[n - 5]))
				;       /* watershed */
			else if (k == 'l' && s_syllabic_l_before(w[n - 4]))
				;
			else if (k == 'r' && s_syllabic_r_before(w[n - 4]))
				;
			else
				c--;
		}
		break;
	case 's':
		if (n > 4)
			c = s_rule_gue(w, vm, n - 1, c);
		/* -es: silent e except after sibilants and syllabic -les/-res. */
		if (n >= 4 && w[n - 2] == 'e' && !s_v(vm, n - 3) && c > 1) {
			char k = w[n - 3];
			if (S_IN(k, "sxzcg"))
				;
			else if (k == 'h' && S_IN(w[n - 4], "cs"))
				;
			else if (k == 'l' && s_syllabic_l_before(w[n - 4]))
				;
			else if (k == 'r' && s_syllabic_r_before(w[n - 4]))
				;
			else if (k == 'r' && S_IN(w[n - 4], "iy") && n >= 5 &&
			    !s_v(vm, n - 5))
				;       /* fires, tyres */
			else
				c--;
		}
		if (n > 3)
			c = s_rule_m(w, vm, n - 1, c);
		break;
	case 'm':
		c = s_rule_m(w, vm, n, c);
		break;
	case 't':
		/* n't after a consonant (the apostrophe is already gone):
		 * didnt, doesnt, mustnt. No English word ends in these
		 * otherwise. */
		if (n >= 4 && w[n - 2] == 'n' && S_IN(w[n - 3], "dstz") &&
		    c >= 1)
			c++;
		break;
	case 'y':
		/* Silent e in -ety after a long vowel: safety, ninety. */
		if (n >= 5 && S_ENDS(w, n, "ety") && s_is_cons(w[n - 4]) &&
		    w[n - 4] != 'r' && S_IN(w[n - 5], "aiou") && c > 2)
			c--;
		break;
	default:
		break;
	}
	return c;
}

/* [last letter & 31]: the letters before it (S_SET) under which some end
 * rule can apply: e (any), u (gu), d (ed), s (es, ms), m (sm, hm), t (nt),
 * y (ty). tests/text/check_syllables_fast.c checks that s_end_rules
 * changes nothing under other endings. */
#define S_BIT(c) (1u << ((c) - 'a'))  /* S_SET of one letter, for tables */
static const uint32_t s_end_rule_pairs[32] = {
	['e' & 31] = S_LOW(26), ['u' & 31] = S_BIT('g'),
	['d' & 31] = S_BIT('e'), ['s' & 31] = S_BIT('e') | S_BIT('m'),
	['m' & 31] = S_BIT('s') | S_BIT('h'), ['t' & 31] = S_BIT('n'),
	['y' & 31] = S_BIT('t'),
};

/* stem: w is what is left after a suffix was peeled (supposed+ly), where
 * -ed keeps its vowel. 1 <= n <= S_MAXRUN; cls: the classes of w. */
static uint32_t s_core(const char *w, const uint8_t *mk, size_t n,
	bool stem, s_cls cls)
{
	/* vm: bit i set when w[i] is a nucleus (s_vowel_at). */
	uint64_t vm = cls.aeio & S_LOW(n);
	for (uint64_t uy = cls.uy & S_LOW(n); uy != 0; uy &= uy - 1) {
		unsigned i = s_ctz(uy);
		if (s_vowel_at(w, n, i))
			vm |= UINT64_C(1) << i;
	}
	/* A nucleus starts a group unless it follows one; two in a row are
	 * two groups when in hiatus. s_hiatus wants the number of groups
	 * before the pair, so pairs go in order. */
	uint64_t starts = vm & ~(vm << 1);
	unsigned groups = s_popcount(starts), split = 0;
	for (uint64_t pairs = vm & (vm << 1); pairs != 0; pairs &= pairs - 1) {
		unsigned i = s_ctz(pairs);
		unsigned before = s_popcount(starts & S_LOW(i)) + split;
		/* the groups that end before w[i - 1]: all but its own */
		split += s_hiatus(w, mk, n, i, before - 1, stem);
	}
	groups += split;
	int c = (int)groups;

	/* Most words end in letters that no end rule looks at: skip them
	 * with one test rather than a jump by the last letter. */
	if (n >= 2 && s_in(w[n - 2], s_end_rule_pairs[w[n - 1] & 31]))
		c = s_end_rules(w, mk, n, vm, stem, c);

	/* Mc- in names is a syllable of its own: McCall, McDonald. (The
	 * rare first letter is tested first: it branches predictably.) */
	if (w[0] == 'm' && n >= 4 && w[1] == 'c' && s_is_cons(w[2]))
		c++;

	return c > 0 ? (uint32_t)c : 1;
}

/* ---- compounds and suffixes -------------------------------------------- */

/* Suffixes that are always one syllable (two for -fully), after which a
 * silent e of the stem stays silent: state+ment, like+ly, use+ful. */
static const struct {
	const char *suf;
	uint32_t syl;
	size_t min_stem;
} s_suffixes[] = {
	{ "fully", 2, 3 },
	{ "ments", 1, 3 },
	{ "ment", 1, 3 },
	{ "nesses", 2, 3 },
	{ "ness", 1, 3 },
	{ "lessly", 2, 3 },
	{ "less", 1, 3 },
	{ "ful", 1, 3 },
	{ "some", 1, 3 },
	{ "ings", 1, 2 },
	{ "ing", 1, 2 },
	{ "ly", 1, 2 },
};

/* First parts of compounds that end in a silent e (some+thing, name+space,
 * time+out). Also every+one, where "every" has two syllables. */
static const char *const s_heads[] = {
	"afore", "bare", "base", "care", "case", "code", "core", "date",
	"drive", "edge", "else", "eye", "face", "file", "fire", "five",
	"fore", "frame", "game", "gate", "grape", "guide", "hate", "here",
	"home", "hope", "horse", "house", "like", "life", "line", "live",
	"lone", "love", "make", "mile", "more", "name", "nine", "note",
	"page", "phone", "pipe", "place", "plane", "rate", "rose", "rule",
	"safe", "sale", "scale", "score", "share", "shoe", "shore", "side",
	"site", "size", "some", "space", "stage", "stake", "state", "stone",
	"store", "take", "there", "time", "tone", "trade", "type", "use",
	"vote", "ware", "where", "white", "whole", "wide", "wise", "zone",
};

/* Second parts that start with a vowel. Any other second part must start
 * with a consonant cluster that can begin an English syllable. */
static const char *const s_vowel_tails[] = {
	"after", "as", "at", "away", "in", "of", "off", "on", "one", "out",
	"over", "up", "upon",
};

/* Vowel-final prefixes (see s_count2). */
static const char *const s_vprefixes[] = {
	"anti", "auto", "bio", "electro", "geo", "hydro", "infra", "intra",
	"macro", "micro", "mono", "multi", "neo", "neuro", "photo", "poly",
	"proto", "pseudo", "psycho", "radio", "retro", "semi", "socio",
	"ultra",
};

/* Free words that often end a compound (see s_count2). */
static const char *const s_tails[] = {
	"board", "book", "field", "fold", "form", "ground", "head", "hold",
	"holder", "hood", "house", "keeper", "keeping", "land", "length",
	"light", "load", "maker", "making", "man", "men", "point", "screen",
	"ship", "side", "stone", "time", "ville", "way", "wise", "woman",
	"women", "wood", "work", "worthy", "yard",
};

/* Two-letter onsets (single consonants always qualify). */
static const char *const s_onsets2[] = {
	"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr",
	"kl", "kn", "kr", "ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl",
	"sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
};

#define S_COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- list indexes ---------------------------------------------------------
 * Each word is compared with the exception table and with the lists above
 * at every level of compound and suffix peeling; scanning the lists was
 * most of the cost. Two structures, built once from the lists themselves
 * (s_build_indexes, under pthread_once), make that cheap:
 *
 * 1. An index per list: its entries go into buckets by their first two
 *    letters (prefix lists: exceptions, heads, vowel prefixes) or their
 *    last two letters (suffix lists: tails, suffixes) and keep list order
 *    within a bucket. A lookup visits only the bucket(s) where a match can
 *    be, in the order in which a scan of the whole list would have tried
 *    them, so it finds what the plain scan finds. Bucket key: 32 * first
 *    + second letter, each as c & 31 (a = 1 ... z = 26; 0 = none, for a
 *    one-letter entry). Apart from the exceptions, list entries must have
 *    two letters or more: lookups do not visit the one-letter buckets of
 *    the other lists (tests/text/check_syllables_fast.c checks the lists).
 *
 * 2. A filter that tells s_count2 whether the prefix lists or the suffix
 *    lists can match at all, so that most words (five in six) skip them
 *    all with one well-predicted branch. It is a superset test: it may
 *    say "maybe", never "no" wrongly. Its slots are keyed by a hash of the
 *    first three letters (prefix lists), the last three (suffix lists) or
 *    the three before a final s (plural tails), and hold a mask of the
 *    word lengths at which an entry with those letters can match (bit n:
 *    length n). An entry shorter than three letters is entered under
 *    every letter that can complete it to three; words shorter than three
 *    letters use the union of all masks.
 *
 * Entries that can never match a run of 1 to S_MAXRUN letters a-z (empty,
 * longer, other characters) are left out of both.
 */
#define S_NBUCKET (32 * 32)
#define S_NONE S_NBUCKET    /* no bucket: first[S_NONE] == first[S_NONE + 1] */

typedef struct s_index {
	/* entries of bucket k: pos[first[k] .. first[k + 1]) */
	uint16_t first[S_NBUCKET + 2];
	uint16_t *pos;    /* list positions */
	uint8_t *len;     /* entry lengths, by list position */
} s_index;

/* Exceptions (the test allows at most 300) fit in uint16_t positions. */
static uint16_t s_exc_pos[S_COUNT(s_exceptions)];
static uint8_t s_exc_len[S_COUNT(s_exceptions)];
static uint16_t s_head_pos[S_COUNT(s_heads)];
static uint8_t s_head_len[S_COUNT(s_heads)];
static uint16_t s_vpre_pos[S_COUNT(s_vprefixes)];
static uint8_t s_vpre_len[S_COUNT(s_vprefixes)];
static uint16_t s_tail_pos[S_COUNT(s_tails)];
static uint8_t s_tail_len[S_COUNT(s_tails)];
static uint16_t s_suf_pos[S_COUNT(s_suffixes)];
static uint8_t s_suf_len[S_COUNT(s_suffixes)];

#define S_HBITS 10                  /* 1024 filter slots */

/* Written only by s_build_indexes() under pthread_once(), read-only after. */
static s_index s_exc_ix = { { 0 }, s_exc_pos, s_exc_len };
static s_index s_head_ix = { { 0 }, s_head_pos, s_head_len };
static s_index s_vpre_ix = { { 0 }, s_vpre_pos, s_vpre_len };
static s_index s_tail_ix = { { 0 }, s_tail_pos, s_tail_len };
static s_index s_suf_ix = { { 0 }, s_suf_pos, s_suf_len };
static uint64_t s_pre_filter[1u << S_HBITS];
static uint64_t s_end_filter[1u << S_HBITS];
static uint64_t s_plural_filter[1u << S_HBITS];
static uint64_t s_any_filter;       /* union: words of 1 or 2 letters */
static bool s_exc_short;            /* some exception has one letter */
static pthread_once_t s_index_once = PTHREAD_ONCE_INIT;
/* Set (release) when the indexes are built: the fast check of every call;
 * pthread_once() is only entered before that. */
static atomic_bool s_index_ready;

/* Bucket of the letters a (first) and b (second; '\0' = none). */
static inline unsigned s_bucket(char a, char b)
{
	return ((unsigned)a & 31u) << 5 | ((unsigned)b & 31u);
}

/* Filter slot of three letters (a multiplicative hash). */
static inline unsigned s_hash3(char a, char b, char c)
{
	uint32_t k = (uint32_t)(unsigned char)a |
		(uint32_t)(unsigned char)b << 8 |
		(uint32_t)(unsigned char)c << 16;
	return (unsigned)((k * UINT32_C(0x9E3779B1)) >> (32 - S_HBITS));
}

/* Is s[0..len) a possible match: 1 to S_MAXRUN letters a-z? */
static bool s_entry_ok(const char *s, size_t len)
{
	if (len == 0 || len > S_MAXRUN)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s_letter(s[i]) >= 26)
			return false;
	return true;
}

/* Index n entries whose first member is their string (the entries of
 * s_heads are plain strings, the others structs that start with one). */
static void s_index_build(s_index *ix, const void *list, size_t stride,
	size_t n, bool from_end)
{
	uint16_t next[S_NBUCKET + 1];
	memset(ix->first, 0, sizeof ix->first);
	for (size_t pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			const char *s = *(const char *const *)(const void *)
				((const char *)list + i * stride);
			size_t len = strlen(s);
			unsigned k = S_NONE;
			if (s_entry_ok(s, len))
				k = from_end ? s_bucket(s[len - 1],
						len >= 2 ? s[len - 2] : '\0')
					     : s_bucket(s[0],
						len >= 2 ? s[1] : '\0');
			if (pass == 0) {        /* count */
				ix->len[i] = (uint8_t)(k == S_NONE ? 0 : len);
				ix->first[k + 1]++;
			} else if (k != S_NONE) {
				ix->pos[next[k]++] = (uint16_t)i;
			}
		}
		if (pass == 0)
			for (size_t k = 0; k <= S_NBUCKET; k++) {
				ix->first[k + 1] = (uint16_t)
					(ix->first[k + 1] + ix->first[k]);
				next[k] = ix->first[k];
			}
	}
	/* S_NONE's entries are never visited: make its bucket empty */
	ix->first[S_NONE + 1] = ix->first[S_NONE];
}

/* Word lengths lo .. 63 as a mask (lo <= 63). */
#define S_FROM(lo) (~UINT64_C(0) << (lo))

/* Enter the entry s[0..len) (1 <= len <= S_MAXRUN) of a list in filter f
 * with the mask of word lengths it can match: under its first (from_end:
 * last) three letters, or all three that start (end) with it. */
static void s_filter_add(uint64_t *f, bool from_end, const char *s,
	size_t len, uint64_t lengths)
{
	char t[3];
	size_t fixed = len < 3 ? len : 3, free_n = 3 - fixed, combos = 1;
	/* t: the three letters in reading order; the free ones vary */
	for (size_t i = 0; i < fixed; i++)
		t[from_end ? free_n + i : i] =
			s[from_end ? len - fixed + i : i];
	for (size_t i = 0; i < free_n; i++)
		combos *= 26;
	for (size_t c = 0; c < combos; c++) {
		size_t v = c;
		for (size_t i = 0; i < free_n; i++, v /= 26)
			t[from_end ? i : fixed + i] = (char)('a' + v % 26);
		f[s_hash3(t[0], t[1], t[2])] |= lengths;
	}
	s_any_filter |= lengths;
}

static void s_build_indexes(void)
{
	s_index_build(&s_exc_ix, s_exceptions, sizeof s_exceptions[0],
		S_COUNT(s_exceptions), false);
	s_index_build(&s_head_ix, s_heads, sizeof s_heads[0],
		S_COUNT(s_heads), false);
	s_index_build(&s_vpre_ix, s_vprefixes, sizeof s_vprefixes[0],
		S_COUNT(s_vprefixes), false);
	s_index_build(&s_tail_ix, s_tails, sizeof s_tails[0],
		S_COUNT(s_tails), true);
	s_index_build(&s_suf_ix, s_suffixes, sizeof s_suffixes[0],
		S_COUNT(s_suffixes), true);

	/* the conditions on n in s_count2 and its helpers */
	for (size_t i = 0; i < S_COUNT(s_exceptions); i++) {
		size_t l = s_exc_len[i];
		if (l != 0)     /* looked up as w[0..n), n-1, n-2 */
			s_filter_add(s_pre_filter, false, s_exceptions[i].word,
				l, UINT64_C(7) << l);
		if (l == 1)
			s_exc_short = true;
	}
	for (size_t i = 0; i < S_COUNT(s_heads); i++)
		if (s_head_len[i] != 0)
			s_filter_add(s_pre_filter, false, s_heads[i],
				s_head_len[i], S_FROM(s_head_len[i] + 2u));
	for (size_t i = 0; i < S_COUNT(s_vprefixes); i++)
		if (s_vpre_len[i] != 0)
			s_filter_add(s_pre_filter, false, s_vprefixes[i],
				s_vpre_len[i], S_FROM(s_vpre_len[i] + 4u));
	for (size_t i = 0; i < S_COUNT(s_tails); i++)
		if (s_tail_len[i] != 0) {
			/* a first part of 3 letters or more */
			s_filter_add(s_end_filter, true, s_tails[i],
				s_tail_len[i], S_FROM(s_tail_len[i] + 3u));
			s_filter_add(s_plural_filter, true, s_tails[i],
				s_tail_len[i], S_FROM(s_tail_len[i] + 4u));
		}
	for (size_t i = 0; i < S_COUNT(s_suffixes); i++)
		if (s_suf_len[i] != 0)
			s_filter_add(s_end_filter, true, s_suffixes[i].suf,
				s_suf_len[i], S_FROM(s_suf_len[i] +
					s_suffixes[i].min_stem));
	atomic_store_explicit(&s_index_ready, true, memory_order_release);
}

/* Which lists can match w[0..n): S_PRE_LISTS (exceptions, heads, vowel
 * prefixes), S_END_LISTS (tails, suffixes); 0: surely none. */
#define S_PRE_LISTS 1u
#define S_END_LISTS 2u

static inline unsigned s_lists_may_match(const char *w, size_t n)
{
	if (n < 3)      /* short words: no key; the union of all */
		return ((s_any_filter >> n) & 1u) ? S_PRE_LISTS | S_END_LISTS
						  : 0;
	uint64_t pre = s_pre_filter[s_hash3(w[0], w[1], w[2])];
	uint64_t end = s_end_filter[s_hash3(w[n - 3], w[n - 2], w[n - 1])];
	if (w[n - 1] == 's' && n >= 4)
		end |= s_plural_filter[s_hash3(w[n - 4], w[n - 3], w[n - 2])];
	return (unsigned)((pre >> n) & 1u) * S_PRE_LISTS |
		(unsigned)((end >> n) & 1u) * S_END_LISTS;
}

/*
 * Looks up w[0..n), w[0..n-1) and w[0..n-2) in one pass over the
 * exceptions that start like w; exc[k] receives the count of w[0..n-k),
 * 0 when it is not an exception (every count is >= 1).
 */
static void s_exc_find3(const char *w, size_t n, uint32_t exc[3])
{
	exc[0] = exc[1] = exc[2] = 0;
	if (n == 0 || n > S_MAXRUN)
		return;
	if (n >= 2) {
		unsigned b = s_bucket(w[0], w[1]);
		for (size_t j = s_exc_ix.first[b]; j < s_exc_ix.first[b + 1];
		     j++) {
			size_t k = s_exc_ix.pos[j], l = s_exc_ix.len[k];
			if (l <= n && l + 2 >= n &&
			    s_same(w, s_exceptions[k].word, l))
				exc[n - l] = s_exceptions[k].syllables;
		}
	}
	if (n <= 3 && s_exc_short) {   /* one-letter exceptions: w[0..1) */
		unsigned b = s_bucket(w[0], '\0');
		if (s_exc_ix.first[b] < s_exc_ix.first[b + 1])
			exc[n - 1] = s_exceptions[s_exc_ix.pos[
				s_exc_ix.first[b]]].syllables;
	}
}

/* ---- compound splitting --------------------------------------------------- */

static bool s_onset_ok(const char *t, size_t tl)
{
	size_t k = 0;
	while (k < tl && s_is_cons(t[k]))
		k++;
	if (k == 0 || k == tl)
		return false;
	if (k == 1)
		return true;
	if (k == 3)
		return S_AT(t, tl, 0, "str") || S_AT(t, tl, 0, "spr") ||
			S_AT(t, tl, 0, "spl") || S_AT(t, tl, 0, "scr") ||
			S_AT(t, tl, 0, "shr") || S_AT(t, tl, 0, "thr") ||
			S_AT(t, tl, 0, "sch");
	if (k != 2)
		return false;
	for (size_t j = 0; j < S_COUNT(s_onsets2); j++)
		if (t[0] == s_onsets2[j][0] && t[1] == s_onsets2[j][1])
			return true;
	return false;
}

/* Does w[0..n) start with the string p? */
static bool s_starts_with(const char *w, size_t n, const char *p)
{
	for (size_t i = 0; p[i] != '\0'; i++)
		if (i >= n || w[i] != p[i])
			return false;
	return true;
}

/* A run without a vowel letter is an initialism read letter by letter:
 * html = 4, sql = 3 (w has three syllables). */
static uint32_t s_spelled(const char *w, size_t n)
{
	uint32_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += w[i] == 'w' ? 3u : 1u;
	return c;
}

/* A silent-e head + a second part that can start a syllable (see
 * s_count2): the head's length, or 0. */
static size_t s_head_split(const char *w, size_t n)
{
	if (n < 2)
		return 0;
	unsigned b = s_bucket(w[0], w[1]);
	for (size_t j = s_head_ix.first[b]; j < s_head_ix.first[b + 1]; j++) {
		size_t k = s_head_ix.pos[j], hl = s_head_ix.len[k];
		if (n < hl + 2 || !s_same(w, s_heads[k], hl))
			continue;
		const char *t = w + hl;
		size_t tl = n - hl;
		bool ok = s_onset_ok(t, tl) && !S_AT(t, tl, 0, "ver");
		for (size_t v = 0; !ok && v < S_COUNT(s_vowel_tails); v++)
			ok = s_starts_with(t, tl, s_vowel_tails[v]);
		if (ok)
			return hl;
	}
	return 0;
}

/* A vowel-final prefix before a vowel (see s_count2): its length, or 0. */
static size_t s_vprefix_split(const char *w, size_t n)
{
	if (n < 2)
		return 0;
	unsigned b = s_bucket(w[0], w[1]);
	for (size_t j = s_vpre_ix.first[b]; j < s_vpre_ix.first[b + 1]; j++) {
		size_t k = s_vpre_ix.pos[j], pl = s_vpre_ix.len[k];
		if (n >= pl + 4 && s_same(w, s_vprefixes[k], pl) &&
		    s_is_aeiou(w[pl]))
			return pl;
	}
	return 0;
}

/* Does w[0..end) end with s[0..k)? */
static inline bool s_ends_with(const char *w, size_t end, const char *s,
	size_t k)
{
	return end >= k && s_same(w + end - k, s, k);
}

/* A silent-e first part + a free word, or its plural (see s_count2): the
 * length of the first part, or 0. A tail can end the word (bucket of its
 * last two letters) or come before a final s (bucket of the two before);
 * the two buckets are merged in list order. */
static size_t s_tail_split(const char *w, size_t n, s_cls cls)
{
	if (n < 2)
		return 0;
	unsigned be = s_bucket(w[n - 1], w[n - 2]);
	unsigned bp = n >= 3 && w[n - 1] == 's' ?
		s_bucket(w[n - 2], w[n - 3]) : S_NONE;
	if (bp == be)
		bp = S_NONE;
	const uint16_t *a = s_tail_ix.pos + s_tail_ix.first[be];
	const uint16_t *ae = s_tail_ix.pos + s_tail_ix.first[be + 1];
	const uint16_t *p = s_tail_ix.pos + s_tail_ix.first[bp];
	const uint16_t *pe = s_tail_ix.pos + s_tail_ix.first[bp + 1];
	while (a < ae || p < pe) {
		size_t k = (p == pe || (a < ae && *a < *p)) ? *a++ : *p++;
		const char *t = s_tails[k];
		size_t tl = s_tail_ix.len[k];
		size_t m;
		if (s_ends_with(w, n, t, tl))
			m = n - tl;
		else if (n > tl + 1 && w[n - 1] == 's' &&
		    s_ends_with(w, n - 1, t, tl))
			m = n - tl - 1;
		else
			continue;
		if (m < 3 || w[m - 1] != 'e' || !s_is_cons(w[m - 2]) ||
		    !s_cls_has_vowel(cls, m - 2))
			continue;
		return m;
	}
	return 0;
}

static uint32_t s_count2(const char *w, const uint8_t *mk, size_t n,
	s_cls cls, int depth, bool stem)
{
	size_t m;
	if (n == 0)
		return 0;
	if (n > S_MAXRUN)
		return s_naive(w, n);

	/* Can the lists match at all? (Usually not.) */
	unsigned lists = s_lists_may_match(w, n);

	if (lists & S_PRE_LISTS) {
		uint32_t exc[3];
		s_exc_find3(w, n, exc);
		if (exc[0] != 0)
			return exc[0];
		/* Inflected forms of an exception: recipes, businesses,
		 * embedded. */
		if (w[n - 1] == 's') {
			if (n > 3 && exc[1] != 0)
				return exc[1];
			if (n > 4 && w[n - 2] == 'e' && exc[2] != 0)
				return exc[2] +
					(S_IN(w[n - 3], "sxz") ? 1u : 0u);
		} else if (w[n - 1] == 'd') {
			if (n > 3 && exc[1] != 0)
				return exc[1] +
					(S_IN(w[n - 2], "td") ? 1u : 0u);
			if (n > 4 && w[n - 2] == 'e' && exc[2] != 0)
				return exc[2] +
					(S_IN(w[n - 3], "td") ? 1u : 0u);
		}
	}
	if (depth >= S_MAXDEPTH)
		return s_core(w, mk, n, stem, cls);

	/* every+one, any+thing: "every" has two syllables here. (The
	 * rare first letter is tested first: it branches predictably.)
	 * s_count skips s_count2 for the words that s_lists_may_match and
	 * its tests for every-, any- and -ically rule out: keep it in step
	 * with any rule added here. */
	if (w[0] == 'e' && S_STARTS(w, n, "every") && n >= 7)
		return 2 + s_count2(w + 5, mk + 5, n - 5, s_cls_from(cls, 5),
			depth + 1, false);
	if (w[0] == 'a' && S_STARTS(w, n, "any") && n >= 6 &&
	    (S_AT(w, n, 3, "one") ||
	    S_AT(w, n, 3, "thing") || S_AT(w, n, 3, "body") ||
	    S_AT(w, n, 3, "where") || S_AT(w, n, 3, "way") ||
	    S_AT(w, n, 3, "how") || S_AT(w, n, 3, "time")))
		return 2 + s_count2(w + 3, mk + 3, n - 3, s_cls_from(cls, 3),
			depth + 1, false);

	/* Compounds: a head that ends in a silent e (some+thing, name+space);
	 * a prefix that ends in a vowel before a stem that starts with one
	 * (micro+economic, auto+immune, radio+active); a common free word
	 * after a first part that ends in a silent e (grape+fruit, cave+man,
	 * ice+berg). */
	if (((lists & S_PRE_LISTS) && ((m = s_head_split(w, n)) != 0 ||
	    (m = s_vprefix_split(w, n)) != 0)) ||
	    ((lists & S_END_LISTS) && (m = s_tail_split(w, n, cls)) != 0))
		return s_count2(w, mk, m, cls, depth + 1, false) +
			s_count2(w + m, mk + m, n - m, s_cls_from(cls, m),
				depth + 1, false);

	/* -ically is -ic + ly: basically = 3. */
	if (w[n - 1] == 'y' && n >= 8 && S_ENDS(w, n, "ically"))
		return s_count2(w, mk, n - 4, cls, depth + 1, true) + 1;

	if ((lists & S_END_LISTS) && n >= 2) {
		unsigned b = s_bucket(w[n - 1], w[n - 2]);
		for (size_t j = s_suf_ix.first[b]; j < s_suf_ix.first[b + 1];
		     j++) {
			size_t k = s_suf_ix.pos[j], sl = s_suf_ix.len[k];
			const char *suf = s_suffixes[k].suf;
			if (n < sl + s_suffixes[k].min_stem ||
			    !s_ends_with(w, n, suf, sl))
				continue;
			m = n - sl;
			if (!s_cls_has_vowel(cls, m))
				continue;
			/* -ment after a short e-stem is not a suffix: element. */
			if (suf[0] == 'm' && m <= 3 && w[m - 1] == 'e')
				continue;
			return s_count2(w, mk, m, cls, depth + 1, true) +
				s_suffixes[k].syl;
		}
	}

	return s_core(w, mk, n, stem, cls);
}

/* Count a whole run w[0..n) (1 <= n <= S_MAXRUN) of classes cls. */
static S_HOT_INLINE uint32_t s_count(const char *w, const uint8_t *mk,
	size_t n, s_cls cls)
{
	if (!s_cls_has_vowel(cls, n)) {
		uint32_t exc[3];
		s_exc_find3(w, n, exc);
		if (exc[0] == 0)
			return n <= 5 ? s_spelled(w, n) : 1;
	}
	/* Most words need no list and no every-, any- or -ically: then
	 * s_count2 comes down to the vowel rules, called here at once. */
	if (!s_lists_may_match(w, n) &&
	    !(w[0] == 'e' && S_STARTS(w, n, "every")) &&
	    !(w[0] == 'a' && S_STARTS(w, n, "any")) &&
	    !(w[n - 1] == 'y' && S_ENDS(w, n, "ically")))
		return s_core(w, mk, n, false, cls);
	return s_count2(w, mk, n, cls, 0, false);
}

/* ---- the public entry: one word ----------------------------------------- */

/* Base letter of a Latin-1 / Latin Extended-A code point, 0 if none.
 * *mk receives S_MK_DIAER for a diaeresis and S_MK_ACUTE for é. */
static char s_fold(uint32_t cp, uint8_t *mk)
{
	static const char l1[] =
		/* U+00C0..U+00FF */
		"aaaaaa" "\x01" "ceeeeiiii" "dnooooo" "\0" "ouuuuy" "t" "\x02"
		"aaaaaa" "\x01" "ceeeeiiii" "dnooooo" "\0" "ouuuuy" "t" "y";
	static const char ext_a[] =
		"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
		"iiiiiiiiii" "ii" "jj" "kkk" "llllllllll" "nnnnnnnnn"
		"oooooo" "oo" "rrrrrr" "ssssssss" "tttttt"
		"uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
	*mk = 0;
	if (cp < 0x80) {
		char c = (char)cp;
		if (c >= 'A' && c <= 'Z')
			return (char)(c - 'A' + 'a');
		return (c >= 'a' && c <= 'z') ? c : '\0';
	}
	if (cp >= 0xC0 && cp <= 0xFF) {
		char c = l1[cp - 0xC0];
		uint32_t low = cp >= 0xE0 ? cp - 0x20 : cp;
		if (low == 0xC4 || low == 0xCB || low == 0xCF || low == 0xD6 ||
		    low == 0xDC || cp == 0xFF)
			*mk = S_MK_DIAER;
		if (low == 0xC9)
			*mk = S_MK_ACUTE;
		return c;
	}
	if (cp >= 0x100 && cp <= 0x17F)
		return ext_a[cp - 0x100];
	return '\0';
}

typedef struct s_run {
	char w[S_MAXRUN];
	uint8_t mk[S_MAXRUN];
	s_cls cls;         /* classes of w[0..n) */
	size_t n;          /* letters kept (<= S_MAXRUN) */
	size_t total;      /* letters seen */
	bool vowel_seen;
	bool after_digit;  /* the run touches a number on its left */
	uint32_t naive;    /* vowel groups, for over-long runs */
	bool naive_in;
	size_t apos;       /* letters before the last apostrophe */
	unsigned napos;    /* apostrophes inside the run */
} s_run;

static void s_run_reset(s_run *r, bool after_digit)
{
	r->cls.aeio = r->cls.uy = 0;
	r->n = 0;
	r->total = 0;
	r->vowel_seen = false;
	r->after_digit = after_digit;
	r->naive = 0;
	r->naive_in = false;
	r->apos = 0;
	r->napos = 0;
}

/* Append letter c (a-z) with marks mk. Branch-free but for the length. */
static inline void s_run_push(s_run *r, char c, uint8_t mk)
{
	unsigned k = s_nucleus[(unsigned char)c];
	bool v = k != 0;        /* s_is_vowel_letter(c) */
	r->vowel_seen |= v;
	r->naive += v & (!r->naive_in || (mk & S_MK_DIAER) != 0);
	r->naive_in = v;
	if (r->n < S_MAXRUN) {
		r->w[r->n] = c;
		r->mk[r->n] = mk;
		r->cls.aeio |= (uint64_t)(k & 1u) << r->n;
		r->cls.uy |= (uint64_t)(k >> 1) << r->n;
		r->n++;
	}
	r->total++;
}

/* Append the ASCII letters that start s[0..len) to the run, lower-cased,
 * and return how many: what as many calls of s_run_push() would do, with
 * the state in registers. */
static size_t s_run_push_ascii(s_run *r, const unsigned char *s, size_t len)
{
	size_t n = r->n, j;
	s_cls cls = r->cls;
	uint32_t naive = r->naive;
	bool in = r->naive_in, seen = r->vowel_seen;
	for (j = 0; j < len; j++) {
		unsigned char c = s[j] | 0x20;
		if (s_letter((char)c) >= 26)
			break;
		unsigned cl = s_nucleus[c];
		bool v = cl != 0;
		seen |= v;
		naive += v & !in;       /* no marks: no diaeresis */
		in = v;
		if (n < S_MAXRUN) {
			r->w[n] = (char)c;
			r->mk[n] = 0;
			cls.aeio |= (uint64_t)(cl & 1u) << n;
			cls.uy |= (uint64_t)(cl >> 1) << n;
			n++;
		}
	}
	r->n = n;
	r->cls = cls;
	r->naive = naive;
	r->naive_in = in;
	r->vowel_seen = seen;
	r->total += j;
	return j;
}

/* Count a finished run. */
static uint32_t s_run_flush(const s_run *r)
{
	if (r->total == 0)
		return 0;
	/* Unit and ordinal letters after a number add nothing: 2nd, 1990s,
	 * 10x. Before a number they are spelled: Q3 = 2, mp3 = 3. */
	if (!r->vowel_seen && r->after_digit)
		return 0;
	if (r->total > S_MAXRUN)
		return r->naive ? r->naive : 1;
	/* Clitics: company's = company, boss's = boss + 1, it'll = it + 1,
	 * could've = could + 1, it'd = it + 1, they're = they. n't is left
	 * to the word rules (didnt = 2, dont = 1). */
	if (r->napos == 1 && r->apos > 0 && r->apos < r->n) {
		const char *w = r->w;
		size_t p = r->apos, tl = r->n - p;
		const char *t = w + p;
		char last = w[p - 1];
		char last2 = p >= 2 ? w[p - 2] : '\0';
		uint32_t add = 0;
		bool clitic = true;
		if (tl == 1 && t[0] == 's')
			add = (S_IN(last, "sxz") || (last == 'h' &&
				S_IN(last2, "cs")) || (last == 'e' &&
				S_IN(last2, "cgsz"))) ? 1 : 0;
		else if (tl == 2 && t[0] == 'l' && t[1] == 'l')
			add = s_is_cons(last) ? 1 : 0;
		else if (tl == 2 && t[0] == 'v' && t[1] == 'e')
			add = s_is_cons(last) ? 1 : 0;
		else if (tl == 1 && t[0] == 'd')
			add = S_IN(last, "td") ? 1 : 0;
		else if ((tl == 2 && t[0] == 'r' && t[1] == 'e') ||
			 (tl == 1 && t[0] == 'm'))
			add = 0;
		else
			clitic = false;
		if (clitic)    /* the classes of w[0..p) are those of w */
			return s_count(w, r->mk, p, r->cls) + add;
	}
	return s_count(r->w, r->mk, r->n, r->cls);
}

static bool s_is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/*
 * Everything but a plain word: digits, apostrophes, separators, accents,
 * other scripts, over-long runs.
 */
S_COLD static uint32_t s_syllables_general(const unsigned char *s,
	size_t len)
{
	uint32_t total = 0;
	bool other_letters = false;
	bool in_number = false;    /* inside a digit run (with . , :) */
	bool prev_digit = false;
	size_t i = 0;
	s_run run;

	s_run_reset(&run, false);
	while (i < len) {
		uint32_t cp;
		size_t k;
		if (s[i] < 0x80) {
			/* a span of ASCII letters at once: the same as
			 * taking them one by one below */
			if (s_letter((char)(s[i] | 0x20)) < 26) {
				in_number = false;
				if (run.total == 0)
					run.after_digit = prev_digit;
				i += s_run_push_ascii(&run, s + i, len - i);
				prev_digit = false;
				continue;
			}
			cp = s[i];
			k = 1;
		} else {
			k = memo__utf8_decode(s + i, len - i, &cp);
			if (k == 0) {
				cp = 0xFFFD;
				k = 1;
			}
		}
		i += k;

		if (cp >= '0' && cp <= '9') {
			total += s_run_flush(&run);
			s_run_reset(&run, true);
			if (!in_number)
				total++;
			in_number = true;
			prev_digit = true;
			continue;
		}
		/* 3.5, 1,000 and 10:30 are one number. */
		if (in_number && (cp == '.' || cp == ',' || cp == ':') &&
		    i < len && s[i] >= '0' && s[i] <= '9') {
			prev_digit = false;
			continue;
		}
		in_number = false;

		if (cp < 0x80 && cp != '\'') {
			/* an ASCII separator: what the end of the loop does
			 * with it (s_fold gives no letter) */
			total += s_run_flush(&run);
			s_run_reset(&run, false);
			prev_digit = false;
			continue;
		}
		if (s_is_apostrophe(cp)) {
			if (run.total > 0) {    /* don't -> dont */
				run.apos = run.n;
				run.napos++;
			}
			continue;
		}
		if (cp == 0xAD)
			continue;       /* soft hyphen */
		/* Combining diaeresis / acute (decomposed text). */
		if (cp == 0x308 || cp == 0x301) {
			if (run.n > 0) {
				uint8_t m = cp == 0x308 ? S_MK_DIAER
							: S_MK_ACUTE;
				if (m == S_MK_DIAER || run.w[run.n - 1] == 'e')
					run.mk[run.n - 1] |= m;
			}
			continue;
		}
		if (cp >= 0x300 && cp <= 0x36F)
			continue;       /* other combining marks */

		uint8_t mk;
		char c = s_fold(cp, &mk);
		if (c == '\x01') {      /* æ */
			s_run_push(&run, 'a', mk);
			s_run_push(&run, 'e', 0);
		} else if (c == '\x02') { /* ß */
			s_run_push(&run, 's', 0);
			s_run_push(&run, 's', 0);
		} else if (cp == 0x152 || cp == 0x153) { /* œ */
			s_run_push(&run, 'o', 0);
			s_run_push(&run, 'e', 0);
		} else if (c != '\0') {
			if (run.total == 0)
				run.after_digit = prev_digit;
			s_run_push(&run, c, mk);
		} else {
			/* A separator (hyphen, slash, dot ...) or a letter of
			 * another script, which counts one syllable per run. */
			if (cp >= 0x80 && !(cp >= 0x2000 && cp <= 0x206F) &&
			    cp != 0xA0 && cp != 0xFFFD && cp != 0xD7 &&
			    cp != 0xF7)
				other_letters = true;
			total += s_run_flush(&run);
			s_run_reset(&run, false);
		}
		prev_digit = false;
	}
	total += s_run_flush(&run);
	if (total == 0 && other_letters)
		total = 1;
	return total;
}

/* Marks of a run of plain ASCII letters: none. */
static const uint8_t s_no_marks[S_MAXRUN];

uint32_t memo__syllables(const char *word, size_t len)
{
	const unsigned char *s = (const unsigned char *)word;
	char w[S_MAXRUN];
	s_cls cls = { 0, 0 };
	size_t i;

	if (word == NULL)
		return 0;
	if (!atomic_load_explicit(&s_index_ready, memory_order_acquire))
		(void)pthread_once(&s_index_once, s_build_indexes);

	/* The leading ASCII letters (up to S_MAXRUN), lower-cased: c | 0x20
	 * lower-cases A-Z and maps no other byte to a-z. A word of nothing
	 * else (most words) is one run without marks, apostrophes or digits,
	 * counted right away. */
	size_t lim = len < S_MAXRUN ? len : S_MAXRUN;
	for (i = 0; i < lim; i++) {
		unsigned char c = s[i] | 0x20;
		if (s_letter((char)c) >= 26)
			break;
		unsigned k = s_nucleus[c];
		w[i] = (char)c;
		cls.aeio |= (uint64_t)(k & 1u) << i;
		cls.uy |= (uint64_t)(k >> 1) << i;
	}
	if (i == len && i > 0)
		return s_count(w, s_no_marks, i, cls);
	return s_syllables_general(s, len);
}
