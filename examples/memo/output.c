/*
 * output.c - inputs, configuration discovery, colors and JSON helpers
 * shared by `memo lint` and `memo score`.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

int tool_session_init(tool_session *s, const char *cmd, int argc)
{
	memset(s, 0, sizeof *s);
	s->cmd = cmd;
	s->opts = (memo_parse_options)MEMO_PARSE_OPTIONS_INIT;
	size_t n = argc > 0 ? (size_t)argc + 1 : 1;
	s->overrides = calloc(n, sizeof *s->overrides);
	s->inputs = calloc(n, sizeof *s->inputs);
	/* at most one configuration per input, plus "none" */
	s->cfg_paths = calloc(n + 1, sizeof *s->cfg_paths);
	s->cfg_an = calloc(n + 1, sizeof *s->cfg_an);
	if (!s->overrides || !s->inputs || !s->cfg_paths || !s->cfg_an) {
		tool_session_free(s);
		return -1;
	}
	return 0;
}

void tool_session_free(tool_session *s)
{
	for (size_t i = 0; i < s->ncfg; i++) {
		free(s->cfg_paths[i]);
		memo_analyzer_free(s->cfg_an[i]);
	}
	free(s->cfg_paths);
	free(s->cfg_an);
	free(s->overrides);
	free(s->inputs);
	memset(s, 0, sizeof *s);
}

/* The value of option @p name at argv[*i]: "--name VALUE" or
 * "--name=VALUE". NULL when argv[*i] is another option; *missing is set
 * when it is this option without a value. */
static const char *s_value(int argc, char **argv, int *i, const char *name,
	int *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

static int s_add_override(tool_session *s, int what, const char *arg,
	const char *opt)
{
	tool_override *o = &s->overrides[s->noverrides];
	o->what = what;
	if (what == TOOL_SET_KIND) {
		o->key = "kind";
		o->value = arg;
	} else {
		const char *eq = strchr(arg, '=');
		if (!eq || eq == arg || !eq[1]) {
			fprintf(stderr, "%s: %s expects KEY=VALUE, got '%s'\n",
				s->cmd, opt, arg);
			return -1;
		}
		o->key = arg;   /* up to '=' */
		o->value = eq + 1;
	}
	s->noverrides++;
	return 1;
}

int tool_session_option(tool_session *s, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char *v;
	int missing = 0;
	if ((v = s_value(argc, argv, i, "--config", &missing))) {
		s->config_path = v;
		return 1;
	}
	if (!missing && (v = s_value(argc, argv, i, "--stdin-filename",
		&missing))) {
		s->stdin_name = v;
		return 1;
	}
	if (!missing && (v = s_value(argc, argv, i, "--kind", &missing)))
		return s_add_override(s, TOOL_SET_KIND, v, "--kind");
	if (!missing && (v = s_value(argc, argv, i, "--rule", &missing)))
		return s_add_override(s, TOOL_SET_RULE, v, "--rule");
	if (!missing && (v = s_value(argc, argv, i, "--set", &missing)))
		return s_add_override(s, TOOL_SET_NUMBER, v, "--set");
	if (!missing && (v = s_value(argc, argv, i, "--input-format",
		&missing))) {
		if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
			s->opts.format = MEMO_FORMAT_MARKDOWN;
		else if (strcmp(v, "docx") == 0)
			s->opts.format = MEMO_FORMAT_DOCX;
		else if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0)
			s->opts.format = MEMO_FORMAT_TEXT;
		else if (strcmp(v, "auto") == 0)
			s->opts.format = MEMO_FORMAT_AUTO;
		else {
			fprintf(stderr, "%s: --input-format: expected markdown, "
				"docx, text or auto, got '%s'\n", s->cmd, v);
			return -1;
		}
		return 1;
	}
	if (missing) {
		fprintf(stderr, "%s: %s needs a value\n", s->cmd, a);
		return -1;
	}
	if (strcmp(a, "--no-config") == 0) {
		s->no_config = 1;
		return 1;
	}
	if (strcmp(a, "--stdin") == 0) {
		s->use_stdin = 1;
		return 1;
	}
	int r = tool_parse_option(argc, argv, i, &s->opts);
	if (r < 0) {
		fprintf(stderr, "%s: bad value for %s\n", s->cmd, a);
		return -1;
	}
	return r;
}

