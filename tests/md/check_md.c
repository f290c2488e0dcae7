/*
 * check_md.c - unit tests of the Markdown and plain-text front ends.
 *
 * Documents are parsed through the public API (memo_document_parse);
 * internal fields (comments, spans) are read through memo_internal.h.
 * Every parsed document is also checked for the position invariants:
 * verbatim spans equal the document text, spans tile the node text, and
 * node ranges nest.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "memo_internal.h"

/* In md.c, for tests only. */
size_t memo__md_entity_decode(const char *e, size_t n, char *out);

/* ---- helpers -------------------------------------------------------- */

static void s_check_invariants(const memo_document *doc)
{
	size_t tlen;
	const char *text = memo_document_text(doc, &tlen);
	const memo_node *roots[2] = { memo_document_root(doc),
		memo_document_notes(doc) };
	for (int r = 0; r < 2; r++) {
		if (!roots[r])
			continue;
		memo_iter *it;
		ck_assert_int_eq(memo_iter_new(&it, roots[r], MEMO_ITER_ALL), 0);
		memo_event_t ev;
		while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
			if (ev != MEMO_EVENT_ENTER)
				continue;
			const memo_node *n = memo_iter_node(it);
			ck_assert_uint_le(n->start, n->end);
			ck_assert_uint_le(n->end, tlen);
			if (n->parent) {
				ck_assert_uint_ge(n->start, n->parent->start);
				ck_assert_uint_le(n->end, n->parent->end);
			}
			size_t len;
			const char *nt = memo_node_text(n, &len);
			if (!nt)
				continue;
			uint64_t at = 0;
			for (size_t i = 0; i < memo_node_span_count(n); i++) {
				memo_span sp;
				ck_assert_int_eq(memo_node_span_at(n, i, &sp), 0);
				ck_assert_uint_eq(sp.text_offset, at);
				at += sp.length;
				ck_assert_uint_le(sp.doc_offset + sp.doc_length,
					tlen);
				ck_assert_uint_ge(sp.doc_offset, n->start);
				ck_assert_uint_le(sp.doc_offset + sp.doc_length,
					n->end);
				if (sp.verbatim) {
					ck_assert_uint_eq(sp.length, sp.doc_length);
					ck_assert(memcmp(text + sp.doc_offset,
						nt + sp.text_offset,
						(size_t)sp.length) == 0);
				}
			}
			ck_assert_uint_eq(at, len);
		}
		memo_iter_free(it);
	}
}

static memo_document *s_parse_opts(const char *src, size_t len,
	const char *name, const memo_parse_options *opts)
{
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, src, len, name, opts);
	ck_assert_msg(rc == 0, "parse failed: %s",
		memo_error_message(memo_error_last()));
	ck_assert_ptr_nonnull(doc);
	s_check_invariants(doc);
	return doc;
}

static memo_document *s_md(const char *src)
{
	return s_parse_opts(src, strlen(src), "x.md", NULL);
}

static memo_document *s_txt(const char *src, size_t len)
{
	return s_parse_opts(src, len, "x.txt", NULL);
}

/* The nth (0-based) node of a type, in document order. */
static const memo_node *s_nth(const memo_document *doc,
	memo_node_type_t type, size_t nth)
{
	memo_iter *it;
	const memo_node *hit = NULL;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(type)), 0);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev == MEMO_EVENT_ENTER && nth-- == 0) {
			hit = memo_iter_node(it);
			break;
		}
	}
	memo_iter_free(it);
	return hit;
}

static size_t s_count(const memo_document *doc, memo_node_type_t type)
{
	memo_iter *it;
	size_t n = 0;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(type)), 0);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE)
		if (ev == MEMO_EVENT_ENTER)
			n++;
	memo_iter_free(it);
	return n;
}

/* The nth (0-based) node of a type under the NOTES root. */
static const memo_node *s_nth_note(const memo_document *doc,
	memo_node_type_t type, size_t nth)
{
	memo_iter *it;
	const memo_node *hit = NULL;
	ck_assert_ptr_nonnull(memo_document_notes(doc));
	ck_assert_int_eq(memo_iter_new(&it, memo_document_notes(doc),
		MEMO_ITER_ONLY(type)), 0);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev == MEMO_EVENT_ENTER && nth-- == 0) {
			hit = memo_iter_node(it);
			break;
		}
	}
	memo_iter_free(it);
	return hit;
}

static const char *s_text(const memo_node *n)
{
	const char *t = memo_node_text(n, NULL);
	ck_assert_ptr_nonnull(t);
	return t;
}

/* The document text under a node's range, as a NUL-terminated copy in a
 * static buffer. */
static const char *s_src(const memo_document *doc, const memo_node *n)
{
	static char buf[1024];
	size_t len;
	const char *t = memo_document_text(doc, &len);
	size_t k = (size_t)(n->end - n->start);
	ck_assert_uint_lt(k, sizeof buf);
	memcpy(buf, t + n->start, k);
	buf[k] = '\0';
	return buf;
}

static void s_assert_range(const memo_node *n, uint64_t so, uint32_t sl,
	uint32_t sc, uint64_t eo, uint32_t el, uint32_t ec)
{
	memo_range r;
	memo_node_range(n, &r);
	ck_assert_uint_eq(r.start.offset, so);
	ck_assert_uint_eq(r.start.line, sl);
	ck_assert_uint_eq(r.start.column, sc);
	ck_assert_uint_eq(r.end.offset, eo);
	ck_assert_uint_eq(r.end.line, el);
	ck_assert_uint_eq(r.end.column, ec);
}

/* ---- headings and sections ------------------------------------------ */

