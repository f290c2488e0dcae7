/*
 * check_api.c - tests that use only <memo.h>, linked against the shared
 * library, the way a program or a binding uses libmemo.
 */
#include <check.h>
#include <jansson.h>
#include <memo.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char MEMO_MD[] =
	"---\n"
	"title: Cut onboarding to two screens\n"
	"kind: narrative\n"
	"---\n"
	"\n"
	"Preamble paragraph.\n"
	"\n"
	"# Summary\n"
	"\n"
	"Because 38% quit on screen three, we cut it.\n"
	"\n"
	"## Evidence\n"
	"\n"
	"- Activation rose to 57%.\n"
	"- Support tickets fell by 12%.\n"
	"\n"
	"# Decision\n"
	"\n"
	"We ship on **March 3**.\n";

static memo_document *s_parse(const char *md)
{
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, md, strlen(md), "memo.md", NULL);
	ck_assert_msg(rc == MEMO_OK, "parse: %s",
		memo_error_message(memo_error_last()));
	return doc;
}

START_TEST(test_version_matches_headers)
{
	ck_assert_uint_eq(memo_version(), MEMO_VERSION_NUMBER);
	ck_assert_str_eq(memo_version_string(), MEMO_VERSION_STRING);
}
END_TEST

START_TEST(test_front_matter_and_sections)
{
	memo_document *doc = s_parse(MEMO_MD);
	ck_assert_int_eq(memo_document_format(doc), MEMO_FORMAT_MARKDOWN);
	ck_assert_str_eq(memo_document_title(doc),
		"Cut onboarding to two screens");
	ck_assert_str_eq(memo_document_declared_kind(doc), "narrative");
	const memo_node *root = memo_document_root(doc);
	const memo_node *pre = memo_node_first_child(root);
	ck_assert_int_eq(memo_node_type(pre), MEMO_NODE_PARAGRAPH);
	ck_assert(memo_node_flags(pre) & MEMO_NODE_FLAG_PREAMBLE);
	ck_assert_str_eq(memo_node_text(pre, NULL), "Preamble paragraph.");
	const memo_node *s1 = memo_node_next(pre);
	ck_assert_int_eq(memo_node_type(s1), MEMO_NODE_SECTION);
	ck_assert_str_eq(memo_node_title(s1, NULL), "Summary");
	const memo_node *s2 = memo_node_next(s1);
	ck_assert_str_eq(memo_node_title(s2, NULL), "Decision");
	ck_assert_ptr_null(memo_node_next(s2));
	const memo_node *ev = memo_node_last_child(s1);
	ck_assert_int_eq(memo_node_level(ev), 2);
	ck_assert_str_eq(memo_node_title(ev, NULL), "Evidence");
	memo_range r;
	memo_node_range(s1, &r);
	ck_assert_uint_eq(r.start.line, 8);
	memo_range r2;
	memo_node_range(s2, &r2);
	/* a section runs until the next heading of its level */
	ck_assert_uint_eq(r.end.offset, r2.start.offset);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_list_and_inline_markup_text)
{
	memo_document *doc = s_parse(MEMO_MD);
	memo_iter *it;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(MEMO_NODE_PARAGRAPH)), 0);
	const char *want[] = { "Preamble paragraph.",
		"Because 38% quit on screen three, we cut it.",
		"Activation rose to 57%.", "Support tickets fell by 12%.",
		"We ship on March 3." };
	size_t k = 0;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		const memo_node *p = memo_iter_node(it);
		ck_assert_uint_lt(k, 5);
		ck_assert_str_eq(memo_node_text(p, NULL), want[k]);
		k++;
		/* every verbatim span equals the document text */
		size_t dlen;
		const char *text = memo_document_text(doc, &dlen);
		const char *pt = memo_node_text(p, NULL);
		for (size_t i = 0; i < memo_node_span_count(p); i++) {
			memo_span sp;
			ck_assert_int_eq(memo_node_span_at(p, i, &sp), 0);
			if (sp.verbatim)
				ck_assert(memcmp(text + sp.doc_offset,
					pt + sp.text_offset, sp.length) == 0);
		}
		if (memo_node_type(memo_node_parent(p)) == MEMO_NODE_ITEM)
			ck_assert_int_eq(memo_node_type(memo_node_parent(
				memo_node_parent(p))), MEMO_NODE_LIST);
	}
	ck_assert_uint_eq(k, 5);
	memo_iter_free(it);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_json_outline_is_valid)
{
	memo_document *doc = s_parse(MEMO_MD);
	char *s = NULL;
	size_t len = 0;
	ck_assert_int_eq(memo_document_to_json(doc, 0, &s, &len), 0);
	json_error_t jerr;
	json_t *o = json_loadb(s, len, 0, &jerr);
	ck_assert_msg(o != NULL, "bad JSON: %s", jerr.text);
	ck_assert_str_eq(json_string_value(json_object_get(o, "schema")),
		"libmemo.outline/1");
	ck_assert_str_eq(json_string_value(json_object_get(o, "format")),
		"markdown");
	json_t *secs = json_object_get(o, "sections");
	ck_assert_uint_eq(json_array_size(secs), 2);
	json_t *s1 = json_array_get(secs, 0);
	ck_assert_str_eq(json_string_value(json_object_get(s1, "title")),
		"Summary");
	ck_assert_int_eq(json_integer_value(json_object_get(
		json_object_get(json_object_get(s1, "range"), "start"), "line")),
		8);
	json_decref(o);
	memo_free(s);
	ck_assert_int_eq(memo_document_to_json(doc, 1, &s, &len),
		MEMO_EINVALID);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_errors_are_reported_not_crashed)
{
	memo_document *doc = (memo_document *)&doc;
	ck_assert_int_eq(memo_document_parse(&doc, NULL, 5, "x.md", NULL),
		MEMO_EINVALID);
	ck_assert_ptr_null(doc);
	ck_assert_int_eq(memo_document_parse_file(&doc, "/no/such.docx",
		NULL), MEMO_EIO);
	const memo_error *e = memo_error_last();
	ck_assert_int_eq(memo_error_code(e), MEMO_EIO);
	ck_assert_str_eq(memo_error_file(e), "/no/such.docx");
	/* not a zip, but named .docx */
	ck_assert_int_eq(memo_document_parse(&doc, "hello", 5, "x.docx",
		NULL), MEMO_EFORMAT);
	ck_assert_ptr_nonnull(strstr(memo_error_message(memo_error_last()),
		"x.docx"));
	/* limits are options */
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.max_input_bytes = 10;
	ck_assert_int_eq(memo_document_parse(&doc, MEMO_MD, strlen(MEMO_MD),
		"x.md", &o), MEMO_ELIMIT);
	/* destructors are NULL-safe */
	memo_document_free(NULL);
	memo_iter_free(NULL);
	memo_free(NULL);
}
END_TEST

