/*
 * report_json.c - the report as JSON (schema "libmemo.report/1").
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

#define REPORT_SCHEMA "libmemo.report/1"
/* MEMO_JSON_NO_FINDINGS is public and accepted: this JSON holds no
 * findings, so there is nothing to leave out. */
#define KNOWN_JSON_FLAGS (MEMO_JSON_SENTENCES | MEMO_JSON_PARAGRAPHS | \
	MEMO_JSON_NO_FINDINGS)

static json_t *s_pos(const memo_document *doc, uint64_t off)
{
	memo_pos p = { off, 0, 0 };
	memo_document_position(doc, off, &p);
	return json_pack("{s:I,s:I,s:I}", "offset", (json_int_t)p.offset,
		"line", (json_int_t)p.line, "column", (json_int_t)p.column);
}

static json_t *s_range(const memo_document *doc, uint64_t a, uint64_t b)
{
	return json_pack("{s:o,s:o}", "start", s_pos(doc, a), "end",
		s_pos(doc, b));
}

static json_t *s_number(double v)
{
	if (!isfinite(v))
		return json_null();
	/* Whole numbers print as integers; others keep 6 decimals. */
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(round(v * 1e6) / 1e6);
}

typedef int (*s_metric_fn)(const memo_report *, const void *, const char *,
	double *);

static int s_node_metric(const memo_report *r, const void *scope,
	const char *id, double *out)
{
	return memo_report_metric(r, scope, id, out);
}

static int s_part_metric(const memo_report *r, const void *part,
	const char *id, double *out)
{
	return memo_report_part_metric(r, (memo_part_t)(uintptr_t)part, id,
		out);
}

/* A metric that could not be computed for lack of memory must not
 * vanish from the output: memo_report_to_json() then fails. */
static _Thread_local bool s_oom;

static json_t *s_metrics(const memo_report *r, s_metric_fn fn,
	const void *arg)
{
	json_t *o = json_object();
	for (size_t i = 0; o && i < memo_metric_count(); i++) {
		double v = 0;
		const char *id = memo_metric_id(i);
		int rc = fn(r, arg, id, &v);
		if (rc == MEMO_OK)
			json_object_set_new(o, id, s_number(v));
		else if (rc == MEMO_ENOMEM)
			s_oom = true;
	}
	return o;
}

static json_t *s_section(const memo_report *r, const memo_node *sec)
{
	size_t tlen;
	const char *title = memo_node_title(sec, &tlen);
	json_t *children = json_array();
	json_t *o = json_pack("{s:i,s:s%,s:o,s:o}",
		"level", (int)sec->level,
		"title", title ? title : "", title ? tlen : (size_t)0,
		"range", s_range(r->doc, sec->start, sec->end),
		"metrics", s_metrics(r, s_node_metric, sec));
	if (!o || !children) {
		json_decref(o);
		json_decref(children);
		return NULL;
	}
	for (const memo_node *c = sec->first; c; c = c->next)
		if (c->type == MEMO_NODE_SECTION)
			json_array_append_new(children, s_section(r, c));
	json_object_set_new(o, "children", children);
	return o;
}

static json_t *s_annotation(const memo_report *r, const memo_annotation *a)
{
	json_t *o = json_pack("{s:s,s:s,s:o,s:o}",
		"kind", memo__kind_name((memo__kind)a->kind),
		"entry", a->entry ? a->entry : "",
		"range", s_range(r->doc, a->start, a->end),
		"weight", s_number((double)a->weight));
	if (o && a->replacement)
		json_object_set_new(o, "replacement",
			json_string(a->replacement));
	return o;
}

static json_t *s_sentences(const memo_report *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < r->nsents; i++) {
		const memo__sent *s = &r->sents[i];
		json_t *anns = json_array();
		for (size_t k = 0; k < s->ann_count; k++)
			json_array_append_new(anns, s_annotation(r,
				&r->anns[s->ann_first + k]));
		const char *t = r->doc->text + s->start;
		size_t tlen = (size_t)(s->end - s->start);
		json_array_append_new(arr, json_pack("{s:o,s:i,s:s%,s:o}",
			"range", s_range(r->doc, s->start, s->end),
			"words", (int)s->words,
			"text", t, tlen,
			"annotations", anns));
	}
	return arr;
}

static json_t *s_paragraphs(const memo_report *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < r->nparas; i++) {
		const memo__para *p = &r->paras[i];
		json_array_append_new(arr, json_pack("{s:s,s:o,s:i,s:o}",
			"type", memo_node_type_name(
				(memo_node_type_t)p->node->type),
			"range", s_range(r->doc, p->node->start, p->node->end),
			"sentences", (int)p->sent_count,
			"metrics", s_metrics(r, s_node_metric, p->node)));
	}
	return arr;
}

int memo_report_to_json(const memo_report *r, uint32_t flags, char **out,
	size_t *len_out)
{
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_to_json: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	if (!r || (flags & ~KNOWN_JSON_FLAGS))
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_to_json: NULL report or unknown flags");
	const memo_document *doc = r->doc;
	s_oom = false;
	json_t *root = json_object();
	json_t *sections = json_array();
	for (const memo_node *c = doc->root->first; c; c = c->next)
		if (c->type == MEMO_NODE_SECTION)
			json_array_append_new(sections, s_section(r, c));
	json_object_set_new(root, "schema", json_string(REPORT_SCHEMA));
	json_object_set_new(root, "file",
		doc->name ? json_string(doc->name) : json_null());
	json_object_set_new(root, "format", json_string(memo_format_name(
		(memo_format_t)doc->format)));
	json_object_set_new(root, "title",
		doc->title ? json_string(doc->title) : json_null());
	json_object_set_new(root, "declared_kind", doc->declared_kind ?
		json_string(doc->declared_kind) : json_null());
	json_object_set_new(root, "metrics",
		s_metrics(r, s_node_metric, NULL));
	json_object_set_new(root, "parts", json_pack("{s:o,s:o}",
		"body", s_metrics(r, s_part_metric,
			(const void *)(uintptr_t)MEMO_PART_BODY),
		"appendix", s_metrics(r, s_part_metric,
			(const void *)(uintptr_t)MEMO_PART_APPENDIX)));
	json_object_set_new(root, "sections", sections);
	if (flags & MEMO_JSON_PARAGRAPHS)
		json_object_set_new(root, "paragraphs", s_paragraphs(r));
	if (flags & MEMO_JSON_SENTENCES)
		json_object_set_new(root, "sentences", s_sentences(r));

	char *s = s_oom ? NULL :
		json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return memo__error_oom();
	size_t n = strlen(s);
	char *copy = memo__strndup(s, n);
	free(s);
	if (!copy)
		return memo__error_oom();
	*out = copy;
	if (len_out)
		*len_out = n;
	return MEMO_OK;
}
