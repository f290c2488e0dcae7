/*
 * outline.c - `memo outline`: the section tree of each file.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

static void s_usage(FILE *f)
{
	fprintf(f,
"usage: memo outline [options] FILE...\n"
"\n"
"Print each file's section tree: level, title, words and line range.\n"
"\n"
"options:\n"
"  --json                   print JSON (schema libmemo.outline/1)\n"
"  --format FMT             markdown, docx, text or auto (default)\n"
"  --keep-deletions         docx: keep text of tracked deletions\n"
"  --drop-insertions        docx: drop text of tracked insertions\n"
"  --promote-fake-headings  docx: make bold one-line paragraphs headings\n"
"  --no-notes               docx: drop footnotes, endnotes, comments\n"
"  --strict-utf8            fail on invalid UTF-8 instead of replacing\n"
"  --no-warnings            do not print parse warnings\n");
}

static void s_print_text(const memo_document *doc, int warnings)
{
	const char *name = memo_document_name(doc);
	const char *title = memo_document_title(doc);
	const memo_node *root = memo_document_root(doc);
	memo_range r;
	memo_node_range(root, &r);
	printf("%s: %s, %zu words, %u lines", name ? name : "-",
		memo_format_name(memo_document_format(doc)),
		memo_node_word_count(root, 0), (unsigned)r.end.line);
	if (title)
		printf(", title \"%s\"", title);
	if (memo_document_declared_kind(doc))
		printf(", kind %s", memo_document_declared_kind(doc));
	printf("\n");

	memo_iter *it = NULL;
	if (memo_iter_new(&it, root, MEMO_ITER_ONLY(MEMO_NODE_SECTION)))
		return;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *sec = memo_iter_node(it);
		int level = memo_node_level(sec);
		size_t tlen;
		const char *t = memo_node_title(sec, &tlen);
		char lines[48];
		memo_node_range(sec, &r);
		uint32_t last = r.end.line;
		/* A range that ends at a line start ends on the line before. */
		if (r.end.column == 1 && last > r.start.line)
			last--;
		snprintf(lines, sizeof lines, "L%u-%u", (unsigned)r.start.line,
			(unsigned)last);
		printf("%*s%-*s %.*s %.*s  (%zu words)\n", 2 * (level - 1), "",
			12, lines, level, "#########", (int)tlen, t ? t : "",
			memo_node_word_count(sec, MEMO_WORDS_OWN));
	}
	memo_iter_free(it);

	for (size_t i = 0; warnings && i < memo_document_warning_count(doc);
	     i++) {
		const memo_finding *f = memo_document_warning_at(doc, i);
		memo_finding_range(f, &r);
		fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", name ? name : "-",
			(unsigned)r.start.line, (unsigned)r.start.column,
			memo_severity_name(memo_finding_severity(f)),
			memo_finding_message(f), memo_finding_rule_id(f));
	}
}

int cmd_outline(int argc, char **argv)
{
	memo_parse_options opts = MEMO_PARSE_OPTIONS_INIT;
	int json = 0, warnings = 1, nfiles = 0, failed = 0;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files)
		return EXIT_UNREADABLE;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			s_usage(stdout);
			free(files);
			return EXIT_CLEAN;
		} else if (strcmp(a, "--json") == 0) {
			json = 1;
		} else if (strcmp(a, "--no-warnings") == 0) {
			warnings = 0;
		} else if ((r = tool_parse_option(argc, argv, &i, &opts)) != 0) {
			if (r < 0) {
				fprintf(stderr, "memo outline: bad value for "
					"%s\n", a);
				free(files);
				return EXIT_USAGE;
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "memo outline: unknown option %s\n\n",
				a);
			s_usage(stderr);
			free(files);
			return EXIT_USAGE;
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == 0) {
		s_usage(stderr);
		free(files);
		return EXIT_USAGE;
	}

	/* JSON: one file's tree at a time (streamed for several) */
	tool_json_list all = { .single = 0 };
	if (json)
		tool_json_list_begin(&all, (size_t)nfiles, JSON_INDENT(2) |
			JSON_PRESERVE_ORDER);
	for (int k = 0; k < nfiles; k++) {
		memo_document *doc = NULL;
		if (memo_document_parse_file(&doc, files[k], &opts) != MEMO_OK) {
			const memo_error *e = memo_error_last();
			tool_print_error(files[k]);
			if (json)
				tool_json_list_add(&all, json_pack(
					"{s:s,s:{s:s,s:s}}", "file", files[k],
					"error", "status", memo_status_str(
					memo_error_code(e)), "message",
					memo_error_message(e)));
			failed = 1;
			continue;
		}
		if (json) {
			char *s = NULL;
			if (memo_document_to_json(doc, 0, &s, NULL) == MEMO_OK) {
				json_t *o = json_loads(s, 0, NULL);
				if (o)
					tool_json_list_add(&all, o);
			} else {
				tool_print_error(files[k]);
				failed = 1;
			}
			memo_free(s);
		} else {
			if (k > 0)
				printf("\n");
			s_print_text(doc, warnings);
		}
		memo_document_free(doc);
	}
	if (json)
		tool_json_list_end(&all);
	free(files);
	return failed ? EXIT_UNREADABLE : EXIT_CLEAN;
}