START_TEST(test_atx_headings_make_nested_sections)
{
	memo_document *doc = s_md("Intro text.\n\n# One\n\nA.\n\n## One.1\n\n"
		"B.\n\n### Deep ###\n\n## One.2\n\n# Two\n");
	const memo_node *root = memo_document_root(doc);
	const memo_node *c = memo_node_first_child(root);
	ck_assert_int_eq(memo_node_type(c), MEMO_NODE_PARAGRAPH);
	ck_assert(memo_node_flags(c) & MEMO_NODE_FLAG_PREAMBLE);
	ck_assert_str_eq(s_text(c), "Intro text.");

	const memo_node *one = memo_node_next(c);
	ck_assert_int_eq(memo_node_type(one), MEMO_NODE_SECTION);
	ck_assert_int_eq(memo_node_level(one), 1);
	ck_assert_str_eq(memo_node_title(one, NULL), "One");
	const memo_node *h = memo_node_first_child(one);
	ck_assert_int_eq(memo_node_type(h), MEMO_NODE_HEADING);
	ck_assert_int_eq(memo_node_level(h), 1);
	ck_assert_str_eq(s_src(doc, h), "# One");

	const memo_node *sub = memo_node_next(memo_node_next(h));
	ck_assert_int_eq(memo_node_type(sub), MEMO_NODE_SECTION);
	ck_assert_int_eq(memo_node_level(sub), 2);
	ck_assert_str_eq(memo_node_title(sub, NULL), "One.1");
	const memo_node *deep = s_nth(doc, MEMO_NODE_HEADING, 2);
	ck_assert_str_eq(s_text(deep), "Deep");
	ck_assert_int_eq(memo_node_level(deep), 3);
	/* the closing #s are part of the heading's range, not its text */
	ck_assert_str_eq(s_src(doc, deep), "### Deep ###");
	ck_assert_int_eq(memo_node_type(memo_node_parent(memo_node_parent(
		memo_node_parent(deep)))), MEMO_NODE_SECTION);

	const memo_node *two = memo_node_last_child(root);
	ck_assert_str_eq(memo_node_title(two, NULL), "Two");
	ck_assert_int_eq(memo_node_level(two), 1);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_SECTION), 5);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_setext_headings)
{
	memo_document *doc = s_md("Title\n=====\n\nSub *title*\nsecond line\n"
		"---\n\ntext\n");
	const memo_node *h1 = s_nth(doc, MEMO_NODE_HEADING, 0);
	const memo_node *h2 = s_nth(doc, MEMO_NODE_HEADING, 1);
	ck_assert_int_eq(memo_node_level(h1), 1);
	ck_assert_int_eq(memo_node_level(h2), 2);
	ck_assert_str_eq(s_text(h1), "Title");
	ck_assert_str_eq(s_text(h2), "Sub title second line");
	/* a setext heading's range runs through its underline */
	ck_assert_str_eq(s_src(doc, h1), "Title\n=====");
	ck_assert_str_eq(s_src(doc, h2), "Sub *title*\nsecond line\n---");
	ck_assert_str_eq(memo_document_title(doc), "Title");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_heading_markup_and_empty_heading)
{
	memo_document *doc = s_md("## **Bold** `code` [link](http://x) "
		"![alt](i.png) <span>x</span>\n\n#\n\nafter\n");
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	/* an image's alt text is not text (see test_images_are_not_prose) */
	ck_assert_str_eq(s_text(h), "Bold code link  x");
	ck_assert(memo_node_flags(h) & MEMO_NODE_FLAG_HAS_CODE);
	const memo_node *e = s_nth(doc, MEMO_NODE_HEADING, 1);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(s_text(e), "");
	ck_assert_str_eq(s_src(doc, e), "#");
	ck_assert_int_eq(memo_node_level(e), 1);
	memo_document_free(doc);
	/* setext headings with no text (an empty link, an image) run from
	 * their content through the underline; a '#' further on is not
	 * their marker */
	doc = s_md("[]()\n-\nd#\n\n![t](i.png)\n===\n");
	e = s_nth(doc, MEMO_NODE_HEADING, 0);
	ck_assert_str_eq(s_src(doc, e), "[]()\n-");
	ck_assert_int_eq(memo_node_level(e), 2);
	ck_assert_str_eq(s_src(doc, s_nth(doc, MEMO_NODE_PARAGRAPH, 0)), "d#");
	ck_assert_str_eq(s_src(doc, s_nth(doc, MEMO_NODE_HEADING, 1)),
		"![t](i.png)\n===");
	memo_document_free(doc);
}
END_TEST

/* ---- blocks --------------------------------------------------------- */

