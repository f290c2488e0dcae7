/*
 * check_docx.c - unit tests of the .docx front end.
 *
 * Every fixture is a small package built at test time from inline XML
 * (mkdocx.c); nothing is read from the corpus.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docx/docx.h"
#include "memo_internal.h"
#include "mkdocx.h"

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define PS(s, t) "<w:p><w:pPr><w:pStyle w:val=\"" s "\"/></w:pPr>" \
	"<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define PN(num, lvl, t) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl \
	"\"/><w:numId w:val=\"" #num "\"/></w:numPr></w:pPr><w:r><w:t>" t \
	"</w:t></w:r></w:p>"
#define R(t) "<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r>"
#define RB(t) "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" t \
	"</w:t></w:r>"
#define STYLE(id, name, extra) "<w:style w:type=\"paragraph\" " \
	"w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" extra "</w:style>"
#define BASED(id) "<w:basedOn w:val=\"" id "\"/>"
#define OUTLINE(n) "<w:pPr><w:outlineLvl w:val=\"" #n "\"/></w:pPr>"

#define HSTYLES STYLE("Heading1", "heading 1", OUTLINE(0)) \
	STYLE("Heading2", "heading 2", BASED("Heading1") OUTLINE(1)) \
	STYLE("Heading3", "heading 3", OUTLINE(2)) \
	STYLE("Title", "Title", "") STYLE("Subtitle", "Subtitle", "")

/* ---- helpers -------------------------------------------------------- */

static void s_expect(int rc, int want, const char *needle);

static void s_walk_check(const memo_document *doc, const memo_node *root)
{
	size_t tlen;
	const char *text = memo_document_text(doc, &tlen);
	memo_iter *it;
	ck_assert_int_eq(memo_iter_new(&it, root, 0), MEMO_OK);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		const memo_node *n = memo_iter_node(it);
		if (ev != MEMO_EVENT_ENTER)
			continue;
		memo_range r;
		memo_node_range(n, &r);
		ck_assert_uint_le(r.start.offset, r.end.offset);
		ck_assert_uint_le(r.end.offset, tlen);
		size_t nlen;
		const char *nt = memo_node_text(n, &nlen);
		if (!nt)
			continue;
		size_t covered = 0;
		for (size_t i = 0; i < memo_node_span_count(n); i++) {
			memo_span sp;
			ck_assert_int_eq(memo_node_span_at(n, i, &sp), MEMO_OK);
			ck_assert_uint_eq(sp.text_offset, covered);
			ck_assert_uint_eq(sp.verbatim, 1);
			ck_assert_uint_le(sp.doc_offset + sp.length, tlen);
			ck_assert(memcmp(text + sp.doc_offset,
				nt + sp.text_offset, sp.length) == 0);
			covered += sp.length;
			/* every byte maps back to a paragraph and a run */
			for (uint64_t o = sp.doc_offset;
			     o < sp.doc_offset + sp.length; o++) {
				memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION,
					0, 0, 0, 0 };
				ck_assert_int_eq(memo_document_docx_locate(doc,
					o, &loc), MEMO_OK);
			}
		}
		ck_assert_uint_eq(covered, nlen);
	}
	memo_iter_free(it);
}

static void s_invariants(const memo_document *doc)
{
	ck_assert_int_eq(memo_document_format(doc), MEMO_FORMAT_DOCX);
	s_walk_check(doc, memo_document_root(doc));
	if (memo_document_notes(doc))
		s_walk_check(doc, memo_document_notes(doc));
}

static int s_parse_bytes(const char *data, size_t len, const char *name,
	const memo_parse_options *o, memo_document **out)
{
	return memo_document_parse(out, data, len, name, o);
}

static memo_document *s_parse_opts(const mkdocx_spec *sp,
	const memo_parse_options *o)
{
	size_t len;
	char *data = mkdocx(sp, &len);
	ck_assert_ptr_nonnull(data);
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", o, &doc);
	free(data);
	ck_assert_msg(rc == MEMO_OK, "parse failed (%s): %s",
		memo_status_str(rc), memo_error_message(memo_error_last()));
	s_invariants(doc);
	return doc;
}

static memo_document *s_parse(const mkdocx_spec *sp, uint32_t flags)
{
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = flags;
	return s_parse_opts(sp, &o);
}

static int s_parse_fail(const mkdocx_spec *sp, const memo_parse_options *o)
{
	size_t len;
	char *data = mkdocx(sp, &len);
	ck_assert_ptr_nonnull(data);
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", o, &doc);
	free(data);
	ck_assert_ptr_null(doc);
	return rc;
}

/* "L:title;" for each heading of the body, in order. */
static const char *s_outline(const memo_document *doc)
{
	static char buf[4096];
	size_t n = 0;
	buf[0] = '\0';
	memo_iter *it;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(MEMO_NODE_HEADING)), MEMO_OK);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		const memo_node *h = memo_iter_node(it);
		if (ev != MEMO_EVENT_ENTER)
			continue;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%d:%s;",
			memo_node_level(h), memo_node_title(h, NULL));
	}
	memo_iter_free(it);
	return buf;
}

/* Texts of the text nodes under root joined by "|". */
static const char *s_texts(const memo_node *root)
{
	static char buf[8192];
	size_t n = 0;
	buf[0] = '\0';
	if (!root)
		return buf;
	memo_iter *it;
	ck_assert_int_eq(memo_iter_new(&it, root, 0), MEMO_OK);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		const memo_node *t = memo_iter_node(it);
		const char *s = memo_node_text(t, NULL);
		if (ev == MEMO_EVENT_ENTER && s)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
				n ? "|" : "", s);
	}
	memo_iter_free(it);
	return buf;
}

/* Node types of the subtree in prefix order, e.g. "LIST(ITEM(PARA))". */
static void s_shape_rec(const memo_node *n, char *buf, size_t cap,
	size_t *len)
{
	static const char *const names[] = { "NONE", "DOC", "SEC", "H",
		"P", "LIST", "ITEM", "TABLE", "ROW", "CELL", "QUOTE", "CODE",
		"NOTES", "NOTE" };
	memo_node_type_t t = memo_node_type(n);
	*len += (size_t)snprintf(buf + *len, cap - *len, "%s%s",
		names[t], (memo_node_flags(n) & MEMO_NODE_FLAG_ORDERED) ?
		"#" : "");
	if (memo_node_first_child(n)) {
		*len += (size_t)snprintf(buf + *len, cap - *len, "(");
		for (const memo_node *c = memo_node_first_child(n); c;
		     c = memo_node_next(c)) {
			s_shape_rec(c, buf, cap, len);
			if (memo_node_next(c))
				*len += (size_t)snprintf(buf + *len,
					cap - *len, ",");
		}
		*len += (size_t)snprintf(buf + *len, cap - *len, ")");
	}
}

