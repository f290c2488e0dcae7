/*
 * arena.c - bump allocator: a document's nodes, strings and tables all
 * live in one arena and are freed in one call.
 */
#include <string.h>

#include "memo_internal.h"

struct memo__arena_block {
	memo__arena_block *next;
	size_t used, cap;
	_Alignas(16) unsigned char data[];
};

#define ARENA_MIN_BLOCK (64u * 1024u - sizeof(memo__arena_block))

void memo__arena_init(memo__arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void memo__arena_free(memo__arena *a)
{
	memo__arena_block *b = a->head;
	while (b) {
		memo__arena_block *next = b->next;
		memo__free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

/* size bytes, 16-aligned, not zeroed. */
static void *s_alloc(memo__arena *a, size_t size)
{
	memo__arena_block *b = a->head;
	size = (size + 15u) & ~(size_t)15u;
	if (size == 0)
		size = 16;
	if (!b || b->cap - b->used < size) {
		size_t cap = ARENA_MIN_BLOCK;
		/* Grow blocks with the arena so big documents use few blocks. */
		if (a->total / 4 > cap)
			cap = a->total / 4;
		if (cap < size)
			cap = size;
		b = memo__malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		b->next = a->head;
		a->head = b;
		a->total += cap;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

void *memo__arena_alloc(memo__arena *a, size_t size)
{
	void *p = s_alloc(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

char *memo__arena_strndup(memo__arena *a, const char *s, size_t len)
{
	char *p = s_alloc(a, len + 1); /* every byte is written below */
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
