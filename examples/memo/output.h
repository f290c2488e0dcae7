/*
 * output.h (tool) - what `memo lint` and `memo score` share: inputs
 * (files and standard input), configuration discovery with one analyzer
 * per configuration file, colors, and JSON helpers that follow the
 * project's JSON vocabulary (docs/lint.md).
 */
#ifndef MEMO_TOOL_OUTPUT_H
#define MEMO_TOOL_OUTPUT_H

#include <jansson.h>
#include <stdio.h>

#include "memo.h"

/* ---- inputs ------------------------------------------------------------ */

/* One input: a file, or standard input when path is NULL. */
typedef struct tool_input {
	const char *path;   /* as given on the command line; NULL = stdin */
	const char *name;   /* for messages, kind globs and format detection */
	const char *config; /* the .memo.ini that applies, or NULL (borrowed
	                       from the session) */
	memo_analyzer *an;  /* borrowed from the session */
} tool_input;

/* A setting given on the command line, applied after any .memo.ini. */
typedef struct tool_override {
	int what;           /* TOOL_SET_* */
	const char *key;
	const char *value;
} tool_override;

enum { TOOL_SET_NUMBER = 1, TOOL_SET_RULE, TOOL_SET_KIND };

/*
 * Options both subcommands accept, and the state built from them. Fill it
 * with tool_session_option() while parsing argv, then call
 * tool_session_prepare() once: it loads every configuration first, so a
 * bad .memo.ini stops the run (exit 2) before anything is printed.
 */
typedef struct tool_session {
	const char *cmd;              /* "memo lint", for messages */
	memo_parse_options opts;
	const char *config_path;      /* --config FILE */
	int no_config;                /* --no-config */
	int use_stdin;                /* --stdin or a "-" operand */
	const char *stdin_name;       /* --stdin-filename NAME */
	tool_override *overrides;
	size_t noverrides;
	tool_input *inputs;
	size_t ninputs;
	/* one analyzer per distinct configuration file */
	char **cfg_paths;             /* NULL entry = no configuration file */
	memo_analyzer **cfg_an;
	size_t ncfg;
} tool_session;

/* Initialise @s for argc arguments. Returns 0, or -1 when out of memory. */
int tool_session_init(tool_session *s, const char *cmd, int argc);

/* Release everything @s holds. */
void tool_session_free(tool_session *s);

/*
 * Try argv[*i] as a session option (--config, --no-config, --stdin,
 * --stdin-filename, --kind, --rule, --set, --input-format and the docx
 * parse options). Returns 1 when it was one (its value consumed), 0 when
 * not, -1 after printing a usage error.
 */
int tool_session_option(tool_session *s, int argc, char **argv, int *i);

/* Add an operand: a path, or "-" for standard input. */
void tool_session_add_input(tool_session *s, const char *path);

/*
 * Check the inputs and load the configurations. Returns EXIT_CLEAN or
 * EXIT_USAGE (after printing why).
 */
int tool_session_prepare(tool_session *s);

/*
 * Parse input @p in. Returns MEMO_OK, or a memo_status_t after printing
 * "memo: FILE: reason" on stderr; the libmemo error stays readable with
 * memo_error_last() for the caller's JSON.
 */
int tool_load(const tool_session *s, const tool_input *in,
	memo_document **out);

/* ---- colors ------------------------------------------------------------ */

enum { TOOL_COLOR_AUTO = 0, TOOL_COLOR_ALWAYS, TOOL_COLOR_NEVER };

/* Parse "always", "never" or "auto"; -1 for anything else. */
int tool_color_parse(const char *v);

/*
 * Whether to color output written to @p f: --color=always or never win;
 * auto colors a terminal unless NO_COLOR is set to a non-empty value or
 * TERM is "dumb".
 */
int tool_color_enabled(int mode, FILE *f);

/* ---- JSON -------------------------------------------------------------- */

/* A number as the library's JSON writes it: integers stay integers,
 * others are rounded to 6 decimals, NaN and infinities become null. */
json_t *tool_json_number(double v);

/* A JSON string of @p s (NULL = ""), or of its first @p n bytes: any
 * invalid UTF-8 becomes U+FFFD, so a bad byte in a name or a message
 * never drops a field (jansson refuses invalid UTF-8). */
json_t *tool_json_str(const char *s);
json_t *tool_json_strn(const char *s, size_t n);

/* {"offset","line","column"} and {"start","end"}. */
json_t *tool_json_pos(const memo_pos *p);
json_t *tool_json_range(const memo_range *r);

/* A finding in the project's vocabulary: rule, severity, message, range,
 * replacements. */
json_t *tool_json_finding(const memo_finding *f);

/* {"status": "MEMO_EIO", "message": "..."} for the last libmemo error. */
json_t *tool_json_last_error(void);

/* Write @p root to stdout, indented, followed by a newline. */
void tool_json_print(json_t *root);

/* A finding's range with line and column at least 1 (a whole-file
 * finding has an empty range at offset 0). */
void tool_finding_range(const memo_finding *f, memo_range *out);

/* The sub-scores of @p scope (NULL = the document) as {name: number}. */
json_t *tool_json_subscores(const memo_report *rep, const memo_node *scope);

#endif