static const char *s_shape(const memo_node *n)
{
	static char buf[4096];
	size_t len = 0;
	buf[0] = '\0';
	s_shape_rec(n, buf, sizeof buf, &len);
	return buf;
}

static size_t s_warnings(const memo_document *doc, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < memo_document_warning_count(doc); i++)
		if (strcmp(memo_finding_rule_id(memo_document_warning_at(doc,
			    i)), rule) == 0)
			n++;
	return n;
}

static const memo_node *s_find(const memo_document *doc,
	memo_node_type_t type, size_t nth)
{
	memo_iter *it;
	const memo_node *found = NULL;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(type)), MEMO_OK);
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev == MEMO_EVENT_ENTER && nth-- == 0) {
			found = memo_iter_node(it);
			break;
		}
	}
	memo_iter_free(it);
	return found;
}

/* ---- structure ------------------------------------------------------ */

START_TEST(t_headings_by_name)
{
	mkdocx_spec sp = { .styles = HSTYLES,
		.body = PS("Heading2", "") PS("Heading1", "Intro")
			P("Some text.") PS("Heading2", "Details")
			P("More text.") PS("Heading1", "Next")
			PS("Heading2", " ") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_outline(doc), "1:Intro;2:Details;1:Next;2:;");
	ck_assert_str_eq(s_shape(memo_document_root(doc)),
		"DOC(SEC(H,P,SEC(H,P)),SEC(H,SEC(H)))");
	size_t len;
	ck_assert_str_eq(memo_document_text(doc, &len),
		"Intro\nSome text.\nDetails\nMore text.\nNext\n");
	ck_assert_int_eq(s_warnings(doc, "parse.fake-heading"), 0);
	memo_document_free(doc);
}
END_TEST

START_TEST(t_headings_outline_basedon_localized)
{
	mkdocx_spec sp = {
		.styles =
			/* localized id, canonical English name */
			STYLE("berschrift1", "heading 1", OUTLINE(0))
			/* a custom style with an outline level */
			STYLE("MyHead", "My Head", OUTLINE(2))
			/* based on a heading */
			STYLE("Chapter", "Chapter", BASED("berschrift1"))
			/* localized id, no name: the outline level decides */
			"<w:style w:type=\"paragraph\" w:styleId=\"Titre2\">"
			OUTLINE(1) "</w:style>"
			/* TOC Heading: based on Heading 1, outline level 9 */
			STYLE("TOCHeading", "TOC Heading",
				BASED("berschrift1") OUTLINE(9))
			/* a basedOn cycle must not hang */
			STYLE("A", "A", BASED("B")) STYLE("B", "B", BASED("A")),
		.body = PS("berschrift1", "One") PS("MyHead", "Three")
			PS("Chapter", "Chap") PS("Titre2", "Two")
			PS("TOCHeading", "Contents") PS("A", "cycle")
			"<w:p><w:pPr>" "<w:outlineLvl w:val=\"3\"/></w:pPr>"
			R("Para level") "</w:p>" };
	memo_document *doc = s_parse(&sp, 0);
	/* a direct outline level is only a hint: a fake heading */
	ck_assert_str_eq(s_outline(doc), "1:One;3:Three;1:Chap;2:Two;");
	ck_assert_int_eq(s_warnings(doc, "parse.fake-heading"), 1);
	memo_document_free(doc);
	doc = s_parse(&sp, MEMO_PARSE_PROMOTE_FAKE_HEADINGS);
	ck_assert_str_eq(s_outline(doc),
		"1:One;3:Three;1:Chap;2:Two;4:Para level;");
	memo_document_free(doc);
}
END_TEST