START_TEST(test_nested_lists)
{
	memo_document *doc = s_md("- one\n- two\n  1. a\n  2. b\n     - deep\n"
		"- [ ] task\n- [x] done\n\n3) three\n4) four\n");
	const memo_node *l1 = s_nth(doc, MEMO_NODE_LIST, 0);
	const memo_node *l2 = s_nth(doc, MEMO_NODE_LIST, 1);
	const memo_node *l3 = s_nth(doc, MEMO_NODE_LIST, 2);
	const memo_node *l4 = s_nth(doc, MEMO_NODE_LIST, 3);
	ck_assert_int_eq(memo_node_level(l1), 1);
	ck_assert_int_eq(memo_node_level(l2), 2);
	ck_assert_int_eq(memo_node_level(l3), 3);
	ck_assert_int_eq(memo_node_level(l4), 1);
	ck_assert(!(memo_node_flags(l1) & MEMO_NODE_FLAG_ORDERED));
	ck_assert(memo_node_flags(l2) & MEMO_NODE_FLAG_ORDERED);
	ck_assert_uint_eq(memo_node_list_start(l2), 1);
	ck_assert(memo_node_flags(l4) & MEMO_NODE_FLAG_ORDERED);
	ck_assert_uint_eq(memo_node_list_start(l4), 3);
	ck_assert_uint_eq(memo_node_child_count(l1), 4);

	const memo_node *it2 = s_nth(doc, MEMO_NODE_ITEM, 1);
	ck_assert_int_eq(memo_node_level(it2), 1);
	ck_assert_str_eq(s_src(doc, it2),
		"- two\n  1. a\n  2. b\n     - deep");
	ck_assert_str_eq(s_text(memo_node_first_child(it2)), "two");
	const memo_node *deep = s_nth(doc, MEMO_NODE_ITEM, 4);
	ck_assert_int_eq(memo_node_level(deep), 3);
	ck_assert_str_eq(s_src(doc, deep), "- deep");

	const memo_node *task = s_nth(doc, MEMO_NODE_ITEM, 5);
	const memo_node *done = s_nth(doc, MEMO_NODE_ITEM, 6);
	ck_assert(memo_node_flags(task) & MEMO_NODE_FLAG_TASK);
	ck_assert(!(memo_node_flags(task) & MEMO_NODE_FLAG_CHECKED));
	ck_assert(memo_node_flags(done) & MEMO_NODE_FLAG_TASK);
	ck_assert(memo_node_flags(done) & MEMO_NODE_FLAG_CHECKED);
	ck_assert_str_eq(s_text(memo_node_first_child(task)), "task");
	ck_assert_str_eq(s_src(doc, task), "- [ ] task");
	ck_assert_str_eq(s_src(doc, l4), "3) three\n4) four");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_loose_list_and_item_blocks)
{
	memo_document *doc = s_md("1. first\n\n   second para\n\n   > quoted\n"
		"2. next\n");
	const memo_node *item = s_nth(doc, MEMO_NODE_ITEM, 0);
	ck_assert_uint_eq(memo_node_child_count(item), 3);
	ck_assert_int_eq(memo_node_type(memo_node_last_child(item)),
		MEMO_NODE_QUOTE);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)),
		"second para");
	ck_assert_str_eq(s_src(doc, s_nth(doc, MEMO_NODE_QUOTE, 0)),
		"> quoted");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_tables)
{
	memo_document *doc = s_md("| Name | **Value** |\n|:-----|------:|\n"
		"| a &amp; b | `1` |\n| empty | |\n");
	const memo_node *t = s_nth(doc, MEMO_NODE_TABLE, 0);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(memo_node_child_count(t), 3);
	const memo_node *hdr = memo_node_first_child(t);
	ck_assert_int_eq(memo_node_type(hdr), MEMO_NODE_ROW);
	ck_assert(memo_node_flags(hdr) & MEMO_NODE_FLAG_HEADER);
	ck_assert_str_eq(s_src(doc, hdr), "| Name | **Value** |");
	const memo_node *hc = memo_node_last_child(hdr);
	ck_assert_int_eq(memo_node_type(hc), MEMO_NODE_CELL);
	ck_assert(memo_node_flags(hc) & MEMO_NODE_FLAG_HEADER);
	ck_assert_str_eq(s_src(doc, hc), "**Value**");
	const memo_node *p = memo_node_first_child(hc);
	ck_assert_int_eq(memo_node_type(p), MEMO_NODE_PARAGRAPH);
	ck_assert_str_eq(s_text(p), "Value");

	const memo_node *row = memo_node_next(hdr);
	ck_assert(!(memo_node_flags(row) & MEMO_NODE_FLAG_HEADER));
	const memo_node *c1 = memo_node_first_child(row);
	ck_assert(!(memo_node_flags(c1) & MEMO_NODE_FLAG_HEADER));
	ck_assert_str_eq(s_text(memo_node_first_child(c1)), "a & b");
	const memo_node *c2 = memo_node_last_child(row);
	ck_assert(memo_node_flags(memo_node_first_child(c2)) &
		MEMO_NODE_FLAG_HAS_CODE);
	/* an empty cell has no paragraph */
	const memo_node *last = memo_node_last_child(memo_node_last_child(t));
	ck_assert_int_eq(memo_node_type(last), MEMO_NODE_CELL);
	ck_assert_uint_eq(memo_node_child_count(last), 0);
	ck_assert_str_eq(s_src(doc, t), "| Name | **Value** |\n|:-----|------:|\n"
		"| a &amp; b | `1` |\n| empty | |");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quotes)
{
	memo_document *doc = s_md("> outer\n> > inner *x*\n> back\n\nafter\n");
	const memo_node *q1 = s_nth(doc, MEMO_NODE_QUOTE, 0);
	const memo_node *q2 = s_nth(doc, MEMO_NODE_QUOTE, 1);
	ck_assert_ptr_eq(memo_node_parent(q2), q1);
	ck_assert_str_eq(s_src(doc, q1), "> outer\n> > inner *x*\n> back");
	ck_assert_str_eq(s_src(doc, q2), "> inner *x*\n> back");
	ck_assert_str_eq(s_text(memo_node_first_child(q2)), "inner x back");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_code_blocks)
{
	memo_document *doc = s_md("Text `inline` here.\n\n```go\nfunc f() {\n"
		"\treturn\n\n    x := 1\n}\n```\n\n    indented\n      more\n\n"
		"~~~\n~~~\n");
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "Text inline here.");
	ck_assert(memo_node_flags(p) & MEMO_NODE_FLAG_HAS_CODE);
	const memo_node *c1 = s_nth(doc, MEMO_NODE_CODE, 0);
	ck_assert_str_eq(s_text(c1),
		"func f() {\n\treturn\n\n    x := 1\n}");
	/* a fenced block's range covers its fences */
	ck_assert_str_eq(s_src(doc, c1),
		"```go\nfunc f() {\n\treturn\n\n    x := 1\n}\n```");
	const memo_node *c2 = s_nth(doc, MEMO_NODE_CODE, 1);
	ck_assert_str_eq(s_text(c2), "indented\n  more");
	ck_assert_str_eq(s_src(doc, c2), "indented\n      more");
	const memo_node *c3 = s_nth(doc, MEMO_NODE_CODE, 2);
	ck_assert_str_eq(s_text(c3), "");
	ck_assert_str_eq(s_src(doc, c3), "~~~\n~~~");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 1);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_code_in_list_and_quote)
{
	memo_document *doc = s_md("- item\n\n  ```\n  a\n\n  b\n  ```\n\n"
		"> ```\n> q\n> ```\n");
	const memo_node *c1 = s_nth(doc, MEMO_NODE_CODE, 0);
	ck_assert_str_eq(s_text(c1), "a\n\nb");
	ck_assert_int_eq(memo_node_type(memo_node_parent(c1)), MEMO_NODE_ITEM);
	const memo_node *c2 = s_nth(doc, MEMO_NODE_CODE, 1);
	ck_assert_str_eq(s_text(c2), "q");
	ck_assert_str_eq(s_src(doc, c2), "```\n> q\n> ```");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_html_blocks_skipped_comments_kept)
{
	memo_document *doc = s_md("<!-- memo-disable hedge -->\n\n<div>\n"
		"<p>not prose</p>\n</div>\n\nSome <!-- inline note --> text.\n\n"
		"<!--\nmulti\nline\n-->\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 1);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"Some  text.");
	ck_assert_uint_eq(doc->ncomments, 3);
	ck_assert_str_eq(doc->comments[0].body, "memo-disable hedge");
	ck_assert_uint_eq(doc->comments[0].start, 0);
	ck_assert_uint_eq(doc->comments[0].end, 27);
	ck_assert_str_eq(doc->comments[1].body, "inline note");
	const char *t = memo_document_text(doc, NULL);
	ck_assert(strncmp(t + doc->comments[1].start, "<!-- inline", 11) == 0);
	ck_assert(strncmp(t + doc->comments[1].end - 3, "-->", 3) == 0);
	ck_assert_str_eq(doc->comments[2].body, "multi\nline");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_thematic_break_and_hard_breaks)
{
	memo_document *doc = s_md("one  \ntwo\\\nthree\nfour\n\n***\n\nend\n");
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "one\ntwo\nthree four");
	/* a hard break's span covers the spaces or backslash and the line
	 * break; a soft break's span covers the line break */
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.verbatim, 0);
	ck_assert_uint_eq(sp.doc_offset, 3);
	ck_assert_uint_eq(sp.doc_length, 3);
	ck_assert_int_eq(memo_node_span_at(p, 3, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 9);
	ck_assert_uint_eq(sp.doc_length, 2);
	ck_assert_int_eq(memo_node_span_at(p, 5, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 16);
	ck_assert_uint_eq(sp.doc_length, 1);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 2);
	memo_document_free(doc);
}
END_TEST

