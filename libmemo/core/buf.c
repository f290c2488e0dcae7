/*
 * buf.c - growable byte buffer with a sticky out-of-memory flag.
 */
#include <stdio.h>
#include <string.h>

#include "memo_internal.h"

void memo__buf_init(memo__buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

void memo__buf_free(memo__buf *b)
{
	memo__free(b->data);
	memo__buf_init(b);
}

int memo__buf_reserve(memo__buf *b, size_t extra)
{
	if (b->oom)
		return MEMO_ENOMEM;
	if (extra > SIZE_MAX - b->len - 1) {
		b->oom = true;
		return MEMO_ENOMEM;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return MEMO_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = memo__realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return MEMO_ENOMEM;
	}
	b->data = p;
	b->cap = cap;
	return MEMO_OK;
}

int memo__buf_append(memo__buf *b, const char *s, size_t len)
{
	if (memo__buf_reserve(b, len) != MEMO_OK)
		return MEMO_ENOMEM;
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
	return MEMO_OK;
}

int memo__buf_putc(memo__buf *b, char c)
{
	return memo__buf_append(b, &c, 1);
}

int memo__buf_printf(memo__buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return MEMO_ERROR;
	if (memo__buf_reserve(b, (size_t)n) != MEMO_OK)
		return MEMO_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return MEMO_OK;
}

char *memo__buf_detach(memo__buf *b, size_t *len_out)
{
	if (!b->data && memo__buf_reserve(b, 0) != MEMO_OK)
		return NULL;
	char *p = b->data;
	if (len_out)
		*len_out = b->len;
	memo__buf_init(b);
	return p;
}
