#!/usr/bin/env python3
"""Regenerate the seed corpora in fuzz/corpus/<harness>/.

The seeds are small: inline Markdown, INI and WordprocessingML written
here, the bundled example memo, and tiny zips built with the standard
library's zipfile. Nothing comes from ../shared/corpus (it is read in
place, never copied). Each seed starts with the option bytes that its
harness reads first (see the comment at the top of each fuzz_*.c).

Usage: python3 fuzz/make-seeds.py   (from anywhere; rewrites the folders)
       python3 fuzz/make-seeds.py --from-corpus CORPUS OUT
The second form writes extra seeds for a local campaign (docs/fuzzing.md)
into OUT/<harness>/: files of the shared corpus (CORPUS/md, CORPUS/docx),
sampled, with the option bytes in front. OUT must be outside the tree:
the corpus is never copied into the repository.
"""
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEP = b"\n--PART--\n"
NOFAIL = b"\x00\x00\x00"     # fz_fail_begin: no injection

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
NS = ('xmlns:w="%s" xmlns:w14="http://schemas.microsoft.com/office/word/'
      '2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-'
      'compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/'
      'officeDocument/2006/relationships" xmlns:m="http://schemas.'
      'openxmlformats.org/officeDocument/2006/math" xmlns:wps="http://'
      'schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_MAIN = ("application/vnd.openxmlformats-officedocument."
           "wordprocessingml.document.main+xml")

MD = {
    "headings": "# Purpose\n\nText.\n\n## Scope\n\nMore text.\n\n"
                "Setext\n======\n\nSub\n---\n\n### Deep ###\n",
    "lists": "- one\n- two\n  - nested *emph* and **strong**\n"
             "    1. ordered\n    2. second\n\n3) start at 3\n4) four\n\n"
             "- [ ] task\n- [x] done\n",
    "quotes": "> quote\n> > nested quote\n> - list in quote\n>\n"
              "> ```\n> code\n> ```\n",
    "table": "| a | b |\n|---|:-:|\n| 1 | **2** |\n| `x|y` | [l](u) |\n",
    "code": "```c\nint x;\n```\n\n    indented code\n\n~~~\ntilde\n~~~\n"
            "Inline `code` and ``double ` tick``.\n",
    "front": "---\ntitle: A memo\nkind: prfaq\n---\n# Headline\n\nBody.\n",
    "html": "<!-- memo-disable hedge -->\nIt might work.\n"
            "<!-- memo-enable -->\n<div>\nraw *html*\n</div>\n\n"
            "a <span>b</span> &amp; &copy; &#x41; &#65;\n",
    "breaks": "line one  \nline two\\\nline three\r\nCRLF line\r\n\r\n"
              "para\n",
    "links": "[ref][1] <http://x.y> ![img](p.png \"t\") www.example.com\n\n"
             "[1]: http://example.com\n\n~~strike~~ $x$ __u__\n",
    "utf8": "\ufeff# T\u00edtulo\n\n\u00c9t\u00e9 \u2014 na\u00efve "
            "\U0001F600 caf\u00e9.\n",
    "fake_heading": "**Bold line as heading**\n\nParagraph after it.\n\n"
                    "Appendix A\n\n# Appendix\n\nMore.\n",
}
BAD_UTF8 = b"# Bad \xff\xfe bytes\n\nText \xc3\x28 and \xe2\x82 end\x00.\n"

PRFAQ = """# Zork launches today

## Press release

SEATTLE - Today we launch Zork, which cuts setup time by 40% for 1,200
teams. We might possibly see very significant growth, since customers
asked for it. "It is great," said Jane Doe, our VP.

## FAQ

### Why now?

Because churn rose from 3% to 5% in Q3 and the survey of 400 users shows
setup is the main cause. The form was redesigned by the team.

### What does it cost?

It costs $2 per seat, which is roughly a lot cheaper than the alternatives.

## Appendix

| metric | value |
|---|---|
| users | 1200 |
"""

INI = {
    "full": (
        "[memo]\nkind = narrative\nsentence.max_words = 25\n"
        "page.words = 500\n\n[rules]\nhedge = error\npadding.passive = off\n"
        "prfaq.* = info\n\n[lexicon.hedge]\nadd = might well, we hope\n"
        "remove = would\n\n[kinds]\nprfaq/*.md = prfaq\n*-coe.docx = coe\n\n"
        "[spelling]\nwords = libmemo, Kubernetes\n\n[score]\n"
        "weight.evidence = 2\nweight.structure = 0.5\n"),
    "spelling": "; comment\n[spelling]\nlanguage = en_US\nsuggest = 1\n",
    "dict": "[spelling]\ndictionary = dict/en_GB.dic\nwords = gamma\n",
    "errors": "[memo]\nsentence.max_words = 100000\n[nope]\nx = y\n",
    "syntax": "key without section = 1\n[rules\nno equals sign\n",
    "lexicons": "".join("[lexicon.%s]\nadd = zork\nremove = very\n" % l
                        for l in ("hedge", "booster", "vague", "attribution",
                                  "filler", "nominalization", "adverb",
                                  "activity", "decision", "tradeoff",
                                  "causal", "slogan", "cliche")),
}