START_TEST(t_title)
{
	mkdocx_spec sp = { .styles = HSTYLES,
		.body = P("") PS("Title", "My Memo") PS("Subtitle", "Sub")
			PS("Heading1", "Intro") P("Text.")
			PS("Title", "Late title") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(memo_document_title(doc), "My Memo");
	ck_assert_str_eq(s_outline(doc), "1:Intro;");
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Intro\nText.\nLate title");
	memo_document_free(doc);
}
END_TEST

#define NUMBERING \
	"<w:abstractNum w:abstractNumId=\"0\">" \
	"<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>" \
	"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt " \
	"w:val=\"decimal\"/></w:lvl></w:abstractNum>" \
	"<w:abstractNum w:abstractNumId=\"1\">" \
	"<w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt " \
	"w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>" \
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>" \
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"

START_TEST(t_lists)
{
	mkdocx_spec sp = { .numbering = NUMBERING,
		.styles = HSTYLES STYLE("ListBullet", "List Bullet",
			"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
			"</w:pPr>"),
		.body = PN(1, 0, "a") PN(1, 1, "b") PN(1, 1, "c") PN(1, 0, "d")
			P("plain") PN(2, 0, "e") P("") PN(2, 0, "f")
			PS("ListBullet", "g") PN(0, 0, "not a list") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_shape(memo_document_root(doc)),
		"DOC(LIST(ITEM(P,LIST#(ITEM(P),ITEM(P))),ITEM(P)),P,"
		"LIST#(ITEM(P),ITEM(P)),LIST(ITEM(P)),P)");
	const memo_node *l2 = s_find(doc, MEMO_NODE_LIST, 2);
	ck_assert_uint_eq(memo_node_list_start(l2), 3);
	ck_assert_int_eq(memo_node_level(s_find(doc, MEMO_NODE_LIST, 1)), 2);
	ck_assert_str_eq(s_texts(memo_document_root(doc)),
		"a|b|c|d|plain|e|f|g|not a list");
	memo_document_free(doc);
}
END_TEST

#define TC(x) "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>" x "</w:tc>"

START_TEST(t_tables)
{
	mkdocx_spec sp = { .styles = HSTYLES,
		.body = P("before")
			"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
			"<w:tr><w:trPr><w:tblHeader/></w:trPr>"
			TC(P("H1")) TC(P("H2")) "</w:tr>"
			"<w:tr>" TC(PS("Heading1", "not a heading") P("x"))
			TC("<w:tbl><w:tr>" TC(P("inner")) "</w:tr></w:tbl>")
			TC(P("")) "</w:tr></w:tbl>" P("after") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_shape(memo_document_root(doc)),
		"DOC(P,TABLE(ROW(CELL(P),CELL(P)),ROW(CELL(P,P),"
		"CELL(TABLE(ROW(CELL(P)))),CELL)),P)");
	ck_assert_str_eq(s_outline(doc), "");
	const memo_node *row = s_find(doc, MEMO_NODE_ROW, 0);
	ck_assert(memo_node_flags(row) & MEMO_NODE_FLAG_HEADER);
	ck_assert(memo_node_flags(memo_node_first_child(row)) &
		MEMO_NODE_FLAG_HEADER);
	ck_assert(!(memo_node_flags(s_find(doc, MEMO_NODE_ROW, 1)) &
		MEMO_NODE_FLAG_HEADER));
	memo_document_free(doc);
}
END_TEST

#define FN(id, t) "<w:footnote w:id=\"" #id "\"><w:p><w:r><w:footnoteRef/>" \
	"</w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" R(t) \
	"</w:p></w:footnote>"

START_TEST(t_notes)
{
	mkdocx_spec sp = {
		.body = "<w:p>" R("Body")
			"<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
		.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p>"
			"<w:r><w:separator/></w:r></w:p></w:footnote>"
			"<w:footnote w:type=\"continuationSeparator\" "
			"w:id=\"0\"><w:p><w:r><w:t>sep</w:t></w:r></w:p>"
			"</w:footnote>" FN(1, "Foot one."),
		.endnotes = "<w:endnote w:id=\"1\">" P("End one.")
			"</w:endnote>",
		.comments = "<w:comment w:id=\"0\" w:author=\"A\">"
			P("Fix this.") P("Second para.") "</w:comment>" };
	memo_document *doc = s_parse(&sp, 0);
	const memo_node *notes = memo_document_notes(doc);
	ck_assert_ptr_nonnull(notes);
	ck_assert_str_eq(s_shape(notes), "NOTES(NOTE(P),NOTE(P),NOTE(P,P))");
	const memo_node *n = memo_node_first_child(notes);
	ck_assert(memo_node_flags(n) & MEMO_NODE_FLAG_FOOTNOTE);
	ck_assert(memo_node_flags(memo_node_next(n)) & MEMO_NODE_FLAG_ENDNOTE);
	ck_assert(memo_node_flags(memo_node_last_child(notes)) &
		MEMO_NODE_FLAG_COMMENT);
	ck_assert_str_eq(s_texts(notes),
		"Foot one.|End one.|Fix this.|Second para.");
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Body\nFoot one.\nEnd one.\nFix this.\nSecond para.");
	ck_assert_str_eq(s_texts(memo_document_root(doc)), "Body");
	ck_assert_int_eq(s_warnings(doc, "parse.comments"), 1);
	/* parts: notes are located in their own parts */
	size_t len;
	const char *text = memo_document_text(doc, &len);
	memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	ck_assert_int_eq(memo_document_docx_locate(doc,
		(uint64_t)(strstr(text, "End") - text), &loc), MEMO_OK);
	ck_assert_str_eq(memo_document_part_name(doc, loc.part),
		"word/endnotes.xml");
	ck_assert_uint_eq(loc.paragraph, 0);
	memo_document_free(doc);

	doc = s_parse(&sp, MEMO_PARSE_NO_NOTES);
	ck_assert_ptr_null(memo_document_notes(doc));
	ck_assert_str_eq(memo_document_text(doc, NULL), "Body");
	ck_assert_int_eq(s_warnings(doc, "parse.comments"), 1);
	memo_document_free(doc);
}
END_TEST

#define TRACKED "<w:p>" R("Keep ") \
	"<w:ins w:id=\"1\" w:author=\"A\">" R("new ") "</w:ins>" \
	"<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space=" \
	"\"preserve\">old </w:delText></w:r></w:del>" R("end") "</w:p>" \
	"<w:p><w:moveFrom w:id=\"3\"><w:r><w:delText>moved</w:delText>" \
	"</w:r></w:moveFrom>" R(" here ") \
	"<w:moveTo w:id=\"4\">" R("moved") "</w:moveTo></w:p>"

START_TEST(t_tracked_changes)
{
	mkdocx_spec sp = { .body = TRACKED };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Keep new end\n here moved");
	ck_assert_int_eq(s_warnings(doc, "parse.tracked-changes"), 1);
	memo_document_free(doc);

	doc = s_parse(&sp, MEMO_PARSE_KEEP_DELETIONS);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Keep new old end\nmoved here moved");
	memo_document_free(doc);

	doc = s_parse(&sp, MEMO_PARSE_DROP_INSERTIONS);
	ck_assert_str_eq(memo_document_text(doc, NULL), "Keep end\n here ");
	memo_document_free(doc);

	/* the text as it was before the revisions */
	doc = s_parse(&sp, MEMO_PARSE_DROP_INSERTIONS |
		MEMO_PARSE_KEEP_DELETIONS);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Keep old end\nmoved here ");
	ck_assert_int_eq(s_warnings(doc, "parse.tracked-changes"), 1);
	memo_document_free(doc);

	mkdocx_spec clean = { .body = P("No revisions.") };
	doc = s_parse(&clean, 0);
	ck_assert_int_eq(s_warnings(doc, "parse.tracked-changes"), 0);
	memo_document_free(doc);
}
END_TEST

#define TEXTBOX(t) "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">" \
	"<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" \
	"<w:txbxContent>" P(t) "</w:txbxContent></wps:txbx></wps:wsp>" \
	"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" \
	"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" P(t) \
	"</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>" \
	"</mc:AlternateContent></w:r>"

START_TEST(t_textbox)
{
	mkdocx_spec sp = { .body = "<w:p>" R("Anchor ") TEXTBOX("In a box")
		R("text") "</w:p>" "<w:p>" TEXTBOX("Lone box") "</w:p>"
		P("After") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_texts(memo_document_root(doc)),
		"Anchor text|In a box|Lone box|After");
	const memo_node *box = s_find(doc, MEMO_NODE_PARAGRAPH, 1);
	ck_assert(memo_node_flags(box) & MEMO_NODE_FLAG_TEXTBOX);
	ck_assert(!(memo_node_flags(s_find(doc, MEMO_NODE_PARAGRAPH, 0)) &
		MEMO_NODE_FLAG_TEXTBOX));
	/* paragraph indices count every w:p, the unused fallback's too */
	size_t len;
	const char *text = memo_document_text(doc, &len);
	memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	ck_assert_int_eq(memo_document_docx_locate(doc,
		(uint64_t)(strstr(text, "After") - text), &loc), MEMO_OK);
	ck_assert_uint_eq(loc.paragraph, 6);
	ck_assert_int_eq(memo_document_docx_locate(doc,
		(uint64_t)(strstr(text, "text") - text), &loc), MEMO_OK);
	ck_assert_uint_eq(loc.paragraph, 0);
	ck_assert_uint_eq(loc.run, 1); /* the text box's run bears no text */
	memo_document_free(doc);
}
END_TEST

START_TEST(t_fields_hyperlinks)
{
	mkdocx_spec sp = { .body =
		"<w:p>" R("Page ")
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"
		"</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		R("3") "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		R(" of ") "<w:fldSimple w:instr=\" NUMPAGES \">" R("9")
		"</w:fldSimple></w:p>"
		/* nested fields: only the outer result shows */
		"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText>IF </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		R("inner") "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		"<w:r><w:instrText> = 1 \"a\" \"b\"</w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		R("outer") "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		"</w:p>"
		"<w:p>" R("See ") "<w:hyperlink r:id=\"rId9\">" R("the site")
		"</w:hyperlink>" R(".") "</w:p>" };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"Page 3 of 9\nouter\nSee the site.");
	memo_document_free(doc);
}
END_TEST

