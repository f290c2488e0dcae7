/*
 * fuzz_analyze.c - the whole path: parse, analyze (metrics, rules, kind,
 * spelling, score), then every report accessor and the JSON outputs, as
 * `memo lint` and `memo score` use them.
 *
 * Input: byte 0 = parse flags (low 5 bits) and format (high 3 bits),
 * byte 1 = analyzer (bits 0-1), JSON flags (bits 2-4), JSON output
 * (bit 6), free the document before the report (bit 7), bytes 2..4 =
 * allocation-failure injection into memo_analyze(), then the document
 * (for docx: XML parts split at FZ_SEP, see fuzz_common.h).
 *
 * The analyzers are made once: a hunspell dictionary takes ~0.1 s to
 * load, and one analyzer is shared by all documents in real use too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#define NANALYZERS 4
static memo_analyzer *s_an[NANALYZERS];

static void s_make(int i)
{
	memo_config *cfg = NULL;
	if (memo_config_new(&cfg) != MEMO_OK)
		fz_die("memo_config_new failed");
	switch (i) {
	case 0: /* defaults: spelling on when en_US is installed */
		break;
	case 1: /* every rule on, suggestions on, small pages */
		for (size_t r = 0; r < memo_rule_count(); r++)
			memo_config_set_rule(cfg,
				memo_rule_id(memo_rule_at(r)),
				MEMO_SEVERITY_INFO);
		memo_config_set_double(cfg, "spelling.suggest", 1);
		memo_config_set_double(cfg, "sentence.max_words", 5);
		memo_config_set_double(cfg, "page.words", 50);
		memo_config_accept_word(cfg, "libmemo");
		break;
	case 2: /* a forced kind, edited lexicons, spelling off */
		memo_config_set_string(cfg, "kind", "prfaq");
		memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
		for (size_t l = 0; l < memo_lexicon_count(); l++) {
			memo_config_lexicon_add(cfg, memo_lexicon_name(l),
				"zork");
			memo_config_lexicon_remove(cfg, memo_lexicon_name(l),
				"very");
		}
		break;
	default: /* kinds by name, other weights */
		memo_config_set_kind_for(cfg, "*.md", "decision");
		memo_config_set_kind_for(cfg, "*.docx", "narrative");
		memo_config_set_double(cfg, "score.weight.evidence", 0);
		memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
		break;
	}
	int rc = memo_analyzer_new(&s_an[i], cfg);
	if (rc == MEMO_ENOTFOUND && i == 0) {
		/* no dictionary on this machine: analyze without spelling */
		memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
		rc = memo_analyzer_new(&s_an[i], cfg);
	}
	if (rc != MEMO_OK)
		fz_die("memo_analyzer_new(%d): %s", i,
			memo_error_message(memo_error_last()));
	memo_config_free(cfg);
}

static void s_free_all(void)
{
	for (int i = 0; i < NANALYZERS; i++)
		memo_analyzer_free(s_an[i]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < NANALYZERS; i++)
		s_make(i);
	atexit(s_free_all);
	return 0;
}

static void s_check_range(const memo_range *r, size_t dlen)
{
	FZ_ASSERT(r->start.offset <= r->end.offset && r->end.offset <= dlen);
}