void tool_session_add_input(tool_session *s, const char *path)
{
	tool_input *in = &s->inputs[s->ninputs++];
	memset(in, 0, sizeof *in);
	if (strcmp(path, "-") == 0) {
		in->path = NULL;
	} else {
		in->path = path;
		in->name = path;
	}
}

static int s_severity(const char *v, memo_severity_t *out)
{
	static const struct { const char *name; memo_severity_t sev; } t[] = {
		{ "off", MEMO_SEVERITY_NONE }, { "none", MEMO_SEVERITY_NONE },
		{ "info", MEMO_SEVERITY_INFO },
		{ "warning", MEMO_SEVERITY_WARNING },
		{ "error", MEMO_SEVERITY_ERROR },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strcmp(v, t[i].name) == 0) {
			*out = t[i].sev;
			return 0;
		}
	return -1;
}

/* Accept each word of the comma-separated @p list. */
static int s_accept_words(memo_config *cfg, const char *list)
{
	while (*list) {
		while (*list == ',' || *list == ' ' || *list == '\t')
			list++;
		size_t n = strcspn(list, ",");
		while (n && (list[n - 1] == ' ' || list[n - 1] == '\t'))
			n--;
		if (n) {
			char *w = strndup(list, n);
			int rc = w ? memo_config_accept_word(cfg, w) :
				MEMO_ENOMEM;
			free(w);
			if (rc)
				return rc;
		}
		list += n;
		while (*list && *list != ',')
			list++;
	}
	return MEMO_OK;
}

static int s_numeric_key(const char *key)
{
	for (size_t i = 0; i < memo_config_key_count(); i++)
		if (strcmp(memo_config_key_at(i), key) == 0)
			return 1;
	return 0;
}

int tool_config_set(memo_config *cfg, const char *cmd, const char *key,
	const char *value)
{
	char what[300];
	snprintf(what, sizeof what, "%s: --set %s", cmd, key);
	if (strcmp(key, "spelling.words") == 0) {
		if (s_accept_words(cfg, value) == MEMO_OK)
			return 0;
		tool_print_error(what + strlen(cmd) + 2);
		return -1;
	}
	/* a relative dictionary is relative to the current folder, not to
	 * the folder of the .memo.ini */
	char *abs = NULL;
	if (strcmp(key, "spelling.dictionary") == 0 && value[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof cwd) &&
		    (abs = malloc(strlen(cwd) + strlen(value) + 2)))
			sprintf(abs, "%s/%s", cwd, value);
	}
	int rc = memo_config_set_string(cfg, key, abs ? abs : value);
	free(abs);
	if (rc == MEMO_OK)
		return 0;
	if (rc != MEMO_ENOTFOUND) {
		tool_print_error(what + strlen(cmd) + 2);
		return -1;
	}
	if (!s_numeric_key(key)) {
		fprintf(stderr, "%s: unknown setting '%s' (docs/"
			"configuration.md lists them)\n", what, key);
		return -1;
	}
	char *end = NULL;
	errno = 0;
	double d = strtod(value, &end);
	if (errno || end == value || *end) {
		fprintf(stderr, "%s: not a number: '%s'\n", what, value);
		return -1;
	}
	if (memo_config_set_double(cfg, key, d)) {
		tool_print_error(what + strlen(cmd) + 2);
		return -1;
	}
	return 0;
}

/* Apply the command-line settings on top of the configuration file. */
static int s_apply_overrides(const tool_session *s, memo_config *cfg)
{
	for (size_t i = 0; i < s->noverrides; i++) {
		const tool_override *o = &s->overrides[i];
		char key[256];
		int rc;
		if (o->what == TOOL_SET_KIND) {
			if (memo_config_set_string(cfg, "kind", o->value)) {
				tool_print_error("--kind");
				return -1;
			}
			continue;
		}
		size_t klen = (size_t)(strchr(o->key, '=') - o->key);
		if (klen >= sizeof key) {
			fprintf(stderr, "%s: key too long: %s\n", s->cmd, o->key);
			return -1;
		}
		memcpy(key, o->key, klen);
		key[klen] = '\0';
		if (o->what == TOOL_SET_RULE) {
			memo_severity_t sev;
			if (s_severity(o->value, &sev)) {
				fprintf(stderr, "%s: --rule %s: severity must be "
					"off, info, warning or error\n", s->cmd,
					o->key);
				return -1;
			}
			rc = memo_config_set_rule(cfg, key, sev);
			if (rc) {
				fprintf(stderr, "%s: --rule %s: unknown rule "
					"'%s' (memo rules lists them)\n", s->cmd,
					o->key, key);
				return -1;
			}
			continue;
		}
		if (tool_config_set(cfg, s->cmd, key, o->value))
			return -1;
	}
	return 0;
}