/* ---- front matter --------------------------------------------------- */

START_TEST(test_front_matter)
{
	memo_document *doc = s_md("---\ntitle: \"Launch: plan\"\nkind: 'prfaq'\n"
		"tags:\n  - a\n? complex\n---\n# Heading\n\nBody.\n");
	ck_assert_str_eq(memo_document_title(doc), "Launch: plan");
	ck_assert_str_eq(memo_document_declared_kind(doc), "prfaq");
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	ck_assert_str_eq(s_text(h), "Heading");
	ck_assert_uint_eq(h->start, 66);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 1);
	memo_range r;
	memo_node_range(h, &r);
	ck_assert_uint_eq(r.start.line, 8);
	memo_document_free(doc);

	/* "..." closes too; CRLF */
	doc = s_md("---\r\ntitle: T\r\n...\r\ntext\r\n");
	ck_assert_str_eq(memo_document_title(doc), "T");
	ck_assert_ptr_null(memo_document_declared_kind(doc));
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)), "text");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_not_front_matter)
{
	/* A thematic break, prose, then a setext underline: not YAML. */
	memo_document *doc = s_md("---\nJust some prose here.\n---\n\nMore.\n");
	ck_assert_ptr_null(memo_document_declared_kind(doc));
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(s_text(h), "Just some prose here.");
	memo_document_free(doc);
	/* no closing line */
	doc = s_md("---\ntitle: x\n\nno end\n");
	ck_assert_ptr_null(memo_document_title(doc));
	memo_document_free(doc);
}
END_TEST

/* ---- text encodings ------------------------------------------------- */

START_TEST(test_crlf_offsets)
{
	const char *src = "# Head\r\n\r\nline one\r\nline two\r\n\r\n- a\r\n- b\r\n";
	memo_document *doc = s_md(src);
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	ck_assert_str_eq(s_src(doc, h), "# Head");
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "line one line two");
	ck_assert_str_eq(s_src(doc, p), "line one\r\nline two");
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 18);
	ck_assert_uint_eq(sp.doc_length, 2);
	s_assert_range(p, 10, 3, 1, 28, 4, 9);
	const memo_node *b = s_nth(doc, MEMO_NODE_ITEM, 1);
	s_assert_range(b, 37, 7, 1, 40, 7, 4);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_bom_removed)
{
	const char src[] = "\xEF\xBB\xBF# T\xC3\xADtulo\n\nx\n";
	memo_document *doc = s_md(src);
	size_t len;
	const char *t = memo_document_text(doc, &len);
	ck_assert_uint_eq(len, sizeof src - 1 - 3);
	ck_assert(t[0] == '#');
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	s_assert_range(h, 0, 1, 1, 9, 1, 9);
	ck_assert_str_eq(memo_document_title(doc), "T\xC3\xADtulo");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	const char src[] = "Good\n\nbad \xFF byte and \xC3 cut\n";
	memo_document *doc = s_parse_opts(src, sizeof src - 1, "x.md", NULL);
	ck_assert_uint_eq(memo_document_warning_count(doc), 1);
	const memo_finding *w = memo_document_warning_at(doc, 0);
	ck_assert_str_eq(w->rule_id, "parse.invalid-utf8");
	ck_assert_uint_eq(w->start, 10);
	ck_assert_uint_eq(w->end, 13);
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 1);
	ck_assert_str_eq(s_text(p),
		"bad \xEF\xBF\xBD byte and \xEF\xBF\xBD cut");
	memo_document_free(doc);

	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = MEMO_PARSE_STRICT_UTF8;
	doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, src, sizeof src - 1,
		"bad.md", &o), MEMO_EFORMAT);
	ck_assert_ptr_null(doc);
	const memo_error *e = memo_error_last();
	ck_assert_uint_eq(memo_error_line(e), 3);
	ck_assert_uint_eq(memo_error_column(e), 5);
	ck_assert_str_eq(memo_error_file(e), "bad.md");
}
END_TEST

