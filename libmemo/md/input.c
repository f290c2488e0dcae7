/*
 * input.c - size limit, byte-order mark and UTF-8 repair for the text
 * front ends (Markdown and plain text).
 */
#include <string.h>

#include "md/input.h"

#define DEFAULT_MAX_INPUT (512ull * 1024u * 1024u)

/* Offset of the first invalid UTF-8 sequence in s (len when none). */
static size_t s_first_invalid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = memo__utf8_decode(u + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

/* 1-based line and column (in code points) of offset off in s. A lone
 * "\r" ends a line too, as in the document's line index. */
static void s_line_col(const char *s, size_t off, uint32_t *line,
	uint32_t *col)
{
	uint32_t l = 1;
	size_t ls = 0;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) {
			l++;
			ls = i + 1;
		}
	}
	uint32_t c = 1;
	for (size_t i = ls; i < off; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	*line = l;
	*col = c;
}

int memo__input_load(memo__builder *b, const char *data, size_t len,
	const char *name, const memo_parse_options *opts,
	const char **text_out, size_t *len_out)
{
	uint64_t limit = opts && opts->max_input_bytes ?
		opts->max_input_bytes : DEFAULT_MAX_INPUT;
	int rc;

	*text_out = "";
	*len_out = 0;
	if (!data)
		data = "";
	if ((uint64_t)len > limit)
		return memo__error_set(MEMO_ELIMIT, memo__display_name(name),
			NULL, 0, 0, "input of %zu bytes is over the limit of "
			"%llu bytes", len, (unsigned long long)limit);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (memo__utf8_valid(data, len)) {
		rc = memo__builder_set_text(b, data, len);
	} else {
		size_t bad = s_first_invalid(data, len);
		if (opts && (opts->flags & MEMO_PARSE_STRICT_UTF8)) {
			uint32_t line, col;
			s_line_col(data, bad, &line, &col);
			return memo__error_set(MEMO_EFORMAT,
				memo__display_name(name), NULL, line, col,
				"invalid UTF-8 (byte 0x%02X)",
				(unsigned)(unsigned char)data[bad]);
		}
		memo__buf fixed;
		memo__buf_init(&fixed);
		long n = memo__utf8_sanitize(&fixed, data, len);
		if (n < 0) {
			memo__buf_free(&fixed);
			return memo__error_oom();
		}
		rc = memo__builder_set_text(b, fixed.data ? fixed.data : "",
			fixed.len);
		memo__buf_free(&fixed);
		/* The text before the first bad byte is unchanged, so the
		 * offset is the same in the repaired text; U+FFFD is 3 bytes. */
		if (rc == MEMO_OK)
			rc = memo__builder_warn(b, "parse.invalid-utf8",
				MEMO_SEVERITY_WARNING, bad, bad + 3,
				"invalid UTF-8: %ld sequence%s replaced by U+FFFD",
				n, n == 1 ? "" : "s");
	}
	if (rc != MEMO_OK)
		return rc;
	/* the builder holds the normalised text the offsets index */
	*text_out = b->doc->text ? b->doc->text : "";
	*len_out = b->doc->text_len;
	return MEMO_OK;
}
