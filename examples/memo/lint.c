/*
 * lint.c - `memo lint`: findings as compiler-style lines, JSON
 * (schema libmemo.lint/1, docs/schema/lint-1.json) or SARIF 2.1.0.
 * docs/lint.md documents the formats and the exit statuses.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

#define LINT_SCHEMA "libmemo.lint/1"
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#ifndef MEMO_TOOL_INFORMATION_URI
#define MEMO_TOOL_INFORMATION_URI "file:///usr/local/share/doc/libmemo/lint.md"
#endif

enum { OUT_TEXT, OUT_JSON, OUT_SARIF };
/* json_pack() fails on a NULL string: never give it one */
#define S(str) ((str) ? (str) : "")
/* --fail-on none: no finding fails the run */
#define FAIL_NEVER 4

static void s_usage(FILE *f)
{
	fprintf(f,
"usage: memo lint [options] FILE...\n"
"       memo lint [options] --stdin [--stdin-filename NAME]\n"
"\n"
"Check each memo and print its findings as\n"
"  file:line:col: severity: message [rule]\n"
"\n"
"options:\n"
"  --format FMT         text (default), json (schema libmemo.lint/1)\n"
"                       or sarif (SARIF 2.1.0)\n"
"  --fail-on SEV        exit 1 when a finding is at least SEV: info,\n"
"                       warning (default), error, or none\n"
"  --quiet, -q          only findings at or above --fail-on; no summary\n"
"  --color WHEN         auto (default: a terminal, unless NO_COLOR is\n"
"                       set), always or never\n"
"  --stdin              read the memo from standard input ('-' too)\n"
"  --stdin-filename N   name standard input N: in messages, for [kinds]\n"
"                       globs, format detection and finding .memo.ini\n"
"  --config FILE        use FILE instead of the nearest .memo.ini\n"
"  --no-config          use no .memo.ini\n"
"  --rule RULE=SEV      set a rule's severity (off, info, warning, error)\n"
"  --kind KIND          force the document kind\n"
"  --set KEY=VALUE      change a setting: sentence.max_words, page.words,\n"
"                       score.weight.*, kind, spelling.suggest (0 or 1),\n"
"                       spelling.language, spelling.dictionary,\n"
"                       spelling.words (docs/configuration.md)\n"
"  --input-format FMT   markdown, docx, text or auto (default)\n"
"  --keep-deletions, --drop-insertions, --promote-fake-headings,\n"
"  --no-notes, --strict-utf8   parse options, as for memo outline\n"
"\n"
"Exit status: 0 no finding at or above --fail-on, 1 such findings,\n"
"2 usage or configuration error, 3 a file could not be read (wins over 1).\n"
"A summary goes to standard error with --format text.\n");
}

typedef struct s_counts {
	size_t files, unreadable, findings, failing;
	size_t by_sev[4];
} s_counts;

/* ---- text ---------------------------------------------------------------- */

static const char *s_sev_color(memo_severity_t sev)
{
	switch (sev) {
	case MEMO_SEVERITY_ERROR: return "\033[1;31m";
	case MEMO_SEVERITY_WARNING: return "\033[1;33m";
	default: return "\033[1;36m";
	}
}

/* A message on one line: control characters become spaces. */
static void s_put_line(const char *msg)
{
	for (const char *p = msg ? msg : ""; *p; p++)
		fputc((unsigned char)*p < 0x20 ? ' ' : *p, stdout);
}

static void s_print_finding(const char *file, const memo_finding *f,
	int color)
{
	memo_range r;
	tool_finding_range(f, &r);
	memo_severity_t sev = memo_finding_severity(f);
	if (color)
		printf("\033[1m%s:%u:%u:\033[0m %s%s:\033[0m ", file,
			(unsigned)r.start.line, (unsigned)r.start.column,
			s_sev_color(sev), memo_severity_name(sev));
	else
		printf("%s:%u:%u: %s: ", file, (unsigned)r.start.line,
			(unsigned)r.start.column, memo_severity_name(sev));
	s_put_line(memo_finding_message(f));
	if (color)
		printf(" \033[2m[%s]\033[0m\n", memo_finding_rule_id(f));
	else
		printf(" [%s]\n", memo_finding_rule_id(f));
}

