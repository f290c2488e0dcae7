/*
 * check_core.c - unit tests of the core: UTF-8, buffers, arena, builder,
 * sections, positions, iterator, errors.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"

/* Build "# A\n\npara one\n\n## B\n\nx\n" by hand through the builder. */
static memo_document *s_build_sample(void)
{
	static const char text[] = "# A\n\npara \xc3\xa9t\xc3\xa9\n\n## B\n\nx\n";
	memo__builder b;
	memo_document *doc = NULL;
	ck_assert_int_eq(memo__builder_init(&b, "t.md", MEMO_FORMAT_MARKDOWN,
		0), 0);
	ck_assert_int_eq(memo__builder_set_text(&b, text, sizeof text - 1), 0);
	ck_assert_int_eq(memo__builder_open(&b, MEMO_NODE_HEADING, 0), 0);
	memo__builder_top(&b)->level = 1;
	ck_assert_int_eq(memo__builder_add_run(&b, "A", 1, 2, 1, true), 0);
	ck_assert_int_eq(memo__builder_close(&b, 3), 0);
	ck_assert_int_eq(memo__builder_open(&b, MEMO_NODE_PARAGRAPH, 5), 0);
	ck_assert_int_eq(memo__builder_add_run(&b, "para \xc3\xa9t\xc3\xa9",
		10, 5, 10, true), 0);
	ck_assert_int_eq(memo__builder_close(&b, 15), 0);
	ck_assert_int_eq(memo__builder_open(&b, MEMO_NODE_HEADING, 17), 0);
	memo__builder_top(&b)->level = 2;
	ck_assert_int_eq(memo__builder_add_run(&b, "B", 1, 20, 1, true), 0);
	ck_assert_int_eq(memo__builder_close(&b, 21), 0);
	/* a run with no open text node opens an implicit paragraph */
	ck_assert_int_eq(memo__builder_add_run(&b, "x", 1, 23, 1, true), 0);
	ck_assert_int_eq(memo__builder_warn(&b, "parse.test",
		MEMO_SEVERITY_WARNING, 23, 24, "a %s", "warning"), 0);
	ck_assert_int_eq(memo__builder_finish(&b, &doc), 0);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

START_TEST(test_utf8_decode_rejects_overlong_and_surrogates)
{
	uint32_t cp;
	ck_assert_uint_eq(memo__utf8_decode((const unsigned char *)"\xc3\xa9",
		2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(memo__utf8_decode((const unsigned char *)"\xc0\xaf",
		2, &cp), 0);
	ck_assert_uint_eq(memo__utf8_decode(
		(const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
	ck_assert_uint_eq(memo__utf8_decode(
		(const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	ck_assert_uint_eq(memo__utf8_decode(
		(const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
}
END_TEST

START_TEST(test_utf8_sanitize_replaces_each_bad_sequence)
{
	memo__buf b;
	memo__buf_init(&b);
	long n = memo__utf8_sanitize(&b, "a\xff" "b\xc3" "c\xe2\x82", 7);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(b.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
	memo__buf_free(&b);
	ck_assert(memo__utf8_valid("plain \xe2\x80\x94 text", 12));
	ck_assert(!memo__utf8_valid("bad \xff", 5));
}
END_TEST

START_TEST(test_buf_printf_and_detach)
{
	memo__buf b;
	memo__buf_init(&b);
	ck_assert_int_eq(memo__buf_printf(&b, "%d-%s", 42, "x"), 0);
	ck_assert_int_eq(memo__buf_append(&b, "yz", 2), 0);
	size_t n;
	char *s = memo__buf_detach(&b, &n);
	ck_assert_str_eq(s, "42-xyz");
	ck_assert_uint_eq(n, 6);
	memo__free(s);
	ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(test_arena_big_and_small_allocations)
{
	memo__arena a;
	memo__arena_init(&a);
	for (int i = 0; i < 10000; i++) {
		char *p = memo__arena_alloc(&a, (size_t)(i % 100) + 1);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % 16, 0);
		ck_assert_int_eq(p[0], 0);
	}
	char *big = memo__arena_alloc(&a, 1u << 20);
	ck_assert_ptr_nonnull(big);
	big[(1u << 20) - 1] = 1;
	memo__arena_free(&a);
}
END_TEST

START_TEST(test_builder_groups_sections_and_preamble)
{
	memo_document *doc = s_build_sample();
	const memo_node *root = memo_document_root(doc);
	ck_assert_int_eq(memo_node_type(root), MEMO_NODE_DOCUMENT);
	const memo_node *s1 = memo_node_first_child(root);
	ck_assert_int_eq(memo_node_type(s1), MEMO_NODE_SECTION);
	ck_assert_int_eq(memo_node_level(s1), 1);
	ck_assert_str_eq(memo_node_title(s1, NULL), "A");
	/* heading, paragraph, subsection */
	ck_assert_uint_eq(memo_node_child_count(s1), 3);
	const memo_node *s2 = memo_node_last_child(s1);
	ck_assert_int_eq(memo_node_type(s2), MEMO_NODE_SECTION);
	ck_assert_str_eq(memo_node_title(s2, NULL), "B");
	const memo_node *x = memo_node_last_child(s2);
	ck_assert_int_eq(memo_node_type(x), MEMO_NODE_PARAGRAPH);
	ck_assert_str_eq(memo_node_text(x, NULL), "x");
	/* a lone level-1 heading is the title */
	ck_assert_str_eq(memo_document_title(doc), "A");
	ck_assert_uint_eq(memo_node_word_count(root, 0), 3);
	ck_assert_uint_eq(memo_node_word_count(s1, MEMO_WORDS_OWN), 2);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_ranges_lines_columns_and_units)
{
	memo_document *doc = s_build_sample();
	const memo_node *s1 = memo_node_first_child(memo_document_root(doc));
	const memo_node *para = memo_node_next(memo_node_first_child(s1));
	memo_range r;
	memo_node_range(para, &r);
	ck_assert_uint_eq(r.start.offset, 5);
	ck_assert_uint_eq(r.start.line, 3);
	ck_assert_uint_eq(r.start.column, 1);
	ck_assert_uint_eq(r.end.offset, 15);
	ck_assert_uint_eq(r.end.line, 3);
	/* "para été" is 8 code points: the end column is 9 */
	ck_assert_uint_eq(r.end.column, 9);
	/* section B runs to the end of the text */
	memo_node_range(memo_node_last_child(s1), &r);
	ck_assert_uint_eq(r.start.offset, 17);
	ck_assert_uint_eq(r.end.offset, 25);
	uint64_t u;
	ck_assert_int_eq(memo_document_convert_offset(doc, 15,
		MEMO_UNIT_CODEPOINT, &u), 0);
	ck_assert_uint_eq(u, 13);
	ck_assert_int_eq(memo_document_convert_offset(doc, 15,
		MEMO_UNIT_UTF16, &u), 0);
	ck_assert_uint_eq(u, 13);
	ck_assert_int_eq(memo_document_convert_offset(doc, 999,
		MEMO_UNIT_BYTE, &u), MEMO_EINVALID);
	uint64_t d;
	ck_assert_int_eq(memo_node_text_to_doc(para, 5, &d), 0);
	ck_assert_uint_eq(d, 10);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_warnings_have_ranges)
{
	memo_document *doc = s_build_sample();
	ck_assert_uint_eq(memo_document_warning_count(doc), 1);
	const memo_finding *f = memo_document_warning_at(doc, 0);
	ck_assert_str_eq(memo_finding_rule_id(f), "parse.test");
	ck_assert_str_eq(memo_finding_message(f), "a warning");
	memo_range r;
	memo_finding_range(f, &r);
	ck_assert_uint_eq(r.start.line, 7);
	ck_assert_ptr_null(memo_document_warning_at(doc, 1));
	memo_document_free(doc);
}
END_TEST

START_TEST(test_iter_enter_exit_and_mask)
{
	memo_document *doc = s_build_sample();
	memo_iter *it;
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc), 0), 0);
	int enter = 0, exits = 0;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev == MEMO_EVENT_ENTER)
			enter++;
		else
			exits++;
	}
	/* document, 2 sections, 2 headings, 2 paragraphs */
	ck_assert_int_eq(enter, 7);
	ck_assert_int_eq(exits, 3);
	memo_iter_free(it);
	ck_assert_int_eq(memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(MEMO_NODE_SECTION)), 0);
	enter = 0;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE)
		if (ev == MEMO_EVENT_ENTER) {
			ck_assert_int_eq(memo_node_type(memo_iter_node(it)),
				MEMO_NODE_SECTION);
			enter++;
		}
	ck_assert_int_eq(enter, 2);
	memo_iter_free(it);
	memo_iter_free(NULL);
	memo_document_free(doc);
}
END_TEST

START_TEST(test_builder_depth_limit)
{
	memo__builder b;
	ck_assert_int_eq(memo__builder_init(&b, "deep.md",
		MEMO_FORMAT_MARKDOWN, 10), 0);
	int rc = 0;
	for (int i = 0; i < 20 && rc == 0; i++)
		rc = memo__builder_open(&b, MEMO_NODE_QUOTE, 0);
	ck_assert_int_eq(rc, MEMO_ELIMIT);
	ck_assert_ptr_nonnull(strstr(memo_error_message(memo_error_last()),
		"deep.md"));
	memo__builder_abort(&b);
}
END_TEST

START_TEST(test_error_message_names_file_part_line)
{
	memo__error_set(MEMO_EFORMAT, "m.docx", "word/document.xml", 12, 4,
		"bad %s", "tag");
	const memo_error *e = memo_error_last();
	ck_assert_int_eq(memo_error_code(e), MEMO_EFORMAT);
	ck_assert_str_eq(memo_error_message(e),
		"m.docx: word/document.xml:12:4: bad tag");
	ck_assert_str_eq(memo_error_part(e), "word/document.xml");
	ck_assert_uint_eq(memo_error_line(e), 12);
	ck_assert_str_eq(memo_status_str(MEMO_ELIMIT), "MEMO_ELIMIT");
	ck_assert_str_eq(memo_status_str(12345), "MEMO_UNKNOWN");
	memo_error_clear();
	ck_assert_int_eq(memo_error_code(memo_error_last()), MEMO_OK);
}
END_TEST

START_TEST(test_alloc_failure_injection_in_builder)
{
	/* Every allocation of the sample build fails in turn, cleanly. */
	uint64_t before = memo__alloc_count();
	memo_document_free(s_build_sample());
	uint64_t sites = memo__alloc_count() - before;
	ck_assert_uint_gt(sites, 3);
	for (uint64_t k = 1; k <= sites; k++) {
		static const char text[] = "# A\n\nbody\n";
		memo__builder b;
		memo_document *doc = NULL;
		memo__alloc_fail_at(k);
		int rc = memo__builder_init(&b, "t.md", MEMO_FORMAT_MARKDOWN, 0);
		if (rc == 0)
			rc = memo__builder_set_text(&b, text, sizeof text - 1);
		if (rc == 0)
			rc = memo__builder_open(&b, MEMO_NODE_HEADING, 0);
		if (rc == 0)
			rc = memo__builder_add_run(&b, "A", 1, 2, 1, true);
		if (rc == 0)
			rc = memo__builder_close(&b, 3);
		if (rc == 0)
			rc = memo__builder_add_run(&b, "body", 4, 5, 4, true);
		if (rc == 0)
			rc = memo__builder_finish(&b, &doc);
		else
			memo__builder_abort(&b);
		memo__alloc_fail_at(0);
		ck_assert(rc == 0 || rc == MEMO_ENOMEM);
		memo_document_free(doc);
	}
}
END_TEST

START_TEST(test_parse_options_validation)
{
	memo_parse_options o;
	ck_assert_int_eq(memo_parse_options_init(&o, 99), MEMO_EINVALID);
	ck_assert_int_eq(memo_parse_options_init(&o,
		MEMO_PARSE_OPTIONS_VERSION), 0);
	o.flags = 0x80000000u;
	memo_document *doc = (memo_document *)1;
	ck_assert_int_eq(memo_document_parse(&doc, "x", 1, "a.md", &o),
		MEMO_EINVALID);
	ck_assert_ptr_null(doc);
	ck_assert_int_eq(memo_document_parse_file(&doc,
		"/nonexistent/memo.md", NULL), MEMO_EIO);
	ck_assert_ptr_nonnull(strstr(memo_error_message(memo_error_last()),
		"/nonexistent/memo.md"));
	ck_assert_int_eq(memo_document_parse_file(&doc, "/", NULL), MEMO_EIO);
}
END_TEST

/* Code points and UTF-16 units before every byte offset of a text with
 * 2-, 3- and 4-byte characters, LF, CRLF and CR line ends and a last line
 * with no end, against a count from the start of the text (the per-line
 * index memo_document_convert_offset() keeps must give the same). */
START_TEST(test_convert_offset_every_byte)
{
	static const char src[] = "# \xC3\xA9t\xC3\xA9\n\nna\xC3\xAFve "
		"\xE2\x82\xAC" "5 \xF0\x9F\x98\x80!\r\nsecond\rthird \xF0\x9F"
		"\x98\x80\xF0\x9F\x98\x80\n\nlast \xE2\x80\x94 end";
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, src, sizeof src - 1,
		"a.md", NULL), 0);
	size_t len;
	const char *t = memo_document_text(doc, &len);
	for (int pass = 0; pass < 2; pass++) { /* index made, then read */
		uint64_t cp = 0, u16 = 0;
		for (size_t i = 0; i <= len; i++) {
			uint64_t a, b;
			ck_assert_int_eq(memo_document_convert_offset(doc, i,
				MEMO_UNIT_CODEPOINT, &a), 0);
			ck_assert_int_eq(memo_document_convert_offset(doc, i,
				MEMO_UNIT_UTF16, &b), 0);
			ck_assert_uint_eq(a, cp);
			ck_assert_uint_eq(b, u16);
			if (i < len && ((unsigned char)t[i] & 0xC0) != 0x80) {
				cp++;
				u16 += (unsigned char)t[i] >= 0xF0 ? 2 : 1;
			}
		}
	}
	memo_document_free(doc);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_utf8_decode_rejects_overlong_and_surrogates);
	tcase_add_test(tc, test_convert_offset_every_byte);
	tcase_add_test(tc, test_utf8_sanitize_replaces_each_bad_sequence);
	tcase_add_test(tc, test_buf_printf_and_detach);
	tcase_add_test(tc, test_arena_big_and_small_allocations);
	tcase_add_test(tc, test_builder_groups_sections_and_preamble);
	tcase_add_test(tc, test_ranges_lines_columns_and_units);
	tcase_add_test(tc, test_warnings_have_ranges);
	tcase_add_test(tc, test_iter_enter_exit_and_mask);
	tcase_add_test(tc, test_builder_depth_limit);
	tcase_add_test(tc, test_error_message_names_file_part_line);
	tcase_add_test(tc, test_alloc_failure_injection_in_builder);
	tcase_add_test(tc, test_parse_options_validation);
	suite_add_tcase(s, tc);
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
