/*
 * iter.c - enter/exit walk over a subtree, optionally filtered by type.
 */
#include "memo_internal.h"

struct memo_iter {
	const memo_node *root;
	const memo_node *cur;   /* node of the last event */
	memo_event_t ev;        /* last event */
	uint32_t mask;
};

int memo_iter_new(memo_iter **out, const memo_node *root,
	uint32_t type_mask)
{
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_iter_new: out is NULL");
	*out = NULL;
	if (!root)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_iter_new: root is NULL");
	memo_iter *it = memo__calloc(1, sizeof *it);
	if (!it)
		return memo__error_oom();
	it->root = root;
	it->mask = type_mask;
	it->ev = MEMO_EVENT_NONE;
	*out = it;
	return MEMO_OK;
}

/* One unfiltered step of the walk. */
static memo_event_t s_step(memo_iter *it)
{
	const memo_node *n = it->cur;
	switch (it->ev) {
	case MEMO_EVENT_NONE:
		it->cur = it->root;
		return it->ev = MEMO_EVENT_ENTER;
	case MEMO_EVENT_ENTER:
		if (n->first) {
			it->cur = n->first;
			return it->ev = MEMO_EVENT_ENTER;
		}
		/* A leaf: no EXIT event; move on as if it had exited. */
		break;
	case MEMO_EVENT_EXIT:
		break;
	default:
		return it->ev = MEMO_EVENT_DONE;
	}
	if (n == it->root) {
		it->cur = NULL;
		return it->ev = MEMO_EVENT_DONE;
	}
	if (n->next) {
		it->cur = n->next;
		return it->ev = MEMO_EVENT_ENTER;
	}
	it->cur = n->parent;
	return it->ev = MEMO_EVENT_EXIT;
}

memo_event_t memo_iter_next(memo_iter *it)
{
	if (!it)
		return MEMO_EVENT_DONE;
	for (;;) {
		memo_event_t ev = s_step(it);
		if (ev == MEMO_EVENT_DONE)
			return ev;
		if (!it->mask || (it->mask & (1u << it->cur->type)))
			return ev;
	}
}

const memo_node *memo_iter_node(const memo_iter *it)
{
	return it ? it->cur : NULL;
}

void memo_iter_free(memo_iter *it)
{
	memo__free(it);
}
