/*
 * json.c - the document's outline as JSON (schema "libmemo.outline/1").
 *
 * All JSON is built with jansson: strings are never escaped by hand.
 */
#include <jansson.h>
#include <string.h>

#include "memo_internal.h"

#define OUTLINE_SCHEMA "libmemo.outline/1"

static json_t *s_pos(const memo_document *doc, uint64_t off)
{
	memo_pos p = { off, 0, 0 };
	memo_document_position(doc, off, &p);
	return json_pack("{s:I,s:I,s:I}", "offset", (json_int_t)p.offset,
		"line", (json_int_t)p.line, "column", (json_int_t)p.column);
}

static json_t *s_range(const memo_document *doc, uint64_t start,
	uint64_t end)
{
	return json_pack("{s:o,s:o}", "start", s_pos(doc, start), "end",
		s_pos(doc, end));
}


static json_t *s_section(const memo_document *doc, const memo_node *sec)
{
	size_t tlen;
	const char *title = memo_node_title(sec, &tlen);
	json_t *children = json_array();
	json_t *o = json_pack("{s:i,s:s%,s:o,s:I,s:I}",
		"level", (int)sec->level,
		"title", title ? title : "", title ? tlen : (size_t)0,
		"range", s_range(doc, sec->start, sec->end),
		"words", (json_int_t)memo_node_word_count(sec, MEMO_WORDS_OWN),
		"total_words", (json_int_t)memo_node_word_count(sec, 0));
	if (!o || !children) {
		json_decref(o);
		json_decref(children);
		return NULL;
	}
	for (const memo_node *c = sec->first; c; c = c->next)
		if (c->type == MEMO_NODE_SECTION)
			json_array_append_new(children, s_section(doc, c));
	json_object_set_new(o, "children", children);
	return o;
}

int memo_document_to_json(const memo_document *doc, uint32_t flags,
	char **out, size_t *len_out)
{
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_to_json: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	if (!doc || flags)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_to_json: NULL document or unknown flags");

	json_t *root = json_object();
	json_t *sections = json_array();
	json_t *warnings = json_array();
	size_t preamble = 0;
	for (const memo_node *c = doc->root->first; c; c = c->next) {
		if (c->type == MEMO_NODE_SECTION)
			json_array_append_new(sections, s_section(doc, c));
		else
			preamble += memo_node_word_count(c, 0);
	}
	for (size_t i = 0; i < doc->nwarnings; i++) {
		const memo_finding *f = &doc->warnings[i];
		json_array_append_new(warnings, json_pack("{s:s,s:s,s:s,s:o}",
			"rule", f->rule_id,
			"severity", memo_severity_name(
				(memo_severity_t)f->severity),
			"message", f->message,
			"range", s_range(doc, f->start, f->end)));
	}
	json_object_set_new(root, "schema", json_string(OUTLINE_SCHEMA));
	json_object_set_new(root, "file",
		doc->name ? json_string(doc->name) : json_null());
	json_object_set_new(root, "format", json_string(memo_format_name(
		(memo_format_t)doc->format)));
	json_object_set_new(root, "title",
		doc->title ? json_string(doc->title) : json_null());
	json_object_set_new(root, "kind", doc->declared_kind ?
		json_string(doc->declared_kind) : json_null());
	json_object_set_new(root, "words",
		json_integer((json_int_t)memo_node_word_count(doc->root, 0)));
	json_object_set_new(root, "preamble_words",
		json_integer((json_int_t)preamble));
	json_object_set_new(root, "lines", json_integer(
		(json_int_t)doc->nlines));
	json_object_set_new(root, "sections", sections);
	json_object_set_new(root, "warnings", warnings);

	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return memo__error_oom();
	/* Hand over a buffer that memo_free() can release. */
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