/* The analyzer for configuration file @p path (NULL = none): made once
 * per distinct file. */
static int s_analyzer_for(tool_session *s, const char *path,
	const char **path_out, memo_analyzer **out)
{
	for (size_t i = 0; i < s->ncfg; i++) {
		const char *p = s->cfg_paths[i];
		if ((!p && !path) || (p && path && strcmp(p, path) == 0)) {
			*path_out = p;
			*out = s->cfg_an[i];
			return 0;
		}
	}
	memo_config *cfg = NULL;
	memo_analyzer *an = NULL;
	char *copy = NULL;
	if (memo_config_new(&cfg)) {
		tool_print_error(NULL);
		return -1;
	}
	if (path && memo_config_load_file(cfg, path)) {
		tool_print_error(path);
		memo_config_free(cfg);
		return -1;
	}
	if (s_apply_overrides(s, cfg)) {
		memo_config_free(cfg);
		return -1;
	}
	if (memo_analyzer_new(&an, cfg)) {
		tool_print_error(path ? path : "configuration");
		memo_config_free(cfg);
		return -1;
	}
	memo_config_free(cfg);
	if (path && !(copy = strdup(path))) {
		memo_analyzer_free(an);
		return -1;
	}
	s->cfg_paths[s->ncfg] = copy;
	s->cfg_an[s->ncfg] = an;
	s->ncfg++;
	*path_out = copy;
	*out = an;
	return 0;
}

/* The folder part of @p path ("." when it has none) into @p buf. */
static const char *s_dirname(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	if (n >= size)
		n = size - 1;
	memcpy(buf, path, n);
	buf[n] = '\0';
	return buf;
}

int tool_session_prepare(tool_session *s)
{
	size_t nstdin = 0;
	if (s->use_stdin) {
		int have = 0;
		for (size_t i = 0; i < s->ninputs; i++)
			have |= !s->inputs[i].path;
		if (!have)
			tool_session_add_input(s, "-");
	}
	for (size_t i = 0; i < s->ninputs; i++)
		nstdin += !s->inputs[i].path;
	if (s->ninputs == 0) {
		fprintf(stderr, "%s: no input: name files, or use --stdin "
			"(--help for usage)\n", s->cmd);
		return EXIT_USAGE;
	}
	if (nstdin > 1) {
		fprintf(stderr, "%s: standard input can be read only once\n",
			s->cmd);
		return EXIT_USAGE;
	}
	if (s->stdin_name && nstdin == 0) {
		fprintf(stderr, "%s: --stdin-filename needs --stdin or '-'\n",
			s->cmd);
		return EXIT_USAGE;
	}
	if (s->stdin_name && !*s->stdin_name) {
		fprintf(stderr, "%s: --stdin-filename is empty\n", s->cmd);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < s->ninputs; i++) {
		tool_input *in = &s->inputs[i];
		if (!in->path)
			in->name = s->stdin_name ? s->stdin_name : "<stdin>";
		char *found = NULL;
		const char *cfg = NULL;
		if (s->no_config) {
			cfg = NULL;
		} else if (s->config_path) {
			cfg = s->config_path;
		} else {
			/* The document's folder; for standard input the folder
			 * of --stdin-filename, else the current folder. */
			char dir[4096];
			const char *d = in->path ? s_dirname(in->path, dir,
				sizeof dir) : s->stdin_name ? s_dirname(
				s->stdin_name, dir, sizeof dir) : ".";
			if (memo_config_find(&found, d) != MEMO_OK && !in->path &&
			    strcmp(d, ".") != 0)
				memo_config_find(&found, ".");
			cfg = found;
		}
		int rc = s_analyzer_for(s, cfg, &in->config, &in->an);
		memo_free(found);
		memo_error_clear();
		if (rc)
			return EXIT_USAGE;
	}
	return EXIT_CLEAN;
}

static int s_read_stdin(char **out, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return MEMO_ENOMEM;
	for (;;) {
		if (n == cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return MEMO_ENOMEM;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, stdin);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(stdin)) {
		free(buf);
		return MEMO_EIO;
	}
	*out = buf;
	*len = n;
	return MEMO_OK;
}

