/*
 * readability.c - the readability formulas over word/sentence counts.
 *
 * The coefficients are those of the original papers as implemented by the
 * npm packages of github.com/words (flesch, flesch-kincaid, gunning-fog,
 * smog-formula, coleman-liau, automated-readability, dale-chall-formula,
 * spache-formula); the gold file readability_formula_from_counts.jsonl
 * holds their outputs and the corpus tests compare to 1e-6. docs/metrics.md
 * lists the formulas and the counting conventions.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

/* Words and sentences as doubles, with the zero guards of text.h: no
 * words -> the caller returns 0; words but no sentences -> one sentence. */
static bool s_ws(const memo__readability_counts *c, double *w, double *s)
{
	if (c == NULL || c->words == 0)
		return false;
	*w = (double)c->words;
	*s = c->sentences ? (double)c->sentences : 1.0;
	return true;
}

double memo__flesch_reading_ease(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 206.835 - 1.015 * (w / s) - 84.6 * ((double)c->syllables / w);
}

double memo__flesch_kincaid_grade(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 0.39 * (w / s) + 11.8 * ((double)c->syllables / w) - 15.59;
}

double memo__gunning_fog(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 0.4 * ((w / s) + 100.0 * ((double)c->complex_words / w));
}

double memo__smog(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 1.043 * sqrt((double)c->polysyllables * (30.0 / s)) + 3.1291;
}

double memo__coleman_liau(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 0.0588 * (100.0 * (double)c->letters / w) -
		0.296 * (100.0 * s / w) - 15.8;
}

double memo__ari(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 4.71 * ((double)c->characters / w) + 0.5 * (w / s) - 21.43;
}

double memo__lix(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return w / s + 100.0 * ((double)c->long_words / w);
}

double memo__dale_chall(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	double pct = 100.0 * ((double)c->difficult_words / w);
	double v = 0.1579 * pct + 0.0496 * (w / s);
	/* Adjustment when more than 5% of the words are difficult. */
	if (pct > 5.0)
		v += 3.6365;
	return v;
}

double memo__spache(const memo__readability_counts *c)
{
	double w, s;
	if (!s_ws(c, &w, &s))
		return 0.0;
	return 0.121 * (w / s) +
		0.082 * (100.0 * (double)c->unfamiliar_words / w) + 0.659;
}

/* ---- counting one word --------------------------------------------------- */

static bool s_is_letter_cp(uint32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return true;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	/* Combining marks, general punctuation, CJK punctuation, specials,
	 * private use and U+FFFD are not letters; other code points from
	 * U+00C0 on are treated as letters (no Unicode tables here). */
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0xFFF0)
		return false;
	return true;
}

static bool s_is_hyphen_cp(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Lowercase ASCII ending check on raw bytes. */
static bool s_ends_ci(const char *s, size_t len, const char *suf, size_t k)
{
	if (len < k)
		return false;
	for (size_t i = 0; i < k; i++) {
		char c = s[len - k + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suf[i])
			return false;
	}
	return true;
}

/* Gunning's exclusions that need only the word itself: a word made
 * three syllables by -es, -ed or -ing, and a hyphenated compound of
 * shorter parts (Gunning 1952; GNU style does not apply them). */
static bool s_fog_complex(const char *word, size_t len, uint32_t syl,
	bool hyphenated)
{
	static const struct { const char *suf; size_t k; } sufs[] = {
		{ "ing", 3 }, { "es", 2 }, { "ed", 2 },
	};
	if (syl < 3)
		return false;
	for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
		if (len > sufs[i].k + 1 &&
		    s_ends_ci(word, len, sufs[i].suf, sufs[i].k) &&
		    memo__syllables(word, len - sufs[i].k) < 3)
			return false;
	}
	if (hyphenated) {
		const unsigned char *s = (const unsigned char *)word;
		size_t start = 0, i = 0;
		bool any_long = false;
		while (i <= len) {
			uint32_t cp = 0;
			size_t k = 1;
			if (i < len) {
				k = memo__utf8_decode(s + i, len - i, &cp);
				if (k == 0)
					k = 1;
			}
			if (i == len || s_is_hyphen_cp(cp)) {
				if (memo__syllables(word + start, i - start) >= 3)
					any_long = true;
				start = i + k;
			}
			i += k;
		}
		if (!any_long)
			return false;
	}
	return true;
}

void memo__readability_word(memo__rw_word *w, const char *word, size_t len)
{
	const unsigned char *s = (const unsigned char *)word;
	uint64_t letters = 0, digits = 0;
	bool hyphenated = false;

	memset(w, 0, sizeof *w);
	if (word == NULL)
		return;
	/* ASCII bytes one at a time (what the loop below does with them,
	 * without decoding); the rest from the first other byte on */
	size_t i = 0;
	for (; i < len && s[i] < 0x80; i++) {
		unsigned c = s[i];
		if (c - '0' < 10u)
			digits++;
		else if ((c | 0x20u) - 'a' < 26u)
			letters++;
		else if (c == '-')
			hyphenated = true;
	}
	while (i < len) {
		uint32_t cp;
		size_t k = memo__utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (s_is_letter_cp(cp))
			letters++;
		else if (s_is_hyphen_cp(cp))
			hyphenated = true;
		i += k;
	}
	if (letters == 0 && digits == 0)
		return;
	w->counted = true;
	w->letters = letters;
	w->digits = digits;
	w->syllables = memo__syllables(word, len);
	w->complex = s_fog_complex(word, len, w->syllables, hyphenated);
}

uint32_t memo__readability_add(memo__readability_counts *c,
	const memo__rw_word *w, unsigned flags)
{
	if (c == NULL || !w->counted)
		return 0;
	uint32_t syl = w->syllables;
	c->words++;
	c->syllables += syl;
	c->letters += w->letters;
	c->characters += w->letters + w->digits;
	if (syl >= 3)
		c->polysyllables++;
	if (w->letters > 6)
		c->long_words++;
	if (!(flags & MEMO__RW_PROPER) && w->complex)
		c->complex_words++;
	return syl;
}

uint32_t memo__readability_add_word(memo__readability_counts *c,
	const char *word, size_t len, unsigned flags)
{
	memo__rw_word w;
	if (c == NULL || word == NULL)
		return 0;
	memo__readability_word(&w, word, len);
	return memo__readability_add(c, &w, flags);
}
