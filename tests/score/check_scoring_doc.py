#!/usr/bin/env python3
"""check_scoring_doc.py DOC SCORE_C - docs/scoring.md's component table
(between <!-- score-table:begin --> and <!-- score-table:end -->) must
list exactly the components of libmemo/analyze/score.c's s_comps table, in
the same order: sub-score, metric, weight, curve points and advice. Also
checks the per-sub-score weight sums the document states."""
import re
import sys

SUBS = {"SUB_COMPRESSION": "compression", "SUB_EVIDENCE": "evidence",
        "SUB_CAUSALITY": "causality", "SUB_JUDGMENT": "judgment",
        "SUB_STRUCTURE": "structure"}


def num(s):
    return float(s.strip())


def code_table(path):
    src = open(path, encoding="utf-8").read()
    defines = dict(re.findall(r'#define\s+(P_\w+)\s+"([^"]+)"', src))
    body = re.search(r"s_comps\[\]\s*=\s*\{(.*?)\n\};", src, re.S)
    if not body:
        sys.exit(f"{path}: no s_comps table")
    rows = []
    row_re = re.compile(
        r'\{\s*(SUB_\w+)\s*,\s*("[^"]*"|P_\w+)\s*,\s*([\d.]+)\s*,\s*(\d+)'
        r'\s*,\s*\{([^}]*)\}\s*,\s*\{([^}]*)\}\s*,\s*"([^"]*)"\s*\}', re.S)
    for m in row_re.finditer(body.group(1)):
        sub, metric, w, n, xs, ys, advice = m.groups()
        metric = metric.strip('"') if metric.startswith('"') \
            else defines[metric]
        xs = [num(v) for v in xs.split(",")]
        ys = [num(v) for v in ys.split(",")]
        if len(xs) != int(n) or len(ys) != int(n):
            sys.exit(f"{path}: {metric}: npts {n} but {len(xs)} x and "
                     f"{len(ys)} y values")
        if any(b <= a for a, b in zip(xs, xs[1:])):
            sys.exit(f"{path}: {metric}: x values not ascending: {xs}")
        rows.append((SUBS[sub], metric, num(w), xs, ys, advice))
    # every row of the initializer must have been parsed
    nrows = body.group(1).count("{ SUB_")
    if nrows != len(rows):
        sys.exit(f"{path}: parsed {len(rows)} of {nrows} component rows")
    return rows


def doc_table(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"<!-- score-table:begin -->(.*?)<!-- score-table:end -->",
                  text, re.S)
    if not m:
        sys.exit(f"{path}: no score-table markers")
    rows = []
    for line in m.group(1).splitlines():
        line = line.strip()
        if not line.startswith("|") or line.startswith("|---") or \
                line.startswith("| sub-score"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) != 5:
            sys.exit(f"{path}: bad table row: {line}")
        sub, metric, w, curve, advice = cells
        xs, ys = [], []
        for pt in curve.split(","):
            x, y = pt.split("→")
            xs.append(num(x))
            ys.append(num(y))
        rows.append((sub, metric.strip("`"), num(w), xs, ys, advice))
    return rows, text


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_scoring_doc.py DOC SCORE_C")
    doc, text = doc_table(sys.argv[1])
    code = code_table(sys.argv[2])
    bad = 0
    if len(doc) != len(code):
        print(f"docs list {len(doc)} components, score.c {len(code)}")
        bad = 1
    for i, (d, c) in enumerate(zip(doc, code)):
        if d != c:
            print(f"component {i + 1} differs:\n  docs:    {d}\n"
                  f"  score.c: {c}")
            bad = 1
    # "Sum of the weights per sub-score: compression 6.5, ..."
    sums = {}
    for sub, _, w, _, _, _ in code:
        sums[sub] = sums.get(sub, 0) + w
    m = re.search(r"Sum of the weights per sub-score:(.*?)\.\n", text, re.S)
    if not m:
        print("docs: no 'Sum of the weights per sub-score' sentence")
        bad = 1
    else:
        stated = dict((k, num(v)) for k, v in
                      re.findall(r"(\w+) ([\d.]+)", m.group(1)))
        if stated != sums:
            print(f"weight sums: docs {stated}, score.c {sums}")
            bad = 1
    print(f"{len(code)} components compared")
    return bad


if __name__ == "__main__":
    sys.exit(main())
