/*
 * node.c - node accessors.
 */
#include <string.h>

#include "memo_internal.h"

memo_node_type_t memo_node_type(const memo_node *node)
{
	return node ? (memo_node_type_t)node->type : MEMO_NODE_NONE;
}

const char *memo_node_type_name(memo_node_type_t type)
{
	static const char *const names[] = {
		"none", "document", "section", "heading", "paragraph", "list",
		"item", "table", "row", "cell", "quote", "code", "notes", "note",
	};
	if ((unsigned)type < sizeof names / sizeof *names)
		return names[type];
	return "none";
}

uint32_t memo_node_flags(const memo_node *node)
{
	return node ? node->flags : 0;
}

const memo_node *memo_node_parent(const memo_node *node)
{
	return node ? node->parent : NULL;
}

const memo_node *memo_node_first_child(const memo_node *node)
{
	return node ? node->first : NULL;
}

const memo_node *memo_node_last_child(const memo_node *node)
{
	return node ? node->last : NULL;
}

const memo_node *memo_node_next(const memo_node *node)
{
	return node ? node->next : NULL;
}

const memo_node *memo_node_prev(const memo_node *node)
{
	return node ? node->prev : NULL;
}

size_t memo_node_child_count(const memo_node *node)
{
	return node ? node->nchildren : 0;
}

int memo_node_level(const memo_node *node)
{
	if (!node)
		return 0;
	switch (node->type) {
	case MEMO_NODE_SECTION:
	case MEMO_NODE_HEADING:
	case MEMO_NODE_LIST:
	case MEMO_NODE_ITEM:
		return (int)node->level;
	default:
		return 0;
	}
}

const char *memo_node_title(const memo_node *node, size_t *len_out)
{
	const memo_node *h = NULL;
	if (node && node->type == MEMO_NODE_HEADING)
		h = node;
	else if (node && node->type == MEMO_NODE_SECTION && node->first &&
	         node->first->type == MEMO_NODE_HEADING)
		h = node->first;
	if (len_out)
		*len_out = h ? h->text_len : 0;
	return h ? h->text : NULL;
}

const char *memo_node_text(const memo_node *node, size_t *len_out)
{
	const char *t = node ? node->text : NULL;
	if (len_out)
		*len_out = t ? node->text_len : 0;
	return t;
}

size_t memo_node_span_count(const memo_node *node)
{
	return node ? node->nspans : 0;
}

int memo_node_span_at(const memo_node *node, size_t index, memo_span *out)
{
	if (!node || !out || index >= node->nspans)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_node_span_at: index out of range");
	*out = node->spans[index];
	return MEMO_OK;
}

int memo_node_text_to_doc(const memo_node *node, uint64_t text_offset,
	uint64_t *out)
{
	if (!node || !out || !node->text || text_offset > node->text_len)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_node_text_to_doc: offset out of range");
	if (node->nspans == 0) {
		*out = node->start;
		return MEMO_OK;
	}
	/* Last span starting at or before the offset. */
	size_t lo = 0, hi = node->nspans;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (node->spans[mid].text_offset <= text_offset)
			lo = mid;
		else
			hi = mid;
	}
	const memo_span *sp = &node->spans[lo];
	uint64_t rel = text_offset - sp->text_offset;
	if (rel >= sp->length) {
		*out = sp->doc_offset + sp->doc_length;
	} else if (sp->verbatim) {
		*out = sp->doc_offset + rel;
	} else {
		*out = sp->doc_offset;
	}
	return MEMO_OK;
}

int memo__node_text_end_to_doc(const memo_node *node, uint64_t text_offset,
	uint64_t *out)
{
	if (!node || !out || !node->text || text_offset == 0 ||
	    text_offset > node->text_len || node->nspans == 0)
		return memo_node_text_to_doc(node, text_offset, out);
	/* Last span starting before the offset. */
	size_t lo = 0, hi = node->nspans;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (node->spans[mid].text_offset < text_offset)
			lo = mid;
		else
			hi = mid;
	}
	const memo_span *sp = &node->spans[lo];
	uint64_t rel = text_offset - sp->text_offset;
	if (rel >= sp->length || !sp->verbatim)
		*out = sp->doc_offset + sp->doc_length;
	else
		*out = sp->doc_offset + rel;
	return MEMO_OK;
}

void memo_node_range(const memo_node *node, memo_range *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof *out);
	if (!node)
		return;
	if (memo_document_position(node->owner, node->start, &out->start) ||
	    memo_document_position(node->owner, node->end, &out->end)) {
		out->start.offset = node->start;
		out->end.offset = node->end;
	}
}

uint32_t memo_node_list_start(const memo_node *node)
{
	if (!node || node->type != MEMO_NODE_LIST ||
	    !(node->flags & MEMO_NODE_FLAG_ORDERED))
		return 0;
	return node->list_start;
}

size_t memo_node_word_count(const memo_node *node, uint32_t flags)
{
	size_t w = 0;
	if (!node)
		return 0;
	if (node->type == MEMO_NODE_PARAGRAPH && node->text)
		return memo__count_words(node->text, node->text_len);
	for (const memo_node *c = node->first; c; c = c->next) {
		if ((flags & MEMO_WORDS_OWN) && c->type == MEMO_NODE_SECTION)
			continue;
		w += memo_node_word_count(c, 0);
	}
	return w;
}