static void s_plural(char *buf, size_t size, size_t n, const char *one,
	const char *many)
{
	snprintf(buf, size, "%zu %s", n, n == 1 ? one : many);
}

static void s_print_summary(const s_counts *c)
{
	char files[64], finds[64], part[64], parts[256] = "";
	s_plural(files, sizeof files, c->files, "file", "files");
	static const char *const one[] = { "", "info", "warning", "error" };
	static const char *const many[] = { "", "info", "warnings", "errors" };
	for (int sev = MEMO_SEVERITY_ERROR; sev >= MEMO_SEVERITY_INFO; sev--) {
		if (!c->by_sev[sev])
			continue;
		s_plural(part, sizeof part, c->by_sev[sev], one[sev], many[sev]);
		if (*parts)
			strncat(parts, ", ", sizeof parts - strlen(parts) - 1);
		strncat(parts, part, sizeof parts - strlen(parts) - 1);
	}
	if (c->findings)
		s_plural(finds, sizeof finds, c->findings, "finding",
			"findings");
	else
		snprintf(finds, sizeof finds, "no findings");
	fprintf(stderr, "%s", files);
	if (c->unreadable)
		fprintf(stderr, " (%zu unreadable)", c->unreadable);
	fprintf(stderr, ", %s", finds);
	if (*parts)
		fprintf(stderr, " (%s)", parts);
	fprintf(stderr, "\n");
}

/* ---- SARIF ----------------------------------------------------------------- */

static const char *s_sarif_level(memo_severity_t sev)
{
	switch (sev) {
	case MEMO_SEVERITY_ERROR: return "error";
	case MEMO_SEVERITY_WARNING: return "warning";
	case MEMO_SEVERITY_INFO: return "note";
	default: return "none";
	}
}

/* Percent-encode @p path as a URI reference (RFC 3986): unreserved
 * characters and '/' stay; an absolute path becomes a file: URI. */
static char *s_uri(const char *path)
{
	size_t n = strlen(path);
	char *out = malloc(n * 3 + 8);
	if (!out)
		return NULL;
	char *o = out;
	if (path[0] == '/') {
		memcpy(o, "file://", 7);
		o += 7;
	}
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char ch = *p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
		    ch == '_' || ch == '~' || ch == '/') {
			*o++ = (char)ch;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o = '\0';
	return out;
}

static json_t *s_sarif_artifact_location(const char *name, size_t index)
{
	char *uri = s_uri(name);
	json_t *o = json_pack("{s:s}", "uri", uri ? uri : "");
	if (name[0] != '/')
		json_object_set_new(o, "uriBaseId", json_string("SRCROOT"));
	json_object_set_new(o, "index", json_integer((json_int_t)index));
	free(uri);
	return o;
}

/*
 * Code points before a byte offset of one document's text, counted as
 * memo_document_convert_offset() counts them (bytes that do not continue
 * a UTF-8 sequence) but on from the offset asked before, forwards or
 * backwards: a document's results cost about one pass over its text, not
 * one pass from the start each. Reset (zeroed) for each document.
 */
typedef struct s_cursor {
	uint64_t off, cp;
} s_cursor;

static int s_codepoints(const memo_document *doc, s_cursor *c, uint64_t off,
	uint64_t *out)
{
	size_t len = 0;
	const unsigned char *t = (const unsigned char *)memo_document_text(doc,
		&len);
	if (!t || off > len)
		return -1;
	for (; c->off < off; c->off++)
		c->cp += (t[c->off] & 0xC0) != 0x80;
	for (; c->off > off; c->off--)
		c->cp -= (t[c->off - 1] & 0xC0) != 0x80;
	*out = c->cp;
	return 0;
}