START_TEST(t_run_content)
{
	mkdocx_spec sp = { .body =
		"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c"
		"</w:t><w:noBreakHyphen/><w:t>d</w:t><w:cr/><w:t>e</w:t>"
		"<w:br w:type=\"page\"/><w:sym w:font=\"Symbol\" "
		"w:char=\"03A9\"/><w:softHyphen/></w:r></w:p>"
		/* hidden text is skipped; vanish off is not hidden */
		"<w:p>" R("shown ") "<w:r><w:rPr><w:vanish/></w:rPr><w:t>"
		"hidden </w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/>"
		"</w:rPr><w:t>visible</w:t></w:r></w:p>"
		/* tabs in paragraph properties are tab stops, not text */
		"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/>"
		"</w:tabs></w:pPr>" R("x") "</w:p>"
		/* a line feed inside w:t is XML layout */
		"<w:p><w:r><w:t>one\ntwo</w:t></w:r></w:p>"
		/* math text is kept */
		"<w:p>" R("E ") "<m:oMath><m:r><m:t>=mc2</m:t></m:r></m:oMath>"
		"</w:p>" };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"a\tb\nc-d\ne \xce\xa9\nshown visible\nx\none two\nE =mc2");
	memo_document_free(doc);
}
END_TEST

START_TEST(t_fake_headings)
{
	mkdocx_spec sp = { .styles = HSTYLES STYLE("Strong", "Strong Para",
			"<w:rPr><w:b/></w:rPr>"),
		.body = "<w:p>" RB("Key ") RB("Risks") "</w:p>" P("Text.")
			PS("Heading1", "Real") "<w:p>" RB("Sub point")
			"</w:p>" PS("Heading2", "Two") "<w:p>"
			RB("What could go wrong?") "</w:p>"
			/* not fake: final period, partly bold, too long,
			 * bold turned off, a list item */
			"<w:p>" RB("This is a sentence.") "</w:p>"
			"<w:p>" RB("Bold") R(" and not") "</w:p>"
			"<w:p>" RB("one two three four five six seven eight "
			"nine ten eleven twelve thirteen") "</w:p>"
			"<w:p><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>"
			"Not bold</w:t></w:r></w:p>"
			"<w:p><w:r><w:rPr><w:b w:val=\"false\"/></w:rPr><w:t>"
			"Not bold either</w:t></w:r></w:p>"
			/* bold through the paragraph style */
			PS("Strong", "Styled bold") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_int_eq(s_warnings(doc, "parse.fake-heading"), 4);
	ck_assert_str_eq(s_outline(doc), "1:Real;2:Two;");
	memo_document_free(doc);

	doc = s_parse(&sp, MEMO_PARSE_PROMOTE_FAKE_HEADINGS);
	ck_assert_int_eq(s_warnings(doc, "parse.fake-heading"), 4);
	ck_assert_str_eq(s_outline(doc), "2:Key Risks;1:Real;2:Sub point;"
		"2:Two;3:What could go wrong?;3:Styled bold;");
	const memo_node *h = s_find(doc, MEMO_NODE_HEADING, 0);
	ck_assert(memo_node_flags(h) & MEMO_NODE_FLAG_PROMOTED);
	ck_assert(!(memo_node_flags(s_find(doc, MEMO_NODE_HEADING, 1)) &
		MEMO_NODE_FLAG_PROMOTED));
	memo_document_free(doc);
}
END_TEST

START_TEST(t_main_part_names)
{
	mkdocx_spec sp = { .styles = HSTYLES,
		.main_name = "word/document2.xml",
		.body = PS("Heading1", "Office 365") };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_outline(doc), "1:Office 365;");
	ck_assert_str_eq(memo_document_part_name(doc, 0),
		"word/document2.xml");
	memo_document_free(doc);

	mkdocx_spec sp2 = { .default_xml_main = true, .styles = HSTYLES,
		.body = PS("Heading1", "Default") };
	doc = s_parse(&sp2, 0);
	ck_assert_str_eq(s_outline(doc), "1:Default;");
	memo_document_free(doc);

	/* only the content type names the main part */
	mkdocx_spec sp3 = { .no_root_rels = true, .main_name = "x/main.xml",
		.body = P("found") };
	doc = s_parse(&sp3, 0);
	ck_assert_str_eq(memo_document_text(doc, NULL), "found");
	memo_document_free(doc);
}
END_TEST

START_TEST(t_strict)
{
	mkdocx_spec sp = { .strict = true, .styles = HSTYLES,
		.numbering = NUMBERING,
		.body = PS("Heading1", "Strict") PN(2, 0, "item")
			"<w:tbl><w:tr>" TC(P("cell")) "</w:tr></w:tbl>" };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_outline(doc), "1:Strict;");
	ck_assert_str_eq(s_shape(memo_document_root(doc)),
		"DOC(SEC(H,LIST#(ITEM(P)),TABLE(ROW(CELL(P)))))");
	memo_document_free(doc);
}
END_TEST

