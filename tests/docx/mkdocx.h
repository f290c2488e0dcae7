/*
 * mkdocx.h - build small .docx packages in memory for the unit tests,
 * from inline XML strings, with libzip. No file from the corpus is
 * copied into the repository: every fixture is made at test time.
 */
#ifndef MKDOCX_H
#define MKDOCX_H

#include <stdbool.h>
#include <stddef.h>

/* One zip entry. data NULL = empty. store = no compression. */
typedef struct mkzip_entry {
	const char *name;
	const char *data;
	size_t len;        /* 0 = strlen(data) */
	bool store;
} mkzip_entry;

/* Zip the entries; returns malloc'd bytes (free()), NULL on failure. */
char *mkzip(const mkzip_entry *e, size_t n, size_t *len_out);

/* A word-processing package. NULL parts are left out. */
typedef struct mkdocx_spec {
	const char *body;        /* inner XML of w:body (w: and friends
	                            declared on w:document) */
	const char *document;    /* whole main part instead of body */
	const char *main_name;   /* default "word/document.xml" */
	const char *styles;      /* inner XML of w:styles */
	const char *numbering;   /* inner XML of w:numbering */
	const char *footnotes;   /* inner XML of w:footnotes */
	const char *endnotes;    /* inner XML of w:endnotes */
	const char *comments;    /* inner XML of w:comments */
	bool strict;             /* ISO strict namespaces */
	bool no_content_types;
	bool no_root_rels;
	bool default_xml_main;   /* main type via Default Extension=xml */
	bool store;              /* store, do not deflate */
	const mkzip_entry *extra; /* more entries */
	size_t nextra;
} mkdocx_spec;

char *mkdocx(const mkdocx_spec *spec, size_t *len_out);

/* Namespace declarations used on the root elements. */
#define MK_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MK_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"

#endif