static json_t *s_sarif_region(const memo_document *doc, s_cursor *cur,
	const memo_range *r, int snippet)
{
	json_t *o = json_pack("{s:I,s:I,s:I,s:I}",
		"startLine", (json_int_t)r->start.line,
		"startColumn", (json_int_t)r->start.column,
		"endLine", (json_int_t)r->end.line,
		"endColumn", (json_int_t)r->end.column);
	/* Character offsets only where the document text is the file's
	 * text: not for docx. */
	uint64_t a, b;
	if (memo_document_format(doc) != MEMO_FORMAT_DOCX &&
	    s_codepoints(doc, cur, r->start.offset, &a) == 0 &&
	    s_codepoints(doc, cur, r->end.offset, &b) == 0 && b >= a) {
		json_object_set_new(o, "charOffset", json_integer(
			(json_int_t)a));
		json_object_set_new(o, "charLength", json_integer(
			(json_int_t)(b - a)));
	}
	size_t tlen = 0;
	const char *text = memo_document_text(doc, &tlen);
	if (snippet && r->end.offset > r->start.offset && r->end.offset <=
	    tlen && r->end.offset - r->start.offset <= 2000)
		json_object_set_new(o, "snippet", json_pack("{s:o}", "text",
			tool_json_strn(text + r->start.offset,
			(size_t)(r->end.offset - r->start.offset))));
	return o;
}

static json_t *s_sarif_rules(void)
{
	json_t *rules = json_array();
	for (size_t i = 0; i < memo_rule_count(); i++) {
		const memo_rule *r = memo_rule_at(i);
		memo_severity_t sev = memo_rule_default_severity(r);
		json_t *conf = json_pack("{s:s}", "level", s_sarif_level(sev));
		if (sev == MEMO_SEVERITY_NONE)
			json_object_set_new(conf, "enabled", json_false());
		json_array_append_new(rules, json_pack(
			"{s:s,s:{s:s},s:{s:s},s:o}",
			"id", memo_rule_id(r),
			"shortDescription", "text", S(memo_rule_summary(r)),
			"fullDescription", "text", S(memo_rule_description(r)),
			"defaultConfiguration", conf));
	}
	return rules;
}

static int s_rule_index(const char *id)
{
	for (size_t i = 0; id && i < memo_rule_count(); i++)
		if (strcmp(memo_rule_id(memo_rule_at(i)), id) == 0)
			return (int)i;
	return -1;
}

static const char *s_mime(memo_format_t fmt)
{
	switch (fmt) {
	case MEMO_FORMAT_MARKDOWN: return "text/markdown";
	case MEMO_FORMAT_DOCX: return "application/vnd.openxmlformats-"
		"officedocument.wordprocessingml.document";
	default: return "text/plain";
	}
}

