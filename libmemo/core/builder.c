/*
 * builder.c - how front ends make a document: blocks are opened and
 * closed in source order, text runs are added with their source offsets,
 * and finish() groups headings into sections and builds the line index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"

#define GROW(ptr, n, cap, extra)                                           \
	s_grow((void **)&(ptr), sizeof *(ptr), (n), &(cap), (extra))

static int s_grow(void **ptr, size_t elem, size_t n, size_t *cap,
	size_t extra)
{
	if (n + extra <= *cap)
		return MEMO_OK;
	size_t c = *cap ? *cap : 16;
	while (c < n + extra) {
		if (c > SIZE_MAX / 2 / elem)
			return memo__error_oom();
		c *= 2;
	}
	void *p = memo__realloc(*ptr, c * elem);
	if (!p)
		return memo__error_oom();
	*ptr = p;
	*cap = c;
	return MEMO_OK;
}

static bool s_is_text_type(uint32_t type)
{
	return type == MEMO_NODE_PARAGRAPH || type == MEMO_NODE_HEADING ||
	       type == MEMO_NODE_CODE;
}

static memo_node *s_new_node(memo__builder *b, uint32_t type, uint64_t at)
{
	memo_node *n = memo__arena_alloc(&b->doc->arena, sizeof *n);
	if (!n)
		return NULL;
	n->type = type;
	n->start = n->end = at;
	n->owner = b->doc;
	return n;
}

static void s_append_child(memo_node *parent, memo_node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	parent->nchildren++;
}

int memo__builder_init(memo__builder *b, const char *name, uint32_t format,
	uint32_t max_depth)
{
	memset(b, 0, sizeof *b);
	memo__buf_init(&b->text);
	memo__buf_init(&b->nodetext);
	b->max_depth = max_depth ? max_depth : 1000;
	b->doc = memo__calloc(1, sizeof *b->doc);
	if (!b->doc)
		return memo__error_oom();
	memo__arena_init(&b->doc->arena);
	b->doc->refcount = 1;
	b->doc->format = format;
	if (name) {
		b->doc->name = memo__arena_strndup(&b->doc->arena, name,
			strlen(name));
		if (!b->doc->name)
			goto oom;
	}
	b->doc->root = s_new_node(b, MEMO_NODE_DOCUMENT, 0);
	if (!b->doc->root)
		goto oom;
	if (GROW(b->stack, 0, b->capdepth, 64) != MEMO_OK)
		goto oom;
	b->stack[0].node = b->doc->root;
	b->depth = 1;
	return MEMO_OK;
oom:
	memo__builder_abort(b);
	return memo__error_oom();
}

int memo__builder_set_text(memo__builder *b, const char *text, size_t len)
{
	/* The whole text is known up front: put it straight in the arena. */
	char *t = memo__arena_strndup(&b->doc->arena, text, len);
	if (!t)
		return memo__error_oom();
	b->doc->text = t;
	b->doc->text_len = len;
	b->text_owned = true;
	return MEMO_OK;
}

int memo__builder_append_text(memo__builder *b, const char *s, size_t len,
	uint64_t *offset_out)
{
	if (offset_out)
		*offset_out = b->text.len;
	if (memo__buf_append(&b->text, s, len) != MEMO_OK)
		return memo__error_oom();
	return MEMO_OK;
}

uint64_t memo__builder_text_len(const memo__builder *b)
{
	return b->text_owned ? b->doc->text_len : b->text.len;
}

memo_node *memo__builder_top(memo__builder *b)
{
	return b->stack[b->depth - 1].node;
}

/* Store the open text node's text and spans in the arena. A span read
 * from the document text (reserved 0) is copied from there, the others
 * from nodetext in order. */
