/*
 * config_file.c - .memo.ini: reading it (with inih) and finding it.
 *
 * The format is documented in docs/configuration.md. Every unknown
 * section or key, and every bad value, is an error naming the file and
 * line: a typo must never be silently ignored.
 */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"

typedef struct s_load {
	memo_config *cfg;
	const char *path;
	FILE *f;
	uint32_t line;        /* the line inih is on */
	int rc;               /* first error */
} s_load;

/* inih reads line by line through this, so we know the line number. */
static char *s_reader(char *str, int num, void *stream)
{
	s_load *ld = stream;
	char *p = fgets(str, num, ld->f);
	if (p)
		ld->line++;
	return p;
}

static int s_fail(s_load *ld, int code, const char *fmt, const char *a,
	const char *b)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	if (ld->rc == MEMO_OK)
		ld->rc = memo__error_set(code, ld->path, NULL, ld->line, 0,
			"%s", msg);
	return 0; /* stop: inih reports the first error line */
}

/* A setter failed with rc: out of memory stays MEMO_ENOMEM; anything
 * else is the file's fault, reported with fmt. */
static int s_fail_rc(s_load *ld, int rc, const char *fmt, const char *a,
	const char *b)
{
	if (rc == MEMO_ENOMEM)
		return s_fail(ld, MEMO_ENOMEM, "out of memory%s%s", NULL, NULL);
	return s_fail(ld, MEMO_EINVALID, fmt, a, b);
}

static bool s_parse_number(const char *v, double *out)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == v || *end || errno)
		return false;
	*out = d;
	return true;
}

static int s_severity(const char *v, memo_severity_t *out)
{
	static const struct { const char *name; memo_severity_t sev; } t[] = {
		{ "off", MEMO_SEVERITY_NONE }, { "none", MEMO_SEVERITY_NONE },
		{ "false", MEMO_SEVERITY_NONE }, { "info", MEMO_SEVERITY_INFO },
		{ "suggestion", MEMO_SEVERITY_INFO },
		{ "warning", MEMO_SEVERITY_WARNING },
		{ "on", MEMO_SEVERITY_WARNING },
		{ "error", MEMO_SEVERITY_ERROR },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strcmp(v, t[i].name) == 0) {
			*out = t[i].sev;
			return 0;
		}
	return -1;
}

/* Call fn for each item of a comma-separated list. */
static int s_each(s_load *ld, const char *v,
	int (*fn)(s_load *, const char *, void *), void *arg)
{
	char item[256];
	while (*v) {
		while (*v == ' ' || *v == '\t' || *v == ',')
			v++;
		const char *e = v;
		while (*e && *e != ',')
			e++;
		size_t n = (size_t)(e - v);
		while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		if (n) {
			if (n >= sizeof item)
				return s_fail(ld, MEMO_EINVALID,
					"list item too long in '%s'%s", v, NULL);
			memcpy(item, v, n);
			item[n] = '\0';
			if (fn(ld, item, arg) == 0)
				return 0;
		}
		v = e;
	}
	return 1;
}

static int s_add_word(s_load *ld, const char *w, void *arg)
{
	(void)arg;
	if (memo_config_accept_word(ld->cfg, w))
		return s_fail(ld, MEMO_ENOMEM, "out of memory%s%s", NULL,
			NULL);
	return 1;
}

static int s_lex_edit(s_load *ld, const char *w, void *arg)
{
	const char **ctx = arg; /* [0] = lexicon, [1] = "add"/"remove" */
	int rc = strcmp(ctx[1], "add") == 0 ?
		memo_config_lexicon_add(ld->cfg, ctx[0], w) :
		memo_config_lexicon_remove(ld->cfg, ctx[0], w);
	if (rc)
		return s_fail_rc(ld, rc, "bad lexicon entry '%s' for '%s'", w,
			ctx[0]);
	return 1;
}