START_TEST(t_locate)
{
	mkdocx_spec sp = { .body =
		"<w:p w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\">"
		R("Hello ") R("world") "</w:p>"
		"<w:p/>"
		"<w:p>" R("A") "<w:del w:id=\"1\"><w:r><w:delText>gone"
		"</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr>"
		"<w:t>hid</w:t></w:r><w:r><w:rPr/></w:r>" R("B") "</w:p>" };
	memo_document *doc = s_parse(&sp, 0);
	size_t len;
	const char *text = memo_document_text(doc, &len);
	ck_assert_str_eq(text, "Hello world\nAB");
	memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	ck_assert_int_eq(memo_document_docx_locate(doc, 8, &loc), MEMO_OK);
	ck_assert_str_eq(memo_document_part_name(doc, loc.part),
		"word/document.xml");
	ck_assert_uint_eq(loc.paragraph, 0);
	ck_assert_uint_eq(loc.run, 1);
	ck_assert_uint_eq(loc.run_offset, 2);
	ck_assert_str_eq(memo_document_docx_para_id(doc, loc.part, 0),
		"1A2B3C4D");
	ck_assert_int_eq(memo_document_docx_locate(doc, 3, &loc), MEMO_OK);
	ck_assert_uint_eq(loc.run, 0);
	ck_assert_uint_eq(loc.run_offset, 3);
	/* deleted and hidden runs keep their numbers: B is run 3 */
	ck_assert_int_eq(memo_document_docx_locate(doc, 13, &loc), MEMO_OK);
	ck_assert_uint_eq(loc.paragraph, 2);
	ck_assert_uint_eq(loc.run, 3);
	ck_assert_uint_eq(loc.run_offset, 0);
	ck_assert_ptr_null(memo_document_docx_para_id(doc, 0, 2));
	/* with deletions kept the numbering is the same */
	memo_document_free(doc);
	doc = s_parse(&sp, MEMO_PARSE_KEEP_DELETIONS);
	text = memo_document_text(doc, &len);
	ck_assert_str_eq(text, "Hello world\nAgoneB");
	ck_assert_int_eq(memo_document_docx_locate(doc, 14, &loc), MEMO_OK);
	ck_assert_uint_eq(loc.run, 1);
	ck_assert_uint_eq(loc.run_offset, 1);
	ck_assert_int_eq(memo_document_docx_locate(doc, 17, &loc), MEMO_OK);
	ck_assert_uint_eq(loc.run, 3);
	memo_document_free(doc);
}
END_TEST