def body(paras):
    return ("<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>"
            % (NS % W, "".join(paras)))


def p(text, style=None, extra=""):
    ppr = ('<w:pPr><w:pStyle w:val="%s"/>%s</w:pPr>' % (style, extra)
           if style else (extra and "<w:pPr>%s</w:pPr>" % extra))
    return '<w:p w14:paraId="1A2B3C4D">%s<w:r><w:t xml:space="preserve">%s'\
           '</w:t></w:r></w:p>' % (ppr or "", text)


XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
STYLES = (XML_HEAD + '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr/>'
          '</w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
          '<w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name '
          'w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr>'
          '<w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name '
          'w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr>'
          '<w:outlineLvl w:val="1"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name '
          'w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name '
          'w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/>'
          '</w:numPr></w:pPr></w:style>'
          '<w:style w:type="character" w:styleId="Code"><w:name '
          'w:val="Source Code"/><w:rPr><w:vanish w:val="0"/></w:rPr>'
          '</w:style></w:styles>' % (NS % W))
NUMBERING = (XML_HEAD + '<w:numbering %s><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
             'w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="3"/>'
             '<w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride '
             'w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
             '</w:num></w:numbering>' % (NS % W))
FOOTNOTES = (XML_HEAD + '<w:footnotes %s><w:footnote w:id="0" '
             'w:type="separator"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1">%s</w:footnote>'
             '</w:footnotes>' % (NS % W, p("A footnote with 12% data.")))
ENDNOTES = (XML_HEAD + '<w:endnotes %s><w:endnote w:id="1">%s</w:endnote>'
            '</w:endnotes>' % (NS % W, p("An endnote.")))
COMMENTS = (XML_HEAD + '<w:comments %s><w:comment w:id="0" w:author="A">'
            '%s</w:comment></w:comments>' % (NS % W, p("Reviewer note.")))

DOCS = {
    "basic": body([
        p("A memo", "Title"), p("Purpose", "Heading1"),
        p("We might possibly ship it; sales grew 12%."),
        p("Scope", "Heading2"), p("Item one", "ListBullet"),
        p("Item two", None, '<w:numPr><w:ilvl w:val="1"/><w:numId '
          'w:val="2"/></w:numPr>'),
        '<w:p><w:r><w:t>Note</w:t></w:r><w:r><w:footnoteReference '
        'w:id="1"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>x'
        '</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>']),
    "table": body([
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>'
        '<w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr/>%s</w:tc><w:tc>%s'
        '</w:tc></w:tr><w:tr><w:tc><w:tbl><w:tr><w:tc>%s</w:tc></w:tr>'
        '</w:tbl></w:tc></w:tr></w:tbl>' % (p("h1"), p("h2"), p("nested"))]),
    "changes": body([
        '<w:p><w:r><w:t>kept </w:t></w:r><w:ins w:id="1" w:author="a">'
        '<w:r><w:t>inserted </w:t></w:r></w:ins><w:del w:id="2" '
        'w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
        '<w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:moveTo>'
        '<w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>',
        '<w:p><w:pPr><w:pPrChange><w:pPr/></w:pPrChange></w:pPr><w:r>'
        '<w:rPr><w:b/><w:rPrChange><w:rPr/></w:rPrChange></w:rPr><w:t>'
        'Bold fake heading</w:t></w:r></w:p>']),
    "fields": body([
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        '<w:instrText> HYPERLINK "http://x" </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>link</w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple '
        'w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:hyperlink '
        'r:id="rId9"><w:r><w:t>here</w:t></w:r></w:hyperlink><w:r><w:tab/>'
        '<w:br/><w:cr/><w:sym w:char="F0E0"/><w:noBreakHyphen/>'
        '<w:softHyphen/><w:ptab/></w:r></w:p>']),
    "boxes": body([
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        '<w:drawing><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>'
        '<w:txbxContent>%s</w:txbxContent></v:textbox></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r></w:p>'
        % (p("in a box"), p("fallback")),
        '<w:sdt><w:sdtPr/><w:sdtContent>%s</w:sdtContent></w:sdt>'
        % p("content control"),
        '<w:p><m:oMathPara><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>'
        '</m:oMathPara><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t>'
        '</w:r></w:p>']),
}