START_TEST(test_plain_text_paragraphs)
{
	static const char txt[] = "First para\nstill first.\n\n  \nSecond.\n";
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, txt, sizeof txt - 1,
		"notes.txt", NULL), 0);
	ck_assert_int_eq(memo_document_format(doc), MEMO_FORMAT_TEXT);
	const memo_node *p1 = memo_node_first_child(memo_document_root(doc));
	ck_assert_int_eq(memo_node_type(p1), MEMO_NODE_PARAGRAPH);
	const memo_node *p2 = memo_node_next(p1);
	ck_assert_int_eq(memo_node_type(p2), MEMO_NODE_PARAGRAPH);
	ck_assert_str_eq(memo_node_text(p2, NULL), "Second.");
	ck_assert_ptr_null(memo_node_next(p2));
	memo_document_free(doc);
}
END_TEST

/* One document, many readers: parse per thread, share read access. */
static void *s_reader(void *arg)
{
	const memo_document *doc = arg;
	size_t words = 0;
	for (int i = 0; i < 200; i++)
		words += memo_node_word_count(memo_document_root(doc), 0);
	memo_document *mine = NULL;
	if (memo_document_parse(&mine, MEMO_MD, strlen(MEMO_MD), "t.md",
		NULL) != MEMO_OK)
		return NULL;
	memo_document_free(mine);
	return (void *)(uintptr_t)words;
}

START_TEST(test_documents_are_shareable_across_threads)
{
	memo_document *doc = s_parse(MEMO_MD);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, s_reader, doc);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		ck_assert_uint_eq((uintptr_t)r,
			200 * memo_node_word_count(memo_document_root(doc), 0));
	}
	memo_document_free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");
	tcase_add_test(tc, test_version_matches_headers);
	tcase_add_test(tc, test_front_matter_and_sections);
	tcase_add_test(tc, test_list_and_inline_markup_text);
	tcase_add_test(tc, test_json_outline_is_valid);
	tcase_add_test(tc, test_errors_are_reported_not_crashed);
	tcase_add_test(tc, test_plain_text_paragraphs);
	tcase_add_test(tc, test_documents_are_shareable_across_threads);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
