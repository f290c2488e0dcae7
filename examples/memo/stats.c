/*
 * stats.c - `memo stats`: document and per-section metrics.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

static void s_usage(FILE *f)
{
	fprintf(f,
"usage: memo stats [options] FILE...\n"
"\n"
"Measure each file: sizes, sentence lengths, readability, hedging,\n"
"vagueness, padding, evidence, causality, judgment and structure, for the\n"
"whole document, its body and appendix, and each section.\n"
"\n"
"options:\n"
"  --json          print JSON (schema libmemo.report/1)\n"
"  --sentences     list every sentence with its range, words and\n"
"                  annotations (in the JSON too)\n"
"  --paragraphs    with --json: metrics of every paragraph\n"
"  --metrics       list the metrics with their definitions and exit\n"
"  --set KEY=VALUE change a setting, as memo lint --set\n"
"                  (sentence.max_words, page.words, spelling.suggest...)\n"
"  --format FMT    markdown, docx, text or auto (default)\n");
}

static void s_list_metrics(void)
{
	for (size_t i = 0; i < memo_metric_count(); i++)
		printf("%-30s %-12s %s\n", memo_metric_id(i),
			memo_metric_group(i), memo_metric_description(i));
}

/* The metrics shown per section in the text table. */
static const char *const s_section_cols[] = { "words", "sentences",
	"sentence_words_mean", "hedge_density", "weasel_density",
	"metric_density", "causal_density", "decision_density",
	"passive_share" };
static const char *const s_section_heads[] = { "words", "sent",
	"len", "hedge", "weasel", "metric", "causal", "decide", "passive" };
#define NCOLS (sizeof s_section_cols / sizeof *s_section_cols)

static void s_print_text(const memo_report *rep, int sentences)
{
	const memo_document *doc = memo_report_document(rep);
	const char *name = memo_document_name(doc);
	printf("%s\n", name ? name : "-");
	const char *group = "";
	for (size_t i = 0; i < memo_metric_count(); i++) {
		double all = 0, body = 0, app = 0;
		const char *id = memo_metric_id(i);
		memo_report_metric(rep, NULL, id, &all);
		memo_report_part_metric(rep, MEMO_PART_BODY, id, &body);
		memo_report_part_metric(rep, MEMO_PART_APPENDIX, id, &app);
		if (strcmp(group, memo_metric_group(i)) != 0) {
			group = memo_metric_group(i);
			printf("  %s\n", group);
		}
		printf("    %-32s %10.2f   body %10.2f   appendix %8.2f\n",
			memo_metric_name(i), all, body, app);
	}

	printf("\n  %-34s", "section");
	for (size_t k = 0; k < NCOLS; k++)
		printf(" %7s", s_section_heads[k]);
	printf("\n");
	memo_iter *it = NULL;
	if (memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(MEMO_NODE_SECTION)) == MEMO_OK) {
		memo_event_t ev;
		while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
			if (ev != MEMO_EVENT_ENTER)
				continue;
			const memo_node *sec = memo_iter_node(it);
			size_t tlen;
			const char *t = memo_node_title(sec, &tlen);
			int indent = 2 * (memo_node_level(sec) - 1);
			int width = 34 - indent;
			if (width < 8)
				width = 8;
			if ((int)tlen > width)
				tlen = (size_t)width;
			printf("  %*s%-*.*s", indent, "", width, (int)tlen,
				t ? t : "");
			for (size_t k = 0; k < NCOLS; k++) {
				double v = 0;
				memo_report_metric(rep, sec, s_section_cols[k],
					&v);
				printf(" %7.2f", v);
			}
			printf("\n");
		}
		memo_iter_free(it);
	}

	for (size_t i = 0; sentences && i < memo_report_sentence_count(rep);
	     i++) {
		memo_range r;
		size_t tlen, first, count;
		const char *text = memo_document_text(doc, &tlen);
		memo_report_sentence_range(rep, i, &r);
		printf("\n%u:%u-%u:%u (%zu words) %.*s\n",
			(unsigned)r.start.line, (unsigned)r.start.column,
			(unsigned)r.end.line, (unsigned)r.end.column,
			memo_report_sentence_words(rep, i),
			(int)(r.end.offset - r.start.offset),
			text + r.start.offset);
		memo_report_sentence_annotations(rep, i, &first, &count);
		for (size_t k = 0; k < count; k++) {
			const memo_annotation *a =
				memo_report_annotation_at(rep, first + k);
			memo_range ar;
			memo_annotation_range(a, &ar);
			printf("    %-15s %-24s \"%.*s\"", memo_annotation_kind(a),
				memo_annotation_entry(a),
				(int)(ar.end.offset - ar.start.offset),
				text + ar.start.offset);
			if (memo_annotation_replacement(a))
				printf(" -> \"%s\"",
					memo_annotation_replacement(a));
			printf("\n");
		}
	}
}