static int s_finish_text(memo__builder *b, memo_node *n)
{
	memo__arena *a = &b->doc->arena;
	size_t len = b->nodetext_len;
	if (len == b->nodetext.len || (b->nspans == 1 &&
	    !b->spans[0].reserved)) {
		/* every byte is in nodetext (no run was read from the text),
		 * or the text is one piece of the document text */
		const char *from = b->nodetext.data ? b->nodetext.data : "";
		if (len != b->nodetext.len)
			from = b->doc->text + b->spans[0].doc_offset;
		n->text = memo__arena_strndup(a, from, len);
		if (!n->text)
			return memo__error_oom();
	} else {
		char *t = memo__arena_alloc(a, len + 1);
		if (!t)
			return memo__error_oom();
		const char *pend = b->nodetext.data;
		for (size_t i = 0; i < b->nspans; i++) {
			const memo_span *sp = &b->spans[i];
			if (!sp->length)
				continue;
			const char *from = pend;
			if (sp->reserved)
				pend += sp->length;
			else
				from = b->doc->text + sp->doc_offset;
			memcpy(t + sp->text_offset, from, (size_t)sp->length);
		}
		t[len] = '\0';
		n->text = t;
	}
	n->text_len = len;
	if (b->nspans) {
		memo_span *sp = memo__arena_alloc(a, b->nspans * sizeof *sp);
		if (!sp)
			return memo__error_oom();
		memcpy(sp, b->spans, b->nspans * sizeof *sp);
		for (size_t i = 0; i < b->nspans; i++)
			sp[i].reserved = 0;
		n->spans = sp;
		n->nspans = b->nspans;
	}
	if (n->docx_para) {
		memo__docx_para *p = &b->paras[n->docx_para - 1];
		p->end = b->text.len;
		p->run_count = b->nruns - p->run_first;
	}
	b->nodetext.len = 0;
	b->nodetext_len = 0;
	b->nspans = 0;
	b->cur_text = NULL;
	b->cur_implicit = false;
	return MEMO_OK;
}

/* Pop the top node, fixing its range to cover its children. */
static int s_pop(memo__builder *b, uint64_t end)
{
	memo_node *n = b->stack[b->depth - 1].node;
	int rc;
	if (n == b->cur_text) {
		rc = s_finish_text(b, n);
		if (rc)
			return rc;
	}
	if (end > n->end)
		n->end = end;
	if (n->first && n->first->start < n->start)
		n->start = n->first->start;
	if (n->last && n->last->end > n->end)
		n->end = n->last->end;
	b->depth--;
	/* Let the parent cover it too. */
	memo_node *p = b->stack[b->depth - 1].node;
	if (n->end > p->end)
		p->end = n->end;
	return MEMO_OK;
}

static int s_close_implicit(memo__builder *b)
{
	if (b->cur_text && b->cur_implicit &&
	    b->stack[b->depth - 1].node == b->cur_text)
		return s_pop(b, b->cur_text->end);
	return MEMO_OK;
}

