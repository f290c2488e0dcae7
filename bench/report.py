#!/usr/bin/env python3
"""Turn scripts/bench.sh's raw outputs into the Markdown summary.

usage: report.py RAW_DIR   (prints Markdown to stdout)
"""
import json
import re
import os
import statistics
import sys

# The targets of the foundation issue.
MD_TARGET_MBPS = 150.0
DOCX_FLOOR_RATIO = 0.80
BIG_RSS_X_TEXT = 4.0

raw = sys.argv[1]


def path(name):
    return os.path.join(raw, name)


def load(name):
    try:
        with open(path(name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def lines(name):
    try:
        with open(path(name)) as f:
            return [l.rstrip("\n") for l in f if l.strip()]
    except OSError:
        return []


def runs(name):
    """Median seconds and failures over "seconds failures" lines."""
    rows = [l.split() for l in lines(name)]
    if not rows:
        return None, None
    secs = [float(r[0]) for r in rows]
    return statistics.median(secs), int(rows[0][1])


def rss(name):
    """Median and max peak RSS (KiB) of successful processes."""
    kb = []
    for l in lines(name):
        parts = l.split(" ", 2)
        try:
            if parts[1] == "0":
                kb.append(int(parts[0]))
        except (IndexError, ValueError):
            pass
    if not kb:
        return None, None
    return statistics.median(kb), max(kb)


def fmt(x, spec=".1f", none="n/a"):
    return none if x is None else format(x, spec)


def status(ok):
    return "**met**" if ok else "**missed**"


machine = {}
for l in lines("machine.txt"):
    k, _, v = l.partition(": ")
    machine[k] = v

out = []
w = out.append
w("# libmemo parse benchmark")
w("")
w("Produced by `scripts/bench.sh` on %s (commit %s)." %
  (machine.get("date", "?"), machine.get("commit", "?")))
w("")
w("| machine | |")
w("|---|---|")
for k in ("cpu", "nproc", "pinned", "kernel", "compiler", "md4c", "libzip",
          "libxml2", "pandoc", "load before", "load after"):
    if k in machine:
        w("| %s | %s |" % (k, machine[k]))
w("")
if float(machine.get("load before", "0").split()[0] or 0) > 1.5:
    w("**Warning: the machine was busy (load average above) while this "
      "ran; another job shared the pinned core, so absolute figures are "
      "low and noisy. Ratios between engines, measured in interleaved "
      "passes, hold up better, and so do the CPU-time figures (process CPU "
      "time leaves out the time the scheduler gave to other jobs).**")
    w("")
w("MB = 10^6 bytes of input files (the .md text, or the .docx package as "
  "stored: compressed). Times are wall-clock medians of %s timed passes "
  "after one warm-up pass, files already in memory, parsed one at a time "
  "in one process pinned to one core; a file's time covers parse + free. "
  "Peak RSS net = per-engine VmHWM minus the RSS with the corpus loaded." %
  machine.get("repeat", "?"))
w("")

# ---- throughput -----------------------------------------------------------
w("## Throughput, one process")
w("")
w("| file set | engine | files (ok) | MB | median s | MB/s | best-pass MB/s "
  "| MB/s by CPU time | files/s | MB/s on files all engines parsed "
  "| peak RSS net KiB | failures |")
w("|---|---|---|---|---|---|---|---|---|---|---|---|")
res = {}
for name in ("md_all", "md_sample", "docx_all", "docx_sample"):
    j = load(name + ".json")
    if j is None:
        w("| %s | (missing) | | | | | | | | |" % name)
        continue
    res[name] = j
    for en, e in j["engines"].items():
        a, ok, com = e["all"], e["ok"], e["common"]
        fails = ", ".join("%s %d" % kv for kv in e["failures"].items())
        best = a["bytes"] / 1e6 / a["min_s"] if a["min_s"] > 0 else 0
        w("| %s | %s | %d (%d) | %.2f | %.4f | %.1f | %.1f | %.1f | %.1f "
          "| %.1f (%d files) | %d | %s |" % (
              name, en, a["files"], ok["files"], a["bytes"] / 1e6,
              a["median_s"], a["mb_per_s"], best, a["cpu_mb_per_s"],
              a["files_per_s"],
              com["mb_per_s"], com["files"], e["net_kb"],
              fails or "none"))
w("")

# ---- memory case ------------------------------------------------------------
w("## Memory case: bug65649.docx (own process per line)")
w("")
w("| engine | warm-up | text bytes | parse ms | baseline KiB | peak RSS raw KiB "
  "(x text) | peak RSS net KiB (x text) |")
w("|---|---|---|---|---|---|---|")
singles = {}
for n in ("single_memo", "single_memo_warm", "single_floor",
          "single_floor_warm", "single_floorsax", "single_floorsax_warm"):
    s = load(n + ".json")
    if s is None:
        continue
    singles[n] = s
    w("| %s | %s | %d | %.1f | %d | %d (%.2f) | %d (%.2f) |" % (
        s["engine"], "yes" if s["warm"] else "no", s["text_bytes"],
        s["parse_ms"], s["base_kb"], s["peak_kb"], s["peak_x_text"],
        s["net_kb"], s["net_x_text"]))
for n, label in (("single_pandoc.time", "pandoc -f docx -t json"),
                 ("single_memo_cli.time", "memo outline (whole process)")):
    t = lines(n)
    if t and t[-1] != "fail" and len(t[-1].split()) == 2:
        sec, kb = t[-1].split()
        w("| %s | — | | %.1f | | %s (GNU time %%M) | |" %
          (label, float(sec) * 1e3, kb))
    elif t:
        w("| %s | — | | failed | | | |" % label)
w("")

# ---- pandoc -----------------------------------------------------------------
start = load("start.json")
start_ms = {}
if start:
    for r in start["results"]:
        key = "pandoc" if "pandoc" in r["command"] else "memo"
        start_ms[key] = r["median"] * 1e3
w("## Beside pandoc, same sample (every %s-th file), same run" %
  machine.get("every", "?"))
w("")
w("Process start cost (hyperfine, empty .md, median): pandoc %s ms, "
  "`memo outline` %s ms." % (fmt(start_ms.get("pandoc")),
                              fmt(start_ms.get("memo"), ".2f")))
w("")
w("| corpus | files | pandoc, 1 process/file: s (failures) | pandoc files/s "
  "| pandoc s less start cost | pandoc peak RSS median / max KiB "
  "| memo outline, 1 process/file: s (failures) "
  "| libmemo in-process s | libmemo vs pandoc, per process "
  "| libmemo vs pandoc, in-process vs pandoc less start |")
w("|---|---|---|---|---|---|---|---|---|---|")
for kind in ("md", "docx"):
    samp = res.get(kind + "_sample")
    nfiles = len(lines(kind + "_sample.list"))
    ps, pf = runs("pandoc_%s.runs" % kind)
    ms, mf = runs("memo_cli_%s.runs" % kind)
    prm, prx = rss("pandoc_%s.rss" % kind)
    inproc = samp["engines"]["memo"]["all"]["median_s"] if samp else None
    less = None
    if ps is not None and "pandoc" in start_ms:
        less = ps - nfiles * start_ms["pandoc"] / 1e3
    w("| %s | %d | %s (%s) | %s | %s | %s / %s | %s (%s) | %s | %s | %s |" % (
        kind, nfiles, fmt(ps, ".2f"), fmt(pf, "d"),
        fmt(nfiles / ps if ps else None), fmt(less, ".2f"),
        fmt(prm, ".0f"), fmt(prx, ".0f"), fmt(ms, ".2f"), fmt(mf, "d"),
        fmt(inproc, ".4f"),
        (fmt(ps / ms, ".1f") + "x") if ps and ms else "n/a",
        (fmt(less / inproc, ".0f") + "x") if less and inproc else "n/a"))
w("")

# ---- targets ------------------------------------------------------------------
w("## Targets")
w("")
w("| target | measured | status |")
w("|---|---|---|")
md = res.get("md_all")
if md:
    for key, clock in (("mb_per_s", "wall"), ("cpu_mb_per_s", "CPU time")):
        m = md["engines"]["memo"]["all"][key]
        c = md["engines"].get("md4c", {}).get("all", {}).get(key)
        w("| Markdown into the tree >= %.0f MB/s (one core, full corpus), "
          "by %s | %.1f MB/s (md4c alone: %s MB/s; libmemo = %s of md4c) "
          "| %s |" % (MD_TARGET_MBPS, clock, m, fmt(c),
                      fmt(m / c * 100 if c else None, ".0f") + "%",
                      status(m >= MD_TARGET_MBPS)))
dx = res.get("docx_all")
if dx and "floor" in dx["engines"]:
    for key, clock in (("mb_per_s", "wall"), ("cpu_mb_per_s", "CPU time")):
        m = dx["engines"]["memo"]["common"][key]
        f = dx["engines"]["floor"]["common"][key]
        w("| docx >= %.0f%% of the bare libzip+libxml2 floor (%d files both "
          "parse), by %s | libmemo %.1f MB/s, floor %.1f MB/s: %.0f%% "
          "| %s |" % (DOCX_FLOOR_RATIO * 100,
                      dx["engines"]["memo"]["common"]["files"], clock, m, f,
                      m / f * 100, status(m >= DOCX_FLOOR_RATIO * f)))
    if "floorsax" in dx["engines"]:
        for key, clock in (("mb_per_s", "wall"),
                           ("cpu_mb_per_s", "CPU time")):
            m = dx["engines"]["memo"]["common"][key]
            f = dx["engines"]["floorsax"]["common"][key]
            w("| (information) docx vs the SAX2 floor (same extraction with "
              "libxml2's SAX2 push parser), by %s | libmemo %.1f MB/s, "
              "SAX2 floor %.1f MB/s: %.0f%% | — |" % (clock, m, f,
                                                     m / f * 100))
s = singles.get("single_memo")
if s:
    w("| bug65649.docx peak RSS < %.0fx its text (%d B) | net %d KiB = "
      "%.2fx text; raw process peak %d KiB = %.2fx | net: %s; raw: %s |" % (
          BIG_RSS_X_TEXT, s["text_bytes"], s["net_kb"], s["net_x_text"],
          s["peak_kb"], s["peak_x_text"],
          status(s["net_x_text"] < BIG_RSS_X_TEXT),
          status(s["peak_x_text"] < BIG_RSS_X_TEXT)))
    xml = int(machine.get("big_xml_bytes", "0") or 0)
    if xml:
        w("| (other reading) bug65649.docx peak RSS < %.0fx its "
          "word/document.xml (%d B) | raw process peak %d KiB = %.2fx "
          "the XML | %s |" % (
              BIG_RSS_X_TEXT, xml, s["peak_kb"], s["peak_kb"] * 1024 / xml,
              status(s["peak_kb"] * 1024 < BIG_RSS_X_TEXT * xml)))
w("")

for kind in ("md", "docx"):
    t = lines(kind + ".perf.txt")
    if t:
        w("## perf profile, %s (libmemo engine)" % kind)
        w("")
        w("```")
        out.extend(re.sub(r"[ -]+$", "", l) for l in t[:40])
        w("```")
        w("")

print("\n".join(out))
