#!/usr/bin/env python3
"""make-docx.py OUT.docx - write a minimal .docx for the memo tool tests:
a heading, two body paragraphs and a tracked insertion (so reading it
gives a parse.tracked-changes finding whatever the analysis rules do)."""
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="W_NS">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Checkout redesign</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">We might possibly want to improve the checkout, which could significantly help many customers.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Abandonment rose from 18% to 26% </w:t></w:r><w:ins w:id="1" w:author="Reviewer" w:date="2024-04-04T00:00:00Z"><w:r><w:t>in March </w:t></w:r></w:ins><w:r><w:t>because the form rejected valid postcodes.</w:t></w:r></w:p>
</w:body>
</w:document>
""".replace("W_NS", W)

def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make-docx.py OUT.docx')
    with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', DOCUMENT)

if __name__ == '__main__':
    main()
