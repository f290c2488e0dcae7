/*
 * words.c - a plain word count for outlines, before analysis exists.
 *
 * A word is a maximal run of letters, digits and inner joiners
 * (apostrophes, hyphens, periods and commas between alphanumerics) that
 * holds at least one letter or digit. Every code point at or above U+00C0
 * that is not punctuation or a space counts as a letter.
 */
#include "memo_internal.h"

static bool s_is_alnum_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
			(cp | 0x20) <= 'z');
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	if (cp >= 0x2000 && cp <= 0x206F) /* general punctuation */
		return false;
	if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
		return false;
	if (cp >= 0xFE30 && cp <= 0xFE4F)
		return false;
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return false;
	if (cp == 0xFEFF || cp == 0xFFFD)
		return false;
	return true;
}

static bool s_is_joiner(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 ||
	       cp == 0x2011 || cp == '.' || cp == ',' || cp == '_';
}

size_t memo__count_words(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, words = 0;
	bool in_word = false;
	while (i < len) {
		uint32_t cp;
		size_t n;
		if (u[i] < 0x80) {
			cp = u[i];
			n = 1;
		} else {
			n = memo__utf8_decode(u + i, len - i, &cp);
			if (n == 0) {
				cp = 0xFFFD;
				n = 1;
			}
		}
		if (s_is_alnum_cp(cp)) {
			if (!in_word)
				words++;
			in_word = true;
		} else if (in_word && s_is_joiner(cp) && i + n < len) {
			/* A joiner stays inside the word only when an
			 * alphanumeric follows it. */
			uint32_t next;
			size_t m = memo__utf8_decode(u + i + n, len - i - n,
				&next);
			if (!(m && s_is_alnum_cp(next)))
				in_word = false;
		} else {
			in_word = false;
		}
		i += n;
	}
	return words;
}
