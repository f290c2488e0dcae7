/*
 * kinds_corpus.c - PR/FAQ detection on the Markdown corpus, read in place
 * from $MEMO_CORPUS/md (INDEX.jsonl names every file and its flags).
 *
 * Acceptance (docs/kinds.md):
 *   - every file flagged "working-backwards" (an Amazon Working Backwards
 *     document: press release / README, public FAQ, internal FAQ) is
 *     detected as "prfaq" at a rate of at least 90%;
 *   - among the other files (Rust RFCs, Kubernetes KEPs, Swift Evolution,
 *     Go and TensorFlow design documents, ADRs...) at most 5% are
 *     detected as "prfaq".
 * Both rates are printed with the misses, and the kinds detected.
 *
 *   kinds_corpus              measure; exit 1 when a threshold is missed
 *   kinds_corpus FILE...      print kind, source, coverage, budget and the
 *                             structure/prfaq/narrative/coe findings
 *
 * Exit 77 (skipped) when the corpus is absent.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "memo.h"

#define SKIP 77
#define MIN_RECALL 0.90
#define MAX_FALSE_POSITIVE 0.05

static bool s_kind_rule(const char *id)
{
	return strncmp(id, "structure.", 10) == 0 ||
	       strncmp(id, "prfaq.", 6) == 0 ||
	       strncmp(id, "narrative.", 10) == 0 ||
	       strncmp(id, "coe.", 4) == 0;
}

static int s_show(const memo_analyzer *an, const char *path)
{
	memo_document *doc = NULL;
	memo_report *rep = NULL;
	if (memo_document_parse_file(&doc, path, NULL) != MEMO_OK ||
	    memo_analyze(&rep, an, doc) != MEMO_OK) {
		fprintf(stderr, "%s: %s\n", path, memo_error_message(memo_error_last()));
		memo_document_free(doc);
		return 3;
	}
	double cov = 0, budget = 0;
	memo_report_metric(rep, NULL, "pages", &budget);
	printf("%s: kind %s (%s), %.1f pages\n", path, memo_report_kind(rep),
		memo_report_kind_source(rep), budget);
	(void)cov;
	for (size_t i = 0; i < memo_report_finding_count(rep); i++) {
		const memo_finding *f = memo_report_finding_at(rep, i);
		if (!s_kind_rule(memo_finding_rule_id(f)))
			continue;
		memo_range rg;
		memo_finding_range(f, &rg);
		printf("  %u:%u-%u:%u %s: %s\n", rg.start.line, rg.start.column,
			rg.end.line, rg.end.column, memo_finding_rule_id(f),
			memo_finding_message(f));
	}
	memo_report_free(rep);
	memo_document_free(doc);
	return 0;
}

static bool s_has_flag(json_t *row, const char *flag)
{
	json_t *flags = json_object_get(row, "flags");
	size_t i;
	json_t *v;
	json_array_foreach(flags, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), flag) == 0)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	memo_analyzer *an = NULL;
	if (memo_analyzer_new(&an, NULL) != MEMO_OK) {
		fprintf(stderr, "kinds_corpus: %s\n", memo_error_message(memo_error_last()));
		return 2;
	}
	if (argc > 1) {
		int rc = 0;
		for (int i = 1; i < argc; i++)
			rc |= s_show(an, argv[i]);
		memo_analyzer_free(an);
		return rc;
	}
	const char *corpus = getenv("MEMO_CORPUS");
	char path[4096];
	snprintf(path, sizeof path, "%s/md/INDEX.jsonl", corpus ? corpus : "");
	FILE *fp = corpus ? fopen(path, "r") : NULL;
	if (!fp) {
		printf("kinds_corpus: corpus not found (MEMO_CORPUS=%s): "
			"skipped\n", corpus ? corpus : "(unset)");
		memo_analyzer_free(an);
		return SKIP;
	}
	char *line = NULL;
	size_t cap = 0;
	size_t wb = 0, wb_hit = 0, other = 0, other_fp = 0, failed = 0;
	const char *names[] = { "narrative", "prfaq", "one-pager", "decision",
		"coe", "metrics", "generic" };
	size_t counts[2][7] = { { 0 } };
	char **misses = NULL, **fps = NULL;
	size_t nmiss = 0, nfp = 0;
	while (getline(&line, &cap, fp) > 0) {
		json_error_t err;
		json_t *row = json_loads(line, 0, &err);
		if (!row)
			continue;
		const char *rel = json_string_value(json_object_get(row, "path"));
		const char *split = json_string_value(json_object_get(row,
			"split"));
		if (!rel) {
			json_decref(row);
			continue;
		}
		bool is_wb = s_has_flag(row, "working-backwards");
		snprintf(path, sizeof path, "%s/md/%s", corpus, rel);
		memo_document *doc = NULL;
		memo_report *rep = NULL;
		if (memo_document_parse_file(&doc, path, NULL) != MEMO_OK ||
		    memo_analyze(&rep, an, doc) != MEMO_OK) {
			fprintf(stderr, "%s: %s\n", rel, memo_error_message(memo_error_last()));
			failed++;
			memo_document_free(doc);
			json_decref(row);
			continue;
		}
		const char *kind = memo_report_kind(rep);
		bool prfaq = strcmp(kind, "prfaq") == 0;
		for (size_t k = 0; k < 7; k++)
			if (strcmp(kind, names[k]) == 0)
				counts[is_wb][k]++;
		char buf[4200];
		snprintf(buf, sizeof buf, "%s [%s] -> %s", rel,
			split ? split : "?", kind);
		if (is_wb) {
			wb++;
			wb_hit += prfaq;
			if (!prfaq) {
				misses = realloc(misses, (nmiss + 1) *
					sizeof *misses);
				misses[nmiss++] = strdup(buf);
			}
		} else {
			other++;
			other_fp += prfaq;
			if (prfaq) {
				fps = realloc(fps, (nfp + 1) * sizeof *fps);
				fps[nfp++] = strdup(buf);
			}
		}
		memo_report_free(rep);
		memo_document_free(doc);
		json_decref(row);
	}
	free(line);
	fclose(fp);
	memo_analyzer_free(an);

	double recall = wb ? (double)wb_hit / (double)wb : 0;
	double fpr = other ? (double)other_fp / (double)other : 0;
	printf("working-backwards files detected as prfaq: %zu/%zu = %.1f%% "
		"(minimum %.0f%%)\n", wb_hit, wb, 100 * recall,
		100 * MIN_RECALL);
	for (size_t i = 0; i < nmiss; i++)
		printf("  miss: %s\n", misses[i]);
	printf("other files detected as prfaq: %zu/%zu = %.2f%% (maximum "
		"%.0f%%)\n", other_fp, other, 100 * fpr,
		100 * MAX_FALSE_POSITIVE);
	for (size_t i = 0; i < nfp; i++)
		printf("  false positive: %s\n", fps[i]);
	printf("kinds detected (working-backwards / other):");
	for (size_t k = 0; k < 7; k++)
		printf(" %s %zu/%zu", names[k], counts[1][k], counts[0][k]);
	printf("\nfiles that failed to parse or analyze: %zu\n", failed);
	for (size_t i = 0; i < nmiss; i++)
		free(misses[i]);
	for (size_t i = 0; i < nfp; i++)
		free(fps[i]);
	free(misses);
	free(fps);
	bool ok = wb > 0 && recall >= MIN_RECALL && fpr <= MAX_FALSE_POSITIVE;
	printf("%s\n", ok ? "PASS" : "FAIL");
	return ok ? 0 : 1;
}