int tool_load(const tool_session *s, const tool_input *in,
	memo_document **out)
{
	*out = NULL;
	int rc;
	if (in->path) {
		rc = memo_document_parse_file(out, in->path, &s->opts);
	} else {
		char *buf = NULL;
		size_t len = 0;
		rc = s_read_stdin(&buf, &len);
		if (rc) {
			fprintf(stderr, "memo: %s: cannot read standard input: "
				"%s\n", in->name, rc == MEMO_ENOMEM ?
				"out of memory" : strerror(errno));
			return rc;
		}
		rc = memo_document_parse(out, buf, len, in->name, &s->opts);
		free(buf);
	}
	if (rc)
		tool_print_error(in->name);
	return rc;
}

/* ---- colors ---------------------------------------------------------- */

int tool_color_parse(const char *v)
{
	if (strcmp(v, "auto") == 0)
		return TOOL_COLOR_AUTO;
	if (strcmp(v, "always") == 0)
		return TOOL_COLOR_ALWAYS;
	if (strcmp(v, "never") == 0)
		return TOOL_COLOR_NEVER;
	return -1;
}

int tool_color_enabled(int mode, FILE *f)
{
	if (mode == TOOL_COLOR_ALWAYS)
		return 1;
	if (mode == TOOL_COLOR_NEVER)
		return 0;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return 0;
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(f));
}

/* ---- JSON ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at @p p (at most @p n bytes), or 0. */
static size_t s_utf8_len(const unsigned char *p, size_t n)
{
	if (p[0] < 0x80)
		return 1;
	size_t len;
	unsigned cp, min;
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2; cp = p[0] & 0x1F; min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3; cp = p[0] & 0x0F; min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4; cp = p[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

json_t *tool_json_strn(const char *s, size_t n)
{
	if (!s)
		return json_string("");
	json_t *j = json_stringn(s, n);
	if (j)
		return j;
	/* invalid UTF-8: replace each bad byte with U+FFFD */
	char *buf = malloc(n * 3 + 1);
	if (!buf)
		return json_string("");
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t k = s_utf8_len(p + i, n - i);
		if (k) {
			memcpy(buf + o, p + i, k);
			o += k;
			i += k;
		} else {
			memcpy(buf + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		}
	}
	j = json_stringn(buf, o);
	free(buf);
	return j ? j : json_string("");
}

json_t *tool_json_str(const char *s)
{
	return tool_json_strn(s, s ? strlen(s) : 0);
}

json_t *tool_json_number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(round(v * 1e6) / 1e6);
}

json_t *tool_json_pos(const memo_pos *p)
{
	return json_pack("{s:I,s:I,s:I}", "offset", (json_int_t)p->offset,
		"line", (json_int_t)p->line, "column", (json_int_t)p->column);
}

json_t *tool_json_range(const memo_range *r)
{
	return json_pack("{s:o,s:o}", "start", tool_json_pos(&r->start),
		"end", tool_json_pos(&r->end));
}

void tool_finding_range(const memo_finding *f, memo_range *out)
{
	memo_finding_range(f, out);
	if (out->start.line == 0)
		out->start.line = 1;
	if (out->start.column == 0)
		out->start.column = 1;
	if (out->end.line < out->start.line)
		out->end.line = out->start.line;
	if (out->end.column == 0)
		out->end.column = 1;
	if (out->end.line == out->start.line &&
	    out->end.column < out->start.column)
		out->end.column = out->start.column;
}

json_t *tool_json_finding(const memo_finding *f)
{
	memo_range r;
	tool_finding_range(f, &r);
	json_t *reps = json_array();
	for (size_t i = 0; i < memo_finding_replacement_count(f); i++) {
		const char *t = memo_finding_replacement_at(f, i);
		if (t)
			json_array_append_new(reps, tool_json_str(t));
	}
	return json_pack("{s:o,s:s,s:o,s:o,s:o}",
		"rule", tool_json_str(memo_finding_rule_id(f)),
		"severity", memo_severity_name(memo_finding_severity(f)),
		"message", tool_json_str(memo_finding_message(f)),
		"range", tool_json_range(&r),
		"replacements", reps);
}

json_t *tool_json_last_error(void)
{
	const memo_error *e = memo_error_last();
	return json_pack("{s:s,s:o}", "status",
		memo_status_str(memo_error_code(e)), "message",
		tool_json_str(memo_error_message(e)));
}

void tool_json_print(json_t *root)
{
	json_dumpf(root, stdout, TOOL_JSON_FLAGS);
	fputc('\n', stdout);
}

/* ---- streamed JSON --------------------------------------------------------- */

/* The slot's value: control characters, which jansson escapes, so the
 * quoted form cannot come from a name the skeleton holds before it. */
#define SLOT "\001memo:stream-slot\001"
#define SLOT_QUOTED "\"\\u0001memo:stream-slot\\u0001\""

json_t *tool_json_stream_slot(void)
{
	return json_string(SLOT);
}

static void s_spaces(size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputc(' ', stdout);
}

/* The skeleton as text, and where its slot is (NULL when jansson ran
 * out of memory or there is no slot). */
static char *s_skeleton(const tool_json_stream *st, char **slot)
{
	char *text = json_dumps(st->root, st->flags | JSON_ENCODE_ANY);
	*slot = text ? strstr(text, SLOT_QUOTED) : NULL;
	return text;
}

void tool_json_stream_begin(tool_json_stream *st, json_t *root,
	size_t flags)
{
	char *slot;
	st->root = root;
	st->flags = flags;
	st->count = 0;
	st->indent = 0;
	char *text = s_skeleton(st, &slot);
	if (slot) {
		/* the slot's line is indented as the closing bracket */
		const char *line = slot;
		while (line > text && line[-1] != '\n')
			line--;
		while (*line == ' ')
			line++, st->indent++;
		fwrite(text, 1, (size_t)(slot - text), stdout);
	}
	free(text);
}

void tool_json_stream_item(tool_json_stream *st, json_t *item)
{
	size_t width = st->flags & JSON_MAX_INDENT;
	size_t indent = st->indent + width;
	char *text = json_dumps(item, st->flags | JSON_ENCODE_ANY);
	json_decref(item);
	if (!text)
		return;
	/* as jansson separates array items; every newline in its output
	 * is indentation (strings escape theirs), so each line of the
	 * item moves right by the array's depth */
	if (st->count++) {
		fputc(',', stdout);
		if (!width && !(st->flags & JSON_COMPACT))
			fputc(' ', stdout);
	} else {
		fputc('[', stdout);
	}
	if (width) {
		fputc('\n', stdout);
		s_spaces(indent);
	}
	for (const char *p = text, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			fputs(p, stdout);
			break;
		}
		fwrite(p, 1, (size_t)(nl - p) + 1, stdout);
		s_spaces(indent);
	}
	free(text);
}

