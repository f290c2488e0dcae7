/*
 * rules.c - `memo rules`: the rule registry, read at run time.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "memo.h"

int cmd_rules(int argc, char **argv)
{
	int json = 0, verbose = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[i], "--long") == 0 ||
		           strcmp(argv[i], "-l") == 0) {
			verbose = 1;
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: memo rules [--json] [--long]\n\n"
				"List every rule: id, default severity, "
				"summary (--long: the documentation).\n");
			return EXIT_CLEAN;
		} else {
			fprintf(stderr, "memo rules: unknown option %s\n",
				argv[i]);
			return EXIT_USAGE;
		}
	}
	json_t *arr = json ? json_array() : NULL;
	for (size_t i = 0; i < memo_rule_count(); i++) {
		const memo_rule *r = memo_rule_at(i);
		const char *sev = memo_severity_name(
			memo_rule_default_severity(r));
		if (arr) {
			json_array_append_new(arr, json_pack(
				"{s:s,s:s,s:s,s:s}", "rule", memo_rule_id(r),
				"severity", sev, "summary", memo_rule_summary(r),
				"description", memo_rule_description(r)));
			continue;
		}
		printf("%-28s %-8s %s\n", memo_rule_id(r), sev,
			memo_rule_summary(r));
		if (verbose)
			printf("    %s\n\n", memo_rule_description(r));
	}
	if (arr) {
		json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		printf("\n");
		json_decref(arr);
	}
	return EXIT_CLEAN;
}
