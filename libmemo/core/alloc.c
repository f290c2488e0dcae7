/*
 * alloc.c - the allocation wrappers every libmemo allocation goes through.
 *
 * A thread-local countdown lets tests make the Nth allocation fail, so
 * that each failure path can be walked (see tests/core/check_oom.c).
 */
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"

static _Thread_local uint64_t s_fail_at;  /* 0 = never */
static _Thread_local uint64_t s_count;

void memo__alloc_fail_at(uint64_t n)
{
	s_fail_at = n ? s_count + n : 0;
}

uint64_t memo__alloc_count(void)
{
	return s_count;
}

static bool s_should_fail(void)
{
	s_count++;
	if (s_fail_at && s_count == s_fail_at)
		return true;
	return false;
}

void *memo__malloc(size_t size)
{
	if (s_should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *memo__calloc(size_t n, size_t size)
{
	if (s_should_fail())
		return NULL;
	if (n == 0 || size == 0)
		n = size = 1;
	return calloc(n, size);
}

void *memo__realloc(void *ptr, size_t size)
{
	if (s_should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void memo__free(void *ptr)
{
	free(ptr);
}

char *memo__strndup(const char *s, size_t len)
{
	char *p = memo__malloc(len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void memo_free(void *ptr)
{
	free(ptr);
}