int memo__builder_open(memo__builder *b, memo_node_type_t type,
	uint64_t start)
{
	int rc = s_close_implicit(b);
	if (rc)
		return rc;
	if (b->cur_text)
		return memo__error_set(MEMO_ERROR, b->doc->name, NULL, 0, 0,
			"internal: a %s opened inside a text node",
			memo_node_type_name(type));
	if (b->depth >= b->max_depth)
		return memo__error_set(MEMO_ELIMIT, memo__display_name(
			b->doc->name), NULL, 0, 0,
			"nesting deeper than the limit of %u levels",
			(unsigned)b->max_depth);
	if (GROW(b->stack, b->depth, b->capdepth, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	memo_node *n = s_new_node(b, (uint32_t)type, start);
	if (!n)
		return memo__error_oom();
	memo_node *parent = b->stack[b->depth - 1].node;
	s_append_child(parent, n);
	if (type == MEMO_NODE_LIST || type == MEMO_NODE_ITEM) {
		/* the nesting depth, from the nearest enclosing list */
		uint32_t lists = 0;
		for (size_t i = b->depth; i-- > 0;) {
			const memo_node *up = b->stack[i].node;
			if (up->type == MEMO_NODE_LIST ||
			    up->type == MEMO_NODE_ITEM) {
				lists = up->level;
				break;
			}
		}
		n->level = type == MEMO_NODE_LIST ? lists + 1 :
			(lists ? lists : 1);
	}
	b->stack[b->depth].node = n;
	b->depth++;
	if (s_is_text_type((uint32_t)type)) {
		b->cur_text = n;
		b->cur_implicit = false;
		b->nodetext.len = 0;
		b->nodetext_len = 0;
		b->nspans = 0;
	}
	return MEMO_OK;
}

int memo__builder_close(memo__builder *b, uint64_t end)
{
	int rc = s_close_implicit(b);
	if (rc)
		return rc;
	if (b->depth <= 1)
		return memo__error_set(MEMO_ERROR, b->doc->name, NULL, 0, 0,
			"internal: close without open");
	return s_pop(b, end);
}

int memo__builder_add_run(memo__builder *b, const char *s, size_t len,
	uint64_t doc_offset, uint64_t doc_len, bool verbatim)
{
	int rc;
	if (!b->cur_text) {
		rc = memo__builder_open(b, MEMO_NODE_PARAGRAPH, doc_offset);
		if (rc)
			return rc;
		b->cur_implicit = true;
	}
	memo_node *n = b->cur_text;
	uint64_t toff = b->nodetext_len;
	/* A verbatim run of a text given whole (Markdown, plain text) is
	 * not copied: s_finish_text reads it from the text. */
	const memo_document *doc = b->doc;
	uint32_t pending = 1;
	if (verbatim && b->text_owned && len == doc_len &&
	    doc_offset <= doc->text_len && len <= doc->text_len - doc_offset &&
	    (s == doc->text + doc_offset ||
	     memcmp(s, doc->text + doc_offset, len) == 0)) {
		pending = 0;
	} else {
		memo__buf *nt = &b->nodetext;
		if (len < nt->cap - nt->len && !nt->oom) {
			memcpy(nt->data + nt->len, s, len);
			nt->len += len;
		} else if (memo__buf_append(nt, s, len) != MEMO_OK) {
			return memo__error_oom();
		}
	}
	b->nodetext_len += len;
	memo_span *prev = b->nspans ? &b->spans[b->nspans - 1] : NULL;
	if (prev && verbatim && prev->verbatim && prev->reserved == pending &&
	    prev->doc_offset + prev->doc_length == doc_offset &&
	    prev->text_offset + prev->length == toff) {
		prev->length += len;
		prev->doc_length += doc_len;
	} else {
		if (b->nspans == b->capspans &&
		    GROW(b->spans, b->nspans, b->capspans, 1) != MEMO_OK)
			return MEMO_ENOMEM;
		memo_span *sp = &b->spans[b->nspans++];
		sp->text_offset = toff;
		sp->doc_offset = doc_offset;
		sp->length = len;
		sp->doc_length = doc_len;
		sp->verbatim = verbatim ? 1u : 0u;
		sp->reserved = pending;
	}
	if (b->nspans == 1 && doc_offset < n->start)
		n->start = doc_offset;
	if (doc_offset + doc_len > n->end)
		n->end = doc_offset + doc_len;
	return MEMO_OK;
}

int memo__builder_set_notes(memo__builder *b, bool notes)
{
	int rc = s_close_implicit(b);
	if (rc)
		return rc;
	if (b->depth != 1)
		return memo__error_set(MEMO_ERROR, b->doc->name, NULL, 0, 0,
			"internal: notes switched inside a block");
	if (notes) {
		if (!b->doc->notes) {
			b->doc->notes = s_new_node(b, MEMO_NODE_NOTES,
				memo__builder_text_len(b));
			if (!b->doc->notes)
				return memo__error_oom();
		}
		b->stack[0].node = b->doc->notes;
	} else {
		b->stack[0].node = b->doc->root;
	}
	b->in_notes = notes;
	return MEMO_OK;
}

int memo__builder_warn(memo__builder *b, const char *rule_id,
	memo_severity_t sev, uint64_t start, uint64_t end, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (GROW(b->warnings, b->nwarnings, b->capwarnings, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	memo_finding *f = &b->warnings[b->nwarnings];
	memset(f, 0, sizeof *f);
	f->rule_id = memo__arena_strndup(&b->doc->arena, rule_id,
		strlen(rule_id));
	f->message = memo__arena_strndup(&b->doc->arena, msg, strlen(msg));
	if (!f->rule_id || !f->message)
		return memo__error_oom();
	f->severity = (uint32_t)sev;
	f->owner = b->doc;
	f->start = start;
	f->end = end < start ? start : end;
	b->nwarnings++;
	return MEMO_OK;
}

static int s_set_string(memo__builder *b, const char **dst, const char *s,
	size_t len)
{
	/* Trim spaces and one level of matching quotes. */
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	               s[len - 1] == '\r'))
		len--;
	if (len >= 2 && (s[0] == '"' || s[0] == '\'') && s[len - 1] == s[0])
		s++, len -= 2;
	*dst = memo__arena_strndup(&b->doc->arena, s, len);
	return *dst ? MEMO_OK : memo__error_oom();
}

int memo__builder_set_title(memo__builder *b, const char *s, size_t len)
{
	return s_set_string(b, &b->doc->title, s, len);
}

int memo__builder_set_kind(memo__builder *b, const char *s, size_t len)
{
	return s_set_string(b, &b->doc->declared_kind, s, len);
}

int memo__builder_add_comment(memo__builder *b, uint64_t start,
	uint64_t end, const char *body, size_t len)
{
	if (GROW(b->comments, b->ncomments, b->capcomments, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	while (len && (*body == ' ' || *body == '\t' || *body == '\n' ||
	               *body == '\r'))
		body++, len--;
	while (len && (body[len - 1] == ' ' || body[len - 1] == '\t' ||
	               body[len - 1] == '\n' || body[len - 1] == '\r'))
		len--;
	memo__comment *c = &b->comments[b->ncomments];
	c->start = start;
	c->end = end;
	c->body = memo__arena_strndup(&b->doc->arena, body, len);
	if (!c->body)
		return memo__error_oom();
	b->ncomments++;
	return MEMO_OK;
}

int memo__builder_add_part(memo__builder *b, const char *name,
	uint32_t *index_out)
{
	for (size_t i = 0; i < b->nparts; i++) {
		if (strcmp(b->parts[i], name) == 0) {
			*index_out = (uint32_t)i;
			return MEMO_OK;
		}
	}
	if (GROW(b->parts, b->nparts, b->capparts, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	const char *p = memo__arena_strndup(&b->doc->arena, name,
		strlen(name));
	if (!p)
		return memo__error_oom();
	b->parts[b->nparts] = p;
	*index_out = (uint32_t)b->nparts++;
	return MEMO_OK;
}

int memo__builder_docx_para(memo__builder *b, uint32_t part,
	uint32_t paragraph, const char *para_id)
{
	if (!b->cur_text)
		return memo__error_set(MEMO_ERROR, b->doc->name, NULL, 0, 0,
			"internal: docx paragraph without a text node");
	if (GROW(b->paras, b->nparas, b->capparas, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	memo__docx_para *p = &b->paras[b->nparas];
	memset(p, 0, sizeof *p);
	p->start = p->end = b->text.len;
	p->part = part;
	p->paragraph = paragraph;
	if (para_id) {
		p->para_id = memo__arena_strndup(&b->doc->arena, para_id,
			strlen(para_id));
		if (!p->para_id)
			return memo__error_oom();
	}
	p->run_first = b->nruns;
	b->nparas++;
	b->cur_text->docx_para = (uint32_t)b->nparas;
	return MEMO_OK;
}

int memo__builder_docx_run(memo__builder *b, uint32_t run)
{
	if (GROW(b->runs, b->nruns, b->capruns, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	memo__docx_run *r = &b->runs[b->nruns++];
	r->start = b->text.len;
	r->run = run;
	r->reserved = 0;
	return MEMO_OK;
}

void memo__builder_abort(memo__builder *b)
{
	if (b->doc) {
		memo__free(b->doc->docx_paras);
		memo__free(b->doc->docx_runs);
		memo__arena_free(&b->doc->arena);
		memo__free(b->doc);
		b->doc = NULL;
	}
	memo__buf_free(&b->text);
	memo__buf_free(&b->nodetext);
	memo__free(b->spans);
	memo__free(b->stack);
	memo__free(b->warnings);
	memo__free(b->comments);
	memo__free(b->paras);
	memo__free(b->runs);
	memo__free(b->parts);
	memset(b, 0, sizeof *b);
}

/* Copy a builder array into the arena. */
static void *s_arena_copy(memo__arena *a, const void *src, size_t n,
	size_t elem, int *rc)
{
	if (n == 0)
		return NULL;
	void *p = memo__arena_alloc(a, n * elem);
	if (!p) {
		*rc = memo__error_oom();
		return NULL;
	}
	memcpy(p, src, n * elem);
	return p;
}

/* Group the root's flat children into nested SECTION nodes. */
static int s_sectionize(memo__builder *b)
{
	memo_document *doc = b->doc;
	memo_node *root = doc->root;
	memo_node *child = root->first;
	memo_node *stack[10];
	size_t depth = 1;

	stack[0] = root;
	root->first = root->last = NULL;
	root->nchildren = 0;
	while (child) {
		memo_node *next = child->next;
		if (child->type == MEMO_NODE_HEADING) {
			uint32_t level = child->level;
			if (level < 1)
				level = 1;
			if (level > 9)
				level = 9;
			child->level = level;
			while (depth > 1 && stack[depth - 1]->level >= level) {
				/* a section ends where the next one starts;
				 * should a front end ever place a heading
				 * before the one above it, the range still
				 * runs forwards */
				memo_node *open = stack[depth - 1];
				if (child->start >= open->start)
					open->end = child->start;
				depth--;
			}
			memo_node *sec = s_new_node(b, MEMO_NODE_SECTION,
				child->start);
			if (!sec)
				return memo__error_oom();
			sec->level = level;
			sec->end = child->end;
			s_append_child(stack[depth - 1], sec);
			s_append_child(sec, child);
			stack[depth++] = sec;
		} else {
			if (depth == 1)
				child->flags |= MEMO_NODE_FLAG_PREAMBLE;
			s_append_child(stack[depth - 1], child);
			if (child->end > stack[depth - 1]->end)
				stack[depth - 1]->end = child->end;
		}
		child = next;
	}
	while (depth > 1) {
		stack[depth - 1]->end = b->doc->text_len;
		depth--;
	}
	root->start = 0;
	root->end = b->doc->text_len;
	return MEMO_OK;
}

/* A lone level-1 heading at the top gives the title. */
static void s_pick_title(memo_document *doc)
{
	if (doc->title)
		return;
	const memo_node *only = NULL;
	size_t n1 = 0;
	for (const memo_node *c = doc->root->first; c; c = c->next) {
		if (c->type == MEMO_NODE_SECTION && c->level == 1) {
			if (++n1 == 1)
				only = c;
		}
	}
	if (n1 != 1)
		return;
	/* It must be the first section, with no heading before it. */
	for (const memo_node *c = doc->root->first; c != only; c = c->next)
		if (c->type == MEMO_NODE_SECTION)
			return;
	if (only->first && only->first->type == MEMO_NODE_HEADING)
		doc->title = only->first->text;
}

/* Line starts; "\n", "\r\n" and a lone "\r" end a line. */
static int s_index_lines(memo_document *doc)
{
	const char *t = doc->text;
	size_t len = doc->text_len, n = 1;
	bool cr = memchr(t, '\r', len) != NULL;
	if (!cr) {
		/* The common case: memchr finds the line ends fast. */
		for (const char *p = t; (p = memchr(p, '\n', len -
		     (size_t)(p - t))) != NULL; p++)
			n++;
	} else {
		for (size_t i = 0; i < len; i++)
			if (t[i] == '\n' || (t[i] == '\r' &&
			    (i + 1 >= len || t[i + 1] != '\n')))
				n++;
	}
	uint64_t *ls = memo__arena_alloc(&doc->arena, n * sizeof *ls);
	if (!ls)
		return memo__error_oom();
	size_t k = 0;
	ls[k++] = 0;
	if (!cr) {
		for (const char *p = t; (p = memchr(p, '\n', len -
		     (size_t)(p - t))) != NULL; p++)
			ls[k++] = (uint64_t)(p - t) + 1;
	} else {
		for (size_t i = 0; i < len; i++)
			if (t[i] == '\n' || (t[i] == '\r' &&
			    (i + 1 >= len || t[i + 1] != '\n')))
				ls[k++] = i + 1;
	}
	doc->line_starts = ls;
	doc->nlines = n;
	return MEMO_OK;
}

int memo__builder_finish(memo__builder *b, memo_document **out)
{
	int rc = MEMO_OK;
	*out = NULL;
	rc = s_close_implicit(b);
	while (!rc && b->depth > 1)
		rc = s_pop(b, memo__builder_text_len(b));
	if (rc)
		goto fail;
	if (b->in_notes && (rc = memo__builder_set_notes(b, false)) != 0)
		goto fail;

	memo_document *doc = b->doc;
	if (!b->text_owned) {
		/* The text grew piece by piece (docx): move it into the arena
		 * so that one free releases all. */
		doc->text = memo__arena_strndup(&doc->arena, b->text.data ?
			b->text.data : "", b->text.len);
		doc->text_len = b->text.len;
		memo__buf_free(&b->text);
		if (!doc->text) {
			rc = memo__error_oom();
			goto fail;
		}
	}
	if ((rc = s_sectionize(b)) != 0)
		goto fail;
	if (doc->notes)
		doc->notes->end = doc->text_len;
	s_pick_title(doc);
	if ((rc = s_index_lines(doc)) != 0)
		goto fail;

	doc->warnings = s_arena_copy(&doc->arena, b->warnings, b->nwarnings,
		sizeof *b->warnings, &rc);
	doc->nwarnings = b->nwarnings;
	doc->comments = s_arena_copy(&doc->arena, b->comments, b->ncomments,
		sizeof *b->comments, &rc);
	doc->ncomments = b->ncomments;
	/* The docx location tables can be large: hand them over rather
	 * than copy them (memo_document_free frees them). */
	doc->docx_paras = b->paras;
	doc->ndocx_paras = b->nparas;
	doc->docx_runs = b->runs;
	doc->ndocx_runs = b->nruns;
	b->paras = NULL;
	b->runs = NULL;
	b->nparas = b->nruns = 0;
	doc->parts = s_arena_copy(&doc->arena, b->parts, b->nparts,
		sizeof *b->parts, &rc);
	doc->nparts = b->nparts;
	if (rc)
		goto fail;

	b->doc = NULL;
	memo__builder_abort(b);
	*out = doc;
	return MEMO_OK;
fail:
	memo__builder_abort(b);
	return rc;
}
