/*
 * memo.h - the public API of libmemo.
 *
 * libmemo reads business memos (six-page narratives, PR/FAQs, one-pagers,
 * decision memos) from Markdown, .docx and plain text, builds a section
 * tree with exact source positions, measures how compressed and
 * evidence-bearing the writing is, and reports findings.
 *
 * This is the only header a program includes. Everything declared under
 * include/memo/ is public API; anything else is not.
 */
#ifndef MEMO_H
#define MEMO_H

#include "memo/version.h"
#include "memo/common.h"
#include "memo/error.h"
#include "memo/document.h"
#include "memo/finding.h"
#include "memo/node.h"
#include "memo/analyzer.h"
#include "memo/report.h"

#endif /* MEMO_H */