void tool_json_stream_end(tool_json_stream *st)
{
	char *slot;
	if (!st->count) {
		fputs("[]", stdout);
	} else {
		if (st->flags & JSON_MAX_INDENT) {
			fputc('\n', stdout);
			s_spaces(st->indent);
		}
		fputc(']', stdout);
	}
	char *text = s_skeleton(st, &slot);
	if (slot)
		fputs(slot + strlen(SLOT_QUOTED), stdout);
	free(text);
	fputc('\n', stdout);
	json_decref(st->root);
	st->root = NULL;
}

void tool_json_list_begin(tool_json_list *l, size_t ninputs, size_t flags)
{
	memset(l, 0, sizeof *l);
	l->st.flags = flags;
	l->single = ninputs == 1;
	if (l->single)
		l->one = json_array();
	else
		tool_json_stream_begin(&l->st, tool_json_stream_slot(),
			flags);
}

void tool_json_list_add(tool_json_list *l, json_t *item)
{
	if (l->single)
		json_array_append_new(l->one, item);
	else
		tool_json_stream_item(&l->st, item);
}

void tool_json_list_end(tool_json_list *l)
{
	if (!l->single) {
		tool_json_stream_end(&l->st);
		return;
	}
	json_dumpf(json_array_size(l->one) == 1 ? json_array_get(l->one, 0) :
		l->one, stdout, l->st.flags);
	fputc('\n', stdout);
	json_decref(l->one);
	l->one = NULL;
}

json_t *tool_json_subscores(const memo_report *rep, const memo_node *scope)
{
	json_t *o = json_object();
	for (size_t i = 0; i < memo_subscore_count(); i++) {
		const char *name = memo_subscore_name(i);
		double v = 0;
		json_object_set_new(o, name,
			memo_report_score(rep, scope, name, &v) == MEMO_OK ?
			tool_json_number(v) : json_null());
	}
	return o;
}
