/*
 * score.c - `memo score`: the score card of each memo (kind, total,
 * sub-scores, section scores, advice), optionally compared with a
 * baseline (a previous `memo score --json`). JSON schema libmemo.score/1,
 * documented in docs/lint.md.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define SCORE_SCHEMA "libmemo.score/1"
/* json_pack() fails on a NULL string: never give it one */
#define S(str) ((str) ? (str) : "")
#define BAR_WIDTH 20
#define TOP_METRICS 5

static void s_usage(FILE *f)
{
	fprintf(f,
"usage: memo score [options] FILE...\n"
"\n"
"Print each memo's score card: its kind, the score (0-100), the five\n"
"sub-scores, the scores of the top two levels of sections, and the three\n"
"changes that would gain the most points.\n"
"\n"
"options:\n"
"  --json               print JSON (schema libmemo.score/1); several files\n"
"                       give an array\n"
"  --baseline FILE      compare with FILE, an earlier memo score --json:\n"
"                       score, sub-score and metric deltas\n"
"  --all-sections       every section, not only the top two levels\n"
"  --fail-under N       exit 1 when a memo scores below N\n"
"  --stdin, --stdin-filename NAME, --config FILE, --no-config,\n"
"  --rule RULE=SEV, --kind KIND, --set KEY=VALUE, --input-format FMT\n"
"                       as for memo lint\n"
"\n"
"Exit status: 0 ok, 1 a score below --fail-under, 2 usage, configuration\n"
"or baseline error, 3 a file could not be read.\n");
}

/* ---- the score card as JSON (also what --baseline reads) --------------- */

typedef struct s_sec {
	const memo_node *node;
	int depth;             /* 1 = a top-level section */
} s_sec;

/* The sections to show, in document order, with their depth. */
static s_sec *s_sections(const memo_document *doc, int all, size_t *n_out)
{
	size_t cap = 16, n = 0;
	s_sec *v = malloc(cap * sizeof *v);
	memo_iter *it = NULL;
	*n_out = 0;
	if (!v || memo_iter_new(&it, memo_document_root(doc),
		MEMO_ITER_ONLY(MEMO_NODE_SECTION)) != MEMO_OK) {
		free(v);
		return NULL;
	}
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		const memo_node *node = memo_iter_node(it);
		if (ev != MEMO_EVENT_ENTER ||
		    memo_node_type(node) != MEMO_NODE_SECTION)
			continue;
		int d = 0;
		for (const memo_node *p = node; p; p = memo_node_parent(p))
			d += memo_node_type(p) == MEMO_NODE_SECTION;
		if (!all && d > 2)
			continue;
		if (n == cap) {
			s_sec *nv = realloc(v, 2 * cap * sizeof *v);
			if (!nv)
				break;
			v = nv;
			cap *= 2;
		}
		v[n++] = (s_sec){ node, d };
	}
	memo_iter_free(it);
	*n_out = n;
	return v;
}

static json_t *s_card_json(const tool_input *in, const memo_report *rep,
	int all_sections)
{
	const memo_document *doc = memo_report_document(rep);
	const char *title = memo_document_title(doc);
	double total = 0;
	json_t *o = json_pack("{s:s,s:o,s:s,s:s,s:s,s:o}",
		"schema", SCORE_SCHEMA,
		"file", tool_json_str(in->name),
		"format", memo_format_name(memo_document_format(doc)),
		"kind", S(memo_report_kind(rep)),
		"kind_source", S(memo_report_kind_source(rep)),
		"title", title ? tool_json_str(title) : json_null());
	json_object_set_new(o, "score", memo_report_score(rep, NULL, NULL,
		&total) == MEMO_OK ? tool_json_number(total) : json_null());
	json_object_set_new(o, "subscores", tool_json_subscores(rep, NULL));

	json_t *secs = json_array();
	size_t ns = 0;
	s_sec *sv = s_sections(doc, all_sections, &ns);
	for (size_t i = 0; i < ns; i++) {
		size_t tlen = 0;
		const char *t = memo_node_title(sv[i].node, &tlen);
		memo_range r;
		double v = 0;
		memo_node_range(sv[i].node, &r);
		json_t *so = json_pack("{s:o,s:i,s:i,s:o}",
			"title", tool_json_strn(t, t ? tlen : 0),
			"level", memo_node_level(sv[i].node),
			"depth", sv[i].depth,
			"range", tool_json_range(&r));
		json_object_set_new(so, "score", memo_report_score(rep,
			sv[i].node, NULL, &v) == MEMO_OK ? tool_json_number(v) :
			json_null());
		json_object_set_new(so, "subscores", tool_json_subscores(rep,
			sv[i].node));
		json_array_append_new(secs, so);
	}
	free(sv);
	json_object_set_new(o, "sections", secs);

	json_t *adv = json_array();
	for (size_t i = 0; i < memo_report_advice_count(rep); i++) {
		double pts = 0;
		const char *m = memo_report_advice_at(rep, i, &pts);
		if (m)
			json_array_append_new(adv, json_pack("{s:o,s:o}",
				"message", tool_json_str(m), "points",
				tool_json_number(pts)));
	}
	json_object_set_new(o, "advice", adv);

	json_t *met = json_object();
	for (size_t i = 0; i < memo_metric_count(); i++) {
		double v = 0;
		const char *id = memo_metric_id(i);
		json_object_set_new(met, id, memo_report_metric(rep, NULL, id,
			&v) == MEMO_OK ? tool_json_number(v) : json_null());
	}
	json_object_set_new(o, "metrics", met);
	json_object_set_new(o, "config", in->config ?
		tool_json_str(in->config) : json_null());
	return o;
}

