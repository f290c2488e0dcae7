/*
 * check_parity.c - the same memo in Markdown and in .docx gets the same
 * score and the same findings (RULES.md 5). Public API only.
 *
 * usage: check_parity MEMO.md CONVERTED.docx [CONVERTED.docx...]
 *
 * For each converted file, compared with the Markdown original:
 *   - the kind is the same;
 *   - the score differs by at most 1 point (the sub-scores are printed);
 *   - the findings are the same multiset of (rule id, text), where the
 *     text is the finding's slice of memo_document_text(). Offsets differ
 *     between formats; the text must not, after two normalisations that
 *     only undo real format differences (docs/scoring.md, "Markdown and
 *     docx"): white space runs become one space (a Markdown source line
 *     break is a space in Word), and the Markdown inline markers * _ `
 *     and the heading and table markers # | are dropped, and so is a list
 *     marker (- + * 1. 1)) that starts a line (a Markdown range covers its
 *     markup; Word keeps formatting and numbering out of the text).
 * Exit 0 when every file matches, 1 otherwise, 2 on usage or read errors.
 */
#include <math.h>
#include <memo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCORE_TOLERANCE 1.0

typedef struct s_item {
	char *rule;
	char *text;
	int matched;
} s_item;

typedef struct s_side {
	memo_document *doc;
	memo_report *rep;
	s_item *items;
	size_t n;
	double score;
} s_side;

static char *s_norm(const char *t, size_t len)
{
	char *o = malloc(len + 1);
	size_t n = 0;
	int space = 0;
	if (!o)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (i == 0 || t[i - 1] == '\n') {
			/* a Markdown list marker at the start of a line */
			size_t j = i;
			while (j < len && (t[j] == ' ' || t[j] == '\t'))
				j++;
			size_t k = j;
			while (k < len && t[k] >= '0' && t[k] <= '9')
				k++;
			int marker = 0;
			if (k > j && k < len && (t[k] == '.' || t[k] == ')'))
				marker = ++k > 0;
			else if (k == j && j < len && (t[j] == '-' ||
				 t[j] == '+' || t[j] == '*'))
				marker = ++k > 0;
			if (marker && k < len && t[k] == ' ') {
				i = k;
				space = n > 0;
				continue;
			}
		}
		if (c == '*' || c == '_' || c == '`' || c == '#' || c == '|')
			continue;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && n)
			o[n++] = ' ';
		space = 0;
		o[n++] = (char)c;
	}
	o[n] = '\0';
	return o;
}

static int s_cmp_item(const void *a, const void *b)
{
	const s_item *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);
	return c ? c : strcmp(x->text, y->text);
}

static int s_load(s_side *s, const memo_analyzer *an, const char *path)
{
	memset(s, 0, sizeof *s);
	if (memo_document_parse_file(&s->doc, path, NULL) != MEMO_OK ||
	    memo_analyze(&s->rep, an, s->doc) != MEMO_OK ||
	    memo_report_score(s->rep, NULL, NULL, &s->score) != MEMO_OK) {
		fprintf(stderr, "%s: %s\n", path,
			memo_error_message(memo_error_last()));
		return -1;
	}
	size_t tlen = 0;
	const char *text = memo_document_text(s->doc, &tlen);
	size_t nf = memo_report_finding_count(s->rep);
	s->items = calloc(nf ? nf : 1, sizeof *s->items);
	if (!s->items)
		return -1;
	for (size_t i = 0; i < nf; i++) {
		const memo_finding *f = memo_report_finding_at(s->rep, i);
		memo_range r;
		memo_finding_range(f, &r);
		uint64_t a = r.start.offset, b = r.end.offset;
		if (b > tlen || a > b)
			a = b = tlen;
		s->items[s->n].rule = strdup(memo_finding_rule_id(f));
		s->items[s->n].text = s_norm(text + a, (size_t)(b - a));
		if (!s->items[s->n].rule || !s->items[s->n].text)
			return -1;
		s->n++;
	}
	qsort(s->items, s->n, sizeof *s->items, s_cmp_item);
	return 0;
}

static void s_unload(s_side *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].rule);
		free(s->items[i].text);
	}
	free(s->items);
	memo_report_free(s->rep);
	memo_document_free(s->doc);
}

/* Compare one converted file with the original; 0 when they match. */
static int s_compare(const s_side *md, s_side *dx, const char *mdpath,
	const char *path)
{
	int bad = 0;
	const char *k1 = memo_report_kind(md->rep);
	const char *k2 = memo_report_kind(dx->rep);
	double d = dx->score - md->score;
	printf("%s: score %.2f (md %.2f, delta %+.2f), kind %s, %zu "
		"findings (md %zu); sub-scores:", path, dx->score, md->score, d,
		k2, dx->n, md->n);
	for (size_t k = 0; k < memo_subscore_count(); k++) {
		double a = 0, b = 0;
		const char *name = memo_subscore_name(k);
		memo_report_score(md->rep, NULL, name, &a);
		memo_report_score(dx->rep, NULL, name, &b);
		printf(" %s %+.2f", name, b - a);
	}
	printf("\n");
	if (strcmp(k1, k2) != 0) {
		printf("  FAIL kind: md %s, docx %s\n", k1, k2);
		bad = 1;
	}
	if (fabs(d) > SCORE_TOLERANCE) {
		printf("  FAIL score differs by %.2f (> %.1f)\n", d,
			SCORE_TOLERANCE);
		bad = 1;
	}
	/* multiset difference of two sorted lists */
	size_t i = 0, j = 0;
	while (i < md->n || j < dx->n) {
		int c = i == md->n ? 1 : j == dx->n ? -1 :
			s_cmp_item(&md->items[i], &dx->items[j]);
		if (c == 0) {
			i++;
			j++;
			continue;
		}
		bad = 1;
		if (c < 0) {
			printf("  FAIL only in %s: [%s] \"%.120s\"\n", mdpath,
				md->items[i].rule, md->items[i].text);
			i++;
		} else {
			printf("  FAIL only in %s: [%s] \"%.120s\"\n", path,
				dx->items[j].rule, dx->items[j].text);
			j++;
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: check_parity MEMO.md CONVERTED.docx"
			"...\n");
		return 2;
	}
	memo_analyzer *an = NULL;
	if (memo_analyzer_new(&an, NULL) != MEMO_OK)
		return 2;
	s_side md;
	if (s_load(&md, an, argv[1]) != 0)
		return 2;
	int bad = 0;
	for (int a = 2; a < argc; a++) {
		s_side dx;
		if (s_load(&dx, an, argv[a]) != 0) {
			bad = 2;
			continue;
		}
		if (s_compare(&md, &dx, argv[1], argv[a]) && !bad)
			bad = 1;
		s_unload(&dx);
	}
	s_unload(&md);
	memo_analyzer_free(an);
	return bad;
}