START_TEST(t_sniff)
{
	ck_assert(memo__docx_sniff("PK\x03\x04xxxx", 8));
	ck_assert(memo__docx_sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
	ck_assert(!memo__docx_sniff("# Title\n", 8));
	ck_assert(!memo__docx_sniff("PK", 2));
}
END_TEST

START_TEST(t_code_quote_task_symbols)
{
	mkdocx_spec sp = { .numbering = NUMBERING,
		.styles = HSTYLES STYLE("SourceCode", "Source Code", "")
			STYLE("BlockText", "Block Text", "")
			"<w:style w:type=\"character\" w:styleId=\"VerbatimChar\">"
			"<w:name w:val=\"Verbatim Char\"/></w:style>",
		.body = "<w:p><w:pPr><w:pStyle w:val=\"SourceCode\"/></w:pPr>"
			"<w:r><w:t>int x;</w:t><w:br/><w:t>x++;</w:t></w:r></w:p>"
			PS("BlockText", "Quoted one.") PS("BlockText", "Two.")
			"<w:p>" R("Call ") "<w:r><w:rPr><w:rStyle "
			"w:val=\"VerbatimChar\"/></w:rPr><w:t>f()</w:t></w:r>"
			"</w:p>"
			PN(1, 0, "\xe2\x98\x90 open task")
			PN(1, 0, "\xe2\x98\x92 done task")
			"<w:p><w:r><w:t xml:space=\"preserve\">Greek </w:t>"
			"<w:sym w:font=\"Symbol\" w:char=\"F061\"/>"
			"<w:sym w:font=\"Symbol\" w:char=\"F062\"/></w:r></w:p>"
			"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData>"
			"<pic:pic/></a:graphicData></a:graphic></wp:inline>"
			"</w:drawing></w:r><w:r><w:object><v:shape><v:imagedata/>"
			"</v:shape><o:OLEObject/></w:object></w:r></w:p>" };
	memo_document *doc = s_parse(&sp, 0);
	ck_assert_str_eq(s_shape(memo_document_root(doc)),
		"DOC(CODE,QUOTE(P,P),P,LIST(ITEM(P),ITEM(P)),P)");
	ck_assert_str_eq(memo_node_text(s_find(doc, MEMO_NODE_CODE, 0), NULL),
		"int x;\nx++;");
	ck_assert(memo_node_flags(s_find(doc, MEMO_NODE_PARAGRAPH, 2)) &
		MEMO_NODE_FLAG_HAS_CODE);
	/* the task box is in the document text, not in the item's text */
	const memo_node *i0 = s_find(doc, MEMO_NODE_ITEM, 0);
	const memo_node *i1 = s_find(doc, MEMO_NODE_ITEM, 1);
	ck_assert(memo_node_flags(i0) & MEMO_NODE_FLAG_TASK);
	ck_assert(!(memo_node_flags(i0) & MEMO_NODE_FLAG_CHECKED));
	ck_assert(memo_node_flags(i1) & MEMO_NODE_FLAG_CHECKED);
	ck_assert_str_eq(memo_node_text(memo_node_first_child(i0), NULL),
		"open task");
	ck_assert(strstr(memo_document_text(doc, NULL),
		"\xe2\x98\x90 open task"));
	ck_assert(strstr(memo_document_text(doc, NULL),
		"Greek \xce\xb1\xce\xb2"));
	ck_assert_int_eq(s_warnings(doc, "parse.skipped-content"), 1);
	const memo_finding *w = NULL;
	for (size_t i = 0; i < memo_document_warning_count(doc); i++)
		if (strcmp(memo_finding_rule_id(memo_document_warning_at(doc,
			    i)), "parse.skipped-content") == 0)
			w = memo_document_warning_at(doc, i);
	ck_assert(strstr(memo_finding_message(w), "2 images"));
	memo_document_free(doc);
}
END_TEST

typedef struct s_thread_arg {
	const char *data;
	size_t len;
	const char *want;
	int failures;
} s_thread_arg;

static void *s_thread(void *arg)
{
	s_thread_arg *a = arg;
	for (int i = 0; i < 40; i++) {
		memo_document *doc = NULL;
		if (memo_document_parse(&doc, a->data, a->len, "t.docx",
			    NULL) != MEMO_OK ||
		    strcmp(memo_document_text(doc, NULL), a->want) != 0)
			a->failures++;
		memo_document_free(doc);
	}
	return NULL;
}

START_TEST(t_threads)
{
	mkdocx_spec sp = { .styles = HSTYLES, .numbering = NUMBERING,
		.body = PS("Heading1", "Title") PN(1, 0, "a") TRACKED,
		.footnotes = FN(1, "note") };
	size_t len;
	char *data = mkdocx(&sp, &len);
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, data, len, "t.docx", NULL),
		MEMO_OK);
	char *want = strdup(memo_document_text(doc, NULL));
	memo_document_free(doc);
	pthread_t th[4];
	s_thread_arg args[4];
	for (int i = 0; i < 4; i++) {
		args[i] = (s_thread_arg){ data, len, want, 0 };
		ck_assert_int_eq(pthread_create(&th[i], NULL, s_thread,
			&args[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		ck_assert_int_eq(args[i].failures, 0);
	}
	free(want);
	free(data);
}
END_TEST

START_TEST(t_odd_packages)
{
	/* an empty main part is malformed XML */
	mkdocx_spec sp = { .document = "" };
	int rc = s_parse_fail(&sp, NULL);
	s_expect(rc, MEMO_EFORMAT, "word/document.xml");
	/* invalid nesting still gives a well-formed tree */
	mkdocx_spec sp2 = { .numbering = NUMBERING,
		.body = "<w:tbl>" P("loose") PN(1, 0, "item") "<w:tr>"
			TC(PN(1, 0, "in cell") P("x")) "</w:tr>" P("again")
			"</w:tbl>" "<w:p>" P("nested p") R("outer") "</w:p>"
			"<w:r><w:t>run outside a paragraph</w:t></w:r>"
			"<w:tc>" P("cell outside a table") "</w:tc>" };
	memo_document *doc = s_parse(&sp2, 0);
	ck_assert(strstr(memo_document_text(doc, NULL), "in cell"));
	ck_assert(strstr(memo_document_text(doc, NULL), "outer"));
	memo_document_free(doc);
	/* no styles, no numbering, no content types: still read */
	mkdocx_spec sp3 = { .no_content_types = true,
		.body = PN(3, 0, "unknown numbering") PS("Nope", "unknown") };
	doc = s_parse(&sp3, 0);
	ck_assert_str_eq(memo_document_text(doc, NULL),
		"unknown numbering\nunknown");
	memo_document_free(doc);
}
END_TEST

/* ---- bad input ------------------------------------------------------ */

static void s_expect(int rc, int want, const char *needle)
{
	const memo_error *e = memo_error_last();
	ck_assert_msg(rc == want, "got %s, want %s: %s", memo_status_str(rc),
		memo_status_str(want), memo_error_message(e));
	ck_assert_int_eq(memo_error_code(e), want);
	ck_assert_msg(strstr(memo_error_message(e), "t.docx") ||
		(memo_error_file(e) && strstr(memo_error_file(e), ".docx")),
		"message does not name the file: %s", memo_error_message(e));
	if (needle)
		ck_assert_msg(strstr(memo_error_message(e), needle),
			"message lacks \"%s\": %s", needle,
			memo_error_message(e));
}

START_TEST(t_not_a_zip)
{
	memo_document *doc = NULL;
	int rc = s_parse_bytes("hello, world", 12, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EFORMAT, "not a zip");
	rc = s_parse_bytes("", 0, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EFORMAT, NULL);
}
END_TEST

START_TEST(t_truncated)
{
	mkdocx_spec sp = { .body = P("Some text that is long enough.") };
	size_t len;
	char *data = mkdocx(&sp, &len);
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len / 2, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EFORMAT, "truncated");
	ck_assert_ptr_null(doc);
	free(data);
}
END_TEST

static char *s_find_bytes(char *data, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return data + i;
	return NULL;
}

START_TEST(t_crc_error)
{
	mkdocx_spec sp = { .store = true, .body = P("Checksum me please") };
	size_t len;
	char *data = mkdocx(&sp, &len);
	char *p = s_find_bytes(data, len, "Checksum");
	ck_assert_ptr_nonnull(p);
	p[0] = 'X';
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EFORMAT, "CRC");
	ck_assert_str_eq(memo_error_part(memo_error_last()),
		"word/document.xml");
	free(data);
}
END_TEST

START_TEST(t_missing_main)
{
	mkzip_entry e[] = {
		{ "[Content_Types].xml", "<Types xmlns=\"http://schemas."
		  "openxmlformats.org/package/2006/content-types\"><Default "
		  "Extension=\"xml\" ContentType=\"application/xml\"/>"
		  "</Types>", 0, false },
		{ "_rels/.rels", "<Relationships xmlns=\"http://schemas."
		  "openxmlformats.org/package/2006/relationships\">"
		  "<Relationship Id=\"r1\" Type=\"http://schemas."
		  "openxmlformats.org/officeDocument/2006/relationships/"
		  "officeDocument\" Target=\"word/document.xml\"/>"
		  "</Relationships>", 0, false },
		{ "word/other.xml", "<x/>", 0, false },
	};
	size_t len;
	char *data = mkzip(e, 3, &len);
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EFORMAT, "main document");
	free(data);
}
END_TEST