/* ---- baseline ------------------------------------------------------------ */

/* Read a baseline: one libmemo.score/1 object or an array of them.
 * Returns a new array reference, or NULL after printing why. */
static json_t *s_load_baseline(const char *path)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root) {
		if (err.line > 0)
			fprintf(stderr, "memo score: %s:%d:%d: --baseline: %s\n",
				path, err.line, err.column, err.text);
		else
			fprintf(stderr, "memo score: %s: --baseline: %s\n",
				path, err.text);
		return NULL;
	}
	json_t *arr = json_is_array(root) ? json_incref(root) :
		json_pack("[O]", root);
	json_decref(root);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		const char *schema = json_string_value(json_object_get(v,
			"schema"));
		if (!json_is_object(v) || !schema ||
		    strcmp(schema, SCORE_SCHEMA) != 0) {
			fprintf(stderr, "memo score: %s: --baseline: not the "
				"output of memo score --json (schema %s)\n",
				path, SCORE_SCHEMA);
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* The baseline entry for @p name: the same "file", or the only entry
 * when both sides have one file. */
static json_t *s_baseline_for(json_t *base, const char *name, size_t ninputs)
{
	size_t i;
	json_t *v;
	json_array_foreach(base, i, v) {
		const char *f = json_string_value(json_object_get(v, "file"));
		if (f && strcmp(f, name) == 0)
			return v;
	}
	if (json_array_size(base) == 1 && ninputs == 1)
		return json_array_get(base, 0);
	return NULL;
}

static int s_num(json_t *v, double *out)
{
	if (!json_is_number(v))
		return 0;
	*out = json_number_value(v);
	return 1;
}

typedef struct s_move {
	const char *id;
	double before, after, rank;
} s_move;

static int s_cmp_move(const void *a, const void *b)
{
	const s_move *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	double dx = fabs(x->after - x->before), dy = fabs(y->after - y->before);
	if (dx != dy)
		return dx > dy ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The metrics that moved, most first: relative change, so that word
 * counts and densities compare. */
static s_move *s_moves(json_t *now, json_t *then, size_t *n_out)
{
	size_t cap = json_object_size(now) + 1, n = 0;
	s_move *v = calloc(cap, sizeof *v);
	const char *id;
	json_t *val;
	*n_out = 0;
	if (!v)
		return NULL;
	json_object_foreach(now, id, val) {
		double a, b;
		if (!s_num(json_object_get(then, id), &a) || !s_num(val, &b))
			continue;
		double d = fabs(b - a);
		if (d < 1e-9)
			continue;
		double scale = fmax(fabs(a), fabs(b));
		v[n++] = (s_move){ id, a, b, scale > 0 ? d / scale : d };
	}
	qsort(v, n, sizeof *v, s_cmp_move);
	*n_out = n;
	return v;
}

static json_t *s_delta_json(const char *path, json_t *card, json_t *then)
{
	json_t *d = json_object();
	double a, b;
	json_t *o = json_pack("{s:o,s:O}", "file", tool_json_str(path), "score",
		json_object_get(then, "score"));
	json_object_set_new(d, "score", s_num(json_object_get(then, "score"),
		&a) && s_num(json_object_get(card, "score"), &b) ?
		tool_json_number(b - a) : json_null());
	json_t *subs = json_object();
	const char *name;
	json_t *val;
	json_object_foreach(json_object_get(card, "subscores"), name, val) {
		json_t *old = json_object_get(json_object_get(then,
			"subscores"), name);
		json_object_set_new(subs, name, s_num(old, &a) &&
			s_num(val, &b) ? tool_json_number(b - a) : json_null());
	}
	json_object_set_new(d, "subscores", subs);
	size_t nm = 0;
	s_move *mv = s_moves(json_object_get(card, "metrics"),
		json_object_get(then, "metrics"), &nm);
	json_t *met = json_object();
	for (size_t i = 0; i < nm; i++)
		json_object_set_new(met, mv[i].id, tool_json_number(
			mv[i].after - mv[i].before));
	free(mv);
	json_object_set_new(d, "metrics", met);
	json_object_set_new(o, "delta", d);
	return o;
}

/* ---- text ---------------------------------------------------------------- */

static void s_bar(double v)
{
	int n = (int)lround(fmax(0, fmin(100, v)) * BAR_WIDTH / 100.0);
	for (int i = 0; i < BAR_WIDTH; i++)
		fputc(i < n ? '#' : '.', stdout);
}

static double s_get(json_t *o, const char *key)
{
	double v = NAN;
	s_num(json_object_get(o, key), &v);
	return v;
}

static void s_print_card(json_t *card, json_t *then, const char *base_path)
{
	const char *title = json_string_value(json_object_get(card, "title"));
	printf("%s: %s memo (kind %s)", json_string_value(json_object_get(
		card, "file")), json_string_value(json_object_get(card,
		"kind")), json_string_value(json_object_get(card,
		"kind_source")));
	if (title)
		printf(", \"%s\"", title);
	printf("\n\n  %-13s %5.1f / 100\n", "score", s_get(card, "score"));
	json_t *subs = json_object_get(card, "subscores");
	const char *name;
	json_t *val;
	json_object_foreach(subs, name, val) {
		double v = NAN;
		s_num(val, &v);
		printf("  %-13s %5.1f  ", name, v);
		s_bar(isnan(v) ? 0 : v);
		printf("\n");
	}

	json_t *secs = json_object_get(card, "sections");
	if (json_array_size(secs)) {
		printf("\n  %-36s %5s", "sections", "score");
		json_object_foreach(subs, name, val)
			printf(" %5.5s", name);
		printf("\n");
		size_t i;
		json_t *sec;
		json_array_foreach(secs, i, sec) {
			const char *t = json_string_value(json_object_get(sec,
				"title"));
			int depth = (int)json_integer_value(json_object_get(sec,
				"depth"));
			int indent = 2 * (depth > 0 ? depth - 1 : 0);
			int width = 36 - indent;
			if (width < 8)
				width = 8;
			printf("  %*s%-*.*s %5.1f", indent, "", width, width,
				t && *t ? t : "(untitled)", s_get(sec, "score"));
			json_t *ss = json_object_get(sec, "subscores");
			json_object_foreach(subs, name, val)
				printf(" %5.1f", s_get(ss, name));
			printf("\n");
		}
	}

	json_t *adv = json_object_get(card, "advice");
	printf("\n  advice: the changes worth the most points\n");
	if (!json_array_size(adv))
		printf("    (none: no single change gains half a point)\n");
	size_t i;
	json_t *a;
	json_array_foreach(adv, i, a)
		printf("    %zu. +%.1f  %s\n", i + 1, s_get(a, "points"),
			json_string_value(json_object_get(a, "message")));

	if (!then)
		return;
	double before = s_get(then, "score"), after = s_get(card, "score");
	printf("\n  since %s:\n", base_path);
	printf("    %-13s %5.1f -> %5.1f  %+6.1f\n", "score", before, after,
		after - before);
	json_object_foreach(subs, name, val) {
		double b = s_get(json_object_get(then, "subscores"), name);
		double n = NAN;
		s_num(val, &n);
		printf("    %-13s %5.1f -> %5.1f  %+6.1f\n", name, b, n, n - b);
	}
	size_t nm = 0;
	s_move *mv = s_moves(json_object_get(card, "metrics"),
		json_object_get(then, "metrics"), &nm);
	if (nm) {
		printf("    metrics that moved most:\n");
		for (size_t k = 0; k < nm && k < TOP_METRICS; k++)
			printf("      %-30s %10.3g -> %-10.3g %+.3g\n",
				mv[k].id, mv[k].before, mv[k].after,
				mv[k].after - mv[k].before);
	} else {
		printf("    no metric moved\n");
	}
	free(mv);
}

/* ---- the command ------------------------------------------------------------ */

int cmd_score(int argc, char **argv)
{
	tool_session s;
	int json = 0, all_sections = 0, status = EXIT_CLEAN, below = 0;
	int unreadable = 0;
	double fail_under = -1;
	const char *base_path = NULL;
	json_t *base = NULL;
	if (tool_session_init(&s, "memo score", argc)) {
		fprintf(stderr, "memo score: out of memory\n");
		return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			s_usage(stdout);
			goto done;
		} else if (strcmp(a, "--json") == 0) {
			json = 1;
		} else if (strcmp(a, "--all-sections") == 0) {
			all_sections = 1;
		} else if (strcmp(a, "--baseline") == 0 ||
		           strncmp(a, "--baseline=", 11) == 0) {
			base_path = a[10] == '=' ? a + 11 :
				i + 1 < argc ? argv[++i] : NULL;
			if (!base_path || !*base_path) {
				fprintf(stderr, "memo score: --baseline needs "
					"a file\n");
				status = EXIT_USAGE;
				goto done;
			}
		} else if (strcmp(a, "--fail-under") == 0 ||
		           strncmp(a, "--fail-under=", 13) == 0) {
			const char *v = a[12] == '=' ? a + 13 :
				i + 1 < argc ? argv[++i] : NULL;
			char *end = NULL;
			fail_under = v ? strtod(v, &end) : -1;
			if (!v || end == v || *end || fail_under < 0 ||
			    fail_under > 100) {
				fprintf(stderr, "memo score: --fail-under needs "
					"a number from 0 to 100\n");
				status = EXIT_USAGE;
				goto done;
			}
		} else if ((r = tool_session_option(&s, argc, argv, &i)) != 0) {
			if (r < 0) {
				status = EXIT_USAGE;
				goto done;
			}
		} else if (strcmp(a, "--") == 0) {
			while (++i < argc)
				tool_session_add_input(&s, argv[i]);
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "memo score: unknown option %s\n\n", a);
			s_usage(stderr);
			status = EXIT_USAGE;
			goto done;
		} else {
			tool_session_add_input(&s, a);
		}
	}
	if ((status = tool_session_prepare(&s)) != EXIT_CLEAN)
		goto done;
	if (base_path && !(base = s_load_baseline(base_path))) {
		status = EXIT_USAGE;
		goto done;
	}

	/* JSON: one card at a time (streamed for several files) */
	tool_json_list all = { .single = 0 };
	if (json)
		tool_json_list_begin(&all, s.ninputs, TOOL_JSON_FLAGS);
	int printed = 0;
	for (size_t k = 0; k < s.ninputs; k++) {
		const tool_input *in = &s.inputs[k];
		memo_document *doc = NULL;
		memo_report *rep = NULL;
		int rc = tool_load(&s, in, &doc);
		if (rc == MEMO_OK && (rc = memo_analyze(&rep, in->an, doc)))
			tool_print_error(in->name);
		if (rc != MEMO_OK) {
			unreadable = 1;
			if (json)
				tool_json_list_add(&all, json_pack(
					"{s:s,s:o,s:o}", "schema", SCORE_SCHEMA,
					"file", tool_json_str(in->name), "error",
					tool_json_last_error()));
			memo_document_free(doc);
			continue;
		}
		json_t *card = s_card_json(in, rep, all_sections);
		json_t *then = base ? s_baseline_for(base, in->name,
			s.ninputs) : NULL;
		if (base && !then)
			fprintf(stderr, "memo score: %s: no entry for this file "
				"in %s\n", in->name, base_path);
		else if (then && json_object_get(then, "error"))
			then = NULL;
		double total = s_get(card, "score");
		if (fail_under >= 0 && !(total >= fail_under))
			below = 1;
		if (json) {
			if (then)
				json_object_set_new(card, "baseline",
					s_delta_json(base_path, card, then));
			tool_json_list_add(&all, json_incref(card));
		} else {
			if (printed++)
				printf("\n");
			s_print_card(card, then, base_path);
		}
		json_decref(card);
		memo_report_free(rep);
		memo_document_free(doc);
	}
	if (json)
		tool_json_list_end(&all);
	if (unreadable)
		status = EXIT_UNREADABLE;
	else if (below)
		status = EXIT_FINDINGS;
done:
	json_decref(base);
	tool_session_free(&s);
	return status;
}