START_TEST(test_entities)
{
	memo_document *doc = s_md("a &amp; b &#39;q&#39; &#x2014; &mdash; "
		"&nbsp;&copy; &bogus; &#0; &AElig;&zwnj;\n");
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "a & b 'q' \xE2\x80\x94 \xE2\x80\x94 "
		"\xC2\xA0\xC2\xA9 &bogus; \xEF\xBF\xBD \xC3\x86\xE2\x80\x8C");
	/* the decoded "&" maps back to "&amp;" */
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.verbatim, 0);
	ck_assert_uint_eq(sp.doc_offset, 2);
	ck_assert_uint_eq(sp.doc_length, 5);
	ck_assert_uint_eq(sp.length, 1);
	memo_document_free(doc);

	char out[8];
	ck_assert_uint_eq(memo__md_entity_decode("&lt;", 4, out), 1);
	ck_assert(out[0] == '<');
	ck_assert_uint_eq(memo__md_entity_decode("&#X41;", 6, out), 1);
	ck_assert(out[0] == 'A');
	ck_assert_uint_eq(memo__md_entity_decode("&#1114112;", 10, out), 3);
	ck_assert_uint_eq(memo__md_entity_decode("&nosuch;", 8, out), 0);
	ck_assert_uint_eq(memo__md_entity_decode("&#xD800;", 8, out), 3);
}
END_TEST

START_TEST(test_nul_char)
{
	const char src[] = "a\0b\n";
	memo_document *doc = s_parse_opts(src, sizeof src - 1, "x.md", NULL);
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "a\xEF\xBF\xBD" "b");
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 1);
	ck_assert_uint_eq(sp.doc_length, 1);
	memo_document_free(doc);
}
END_TEST

/* Offsets, lines and columns of nodes around multi-byte characters. */
START_TEST(test_exact_ranges_multibyte)
{
	memo_document *doc = s_md("# Caf\xC3\xA9\n\n\xC3\x89t\xC3\xA9 *chaud* "
		"ici.\n\n- \xC3\xBC" "ber `x`\n");
	const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
	s_assert_range(h, 0, 1, 1, 7, 1, 7);
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	s_assert_range(p, 9, 3, 1, 27, 3, 17);
	ck_assert_str_eq(s_text(p), "\xC3\x89t\xC3\xA9 chaud ici.");
	const memo_node *l = s_nth(doc, MEMO_NODE_LIST, 0);
	s_assert_range(l, 29, 5, 1, 40, 5, 11);
	const memo_node *ip = s_nth(doc, MEMO_NODE_PARAGRAPH, 1);
	s_assert_range(ip, 31, 5, 3, 40, 5, 11);
	ck_assert_str_eq(s_text(ip), "\xC3\xBC" "ber x");
	uint64_t off;
	/* "x" is byte 6 of the item's text: it maps to byte 38 */
	ck_assert_int_eq(memo_node_text_to_doc(ip, 6, &off), 0);
	ck_assert_uint_eq(off, 38);
	const memo_node *sec = s_nth(doc, MEMO_NODE_SECTION, 0);
	s_assert_range(sec, 0, 1, 1, 41, 6, 1);
	memo_document_free(doc);
}
END_TEST

/* ---- limits --------------------------------------------------------- */

static char *s_repeat(const char *unit, size_t n, const char *tail)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = malloc(u * n + t + 1);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	memcpy(s + u * n, tail, t + 1);
	return s;
}

static double s_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void s_deep_case(const char *unit, size_t n)
{
	char *src = s_repeat(unit, n, "x\n");
	memo_document *doc = NULL;
	double t0 = s_now();
	/* default limit (1000): a clear MEMO_ELIMIT, no crash */
	ck_assert_int_eq(memo_document_parse(&doc, src, strlen(src), "deep.md",
		NULL), MEMO_ELIMIT);
	ck_assert_ptr_null(doc);
	ck_assert_ptr_nonnull(strstr(memo_error_message(memo_error_last()),
		"deep.md"));
	/* a higher limit: the whole tree */
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_depth = 3 * (uint32_t)n;
	ck_assert_int_eq(memo_document_parse(&doc, src, strlen(src), "deep.md",
		&o), 0);
	const memo_node *para = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(para), "x");
	size_t depth = 0;
	for (const memo_node *q = para; q; q = memo_node_parent(q))
		depth++;
	ck_assert_uint_ge(depth, n);
	memo_document_free(doc);
	/* valgrind's test setup sets MEMO_TIME_FACTOR */
	const char *tf = getenv("MEMO_TIME_FACTOR");
	ck_assert_msg(s_now() - t0 < 20.0 * (tf && atof(tf) > 0 ? atof(tf) :
		1.0), "deep nesting took %.1f s",
		s_now() - t0);
	free(src);
}

START_TEST(test_deep_quotes)
{
	s_deep_case("> ", 10000);
}
END_TEST

START_TEST(test_deep_lists)
{
	s_deep_case("- ", 10000);
	s_deep_case("1. ", 10000);
}
END_TEST

START_TEST(test_deep_staircase_list)
{
	/* 2,000 items, each indented under the previous one (4 MB). */
	size_t n = 2000, cap = n * (2 * n + 8), k = 0;
	char *src = malloc(cap);
	ck_assert_ptr_nonnull(src);
	for (size_t i = 0; i < n; i++) {
		memset(src + k, ' ', 2 * i);
		k += 2 * i;
		memcpy(src + k, "- x\n", 4);
		k += 4;
	}
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, src, k, "s.md", NULL),
		MEMO_ELIMIT);
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_depth = 5000;
	ck_assert_int_eq(memo_document_parse(&doc, src, k, "s.md", &o), 0);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_ITEM), n);
	memo_document_free(doc);
	free(src);
}
END_TEST

START_TEST(test_max_input_bytes)
{
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_input_bytes = 10;
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, "# 0123456789\n", 13,
		"big.md", &o), MEMO_ELIMIT);
	ck_assert_ptr_nonnull(strstr(memo_error_message(memo_error_last()),
		"big.md"));
	ck_assert_int_eq(memo_document_parse(&doc, "0123456789 x\n", 13,
		"big.txt", &o), MEMO_ELIMIT);
	/* and through the front ends directly */
	memo_parse_options d = { 1, 1, 0, 1000, 10, 0, 0 };
	ck_assert_int_eq(memo__md_parse("# 0123456789\n", 13, "big.md", &d,
		&doc), MEMO_ELIMIT);
	ck_assert_int_eq(memo__text_parse("0123456789 x\n", 13, "big.txt", &d,
		&doc), MEMO_ELIMIT);
	ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(test_empty_inputs)
{
	memo_document *doc = s_md("");
	ck_assert_uint_eq(memo_node_child_count(memo_document_root(doc)), 0);
	memo_document_free(doc);
	doc = s_md("---\ntitle: only\n---\n");
	ck_assert_str_eq(memo_document_title(doc), "only");
	ck_assert_uint_eq(memo_node_child_count(memo_document_root(doc)), 0);
	memo_document_free(doc);
	doc = s_md("\n\n   \n");
	ck_assert_uint_eq(memo_node_child_count(memo_document_root(doc)), 0);
	memo_document_free(doc);
}
END_TEST