def strict(xml):
    return xml.replace(W, W_STRICT)


def content_types(extra=""):
    return (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="%s"/>%s</Types>' % (CT_MAIN, extra))


ROOT_RELS = (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats'
             '.org/package/2006/relationships"><Relationship Id="rId1" '
             'Type="%sofficeDocument" Target="word/document.xml"/>'
             '</Relationships>' % REL)


def doc_rels(parts):
    rels = "".join('<Relationship Id="rId%d" Type="%s%s" Target="%s.xml"/>'
                   % (i + 2, REL, t, t) for i, t in enumerate(parts))
    return (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships">%s<Relationship Id="rId9" '
            'Type="%shyperlink" Target="http://x" TargetMode="External"/>'
            '</Relationships>' % (rels, REL))


PART_ORDER = ["styles", "numbering", "footnotes", "endnotes", "comments"]
PART_XML = {"styles": STYLES, "numbering": NUMBERING,
            "footnotes": FOOTNOTES, "endnotes": ENDNOTES,
            "comments": COMMENTS}


def docx_entries(document, parts=PART_ORDER, transform=lambda x: x):
    e = [("[Content_Types].xml", content_types()),
         ("_rels/.rels", ROOT_RELS),
         ("word/_rels/document.xml.rels", doc_rels(parts)),
         ("word/document.xml", XML_HEAD + document)]
    e += [("word/%s.xml" % n, PART_XML[n]) for n in parts]
    return [(n, transform(x).encode()) for n, x in e]


def zipped(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            zi.compress_type = method
            z.writestr(zi, data)
    return b.getvalue()


def parts_layout(document, parts=PART_ORDER, transform=lambda x: x):
    """fz_docx_from_parts order: document, styles, numbering, footnotes,
    endnotes, comments (all present here)."""
    chunks = [XML_HEAD + document] + [PART_XML[n] for n in PART_ORDER]
    return SEP.join(transform(c).encode() for c in chunks)


def entries_layout(entries):
    return SEP.join(n.encode() + b"\n" + d for n, d in entries)


class Out:
    def __init__(self, harness):
        self.dir = os.path.join(HERE, "corpus", harness)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def add(self, label, data):
        h = hashlib.sha1(data).hexdigest()[:12]
        with open(os.path.join(self.dir, "%s-%s" % (label, h)), "wb") as f:
            f.write(data)


def pandoc_docx(md_path):
    if not shutil.which("pandoc"):
        return None
    with tempfile.TemporaryDirectory() as t:
        out = os.path.join(t, "x.docx")
        try:
            subprocess.run(["pandoc", "-f", "gfm", "-t", "docx", "-o", out,
                            md_path], check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        # re-zip: stable timestamps, so the seed does not change per run
        with zipfile.ZipFile(out) as z:
            entries = [(i.filename, z.read(i)) for i in z.infolist()
                       if not i.filename.startswith("docProps/")]
        return zipped(entries)


def main():
    example = os.path.join(ROOT, "examples", "memos",
                           "onboarding-six-pager.md")
    with open(example, "rb") as f:
        example_md = f.read()

    # parse_md: byte 0 flags|entry, byte 1 limits, 3 injection bytes
    o = Out("parse_md")
    o.add("example", b"\x00\x00" + NOFAIL + example_md)
    for i, (k, v) in enumerate(sorted(MD.items())):
        o.add(k, bytes([(i % 5) << 5 | (i & 0x1f) & 0x07, 0]) + NOFAIL +
              v.encode())
    o.add("bad-utf8", b"\x08\x00" + NOFAIL + BAD_UTF8)
    o.add("text", b"\x20\x00" + NOFAIL + b"Para one\nstill one\n\n\nPara "
          b"two.\r\n\r\nThree\n")
    o.add("deep", b"\x00\x85" + NOFAIL + b"> " * 40 + b"- " * 40 + b"x\n")
    o.add("allocfail", b"\x00\x00\x01\x05\x00" + MD["lists"].encode())

    # parse_docx: byte 0 flags|layout, byte 1 limits, 3 injection bytes
    o = Out("parse_docx")
    for k, d in sorted(DOCS.items()):
        o.add("zip-" + k, b"\x00\x00" + NOFAIL + zipped(docx_entries(d)))
        o.add("parts-" + k, b"\x80\x00" + NOFAIL + parts_layout(d))
    o.add("zip-stored", b"\x00\x00" + NOFAIL +
          zipped(docx_entries(DOCS["basic"]), zipfile.ZIP_STORED))
    o.add("zip-strict", b"\x00\x00" + NOFAIL +
          zipped(docx_entries(DOCS["basic"], transform=strict)))
    o.add("parts-strict", b"\xa0\x00" + NOFAIL +
          parts_layout(DOCS["basic"], transform=strict))
    o.add("entries", b"\xc0\x00" + NOFAIL +
          entries_layout(docx_entries(DOCS["basic"])))
    o.add("entries-nomain", b"\xc0\x00" + NOFAIL + entries_layout(
        [("[Content_Types].xml", content_types().encode()),
         ("_rels/.rels", ROOT_RELS.replace("word/document.xml",
                                          "/Word/Document.XML").encode()),
         ("Word/Document.XML", (XML_HEAD + DOCS["table"]).encode())]))
    o.add("ole", b"\x00\x00" + NOFAIL + b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" +
          b"\x00" * 56 + "WordDocument".encode("utf-16-le"))
    o.add("changes-flags", b"\x91\x00" + NOFAIL +
          parts_layout(DOCS["changes"]))
    o.add("allocfail", b"\x80\x00\x01\x20\x00" + parts_layout(DOCS["basic"]))
    pd = pandoc_docx(example)
    if pd:
        o.add("pandoc-example", b"\x00\x00" + NOFAIL + pd)

    # analyze: byte 0 flags|format, byte 1 analyzer|json, 3 injection bytes
    o = Out("analyze")
    o.add("example", b"\x00\x44" + NOFAIL + example_md)
    o.add("prfaq", b"\x00\x01" + NOFAIL + PRFAQ.encode())
    o.add("prfaq-all", b"\x00\x4d" + NOFAIL + PRFAQ.encode())
    o.add("prfaq-kind", b"\x00\x02" + NOFAIL + PRFAQ.encode())
    o.add("text", b"\x60\x43" + NOFAIL + PRFAQ.encode())
    o.add("md-html", b"\x00\x40" + NOFAIL + MD["html"].encode())
    o.add("docx-basic", b"\xa0\x40" + NOFAIL + parts_layout(DOCS["basic"]))
    o.add("docx-changes", b"\xa0\xc1" + NOFAIL + parts_layout(DOCS["changes"]))
    o.add("allocfail", b"\x00\x00\x01\x40\x00" + PRFAQ.encode())

    # config: byte 0 actions, 3 injection bytes, the INI text
    o = Out("config")
    for k, v in sorted(INI.items()):
        o.add(k, b"\x06" + NOFAIL + v.encode())
    o.add("spell-kept", b"\x0f" + NOFAIL + INI["spelling"].encode())
    o.add("allocfail", b"\x06\x01\x03\x00" + INI["full"].encode())
    return 0


def from_corpus(corpus, out):
    import glob
    import random
    if os.path.abspath(out).startswith(ROOT + os.sep):
        sys.exit("make-seeds: OUT must be outside the source tree")
    rnd = random.Random(7)
    md = sorted(p for p in glob.glob(os.path.join(corpus, "md", "**", "*.md"),
                                     recursive=True)
                if os.path.getsize(p) <= 32000)
    docx = sorted(p for p in glob.glob(os.path.join(corpus, "docx", "**",
                                                    "*.docx"), recursive=True)
                  if os.path.getsize(p) <= 128000)
    for h in ("parse_md", "parse_docx", "analyze"):
        os.makedirs(os.path.join(out, h), exist_ok=True)

    def put(h, name, head, path, cap=None):
        with open(path, "rb") as f:
            data = f.read()
        with open(os.path.join(out, h, name), "wb") as f:
            f.write(bytes(head) + NOFAIL + (data[:cap] if cap else data))

    for i, p in enumerate(rnd.sample(md, min(400, len(md)))):
        put("parse_md", "md%04d" % i, [rnd.choice([0, 0, 2, 0x20, 0x40]), 0],
            p)
    for i, p in enumerate(rnd.sample(md, min(150, len(md)))):
        put("analyze", "md%04d" % i, [0, rnd.choice([0x40, 0x41, 0x42, 0x43])],
            p, 60000)
    for i, p in enumerate(rnd.sample(docx, min(400, len(docx)))):
        put("parse_docx", "dx%04d" % i, [rnd.choice([0, 0, 1, 0x10]), 0], p)
    for i, p in enumerate(rnd.sample(docx, min(60, len(docx)))):
        put("analyze", "dx%04d" % i, [0x80, 0x40], p, 65000)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--from-corpus":
        sys.exit(from_corpus(sys.argv[2], sys.argv[3]))
    if len(sys.argv) > 1:
        sys.exit(__doc__)
    sys.exit(main())