int cmd_stats(int argc, char **argv)
{
	memo_parse_options opts = MEMO_PARSE_OPTIONS_INIT;
	int json = 0, sentences = 0, paragraphs = 0, nfiles = 0, failed = 0;
	int status = EXIT_CLEAN;
	memo_config *cfg = NULL;
	memo_analyzer *an = NULL;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files || memo_config_new(&cfg) != MEMO_OK) {
		free(files);
		return EXIT_UNREADABLE;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			s_usage(stdout);
			goto done;
		} else if (strcmp(a, "--json") == 0) {
			json = 1;
		} else if (strcmp(a, "--sentences") == 0) {
			sentences = 1;
		} else if (strcmp(a, "--paragraphs") == 0) {
			paragraphs = 1;
		} else if (strcmp(a, "--metrics") == 0) {
			s_list_metrics();
			goto done;
		} else if (strcmp(a, "--set") == 0 && i + 1 < argc) {
			char key[128];
			const char *v = argv[++i];
			const char *eq = strchr(v, '=');
			if (!eq || eq == v || (size_t)(eq - v) >= sizeof key) {
				fprintf(stderr, "memo stats: --set KEY=VALUE\n");
				status = EXIT_USAGE;
				goto done;
			}
			memcpy(key, v, (size_t)(eq - v));
			key[eq - v] = '\0';
			if (tool_config_set(cfg, "memo stats", key, eq + 1)) {
				status = EXIT_USAGE;
				goto done;
			}
		} else if ((r = tool_parse_option(argc, argv, &i, &opts)) != 0) {
			if (r < 0) {
				fprintf(stderr, "memo stats: bad value for %s\n",
					a);
				status = EXIT_USAGE;
				goto done;
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "memo stats: unknown option %s\n\n", a);
			s_usage(stderr);
			status = EXIT_USAGE;
			goto done;
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == 0) {
		s_usage(stderr);
		status = EXIT_USAGE;
		goto done;
	}
	if (memo_analyzer_new(&an, cfg) != MEMO_OK) {
		tool_print_error("analyzer");
		status = EXIT_USAGE;
		goto done;
	}

	/* JSON: one file's report at a time (streamed for several) */
	tool_json_list all = { .single = 0 };
	if (json)
		tool_json_list_begin(&all, (size_t)nfiles, JSON_INDENT(2) |
			JSON_PRESERVE_ORDER);
	for (int k = 0; k < nfiles; k++) {
		memo_document *doc = NULL;
		memo_report *rep = NULL;
		if (memo_document_parse_file(&doc, files[k], &opts) != MEMO_OK ||
		    memo_analyze(&rep, an, doc) != MEMO_OK) {
			const memo_error *e = memo_error_last();
			tool_print_error(files[k]);
			if (json)
				tool_json_list_add(&all, json_pack(
					"{s:s,s:{s:s,s:s}}", "file", files[k],
					"error", "status", memo_status_str(
					memo_error_code(e)), "message",
					memo_error_message(e)));
			memo_document_free(doc);
			failed = 1;
			continue;
		}
		if (json) {
			char *s = NULL;
			uint32_t fl = (sentences ? MEMO_JSON_SENTENCES : 0) |
				(paragraphs ? MEMO_JSON_PARAGRAPHS : 0);
			if (memo_report_to_json(rep, fl, &s, NULL) == MEMO_OK) {
				json_t *o = json_loads(s, 0, NULL);
				if (o)
					tool_json_list_add(&all, o);
			}
			memo_free(s);
		} else {
			if (k > 0)
				printf("\n");
			s_print_text(rep, sentences);
		}
		memo_report_free(rep);
		memo_document_free(doc);
	}
	if (json)
		tool_json_list_end(&all);
	if (failed)
		status = EXIT_UNREADABLE;
done:
	memo_analyzer_free(an);
	memo_config_free(cfg);
	free(files);
	return status;
}
