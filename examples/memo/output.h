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
 * Apply `--set KEY=VALUE` to @p cfg: any key of docs/configuration.md's
 * [memo] and [spelling] sections (numbers, kind, spelling.language,
 * spelling.dictionary, relative to the current folder, and
 * spelling.words, a comma-separated list). Returns 0, or -1 after
 * printing why, prefixed with @p cmd.
 */
int tool_config_set(memo_config *cfg, const char *cmd, const char *key,
	const char *value);

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

/* How the tool writes JSON: indented by 2, keys in insertion order. */
#define TOOL_JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | \
	JSON_REAL_PRECISION(12))

/* Write @p root to stdout, indented, followed by a newline. */
void tool_json_print(json_t *root);

/*
 * A JSON document with one array written item by item: the output is
 * byte for byte what json_dumpf(root, stdout, flags) and a newline would
 * write for the whole document, but only one item is held at a time, so
 * memory is bounded by the largest item, not by the number of inputs.
 *
 * Build the document's skeleton with tool_json_stream_slot() where the
 * array goes, and call tool_json_stream_begin(): it writes everything
 * before the array. Then tool_json_stream_item() for each item, and
 * tool_json_stream_end(), which writes the rest of the skeleton: members
 * added to its objects after the slot (a summary, totals) are written
 * then, after the array.
 */
typedef struct tool_json_stream {
	json_t *root;      /* the skeleton (owned) */
	size_t flags;
	size_t count;      /* items written */
	size_t indent;     /* spaces before the array's closing bracket */
} tool_json_stream;

/* A new reference to the placeholder of the streamed array. */
json_t *tool_json_stream_slot(void);

/* Write @p root (stolen) up to its slot. */
void tool_json_stream_begin(tool_json_stream *st, json_t *root,
	size_t flags);

/* Write @p item (stolen) as the array's next item. */
void tool_json_stream_item(tool_json_stream *st, json_t *item);

/* Close the array, write the rest of the skeleton and a newline, and
 * release the skeleton. */
void tool_json_stream_end(tool_json_stream *st);

/*
 * One JSON value per input, as `memo stats --json`, `memo outline --json`
 * and `memo score --json` print them: the value alone for a single input
 * that gave one, else an array of them, streamed when there are several
 * inputs.
 */
typedef struct tool_json_list {
	tool_json_stream st;
	int single;        /* one input: its value is printed at the end */
	json_t *one;       /* the array holding it */
} tool_json_list;

void tool_json_list_begin(tool_json_list *l, size_t ninputs,
	size_t flags);
void tool_json_list_add(tool_json_list *l, json_t *item);   /* stolen */
void tool_json_list_end(tool_json_list *l);

/* A finding's range with line and column at least 1 (a whole-file
 * finding has an empty range at offset 0). */
void tool_finding_range(const memo_finding *f, memo_range *out);

/* The sub-scores of @p scope (NULL = the document) as {name: number}. */
json_t *tool_json_subscores(const memo_report *rep, const memo_node *scope);

#endif
