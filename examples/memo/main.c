/*
 * main.c - the `memo` command: dispatch to subcommands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"

static void s_usage(FILE *f)
{
	fprintf(f,
"usage: memo <command> [options] FILE...\n"
"\n"
"commands:\n"
"  outline   print the section tree (level, title, words, lines)\n"
"  stats     measure the writing: metrics per document and section\n"
"  rules     list the rules findings come from\n"
"  lint      print findings: file:line:col: severity: message [rule]\n"
"  score     the score card: kind, score, sub-scores, sections, advice\n"
"\n"
"FILE may be '-' for standard input. Run 'memo <command> --help' for the\n"
"options of a command. Exit status: 0 ok, 1 findings, 2 usage,\n"
"3 a file could not be read.\n");
}

void tool_print_error(const char *what)
{
	const memo_error *e = memo_error_last();
	const char *msg = memo_error_message(e);
	if (what && (!memo_error_file(e) || strstr(msg, what) != msg))
		fprintf(stderr, "memo: %s: %s [%s]\n", what, msg,
			memo_status_str(memo_error_code(e)));
	else
		fprintf(stderr, "memo: %s [%s]\n", msg,
			memo_status_str(memo_error_code(e)));
}

int tool_parse_option(int argc, char **argv, int *i,
	memo_parse_options *opts)
{
	const char *a = argv[*i];
	if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
		const char *v = a[8] == '=' ? a + 9 : (*i + 1 < argc ?
			argv[++*i] : NULL);
		if (!v)
			return -1;
		if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
			opts->format = MEMO_FORMAT_MARKDOWN;
		else if (strcmp(v, "docx") == 0)
			opts->format = MEMO_FORMAT_DOCX;
		else if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0)
			opts->format = MEMO_FORMAT_TEXT;
		else if (strcmp(v, "auto") == 0)
			opts->format = MEMO_FORMAT_AUTO;
		else
			return -1;
		return 1;
	}
	if (strcmp(a, "--keep-deletions") == 0) {
		opts->flags |= MEMO_PARSE_KEEP_DELETIONS;
		return 1;
	}
	if (strcmp(a, "--drop-insertions") == 0) {
		opts->flags |= MEMO_PARSE_DROP_INSERTIONS;
		return 1;
	}
	if (strcmp(a, "--promote-fake-headings") == 0) {
		opts->flags |= MEMO_PARSE_PROMOTE_FAKE_HEADINGS;
		return 1;
	}
	if (strcmp(a, "--no-notes") == 0) {
		opts->flags |= MEMO_PARSE_NO_NOTES;
		return 1;
	}
	if (strcmp(a, "--strict-utf8") == 0) {
		opts->flags |= MEMO_PARSE_STRICT_UTF8;
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		s_usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
	    strcmp(cmd, "help") == 0) {
		s_usage(stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("memo (libmemo) %s\n", memo_version_string());
		return EXIT_CLEAN;
	}
	if (memo_version() != MEMO_VERSION_NUMBER) {
		fprintf(stderr, "memo: library version %s does not match the "
			"headers (%s)\n", memo_version_string(),
			MEMO_VERSION_STRING);
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "outline") == 0)
		return cmd_outline(argc - 1, argv + 1);
	if (strcmp(cmd, "stats") == 0)
		return cmd_stats(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return cmd_rules(argc - 1, argv + 1);
	if (strcmp(cmd, "lint") == 0)
		return cmd_lint(argc - 1, argv + 1);
	if (strcmp(cmd, "score") == 0)
		return cmd_score(argc - 1, argv + 1);
	fprintf(stderr, "memo: unknown command '%s'\n\n", cmd);
	s_usage(stderr);
	return EXIT_USAGE;
}