/* ---- images and footnotes ------------------------------------------ */

START_TEST(test_images_are_not_prose)
{
	const char *src = "Text ![alt](i.png) more.\n\n![only](y.png)\n\n"
		"![a](1.png)\n![b](2.png)\n\n"
		"See [![badge *x*](b.svg)](http://x) here.\n\n"
		"![lead](l.png \"title\")\ntext after\n\n"
		"| c1 | c2 |\n|---|---|\n| ![i](i.png) | t |\n";
	memo_document *doc = s_md(src);
	/* the alt text leaves no text, and a block of images no paragraph
	 * (the empty cell has none either) */
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 6);
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "Text  more.");
	ck_assert_uint_eq(memo_node_span_count(p), 2);
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 18);
	ck_assert(sp.verbatim);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)),
		"See  here.");
	/* an image that starts a paragraph is in its range; the line break
	 * after it is no text */
	p = s_nth(doc, MEMO_NODE_PARAGRAPH, 2);
	ck_assert_str_eq(s_text(p), "text after");
	ck_assert_str_eq(s_src(doc, p), "![lead](l.png \"title\")\ntext after");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 3)), "c1");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 5)), "t");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_CELL), 4);
	/* one warning for the document, at the first image */
	ck_assert_uint_eq(memo_document_warning_count(doc), 1);
	const memo_finding *w = memo_document_warning_at(doc, 0);
	ck_assert_str_eq(w->rule_id, "parse.skipped-content");
	ck_assert_str_eq(w->message, "7 images were skipped");
	ck_assert_uint_eq(w->start, 5);
	ck_assert_uint_eq(w->end, 18);
	memo_document_free(doc);

	doc = s_md("![x](y.png)\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 0);
	ck_assert_str_eq(memo_document_warning_at(doc, 0)->message,
		"1 image was skipped");
	memo_document_free(doc);
	/* no image, no warning; an image in code is code */
	doc = s_md("`![x](y)`\n\n    ![x](y)\n");
	ck_assert_uint_eq(memo_document_warning_count(doc), 0);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"![x](y)");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_footnotes)
{
	const char *src =
		"# Title\n\n"                                  /* 0 */
		"Body text[^1] and more[^Note].\n"              /* 9 */
		"Undefined[^x] stays, `code[^1]` too.\n\n"     /* 40 */
		"[^1]: First note\n"                            /* 78 */
		"    continued here.\n\n"                       /* 95 */
		"    Second paragraph.\n\n"                     /* 116 */
		"[^note]: https://example.com\n\n"              /* 139 */
		"```\n[^2]: not a note\n```\n\n"                /* 169 */
		"After.\n";
	memo_document *doc = s_md(src);
	const memo_node *p = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "Body text and more. Undefined[^x] stays, "
		"code[^1] too.");
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p, 0, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 9);
	ck_assert_uint_eq(sp.length, 9);  /* "Body text" */
	ck_assert_int_eq(memo_node_span_at(p, 1, &sp), 0);
	ck_assert_uint_eq(sp.doc_offset, 22);  /* " and more" */
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)), "After.");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 2);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_CODE, 0)),
		"[^2]: not a note");

	const memo_node *notes = memo_document_notes(doc);
	ck_assert_ptr_nonnull(notes);
	ck_assert_uint_eq(memo_node_child_count(notes), 2);
	const memo_node *n1 = memo_node_first_child(notes);
	ck_assert_int_eq(memo_node_type(n1), MEMO_NODE_NOTE);
	ck_assert(memo_node_flags(n1) & MEMO_NODE_FLAG_FOOTNOTE);
	ck_assert_uint_eq(n1->start, 78);
	ck_assert_str_eq(s_src(doc, n1), "[^1]: First note\n"
		"    continued here.\n\n    Second paragraph.");
	ck_assert_uint_eq(notes->start, 78);
	ck_assert_uint_eq(memo_node_child_count(n1), 2);
	p = s_nth_note(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p), "First note continued here.");
	ck_assert_str_eq(s_src(doc, p), "First note\n    continued here.");
	ck_assert_str_eq(s_text(s_nth_note(doc, MEMO_NODE_PARAGRAPH, 1)),
		"Second paragraph.");
	const memo_node *n2 = memo_node_next(n1);
	ck_assert_str_eq(s_src(doc, n2), "[^note]: https://example.com");
	ck_assert_str_eq(s_text(s_nth_note(doc, MEMO_NODE_PARAGRAPH, 2)),
		"https://example.com");
	memo_document_free(doc);

	/* without notes: the definitions are still not body text */
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = MEMO_PARSE_NO_NOTES;
	doc = s_parse_opts(src, strlen(src), "x.md", &o);
	ck_assert_ptr_null(memo_document_notes(doc));
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 2);
	memo_document_free(doc);

	/* a definition interrupts a paragraph; lazy lines continue it; a
	 * reference alone leaves no paragraph */
	doc = s_md("Para line\n[^a]: lazy\ncontinued\n\nRef[^a].\n\n[^a]\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 2);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"Para line");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)), "Ref.");
	ck_assert_str_eq(s_text(s_nth_note(doc, MEMO_NODE_PARAGRAPH, 0)),
		"lazy continued");
	memo_document_free(doc);

	/* a definition's list and code; CRLF line ends */
	doc = s_md("x[^1]\r\n\r\n[^1]: Note:\r\n\r\n    - one\r\n    - two\r\n"
		"\r\n        code\r\n");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)), "x");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 1);
	ck_assert_ptr_nonnull(s_nth_note(doc, MEMO_NODE_LIST, 0));
	ck_assert_str_eq(s_text(s_nth_note(doc, MEMO_NODE_PARAGRAPH, 2)),
		"two");
	ck_assert_str_eq(s_text(s_nth_note(doc, MEMO_NODE_CODE, 0)), "code");
	memo_document_free(doc);

	/* no definition: nothing changes */
	doc = s_md("Text[^1] and [^2]: not at a line start.\n");
	ck_assert_ptr_null(memo_document_notes(doc));
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"Text[^1] and [^2]: not at a line start.");
	memo_document_free(doc);
}
END_TEST

