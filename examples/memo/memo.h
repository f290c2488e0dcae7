/*
 * memo.h (tool) - shared declarations of the `memo` command's subcommands.
 * The tool is a thin client of libmemo: it only uses <memo.h>.
 */
#ifndef MEMO_TOOL_H
#define MEMO_TOOL_H

#include <memo.h>
#include <stdio.h>

/* Exit statuses shared by every subcommand. */
enum {
	EXIT_CLEAN = 0,      /* ran, nothing at or above --fail-on */
	EXIT_FINDINGS = 1,   /* findings at or above --fail-on */
	EXIT_USAGE = 2,      /* bad command line */
	EXIT_UNREADABLE = 3  /* at least one input could not be read */
};

int cmd_outline(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_score(int argc, char **argv);

/* Print "memo: <message>" for the thread's last libmemo error. */
void tool_print_error(const char *what);

/* Shared option parsing for parse flags: returns 1 when argv[*i] was a
 * parse option (and consumes its value), 0 when not, -1 on a bad value. */
int tool_parse_option(int argc, char **argv, int *i,
	memo_parse_options *opts);

#endif