static json_t *s_sarif_result(const memo_document *doc, s_cursor *cur,
	const char *name, size_t artifact, const memo_finding *f)
{
	memo_range r;
	tool_finding_range(f, &r);
	const char *rule = memo_finding_rule_id(f);
	json_t *res = json_pack("{s:o}", "ruleId", tool_json_str(rule));
	int idx = s_rule_index(rule);
	if (idx >= 0)
		json_object_set_new(res, "ruleIndex", json_integer(idx));
	json_object_set_new(res, "level", json_string(s_sarif_level(
		memo_finding_severity(f))));
	json_object_set_new(res, "message", json_pack("{s:o}", "text",
		tool_json_str(memo_finding_message(f))));
	json_object_set_new(res, "locations", json_pack("[{s:{s:o,s:o}}]",
		"physicalLocation",
		"artifactLocation", s_sarif_artifact_location(name, artifact),
		"region", s_sarif_region(doc, cur, &r, 1)));

	/* docx: where the range starts inside the package */
	memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	if (memo_document_format(doc) == MEMO_FORMAT_DOCX &&
	    memo_document_docx_locate(doc, r.start.offset, &loc) == MEMO_OK) {
		const char *part = memo_document_part_name(doc, loc.part);
		const char *pid = memo_document_docx_para_id(doc, loc.part,
			loc.paragraph);
		json_t *d = json_pack("{s:o,s:I,s:I,s:I}",
			"part", tool_json_str(part),
			"paragraph", (json_int_t)loc.paragraph,
			"run", (json_int_t)loc.run,
			"runOffset", (json_int_t)loc.run_offset);
		if (pid)
			json_object_set_new(d, "paraId", tool_json_str(pid));
		json_object_set_new(res, "properties", json_pack("{s:o}",
			"docx", d));
	}

	/* Replacements as fixes: only where offsets are the file's. */
	size_t nrep = memo_finding_replacement_count(f);
	if (nrep && memo_document_format(doc) != MEMO_FORMAT_DOCX) {
		json_t *fixes = json_array();
		for (size_t i = 0; i < nrep; i++) {
			const char *t = memo_finding_replacement_at(f, i);
			if (!t)
				continue;
			char desc[512];
			snprintf(desc, sizeof desc, "Replace with \"%s\"", t);
			json_array_append_new(fixes, json_pack(
				"{s:{s:o},s:[{s:o,s:[{s:o,s:{s:o}}]}]}",
				"description", "text", tool_json_str(desc),
				"artifactChanges",
				"artifactLocation",
				s_sarif_artifact_location(name, artifact),
				"replacements",
				"deletedRegion", s_sarif_region(doc, cur, &r,
				0),
				"insertedContent", "text", tool_json_str(t)));
		}
		json_object_set_new(res, "fixes", fixes);
	}
	return res;
}

/* The run up to its results, which are streamed: cmd_lint() adds the
 * artifacts, the column kind and the invocation after them at the end. */
static json_t *s_sarif_new_run(void)
{
	char cwd[4096];
	json_t *run = json_pack("{s:{s:{s:s,s:s,s:s,s:s,s:o}}}",
		"tool", "driver",
		"name", "libmemo",
		"version", memo_version_string(),
		"semanticVersion", memo_version_string(),
		"informationUri", MEMO_TOOL_INFORMATION_URI,
		"rules", s_sarif_rules());
	if (getcwd(cwd, sizeof cwd - 2)) {
		size_t n = strlen(cwd);
		if (n == 0 || cwd[n - 1] != '/')
			strcat(cwd, "/");
		char *uri = s_uri(cwd);
		if (uri)
			json_object_set_new(run, "originalUriBaseIds", json_pack(
				"{s:{s:s}}", "SRCROOT", "uri", uri));
		free(uri);
	}
	json_object_set_new(run, "results", tool_json_stream_slot());
	return run;
}

/* ---- the command ------------------------------------------------------------ */

static int s_parse_fail_on(const char *v, int *out)
{
	if (strcmp(v, "info") == 0)
		*out = MEMO_SEVERITY_INFO;
	else if (strcmp(v, "warning") == 0)
		*out = MEMO_SEVERITY_WARNING;
	else if (strcmp(v, "error") == 0)
		*out = MEMO_SEVERITY_ERROR;
	else if (strcmp(v, "none") == 0 || strcmp(v, "never") == 0)
		*out = FAIL_NEVER;
	else
		return -1;
	return 0;
}

/* "--name VALUE" or "--name=VALUE" at argv[*i]; NULL when not. Sets
 * *missing when the value is missing. */
