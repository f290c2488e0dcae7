/*
 * utf8.c - UTF-8 decoding, encoding, validation and repair.
 *
 * Decoding follows RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF.
 */
#include <string.h>

#include "memo_internal.h"

size_t memo__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		if (len < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0) {
		if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogate */
		*cp = ((uint32_t)(c & 0x0F) << 12) |
		      ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
	    (s[3] & 0xC0) != 0x80)
		return 0;
	if (c == 0xF0 && s[1] < 0x90)
		return 0; /* overlong */
	if (c == 0xF4 && s[1] >= 0x90)
		return 0; /* above U+10FFFF */
	*cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return 4;
}

size_t memo__utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return memo__utf8_encode(0xFFFD, out);
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the valid prefix of s (stops at the first bad sequence). */
static size_t s_valid_prefix(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* Fast path: eight ASCII bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = memo__utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

bool memo__utf8_valid(const char *s, size_t len)
{
	return s_valid_prefix((const unsigned char *)s, len) == len;
}

long memo__utf8_sanitize(memo__buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	long replaced = 0;
	size_t i = 0;
	if (memo__buf_reserve(b, len) != MEMO_OK)
		return -1;
	while (i < len) {
		size_t ok = s_valid_prefix(u + i, len - i);
		if (memo__buf_append(b, s + i, ok) != MEMO_OK)
			return -1;
		i += ok;
		if (i < len) {
			/* Skip one maximal bad subpart: the lead byte plus any
			 * continuation bytes that could have followed it. */
			size_t skip = 1;
			while (i + skip < len && skip < 4 &&
			       (u[i + skip] & 0xC0) == 0x80 && u[i] >= 0xC0)
				skip++;
			if (memo__buf_append(b, "\xEF\xBF\xBD", 3) != MEMO_OK)
				return -1;
			replaced++;
			i += skip;
		}
	}
	return replaced;
}