/* ---- md4c 0.4.8 quirks handled ------------------------------------- */

START_TEST(test_quirk_pre_prefix_is_not_html_block)
{
	memo_document *doc = s_md("- item with `self.all(x,\n<predicate>)`.\n\n"
		"# Later\n\nText.\n");
	ck_assert_ptr_nonnull(s_nth(doc, MEMO_NODE_HEADING, 0));
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_HEADING, 0)), "Later");
	memo_document_free(doc);
	/* a real <pre> block is still skipped */
	doc = s_md("<pre>\ncode\n</pre>\n\n# H\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 0);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_HEADING), 1);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quirk_tabs_after_fences_and_markers)
{
	memo_document *doc = s_md("```\ncode\n```\t\n\n#\tTabbed\t\n\nPara\n===\t\n");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_CODE, 0)), "code");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_HEADING, 0)), "Tabbed");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_HEADING, 1)), "Para");
	/* the text still has the document's bytes */
	ck_assert_str_eq(s_src(doc, s_nth(doc, MEMO_NODE_HEADING, 0)),
		"#\tTabbed");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quirk_overindented_fence)
{
	memo_document *doc = s_md("11.  Meanwhile\n    ```go\n    code\n"
		"    ```\n\nafter\n\n# Heading\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_CODE), 0);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_HEADING), 1);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)), "after");
	memo_document_free(doc);
	/* a fence indented within a list item is a real fence */
	doc = s_md("1. Step one\n    ```go\n    code\n    ```\n\n# H\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_CODE), 1);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_CODE, 0)), "code");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quirk_short_table_delimiters)
{
	memo_document *doc = s_md("| a | b |\n|--|--|\n| 1 | 2 |\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_TABLE), 1);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_CELL), 4);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 3)), "2");
	memo_document_free(doc);
	/* after a heading; CRLF */
	doc = s_md("# H\r\n| a | b |\r\n| - | :- |\r\n| 1 | 2 |\r\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_TABLE), 1);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_ROW), 2);
	memo_document_free(doc);
	/* not a table on GitHub either: header cells do not match; the
	 * header is not the first line of its paragraph */
	doc = s_md("| a | b | c |\n|--|--|\n\ntext\n| a | b |\n|--|--|\n");
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_TABLE), 0);
	memo_document_free(doc);
	/* in code, the text is the document's */
	doc = s_md("```\n| a | b |\n|--|--|\n```\n");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_CODE, 0)),
		"| a | b |\n|--|--|");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quirk_strikethrough_flanking)
{
	memo_document *doc = s_md("about (~1 KB) rather than (~2 KB).\n\n"
		"~~gone~~ and ~one~ and a~b~c.\n");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"about (~1 KB) rather than (~2 KB).");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)),
		"gone and one and abc.");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_quirk_stale_list_item)
{
	/* md4c 0.4.8 ends a list item at a blank line when the last line
	 * it stored starts at an offset whose low byte is 4: here "b" at
	 * offset 260 */
	char src[600];
	memset(src, 0, sizeof src);
	strcpy(src, "1.  ");
	memset(src + 4, 'x', 250);
	strcat(src, "\n\n    b\n\n\n    c\n");
	ck_assert_int_eq((int)(strchr(src, 'b') - src), 260);
	memo_document *doc = s_md(src);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_LIST), 1);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_CODE), 0);
	const memo_node *c = s_nth(doc, MEMO_NODE_PARAGRAPH, 2);
	ck_assert_str_eq(s_text(c), "c");
	ck_assert_int_eq(memo_node_type(memo_node_parent(c)), MEMO_NODE_ITEM);
	memo_document_free(doc);
	/* the same after a closing fence */
	memset(src, 0, sizeof src);
	strcpy(src, "- ");
	memset(src + 2, 'x', 244);
	strcat(src, "\n\n  ```\n  code\n  ```\n\n  after\n");
	doc = s_md(src);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_CODE, 0)), "code");
	c = s_nth(doc, MEMO_NODE_PARAGRAPH, 1);
	ck_assert_str_eq(s_text(c), "after");
	ck_assert_int_eq(memo_node_type(memo_node_parent(c)), MEMO_NODE_ITEM);
	memo_document_free(doc);
}
END_TEST

/* An empty ATX heading after a thematic break or an empty list item
 * (found by the fuzzer): md4c reports those with no text, so the heading was placed on the
 * break's line and ran to the end of the document. */
START_TEST(test_empty_heading_after_hr)
{
	static const char *const src[] = {
		"- P\n---\n#\n=-\n#\n.\n=",
		"text\n\n* * *\n#\n",
		"> ***\n> #\n",
		"- ___\n#\n",
		"-\n#\n#\n\x10\n=",   /* after an empty list item */
		"1.\n>\n# \n",
		"- [x]\n#\n- 3\nt\nb\n--\n#\n#\t]",  /* an empty task item */
	};
	static const uint64_t at[] = { 8, 12, 8, 6, 2, 5, 6 };  /* the first '#' */
	for (size_t i = 0; i < sizeof src / sizeof *src; i++) {
		memo_document *doc = s_md(src[i]);
		const memo_node *h = s_nth(doc, MEMO_NODE_HEADING, 0);
		memo_range r;
		memo_node_range(h, &r);
		ck_assert_uint_eq(r.start.offset, at[i]);
		ck_assert_int_eq(src[i][at[i]], '#');
		ck_assert_uint_eq(r.end.offset, r.start.offset + 1);
		/* every section's range runs forwards */
		for (size_t k = 0; k < s_count(doc, MEMO_NODE_SECTION); k++) {
			memo_node_range(s_nth(doc, MEMO_NODE_SECTION, k), &r);
			ck_assert_uint_le(r.start.offset, r.end.offset);
		}
		memo_document_free(doc);
	}
}
END_TEST