static int s_handler(void *user, const char *section, const char *name,
	const char *value)
{
	s_load *ld = user;
	memo_config *cfg = ld->cfg;
	double d;
	int rc;
	/* inih goes on after an error; the first one stays the thread's
	 * error, so nothing more is done */
	if (ld->rc != MEMO_OK)
		return 0;
	if (strcmp(section, "memo") == 0 || strcmp(section, "") == 0) {
		rc = memo_config_set_string(cfg, name, value);
		if (rc == MEMO_OK)
			return 1;
		if (rc != MEMO_ENOTFOUND)
			return s_fail_rc(ld, rc, "bad value '%s' for %s",
				value, name);
		if (!s_parse_number(value, &d))
			return s_fail(ld, MEMO_EINVALID, "unknown key '%s' or "
				"bad number '%s'", name, value);
		rc = memo_config_set_double(cfg, name, d);
		if (rc == MEMO_ENOTFOUND)
			return s_fail(ld, MEMO_EINVALID, "unknown key '%s'%s",
				name, NULL);
		if (rc)
			return s_fail(ld, MEMO_EINVALID, "value '%s' out of "
				"range for %s", value, name);
		return 1;
	}
	if (strcmp(section, "rules") == 0) {
		memo_severity_t sev;
		if (s_severity(value, &sev))
			return s_fail(ld, MEMO_EINVALID, "bad severity '%s' for "
				"%s (off, info, warning, error)", value, name);
		if ((rc = memo_config_set_rule(cfg, name, sev)) != MEMO_OK)
			return s_fail_rc(ld, rc, "unknown rule '%s'%s", name,
				NULL);
		return 1;
	}
	if (strcmp(section, "score") == 0) {
		char key[128];
		snprintf(key, sizeof key, "score.%s", name);
		if (!s_parse_number(value, &d) ||
		    memo_config_set_double(cfg, key, d))
			return s_fail(ld, MEMO_EINVALID, "bad score setting "
				"'%s = %s'", name, value);
		return 1;
	}
	if (strcmp(section, "kinds") == 0) {
		if ((rc = memo_config_set_kind_for(cfg, name, value)) != 0)
			return s_fail_rc(ld, rc, "unknown kind '%s' for '%s'",
				value, name);
		return 1;
	}
	if (strcmp(section, "spelling") == 0) {
		if (strcmp(name, "words") == 0)
			return s_each(ld, value, s_add_word, NULL);
		char key[128];
		snprintf(key, sizeof key, "spelling.%s", name);
		rc = memo_config_set_string(cfg, key, value);
		if (rc == MEMO_ENOTFOUND && s_parse_number(value, &d))
			rc = memo_config_set_double(cfg, key, d);
		if (rc)
			return s_fail_rc(ld, rc, "unknown spelling setting "
				"or bad value '%s'%s", name, NULL);
		return 1;
	}
	if (strncmp(section, "lexicon.", 8) == 0) {
		const char *lex = section + 8;
		bool known = false;
		for (size_t i = 0; i < memo_lexicon_count(); i++)
			known |= strcmp(memo_lexicon_name(i), lex) == 0;
		if (!known)
			return s_fail(ld, MEMO_EINVALID, "unknown lexicon "
				"section [%s]%s", section, NULL);
		if (strcmp(name, "add") != 0 && strcmp(name, "remove") != 0)
			return s_fail(ld, MEMO_EINVALID, "unknown key '%s' in "
				"[%s] (add, remove)", name, section);
		const char *ctx[2] = { lex, name };
		return s_each(ld, value, s_lex_edit, ctx);
	}
	return s_fail(ld, MEMO_EINVALID, "unknown section [%s]%s", section,
		NULL);
}

int memo_config_load_file(memo_config *cfg, const char *path)
{
	if (!cfg || !path)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_load_file: NULL argument");
	s_load ld = { cfg, path, NULL, 0, MEMO_OK };
	ld.f = fopen(path, "r");
	if (!ld.f)
		return memo__error_set(MEMO_EIO, path, NULL, 0, 0,
			"cannot open: %s", strerror(errno));
	int line = ini_parse_stream(s_reader, &ld, s_handler, &ld);
	fclose(ld.f);
	if (ld.rc != MEMO_OK)
		return ld.rc;
	if (line < 0)
		return memo__error_set(MEMO_ENOMEM, path, NULL, 0, 0,
			"out of memory reading the file");
	if (line > 0)
		return memo__error_set(MEMO_EINVALID, path, NULL, (uint32_t)line,
			0, "syntax error (expected [section] or key = value)");
	/* remember the folder for relative paths */
	const char *slash = strrchr(path, '/');
	char *dir = slash ? memo__strndup(path, (size_t)(slash - path)) :
		memo__strndup(".", 1);
	if (!dir)
		return memo__error_oom();
	memo__free(cfg->dir);
	cfg->dir = dir;
	return MEMO_OK;
}

int memo_config_find(char **out, const char *start_dir)
{
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_find: out is NULL");
	*out = NULL;
	if (!start_dir || !*start_dir)
		start_dir = ".";
	char *dir = realpath(start_dir, NULL);
	if (!dir)
		return memo__error_set(MEMO_ENOTFOUND, start_dir, NULL, 0, 0,
			"cannot resolve folder: %s", strerror(errno));
	size_t cap = strlen(dir) + 16;
	char *path = memo__malloc(cap);
	if (!path) {
		free(dir);
		return memo__error_oom();
	}
	for (;;) {
		struct stat st;
		snprintf(path, cap, "%s/.memo.ini", strcmp(dir, "/") == 0 ?
			"" : dir);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			free(dir);
			*out = path;
			return MEMO_OK;
		}
		char *slash = strrchr(dir, '/');
		if (!slash || strcmp(dir, "/") == 0)
			break;
		if (slash == dir)
			dir[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	memo__free(path);
	return memo__error_set(MEMO_ENOTFOUND, start_dir, NULL, 0, 0,
		"no .memo.ini in this folder or its parents");
}