static void s_walk_report(const memo_report *rep, const memo_document *doc,
	uint8_t b1)
{
	size_t dlen;
	(void)memo_document_text(doc, &dlen);
	FZ_ASSERT(memo_report_document(rep) == doc);
	size_t nmet = memo_metric_count();
	double v;
	int scopes = 0;
	for (const memo_node *n = memo_document_root(doc); n && scopes < 4;
	     n = memo_node_first_child(n) ? memo_node_first_child(n) :
	     memo_node_next(n), scopes++) {
		/* the first few nodes down the first branch: every metric
		 * is per scope, so a few scopes reach all the code */
		for (size_t m = 0; m < nmet; m++) {
			int rc = memo_report_metric(rep, n, memo_metric_id(m),
				&v);
			FZ_ASSERT(rc == MEMO_OK || rc == MEMO_ENOTFOUND ||
				rc == MEMO_EINVALID);
		}
		for (size_t s = 0; s < memo_subscore_count(); s++)
			(void)memo_report_score(rep, n, memo_subscore_name(s),
				&v);
	}
	for (size_t m = 0; m < nmet; m++)
		for (int part = 0; part < 3; part++)
			(void)memo_report_part_metric(rep, (memo_part_t)part,
				memo_metric_id(m), &v);
	size_t nsent = memo_report_sentence_count(rep);
	size_t nann = memo_report_annotation_count(rep);
	for (size_t i = 0; i < nsent; i++) {
		memo_range r;
		size_t first, count;
		FZ_ASSERT(memo_report_sentence_range(rep, i, &r) == MEMO_OK);
		s_check_range(&r, dlen);
		(void)memo_report_sentence_node(rep, i);
		(void)memo_report_sentence_words(rep, i);
		if (i < 4)
			for (size_t m = 0; m < nmet; m++)
				(void)memo_report_sentence_metric(rep, i,
					memo_metric_id(m), &v);
		if (memo_report_sentence_annotations(rep, i, &first,
			    &count) == MEMO_OK)
			FZ_ASSERT(first <= nann && count <= nann - first);
	}
	for (size_t i = 0; i < nann; i++) {
		const memo_annotation *a = memo_report_annotation_at(rep, i);
		memo_range r;
		FZ_ASSERT(a && memo_annotation_kind(a));
		(void)memo_annotation_entry(a);
		(void)memo_annotation_replacement(a);
		(void)memo_annotation_weight(a);
		memo_annotation_range(a, &r);
		s_check_range(&r, dlen);
		size_t s = memo_annotation_sentence(a);
		FZ_ASSERT(s < nsent || s == (size_t)-1);
	}
	for (size_t i = 0; i < memo_report_finding_count(rep); i++) {
		const memo_finding *f = memo_report_finding_at(rep, i);
		memo_range r;
		FZ_ASSERT(f && memo_finding_rule_id(f) &&
			memo_finding_message(f));
		FZ_ASSERT(memo_rule_lookup(memo_finding_rule_id(f)));
		memo_finding_range(f, &r);
		s_check_range(&r, dlen);
		(void)memo_finding_node(f);
		for (size_t k = 0; k < memo_finding_replacement_count(f); k++)
			FZ_ASSERT(memo_finding_replacement_at(f, k));
	}
	FZ_ASSERT(memo_report_kind(rep) && memo_report_kind_source(rep));
	for (size_t i = 0; i < memo_report_advice_count(rep); i++)
		FZ_ASSERT(memo_report_advice_at(rep, i, &v));
	if (!(b1 & 0x40))
		return; /* JSON costs more than the analysis: half the time */
	char *json = NULL;
	size_t jlen = 0;
	int rc = memo_report_to_json(rep, (b1 >> 2) & 7, &json, &jlen);
	if (rc != MEMO_OK && rc != MEMO_ENOMEM)
		fz_die("memo_report_to_json(flags %u): %s (%d): %s",
			(unsigned)((b1 >> 2) & 7), memo_status_str(rc), rc,
			memo_error_message(memo_error_last()));
	if (rc == MEMO_OK)
		FZ_ASSERT(json && strlen(json) == jlen);
	memo_free(json);
}

static int s_parse(memo_document **doc, const uint8_t *p, size_t n,
	uint8_t b0)
{
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = b0 & 0x1f;
	switch (b0 >> 5) {
	case 0: case 1: case 2:
		return memo_document_parse(doc, (const char *)p, n, "memo.md",
			&o);
	case 3:
		o.format = MEMO_FORMAT_TEXT;
		return memo_document_parse(doc, (const char *)p, n, "memo.txt",
			&o);
	case 4:
		return memo_document_parse(doc, (const char *)p, n, "memo.docx",
			&o);
	default: {
		size_t plen;
		uint8_t *pkg = fz_docx_from_parts(p, n, false, &plen);
		int rc = memo_document_parse(doc, (const char *)pkg, plen,
			"memo.docx", &o);
		free(pkg);
		return rc;
	}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_in in = { data, size };
	uint8_t b0 = fz_byte(&in), b1 = fz_byte(&in);
	fz_in fail = in;
	fz_byte(&in), fz_byte(&in), fz_byte(&in);
	memo_document *doc = NULL;
	if (s_parse(&doc, in.p, in.n, b0) != MEMO_OK)
		return 0;
	const memo_analyzer *an = s_an[b1 & 3];
	memo_report *rep = NULL;
	fz_fail_begin(&fail);
	int rc = memo_analyze(&rep, an, doc);
	bool hit = fz_fail_end();
	FZ_ASSERT((rc == MEMO_OK) == (rep != NULL));
	if (hit && rc != MEMO_OK && rc != MEMO_ENOMEM) {
		memo_report *r2 = NULL;
		int rc2 = memo_analyze(&r2, an, doc);
		memo_report_free(r2);
		fz_fail_check("memo_analyze", hit, rc, rc2);
	}
	if (!hit && rc != MEMO_OK && rc != MEMO_ELIMIT)
		fz_die("memo_analyze failed on a parsed document: %s (%d): %s",
			memo_status_str(rc), rc,
			memo_error_message(memo_error_last()));
	/* the report keeps the document: free it first, in either order */
	if (b1 & 0x80)
		memo_document_free(doc), doc = NULL;
	if (rep)
		s_walk_report(rep, memo_report_document(rep), b1);
	memo_report_free(rep);
	memo_document_free(doc);
	return 0;
}
