/*
 * fuzz_config.c - the configuration reader (memo_config_load_file, inih)
 * and what a configuration turns into: an analyzer, and an analysis.
 *
 * Input: byte 0 = what to do after loading (below), bytes 1..3 =
 * allocation-failure injection into the load, then the .memo.ini text.
 * The text is written to a file in a private temporary folder, since
 * the reader takes a path; relative paths in it resolve in that folder.
 *
 * byte 0: bit 0 load a second time on top, bit 1 make an analyzer,
 * bit 2 analyze a small memo with it; loading a hunspell dictionary is
 * slow (~0.1 s), so the analyzer keeps spelling only when the low four
 * bits are all set.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

static char s_dir[64];
static char s_path[96];

static void s_cleanup(void)
{
	unlink(s_path);
	rmdir(s_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(s_dir, sizeof s_dir, "%s/memo-fuzz-XXXXXX",
		tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	if (!mkdtemp(s_dir))
		fz_die("mkdtemp failed");
	snprintf(s_path, sizeof s_path, "%s/.memo.ini", s_dir);
	atexit(s_cleanup);
	return 0;
}

static void s_write(const uint8_t *p, size_t n)
{
	int fd = open(s_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		fz_die("cannot write %s", s_path);
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k <= 0)
			fz_die("cannot write %s", s_path);
		p += k;
		n -= (size_t)k;
	}
	close(fd);
}

static int s_load(memo_config **cfg, uint8_t b0)
{
	int rc = memo_config_new(cfg);
	if (rc != MEMO_OK)
		return rc;
	rc = memo_config_load_file(*cfg, s_path);
	if (rc == MEMO_OK && (b0 & 1))
		rc = memo_config_load_file(*cfg, s_path);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char memo_md[] =
		"# Press release\n\nWe launch Zork today. It is very fast, "
		"and clearly the best; sales grew 12% because of it.\n\n"
		"## FAQ\n\n- Why? Because customers asked.\n";
	fz_in in = { data, size };
	uint8_t b0 = fz_byte(&in);
	fz_in fail = in;
	fz_byte(&in), fz_byte(&in), fz_byte(&in);
	if (!s_dir[0])
		LLVMFuzzerInitialize(NULL, NULL);
	s_write(in.p, in.n);

	memo_config *cfg = NULL;
	fz_fail_begin(&fail);
	int rc = s_load(&cfg, b0);
	bool hit = fz_fail_end();
	FZ_ASSERT(rc <= 0);
	if (rc != MEMO_OK) {
		const memo_error *e = memo_error_last();
		FZ_ASSERT(memo_error_code(e) == rc && memo_error_message(e));
	}
	if (!hit)
		FZ_ASSERT(rc == MEMO_OK || rc == MEMO_EINVALID);
	if (hit && rc != MEMO_OK && rc != MEMO_ENOMEM) {
		memo_config *c2 = NULL;
		int rc2 = s_load(&c2, b0);
		memo_config_free(c2);
		fz_fail_check("memo_config_load_file", hit, rc, rc2);
	}
	if (rc != MEMO_OK || !(b0 & 2)) {
		memo_config_free(cfg);
		return 0;
	}
	double v;
	for (size_t i = 0; i < memo_config_key_count(); i++)
		(void)memo_config_get_double(cfg, memo_config_key_at(i), &v);
	if ((b0 & 0x0f) != 0x0f)
		FZ_ASSERT(memo_config_set_rule(cfg, "spelling",
			MEMO_SEVERITY_NONE) == MEMO_OK);
	memo_analyzer *an = NULL;
	rc = memo_analyzer_new(&an, cfg);
	memo_config_free(cfg);
	/* a named dictionary may be missing or bad; a language unknown */
	FZ_ASSERT(rc == MEMO_OK || rc == MEMO_ENOTFOUND ||
		rc == MEMO_EINVALID || rc == MEMO_EFORMAT || rc == MEMO_EIO);
	if (rc != MEMO_OK)
		return 0;
	if (b0 & 4) {
		memo_document *doc = NULL;
		memo_report *rep = NULL;
		FZ_ASSERT(memo_document_parse(&doc, memo_md, sizeof memo_md - 1,
			(b0 & 0x80) ? "docs/prfaq.md" : "memo.md", NULL) ==
			MEMO_OK);
		rc = memo_analyze(&rep, an, doc);
		FZ_ASSERT(rc == MEMO_OK);
		char *json = NULL;
		FZ_ASSERT(memo_report_to_json(rep, 0, &json, NULL) == MEMO_OK);
		memo_free(json);
		memo_report_free(rep);
		memo_document_free(doc);
	}
	memo_analyzer_free(an);
	return 0;
}