static const char *s_opt(int argc, char **argv, int *i, const char *name,
	int *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

int cmd_lint(int argc, char **argv)
{
	tool_session s;
	int out_fmt = OUT_TEXT, fail_on = MEMO_SEVERITY_WARNING, quiet = 0;
	int color_mode = TOOL_COLOR_AUTO, status = EXIT_CLEAN;
	if (tool_session_init(&s, "memo lint", argc)) {
		fprintf(stderr, "memo lint: out of memory\n");
		return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0, r;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			s_usage(stdout);
			goto done;
		} else if ((v = s_opt(argc, argv, &i, "--format", &missing))) {
			if (strcmp(v, "text") == 0)
				out_fmt = OUT_TEXT;
			else if (strcmp(v, "json") == 0)
				out_fmt = OUT_JSON;
			else if (strcmp(v, "sarif") == 0)
				out_fmt = OUT_SARIF;
			else {
				fprintf(stderr, "memo lint: --format: expected "
					"text, json or sarif, got '%s' (the input "
					"format is --input-format)\n", v);
				status = EXIT_USAGE;
				goto done;
			}
		} else if (!missing && (v = s_opt(argc, argv, &i, "--fail-on",
			&missing))) {
			if (s_parse_fail_on(v, &fail_on)) {
				fprintf(stderr, "memo lint: --fail-on: expected "
					"info, warning, error or none, got '%s'\n",
					v);
				status = EXIT_USAGE;
				goto done;
			}
		} else if (!missing && (v = s_opt(argc, argv, &i, "--color",
			&missing))) {
			if ((color_mode = tool_color_parse(v)) < 0) {
				fprintf(stderr, "memo lint: --color: expected "
					"auto, always or never, got '%s'\n", v);
				status = EXIT_USAGE;
				goto done;
			}
		} else if (missing) {
			fprintf(stderr, "memo lint: %s needs a value\n", a);
			status = EXIT_USAGE;
			goto done;
		} else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
			quiet = 1;
		} else if ((r = tool_session_option(&s, argc, argv, &i)) != 0) {
			if (r < 0) {
				status = EXIT_USAGE;
				goto done;
			}
		} else if (strcmp(a, "--") == 0) {
			while (++i < argc)
				tool_session_add_input(&s, argv[i]);
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "memo lint: unknown option %s\n\n", a);
			s_usage(stderr);
			status = EXIT_USAGE;
			goto done;
		} else {
			tool_session_add_input(&s, a);
		}
	}
	if ((status = tool_session_prepare(&s)) != EXIT_CLEAN)
		goto done;

	int color = out_fmt == OUT_TEXT && tool_color_enabled(color_mode,
		stdout);
	s_counts c = { 0 };
	/* JSON and SARIF are written as files are analysed: only the
	 * counts, and for SARIF each file's artifact and any error, are
	 * kept until the end */
	tool_json_stream st;
	json_t *run = NULL, *artifacts = NULL, *notes = NULL;
	if (out_fmt == OUT_JSON) {
		tool_json_stream_begin(&st, json_pack("{s:s,s:{s:s,s:s},s:o}",
			"schema", LINT_SCHEMA,
			"tool", "name", "libmemo", "version",
			memo_version_string(),
			"files", tool_json_stream_slot()), TOOL_JSON_FLAGS);
	} else if (out_fmt == OUT_SARIF) {
		run = s_sarif_new_run();
		artifacts = json_array();
		notes = json_array();
		tool_json_stream_begin(&st, json_pack("{s:s,s:s,s:[o]}",
			"$schema", SARIF_SCHEMA, "version", "2.1.0", "runs",
			json_incref(run)), TOOL_JSON_FLAGS);
	}
	c.files = s.ninputs;
	for (size_t k = 0; k < s.ninputs; k++) {
		const tool_input *in = &s.inputs[k];
		memo_document *doc = NULL;
		memo_report *rep = NULL;
		int rc = tool_load(&s, in, &doc);
		if (rc == MEMO_OK && (rc = memo_analyze(&rep, in->an, doc)))
			tool_print_error(in->name);
		if (rc != MEMO_OK) {
			c.unreadable++;
			if (out_fmt == OUT_JSON)
				tool_json_stream_item(&st, json_pack(
					"{s:o,s:o}", "file", tool_json_str(
					in->name), "error",
					tool_json_last_error()));
			if (run) {
				json_t *loc = s_sarif_artifact_location(
					in->name, k);
				json_object_del(loc, "index");
				json_array_append_new(artifacts, json_pack(
					"{s:o}", "location", loc));
				json_array_append_new(notes, json_pack(
					"{s:s,s:{s:s},s:{s:o},s:[{s:{s:o}}]}",
					"level", "error",
					"descriptor", "id", memo_status_str(
					memo_error_code(memo_error_last())),
					"message", "text", tool_json_str(
					memo_error_message(memo_error_last())),
					"locations", "physicalLocation",
					"artifactLocation",
					s_sarif_artifact_location(in->name, k)));
			}
			memo_document_free(doc);
			continue;
		}

		json_t *jfind = out_fmt == OUT_JSON ? json_array() : NULL;
		s_cursor cur = { 0, 0 };
		if (run) {
			json_t *loc = s_sarif_artifact_location(in->name, k);
			json_object_del(loc, "index");
			json_array_append_new(artifacts, json_pack("{s:o,s:s}",
				"location", loc,
				"mimeType", s_mime(memo_document_format(doc))));
		}
		size_t n = memo_report_finding_count(rep);
		for (size_t i = 0; i < n; i++) {
			const memo_finding *f = memo_report_finding_at(rep, i);
			int sev = (int)memo_finding_severity(f);
			if (sev < MEMO_SEVERITY_INFO || sev > MEMO_SEVERITY_ERROR)
				continue;
			c.findings++;
			c.by_sev[sev]++;
			if (sev >= fail_on)
				c.failing++;
			if (quiet && sev < fail_on)
				continue;
			if (out_fmt == OUT_TEXT)
				s_print_finding(in->name, f, color);
			else if (jfind)
				json_array_append_new(jfind,
					tool_json_finding(f));
			else if (run)
				tool_json_stream_item(&st, s_sarif_result(
					doc, &cur, in->name, k, f));
		}
		if (jfind) {
			double total = 0;
			const char *title = memo_document_title(doc);
			json_t *o = json_pack("{s:o,s:s,s:s,s:s,s:o,s:o}",
				"file", tool_json_str(in->name),
				"format", memo_format_name(
					memo_document_format(doc)),
				"kind", S(memo_report_kind(rep)),
				"kind_source", S(memo_report_kind_source(rep)),
				"title", title ? tool_json_str(title) :
					json_null(),
				"config", in->config ? tool_json_str(
					in->config) : json_null());
			json_object_set_new(o, "score",
				memo_report_score(rep, NULL, NULL, &total) ==
				MEMO_OK ? tool_json_number(total) : json_null());
			json_object_set_new(o, "subscores",
				tool_json_subscores(rep, NULL));
			json_object_set_new(o, "findings", jfind);
			tool_json_stream_item(&st, o);
		}
		memo_report_free(rep);
		memo_document_free(doc);
	}

	if (out_fmt == OUT_JSON) {
		json_object_set_new(st.root, "summary", json_pack(
			"{s:I,s:I,s:I,s:I,s:I,s:I}",
			"files", (json_int_t)c.files,
			"unreadable", (json_int_t)c.unreadable,
			"findings", (json_int_t)c.findings,
			"errors", (json_int_t)c.by_sev[MEMO_SEVERITY_ERROR],
			"warnings", (json_int_t)c.by_sev[MEMO_SEVERITY_WARNING],
			"infos", (json_int_t)c.by_sev[MEMO_SEVERITY_INFO]));
		tool_json_stream_end(&st);
	}
	if (run) {
		json_object_set_new(run, "artifacts", artifacts);
		json_object_set_new(run, "columnKind", json_string(
			"unicodeCodePoints"));
		json_t *inv = json_pack("{s:b}", "executionSuccessful",
			c.unreadable == 0);
		if (json_array_size(notes))
			json_object_set(inv, "toolExecutionNotifications",
				notes);
		json_object_set_new(run, "invocations", json_pack("[o]", inv));
		tool_json_stream_end(&st);
		json_decref(notes);
		json_decref(run);
	}
	fflush(stdout);
	if (out_fmt == OUT_TEXT && !quiet)
		s_print_summary(&c);

	if (c.unreadable)
		status = EXIT_UNREADABLE;
	else if (c.failing)
		status = EXIT_FINDINGS;
done:
	tool_session_free(&s);
	return status;
}