/* ---- allocation failures -------------------------------------------- */

START_TEST(test_alloc_failures)
{
	const char *src = "---\ntitle: t\n---\n# H &amp;\n\n- a\n- [x] b\n\n"
		"| x | y |\n|--|---|\n| 1 | 2 |\n\n```\nc\n```\n<!-- c -->\n"
		"> q \xFF (~1) (~2) ![i](i.png) t[^1]\n\n[^1]: note\n    more\n";
	bool done = false;
	for (uint64_t n = 1; n < 2000 && !done; n++) {
		memo_document *doc = NULL;
		memo__alloc_fail_at(n);
		int rc = memo_document_parse(&doc, src, strlen(src), "f.md",
			NULL);
		memo__alloc_fail_at(0);
		if (rc == 0) {
			s_check_invariants(doc);
			ck_assert_ptr_nonnull(memo_document_notes(doc));
			memo_document_free(doc);
			done = n > 5;  /* past the last allocation */
			continue;
		}
		ck_assert_int_eq(rc, MEMO_ENOMEM);
		ck_assert_ptr_null(doc);
	}
	ck_assert(done);
}
END_TEST

/* ---- plain text ----------------------------------------------------- */

START_TEST(test_text_paragraphs)
{
	const char src[] = "  First line\t\nsecond line\n \t \nThird\r\n\r\n"
		"fourth\rfifth\n\n\n";
	memo_document *doc = s_txt(src, sizeof src - 1);
	ck_assert_int_eq(memo_document_format(doc), MEMO_FORMAT_TEXT);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 3);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_HEADING), 0);
	const memo_node *p1 = s_nth(doc, MEMO_NODE_PARAGRAPH, 0);
	ck_assert_str_eq(s_text(p1), "First line second line");
	ck_assert_str_eq(s_src(doc, p1), "First line\t\nsecond line");
	memo_span sp;
	ck_assert_int_eq(memo_node_span_at(p1, 1, &sp), 0);
	ck_assert_uint_eq(sp.verbatim, 0);
	ck_assert_uint_eq(sp.doc_offset, 12);
	ck_assert_uint_eq(sp.doc_length, 2);
	s_assert_range(p1, 2, 1, 3, 25, 2, 12);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 1)), "Third");
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 2)),
		"fourth fifth");
	memo_document_free(doc);
}
END_TEST

START_TEST(test_text_encoding)
{
	const char src[] = "\xEF\xBB\xBF" "caf\xC3\xA9 \xFE ok\n";
	memo_document *doc = s_txt(src, sizeof src - 1);
	ck_assert_uint_eq(memo_document_warning_count(doc), 1);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"caf\xC3\xA9 \xEF\xBF\xBD ok");
	memo_document_free(doc);
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = MEMO_PARSE_STRICT_UTF8;
	ck_assert_int_eq(memo_document_parse(&doc, src, sizeof src - 1, "x.txt",
		&o), MEMO_EFORMAT);
	ck_assert_uint_eq(memo_error_column(memo_error_last()), 6);
	doc = s_txt("", 0);
	ck_assert_uint_eq(s_count(doc, MEMO_NODE_PARAGRAPH), 0);
	memo_document_free(doc);
	/* Markdown syntax means nothing in a text file */
	doc = s_txt("# not a heading\n", 16);
	ck_assert_str_eq(s_text(s_nth(doc, MEMO_NODE_PARAGRAPH, 0)),
		"# not a heading");
	memo_document_free(doc);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("md");
	TCase *tc = tcase_create("markdown");
	tcase_add_test(tc, test_atx_headings_make_nested_sections);
	tcase_add_test(tc, test_setext_headings);
	tcase_add_test(tc, test_heading_markup_and_empty_heading);
	tcase_add_test(tc, test_nested_lists);
	tcase_add_test(tc, test_loose_list_and_item_blocks);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_code_blocks);
	tcase_add_test(tc, test_code_in_list_and_quote);
	tcase_add_test(tc, test_html_blocks_skipped_comments_kept);
	tcase_add_test(tc, test_thematic_break_and_hard_breaks);
	tcase_add_test(tc, test_front_matter);
	tcase_add_test(tc, test_not_front_matter);
	tcase_add_test(tc, test_crlf_offsets);
	tcase_add_test(tc, test_bom_removed);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_entities);
	tcase_add_test(tc, test_nul_char);
	tcase_add_test(tc, test_exact_ranges_multibyte);
	tcase_add_test(tc, test_max_input_bytes);
	tcase_add_test(tc, test_empty_inputs);
	tcase_add_test(tc, test_quirk_pre_prefix_is_not_html_block);
	tcase_add_test(tc, test_quirk_tabs_after_fences_and_markers);
	tcase_add_test(tc, test_quirk_overindented_fence);
	tcase_add_test(tc, test_quirk_short_table_delimiters);
	tcase_add_test(tc, test_quirk_strikethrough_flanking);
	tcase_add_test(tc, test_quirk_stale_list_item);
	tcase_add_test(tc, test_empty_heading_after_hr);
	tcase_add_test(tc, test_images_are_not_prose);
	tcase_add_test(tc, test_footnotes);
	tcase_add_test(tc, test_alloc_failures);
	suite_add_tcase(s, tc);

	TCase *deep = tcase_create("deep");
	tcase_set_timeout(deep, 120);
	tcase_add_test(deep, test_deep_quotes);
	tcase_add_test(deep, test_deep_lists);
	tcase_add_test(deep, test_deep_staircase_list);
	suite_add_tcase(s, deep);

	TCase *txt = tcase_create("text");
	tcase_add_test(txt, test_text_paragraphs);
	tcase_add_test(txt, test_text_encoding);
	suite_add_tcase(s, txt);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(s_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