START_TEST(t_ole)
{
	char buf[1024];
	memset(buf, 0, sizeof buf);
	memcpy(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	const char *name = "EncryptedPackage";
	for (size_t i = 0; name[i]; i++)
		buf[600 + 2 * i] = name[i];
	memo_document *doc = NULL;
	int rc = s_parse_bytes(buf, sizeof buf, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EUNSUPPORTED, "encrypted or legacy");
	ck_assert(strstr(memo_error_message(memo_error_last()), "password"));

	memset(buf + 600, 0, 100);
	name = "WordDocument";
	for (size_t i = 0; name[i]; i++)
		buf[600 + 2 * i] = name[i];
	rc = s_parse_bytes(buf, sizeof buf, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EUNSUPPORTED, "legacy binary Word");
	/* by content, with no name */
	rc = s_parse_bytes(buf, sizeof buf, NULL, NULL, &doc);
	ck_assert_int_eq(rc, MEMO_EUNSUPPORTED);
}
END_TEST

START_TEST(t_lock_file)
{
	char buf[162];
	memset(buf, 0, sizeof buf);
	const char *user = "Jane Doe";
	buf[0] = (char)strlen(user);
	memcpy(buf + 1, user, strlen(user));
	buf[54] = (char)strlen(user);
	for (size_t i = 0; user[i]; i++)
		buf[56 + 2 * i] = user[i];
	memo_document *doc = NULL;
	int rc = s_parse_bytes(buf, sizeof buf, "dir/~$t.docx", NULL, &doc);
	ck_assert_int_eq(rc, MEMO_EUNSUPPORTED);
	ck_assert(strstr(memo_error_message(memo_error_last()), "lock"));
	/* by content alone */
	rc = s_parse_bytes(buf, sizeof buf, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EUNSUPPORTED, "lock");
	/* a real package that happens to be named like an owner file */
	mkdocx_spec sp = { .body = P("real") };
	size_t len;
	char *data = mkdocx(&sp, &len);
	rc = s_parse_bytes(data, len, "~$real.docx", NULL, &doc);
	ck_assert_int_eq(rc, MEMO_OK);
	memo_document_free(doc);
	free(data);
}
END_TEST

START_TEST(t_malformed_xml)
{
	mkdocx_spec sp = { .document =
		"<?xml version=\"1.0\"?>\n"
		"<w:document xmlns:w=\"" MK_NS_W "\"><w:body>\n"
		"<w:p><w:r><w:t>ok</w:t></w:r></w:p>\n"
		"<w:p><w:r><w:t>broken</w:r></w:p>\n"
		"</w:body></w:document>" };
	int rc = s_parse_fail(&sp, NULL);
	s_expect(rc, MEMO_EFORMAT, "word/document.xml:4:");
	ck_assert_uint_eq(memo_error_line(memo_error_last()), 4);
	ck_assert_uint_gt(memo_error_column(memo_error_last()), 0);
	ck_assert_str_eq(memo_error_part(memo_error_last()),
		"word/document.xml");

	/* malformed styles.xml is reported too, naming that part */
	mkdocx_spec sp2 = { .styles = "<w:style>", .body = P("x") };
	rc = s_parse_fail(&sp2, NULL);
	s_expect(rc, MEMO_EFORMAT, "word/styles.xml");
}
END_TEST

START_TEST(t_encrypted_entry)
{
	mkdocx_spec sp = { .store = true, .body = P("secret") };
	size_t len;
	char *data = mkdocx(&sp, &len);
	/* Set "encrypted" (general purpose bit 0) on every entry, in the
	 * local headers and in the central directory. */
	for (size_t i = 0; i + 8 < len; i++) {
		if (memcmp(data + i, "PK\x03\x04", 4) == 0)
			data[i + 6] |= 1;
		else if (memcmp(data + i, "PK\x01\x02", 4) == 0)
			data[i + 8] |= 1;
	}
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", NULL, &doc);
	s_expect(rc, MEMO_EUNSUPPORTED, "encrypted");
	free(data);
}
END_TEST

START_TEST(t_zip_bomb_ratio)
{
	size_t n = 4u << 20;
	char *big = malloc(n + 64);
	strcpy(big, "<w:p><w:r><w:t>");
	memset(big + 15, 'a', n);
	strcpy(big + 15 + n, "</w:t></w:r></w:p>");
	mkdocx_spec sp = { .body = big };
	int rc = s_parse_fail(&sp, NULL);
	s_expect(rc, MEMO_ELIMIT, "compress");
	free(big);
}
END_TEST

START_TEST(t_zip_bomb_total)
{
	char *big = malloc(200000);
	big[0] = '\0';
	for (int i = 0; i < 2000; i++)
		strcat(big, "<w:p><w:r><w:t>Some words here</w:t></w:r></w:p>");
	mkdocx_spec sp = { .body = big };
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_input_bytes = 20000;
	int rc = s_parse_fail(&sp, &o);
	s_expect(rc, MEMO_ELIMIT, NULL);
	/* the same file is fine with the default limits */
	memo_document *doc = s_parse(&sp, 0);
	memo_document_free(doc);
	free(big);
}
END_TEST

/* Rewrite the uncompressed size that the local header and the central
 * directory declare for entry `name`. */
static void s_patch_usize(char *data, size_t len, const char *name,
	uint32_t size)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i + 46 + nl <= len; i++) {
		size_t off = 0, nameoff = 0;
		if (memcmp(data + i, "PK\x03\x04", 4) == 0)
			off = 22, nameoff = 30;
		else if (memcmp(data + i, "PK\x01\x02", 4) == 0)
			off = 24, nameoff = 46;
		else
			continue;
		if (memcmp(data + i + nameoff, name, nl) != 0)
			continue;
		for (int b = 0; b < 4; b++)
			data[i + off + (size_t)b] = (char)((size >> (8 * b)) &
				0xFF);
	}
}

START_TEST(t_zip_bomb_lying_sizes)
{
	/* The directory claims 100 bytes; the stream counts the truth. */
	char *big = malloc(400000);
	big[0] = '\0';
	for (int i = 0; i < 6000; i++)
		strcat(big, "<w:p><w:r><w:t>Some words here</w:t></w:r></w:p>");
	mkdocx_spec sp = { .body = big };
	size_t len;
	char *data = mkdocx(&sp, &len);
	s_patch_usize(data, len, "word/document.xml", 100);
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_input_bytes = 50000;
	memo_document *doc = NULL;
	int rc = s_parse_bytes(data, len, "t.docx", &o, &doc);
	s_expect(rc, MEMO_ELIMIT, "inflated");
	/* and the ratio is watched as the part inflates */
	memo_parse_options o2 = MEMO_PARSE_OPTIONS_INIT;
	o2.max_ratio = 5;
	rc = s_parse_bytes(data, len, "t.docx", &o2, &doc);
	s_expect(rc, MEMO_ELIMIT, "times its compressed size");
	free(data);
	free(big);
}
END_TEST

START_TEST(t_too_many_entries)
{
	mkzip_entry extra[30];
	char names[30][32];
	for (int i = 0; i < 30; i++) {
		snprintf(names[i], sizeof names[i], "customXml/item%d.xml", i);
		extra[i] = (mkzip_entry){ names[i], "<x/>", 0, false };
	}
	mkdocx_spec sp = { .body = P("x"), .extra = extra, .nextra = 24 };
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_entries = 20;
	int rc = s_parse_fail(&sp, &o);
	s_expect(rc, MEMO_ELIMIT, "entries");
}
END_TEST

