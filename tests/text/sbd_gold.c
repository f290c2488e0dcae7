/*
 * sbd_gold.c - sentence splitter against the gold sets in the shared
 * corpus (read in place from $MEMO_CORPUS/gold; exit 77 without it).
 *
 *   sbd_gold [golden|extended|npm|all] [-v]
 *
 * Figures printed: Golden Rules N/48 (target >= 47), pySBD English
 * extended % (target >= 80%), npm sbd checks (reported, no target).
 * Fails (exit 1) below a target. -v prints every failing case in full.
 *
 * Comparison:
 *  - our sentences are byte ranges of the original text; expected and
 *    produced sentences are compared after collapsing every run of
 *    white space (incl. line breaks, NBSP) to one space and trimming;
 *  - line-break handling follows each case's options: pySBD
 *    clean=false -> MEMO__SBD_NL_HARD (pySBD turns every newline into a
 *    boundary); clean=true / doc_type=pdf -> MEMO__SBD_NL_LINES (pySBD's
 *    cleaner joins lines that continue a sentence); npm sbd
 *    newline_boundaries -> NL_HARD, otherwise NL_SOFT;
 *  - pySBD cases whose expected text was rewritten by its cleaner
 *    (HTML removed, dots squeezed, letters joined) are kept and count as
 *    failures; nothing is skipped.
 *  - npm checks: "count" = number of sentences; "sentence" = the i-th
 *    sentence, whitespace-normalised; "join" = the sentences cover the
 *    text with only white space between them. Options we do not
 *    implement (custom abbreviations, HTML) are ignored, so those
 *    checks may fail.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "memo_internal.h"
#include "text/text.h"

static int g_verbose;

static char *s_norm(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	size_t k = 0;
	int sp = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t w = memo__text_decode(s + i, n - i, &cp);
		if (memo__text_class(cp) & MEMO__CC_SPACE) {
			sp = 1;
			i += w;
			continue;
		}
		if (sp && k > 0)
			o[k++] = ' ';
		sp = 0;
		memcpy(o + k, s + i, w);
		k += w;
		i += w;
	}
	o[k] = '\0';
	return o;
}

static void s_print_ours(const char *text, const memo__sentvec *sv)
{
	for (size_t i = 0; i < sv->n; i++) {
		char *t = s_norm(text + sv->v[i].start,
			sv->v[i].end - sv->v[i].start);
		fprintf(stdout, "      got[%zu]: %s\n", i, t);
		free(t);
	}
}

/* pySBD-format files: {"text", "sentences", "options"}. */
static int s_run_pysbd(const char *path, const char *label, size_t *pass,
	size_t *total)
{
	json_error_t jerr;
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	*pass = *total = 0;
	while ((got = getline(&line, &cap, f)) > 0) {
		json_t *o = json_loads(line, 0, &jerr);
		if (!o)
			continue;
		const char *id = json_string_value(json_object_get(o, "id"));
		json_t *jt = json_object_get(o, "text");
		json_t *js = json_object_get(o, "sentences");
		json_t *opt = json_object_get(o, "options");
		const char *text = json_string_value(jt);
		size_t tlen = json_string_length(jt);
		if (!text || !json_is_array(js)) {
			json_decref(o);
			continue;
		}
		unsigned flags = MEMO__SBD_NL_HARD;
		if (json_is_true(json_object_get(opt, "clean")) ||
				json_object_get(opt, "doc_type"))
			flags = MEMO__SBD_NL_LINES;
		memo__sentvec_clear(&sv);
		if (memo__sentences_split(&sv, text, tlen, flags) != 0) {
			fprintf(stderr, "%s: split failed\n", id);
			json_decref(o);
			continue;
		}
		size_t nexp = json_array_size(js);
		int ok = nexp == sv.n;
		for (size_t i = 0; ok && i < nexp; i++) {
			json_t *e = json_array_get(js, i);
			char *a = s_norm(json_string_value(e),
				json_string_length(e));
			char *b = s_norm(text + sv.v[i].start,
				sv.v[i].end - sv.v[i].start);
			ok = strcmp(a, b) == 0;
			free(a);
			free(b);
		}
		(*total)++;
		if (ok) {
			(*pass)++;
		} else {
			char *nt = s_norm(text, tlen);
			printf("  FAIL %s %s (expected %zu, got %zu): %.*s%s\n",
				label, id, nexp, sv.n,
				(int)(strlen(nt) > 160 ? 160 : strlen(nt)), nt,
				strlen(nt) > 160 ? "..." : "");
			free(nt);
			if (g_verbose) {
				for (size_t i = 0; i < nexp; i++) {
					json_t *e = json_array_get(js, i);
					char *a = s_norm(json_string_value(e),
						json_string_length(e));
					printf("      exp[%zu]: %s\n", i, a);
					free(a);
				}
				s_print_ours(text, &sv);
			}
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	memo__sentvec_free(&sv);
	return 0;
}

/* npm sbd tests: {"text", "options", "checks": [...]}. */
static int s_run_npm(const char *path, size_t *pass, size_t *total)
{
	json_error_t jerr;
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	*pass = *total = 0;
	while (getline(&line, &cap, f) > 0) {
		json_t *o = json_loads(line, 0, &jerr);
		if (!o)
			continue;
		const char *desc = json_string_value(json_object_get(o,
			"describe"));
		json_t *jt = json_object_get(o, "text");
		json_t *opt = json_object_get(o, "options");
		json_t *checks = json_object_get(o, "checks");
		const char *text = json_is_string(jt) ? json_string_value(jt) :
			"";
		size_t tlen = json_is_string(jt) ? json_string_length(jt) : 0;
		unsigned flags = json_is_true(json_object_get(opt,
			"newline_boundaries")) ? MEMO__SBD_NL_HARD :
			MEMO__SBD_NL_SOFT;
		memo__sentvec_clear(&sv);
		memo__sentences_split(&sv, text, tlen, flags);
		size_t ci;
		json_t *ch;
		json_array_foreach(checks, ci, ch) {
			const char *kind = json_string_value(json_object_get(ch,
				"kind"));
			int ok = 0;
			char detail[256] = "";
			if (!kind)
				continue;
			if (strcmp(kind, "count") == 0) {
				json_int_t e = json_integer_value(json_object_get(ch,
					"expected"));
				ok = (json_int_t)sv.n == e;
				snprintf(detail, sizeof detail,
					"count expected %lld got %zu", (long long)e,
					sv.n);
			} else if (strcmp(kind, "sentence") == 0) {
				json_t *e = json_object_get(ch, "expected");
				size_t idx = (size_t)json_integer_value(
					json_object_get(ch, "index"));
				if (idx < sv.n) {
					char *a = s_norm(json_string_value(e),
						json_string_length(e));
					char *b = s_norm(text + sv.v[idx].start,
						sv.v[idx].end - sv.v[idx].start);
					ok = strcmp(a, b) == 0;
					snprintf(detail, sizeof detail,
						"sentence %zu: expected \"%.80s\" got "
						"\"%.80s\"", idx, a, b);
					free(a);
					free(b);
				} else {
					snprintf(detail, sizeof detail,
						"sentence %zu missing", idx);
				}
			} else if (strcmp(kind, "join") == 0) {
				ok = 1;
				size_t prev = 0;
				for (size_t i = 0; i <= sv.n && ok; i++) {
					size_t a = i < sv.n ? sv.v[i].start : tlen;
					for (size_t k = prev; k < a; k++)
						if (!strchr(" \t\r\n\f\v", text[k]))
							ok = 0;
					if (i < sv.n)
						prev = sv.v[i].end;
				}
				snprintf(detail, sizeof detail,
					"join: text outside sentences");
			} else {
				continue;
			}
			(*total)++;
			if (ok) {
				(*pass)++;
			} else {
				char *nt = s_norm(text, tlen);
				printf("  FAIL npm \"%s\" %s: %.120s\n", desc,
					detail, nt);
				free(nt);
				if (g_verbose)
					s_print_ours(text, &sv);
			}
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	memo__sentvec_free(&sv);
	return 0;
}

int main(int argc, char **argv)
{
	const char *which = "all";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			g_verbose = 1;
		else
			which = argv[i];
	}
	const char *corpus = getenv("MEMO_CORPUS");
	char path[4096];
	if (!corpus || !*corpus) {
		printf("MEMO_CORPUS not set: skipping the SBD gold tests\n");
		return 77;
	}
	snprintf(path, sizeof path, "%s/gold/sbd_golden_rules_en.jsonl",
		corpus);
	FILE *probe = fopen(path, "r");
	if (!probe) {
		printf("%s not found: skipping the SBD gold tests\n", path);
		return 77;
	}
	fclose(probe);

	int fail = 0;
	size_t pass, total;
	if (!strcmp(which, "all") || !strcmp(which, "golden")) {
		if (s_run_pysbd(path, "golden", &pass, &total) != 0)
			return 1;
		printf("Golden Rules: %zu/%zu (target >= 47/48; pySBD 47)\n",
			pass, total);
		if (total != 48 || pass < 47)
			fail = 1;
	}
	if (!strcmp(which, "all") || !strcmp(which, "extended")) {
		snprintf(path, sizeof path,
			"%s/gold/sbd_pysbd_english_extended.jsonl", corpus);
		if (s_run_pysbd(path, "extended", &pass, &total) != 0)
			return 1;
		double pct = total ? 100.0 * (double)pass / (double)total : 0;
		printf("pySBD English extended: %zu/%zu = %.1f%% (target >= "
			"80%%)\n", pass, total, pct);
		if (total == 0 || pct < 80.0)
			fail = 1;
	}
	if (!strcmp(which, "all") || !strcmp(which, "npm")) {
		snprintf(path, sizeof path, "%s/gold/sbd_npm_sbd_tests.jsonl",
			corpus);
		if (s_run_npm(path, &pass, &total) != 0)
			return 1;
		printf("npm sbd checks: %zu/%zu = %.1f%% (reported, no "
			"target)\n", pass, total,
			total ? 100.0 * (double)pass / (double)total : 0.0);
	}
	return fail;
}