static char *s_nest(const char *open, const char *close, int n,
	const char *inner)
{
	size_t lo = strlen(open), lc = strlen(close), li = strlen(inner);
	char *s = malloc((lo + lc) * (size_t)n + li + 1);
	char *p = s;
	for (int i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, inner, li);
	p += li;
	for (int i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

START_TEST(t_deep_xml)
{
	char *deep = s_nest("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>",
		60, P("deep"));
	mkdocx_spec sp = { .body = deep };
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_depth = 50;
	int rc = s_parse_fail(&sp, &o);
	s_expect(rc, MEMO_ELIMIT, "nested");
	free(deep);
	/* deeper than libxml2's own limit: still a clean ELIMIT */
	deep = s_nest("<x>", "</x>", 3000, "");
	mkdocx_spec sp2 = { .body = deep };
	rc = s_parse_fail(&sp2, NULL);
	ck_assert_int_eq(rc, MEMO_ELIMIT);
	free(deep);
}
END_TEST

START_TEST(t_billion_laughs)
{
	mkdocx_spec sp = { .document =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE lolz [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"
		"&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"
		"&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
		"&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"
		"&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"
		"&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"
		"&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"
		"&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"
		"&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;"
		"&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		"<w:document xmlns:w=\"" MK_NS_W "\"><w:body><w:p><w:r><w:t>"
		"&lol9;</w:t></w:r></w:p></w:body></w:document>" };
	clock_t t0 = clock();
	int rc = s_parse_fail(&sp, NULL);
	ck_assert(rc == MEMO_EUNSUPPORTED || rc == MEMO_EFORMAT);
	s_expect(rc, rc, "DTD");
	ck_assert((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
}
END_TEST

START_TEST(t_external_entity)
{
	mkdocx_spec sp = { .document =
		"<?xml version=\"1.0\"?>\n<!-- a comment first -->\n"
		"<!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "
		"\"file:///etc/passwd\"> ]>\n"
		"<w:document xmlns:w=\"" MK_NS_W "\"><w:body><w:p><w:r><w:t>"
		"&xxe;</w:t></w:r></w:p></w:body></w:document>" };
	int rc = s_parse_fail(&sp, NULL);
	ck_assert(rc == MEMO_EUNSUPPORTED || rc == MEMO_EFORMAT);
	ck_assert(!strstr(memo_error_message(memo_error_last()), "root:"));

	/* A DTD in another part (styles.xml) is refused as well. */
	mkdocx_spec sp2 = { .body = P("x"), .styles = "",
		.extra = (mkzip_entry[]){ {
		"word/styles.xml", "<?xml version=\"1.0\"?><!DOCTYPE s ["
		"<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:styles "
		"xmlns:w=\"" MK_NS_W "\">&e;</w:styles>", 0, false } },
		.nextra = 1 };
	rc = s_parse_fail(&sp2, NULL);
	ck_assert_int_eq(rc, MEMO_EUNSUPPORTED);
	ck_assert_str_eq(memo_error_part(memo_error_last()),
		"word/styles.xml");
}
END_TEST

START_TEST(t_no_leak_on_oom)
{
	mkdocx_spec sp = { .styles = HSTYLES, .numbering = NUMBERING,
		.body = PS("Title", "T") PS("Heading1", "H") PN(1, 0, "a")
			PN(1, 1, "b") "<w:tbl><w:tr>" TC(P("c")) "</w:tr>"
			"</w:tbl><w:p>" RB("Bold") "</w:p>" TRACKED
			"<w:p>" R("x") TEXTBOX("box") "</w:p>",
		.footnotes = FN(1, "note"),
		.comments = "<w:comment w:id=\"0\">" P("c") "</w:comment>" };
	size_t len;
	char *data = mkdocx(&sp, &len);
	int done = 0;
	for (uint64_t n = 1; n < 5000 && !done; n++) {
		memo_document *doc = NULL;
		memo__alloc_fail_at(n);
		int rc = memo_document_parse(&doc, data, len, "t.docx", NULL);
		memo__alloc_fail_at(0);
		if (rc == MEMO_OK) {
			s_invariants(doc);
			memo_document_free(doc);
			done = 1;
		} else {
			ck_assert_msg(rc == MEMO_ENOMEM, "n=%llu: %s",
				(unsigned long long)n,
				memo_error_message(memo_error_last()));
			ck_assert_ptr_null(doc);
		}
	}
	ck_assert(done);
	free(data);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("docx");
	TCase *tc = tcase_create("structure");
	tcase_add_test(tc, t_headings_by_name);
	tcase_add_test(tc, t_headings_outline_basedon_localized);
	tcase_add_test(tc, t_title);
	tcase_add_test(tc, t_lists);
	tcase_add_test(tc, t_tables);
	tcase_add_test(tc, t_notes);
	tcase_add_test(tc, t_tracked_changes);
	tcase_add_test(tc, t_textbox);
	tcase_add_test(tc, t_fields_hyperlinks);
	tcase_add_test(tc, t_run_content);
	tcase_add_test(tc, t_fake_headings);
	tcase_add_test(tc, t_main_part_names);
	tcase_add_test(tc, t_strict);
	tcase_add_test(tc, t_locate);
	tcase_add_test(tc, t_sniff);
	tcase_add_test(tc, t_code_quote_task_symbols);
	tcase_add_test(tc, t_threads);
	suite_add_tcase(s, tc);
	TCase *bad = tcase_create("bad input");
	tcase_set_timeout(bad, 120);
	tcase_add_test(bad, t_not_a_zip);
	tcase_add_test(bad, t_truncated);
	tcase_add_test(bad, t_crc_error);
	tcase_add_test(bad, t_missing_main);
	tcase_add_test(bad, t_ole);
	tcase_add_test(bad, t_lock_file);
	tcase_add_test(bad, t_malformed_xml);
	tcase_add_test(bad, t_encrypted_entry);
	tcase_add_test(bad, t_zip_bomb_ratio);
	tcase_add_test(bad, t_zip_bomb_total);
	tcase_add_test(bad, t_zip_bomb_lying_sizes);
	tcase_add_test(bad, t_too_many_entries);
	tcase_add_test(bad, t_deep_xml);
	tcase_add_test(bad, t_billion_laughs);
	tcase_add_test(bad, t_external_entity);
	tcase_add_test(bad, t_no_leak_on_oom);
	tcase_add_test(bad, t_odd_packages);
	suite_add_tcase(s, bad);
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
