#!/usr/bin/env python3
"""Turn the raw outputs of `scripts/bench.sh analyze` and `scripts/bench.sh
lint` into Markdown summaries (docs/performance.md, "Analysis" and
"Linting").

usage: report_analyze.py analyze RAW_DIR   (prints Markdown to stdout)
       report_analyze.py lint RAW_DIR
"""
import glob
import json
import os
import re
import statistics
import sys

# The targets of the analysis and findings issues.
ANALYZE_TARGET_MBPS = 50.0
# The speed of md4c alone that the issues' figures assume ("md4c alone
# about 400 MB/s here", the foundation issue): the target as a share of
# md4c's own speed, to compare machines.
MD4C_ASSUMED_MBPS = 400.0
LINT_JS_FACTOR = 20.0

stage, raw = sys.argv[1], sys.argv[2]


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
        with open(path(name), errors="replace") as f:
            return [l.rstrip("\n") for l in f if l.strip()]
    except OSError:
        return []


def runs(name):
    """GNU time lines "wall user sys maxrss_kb status": medians."""
    rows = []
    for l in lines(name):
        p = l.split()
        try:
            rows.append((float(p[0]), float(p[1]) + float(p[2]), int(p[3]),
                         int(p[4])))
        except (IndexError, ValueError):
            pass
    if not rows:
        return None
    return {
        "n": len(rows),
        "wall": statistics.median(r[0] for r in rows),
        "cpu": statistics.median(r[1] for r in rows),
        "rss_kb": max(r[2] for r in rows),
        "status": sorted(set(r[3] for r in rows)),
        "walls": [r[0] for r in rows],
        "cpus": [r[1] for r in rows],
    }


def fmt(x, spec=".1f", none="n/a"):
    return none if x is None else format(x, spec)


def mib(kb):
    return "n/a" if kb is None else "%.1f MiB" % (kb / 1024.0)


def status(ok):
    return "**met**" if ok else "**missed**"


machine = {}
for l in lines("machine.txt"):
    k, _, v = l.partition(": ")
    machine[k] = v

out = []
w = out.append


def machine_table(keys):
    w("| machine | |")
    w("|---|---|")
    for k in keys:
        if k in machine:
            w("| %s | %s |" % (k, machine[k]))
    for k, v in machine.items():
        if k.startswith("npm "):
            w("| %s | %s |" % (k, v))
    w("")
    load = machine.get("load before", "0").split()
    if load and float(load[0] or 0) > 1.5:
        w("**The machine was busy (load average above) while this ran: "
          "other jobs shared the pinned core, so wall times are long and "
          "noisy. CPU time (user + system of the process, which leaves out "
          "the time the scheduler gave to other jobs) is the figure to "
          "read; wall times are given too.**")
        w("")


def analyze():
    w("# libmemo analysis benchmark")
    w("")
    w("Produced by `scripts/bench.sh analyze` on %s (commit %s)." %
      (machine.get("date", "?"), machine.get("commit", "?")))
    w("")
    machine_table(("cpu", "nproc", "memory", "pinned", "kernel", "compiler",
                   "style", "node", "load before", "load after"))
    w("MB = 10^6 bytes of `.md` input. libmemo: `bench_analyze`, files in "
      "memory, one process, %s timed passes after one warm-up, median pass; "
      "`analyze` = `memo_document_parse` + `memo_analyze` (every metric and "
      "rule, spelling off) + free, with one analyzer for the whole run (as "
      "a batch tool or an editor uses it), whose cache of word facts the "
      "warm-up pass has filled; the cold line makes and frees a new "
      "analyzer for each file inside the timed region (what one "
      "`memo lint FILE` process does). GNU style: GNU time around the process "
      "(reading its files included), median of %s runs. retext bundle: "
      "one node process, files in memory, %s timed passes after one "
      "warm-up, median pass." % (machine.get("repeat", "?"),
                                 machine.get("style_runs", "?"),
                                 machine.get("retext_repeat", "?")))
    w("")

    ma = load("md_all.json")
    ms = load("md_sample.json")
    rt = load("retext.json")
    rtr = runs("retext.runs")
    st_all = runs("style_all.runs")
    st_each = runs("style_each.runs")
    st_samp = runs("style_sample.runs")
    st_empty = runs("style_empty200.runs")

    def eng(j, name):
        return j["engines"].get(name) if j else None

    w("## Throughput, one core")
    w("")
    w("| file set | tool | files | MB | wall s | MB/s wall | CPU s "
      "| MB/s by CPU | peak RSS | libmemo analyze faster by (CPU) |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    a_all = eng(ma, "analyze")
    p_all = eng(ma, "parse")
    base_all = a_all["all"]["cpu_median_s"] if a_all else None
    mb_all = a_all["all"]["bytes"] / 1e6 if a_all else None
    if a_all:
        rows.append(("all", "libmemo analyze (in process)", a_all["all"],
                     "%s net" % mib(a_all["net_kb"]), None))
    c_all = eng(ma, "analyze-cold")
    if c_all:
        rows.append(("all", "libmemo analyze, a new analyzer per file "
                     "(cold word cache)", c_all["all"],
                     "%s net" % mib(c_all["net_kb"]), None))
    if p_all:
        rows.append(("all", "libmemo parse only (in process)",
                     p_all["all"], "%s net" % mib(p_all["net_kb"]), None))
    for r in rows:
        s = r[2]
        w("| %s | %s | %d | %.2f | %.3f | %.2f | %.3f | %.2f | %s | %s |" % (
            r[0], r[1], s["files"], s["bytes"] / 1e6, s["median_s"],
            s["mb_per_s"], s["cpu_median_s"], s["cpu_mb_per_s"], r[3],
            "—"))
    nall = len(lines("md_all.list"))
    nsamp = len(lines("md_sample.list"))
    for label, rr, nf, mb, base in (
            ("GNU style, all files in one process", st_all, nall, mb_all,
             base_all),
            ("GNU style, one process per file", st_each, nall, mb_all,
             base_all)):
        if rr and mb:
            w("| all | %s | %d | %.2f | %.3f | %.2f | %.3f | %.2f | %s | "
              "%s |" % (label, nf, mb, rr["wall"], mb / rr["wall"],
                        rr["cpu"], mb / rr["cpu"], mib(rr["rss_kb"]),
                        "%.1fx" % (rr["cpu"] / base) if base else "n/a"))
    a_s = eng(ms, "analyze")
    base_s = a_s["all"]["cpu_median_s"] if a_s else None
    mb_s = a_s["all"]["bytes"] / 1e6 if a_s else None
    if a_s:
        s = a_s["all"]
        w("| sample (every %s-th) | libmemo analyze (in process) | %d | %.2f "
          "| %.3f | %.2f | %.3f | %.2f | %s net | — |" % (
              machine.get("every", "?"), s["files"], s["bytes"] / 1e6,
              s["median_s"], s["mb_per_s"], s["cpu_median_s"],
              s["cpu_mb_per_s"], mib(a_s["net_kb"])))
    if rt:
        w("| sample | retext bundle (one node process) | %d | %.2f | %.3f "
          "| %.3f | %.3f | %.3f | %s (process) | %s |" % (
              rt["files"], rt["bytes"] / 1e6, rt["median_s"],
              rt["mb_per_s"], rt["cpu_median_s"], rt["cpu_mb_per_s"],
              mib(rt["maxrss_kb"]),
              "%.0fx" % (rt["cpu_median_s"] / base_s) if base_s else "n/a"))
    if st_samp and mb_s:
        w("| sample | GNU style, all files in one process | %d | %.2f | %.3f "
          "| %.2f | %.3f | %.2f | %s | %s |" % (
              nsamp, mb_s, st_samp["wall"], mb_s / st_samp["wall"],
              st_samp["cpu"], mb_s / st_samp["cpu"], mib(st_samp["rss_kb"]),
              "%.1fx" % (st_samp["cpu"] / base_s) if base_s else "n/a"))
    w("")
    if st_empty:
        w("GNU style's process start (200 runs on an empty file): %.2f ms "
          "wall, %.2f ms CPU each." % (st_empty["wall"] / 200 * 1e3,
                                       st_empty["cpu"] / 200 * 1e3))
        w("")
    if a_all and p_all:
        a = a_all["all"]["cpu_median_s"]
        p = p_all["all"]["cpu_median_s"]
        w("Of libmemo's analysis time (CPU), parsing is %.0f%% and the "
          "analysis %.0f%%. Findings over the corpus: %d, sentences %d." % (
              p / a * 100, (a - p) / a * 100, a_all["findings"],
              a_all["sentences"]))
        w("")
    if rt:
        w("retext bundle messages over the sample: %d; failures %d." % (
            rt["messages"], rt["failures"]))
        w("")

    w("## Target")
    w("")
    w("| target | measured | status |")
    w("|---|---|---|")
    if a_all:
        for key, clock in (("cpu_mb_per_s", "CPU time"), ("mb_per_s", "wall")):
            m = a_all["all"][key]
            w("| full analysis (spelling off) over the Markdown corpus >= "
              "%.0f MB/s on one core, by %s | %.2f MB/s | %s |" % (
                  ANALYZE_TARGET_MBPS, clock, m,
                  status(m >= ANALYZE_TARGET_MBPS)))
    md4c = load("md4c_all.json")
    md4c = md4c["engines"].get("md4c") if md4c else None
    if a_all and md4c:
        m4 = md4c["all"]["cpu_mb_per_s"]
        m = a_all["all"]["cpu_mb_per_s"]
        share = ANALYZE_TARGET_MBPS / MD4C_ASSUMED_MBPS
        w("| the same target as a share of md4c's speed (%.0f of the "
          "%.0f MB/s the issues assume for md4c alone = %.3f); md4c alone "
          "here, same files, same run: %.1f MB/s by CPU, so %.1f MB/s | "
          "%.2f MB/s = %.3f of md4c | %s |" % (
              ANALYZE_TARGET_MBPS, MD4C_ASSUMED_MBPS, share, m4,
              share * m4, m, m / m4, status(m / m4 >= share)))
    w("")

    w("## Memory: peak RSS per MB of input (each case its own process)")
    w("")
    w("Net = VmHWM after the run minus the RSS just before it (input "
      "loaded, one small file analyzed first so code and tables are "
      "resident).")
    w("")
    w("| input | bytes | sentences | CPU ms | net peak RSS | KiB per MB |")
    w("|---|---|---|---|---|---|")
    singles = []
    for p in glob.glob(path("single.*.json")):
        s = load(os.path.basename(p))
        if s:
            singles.append(s)
    singles.sort(key=lambda s: -s["input_bytes"])
    for s in singles:
        w("| %s | %d | %d | %.1f | %s | %.0f |" % (
            os.path.relpath(s["path"], os.path.dirname(
                os.path.dirname(s["path"]))) if "/" in s["path"]
            else s["path"],
            s["input_bytes"], s["sentences"], s["cpu_ms"],
            mib(s["net_kb"]), s["net_kb_per_mb"]))
    concat = []
    for p in glob.glob(path("concat.*.json")):
        s = load(os.path.basename(p))
        if s:
            concat.append(s)
    concat.sort(key=lambda s: s["concat"])
    if concat:
        w("")
        w("The largest file, K copies end to end as one document:")
        w("")
        w("| K | bytes | sentences | CPU ms | MB/s by CPU | net peak RSS "
          "| KiB per MB |")
        w("|---|---|---|---|---|---|---|")
        for s in concat:
            w("| %d | %d | %d | %.1f | %.2f | %s | %.0f |" % (
                s["concat"], s["input_bytes"], s["sentences"], s["cpu_ms"],
                s["input_bytes"] / 1e3 / s["cpu_ms"] if s["cpu_ms"] else 0,
                mib(s["net_kb"]), s["net_kb_per_mb"]))
    w("")

    t = lines("analyze.perf.txt")
    if t:
        w("## perf profile (analyze engine, frame-pointer build)")
        w("")
        w("```")
        out.extend(re.sub(r"[ -]+$", "", l) for l in t[:130])
        w("```")
        w("")


def lint():
    w("# libmemo lint benchmark")
    w("")
    w("Produced by `scripts/bench.sh lint` on %s (commit %s)." %
      (machine.get("date", "?"), machine.get("commit", "?")))
    w("")
    machine_table(("cpu", "nproc", "memory", "pinned", "kernel", "compiler",
                   "memo", "diction", "node", "files", "bytes",
                   "load before", "load after"))
    nbytes = int(machine.get("bytes", "0") or 0)
    mb = nbytes / 1e6
    w("Each tool runs once over all %s files (%.2f MB) in ONE process, "
      "pinned to one core; GNU time gives wall, user + system (CPU) and "
      "peak RSS; the median of the runs is given (memo lint: %s runs; the "
      "others: %s)." % (machine.get("files", "?"), mb,
                        machine.get("memo_runs", "?"),
                        machine.get("lint_runs", "?")))
    w("")

    memo = runs("memo.runs")
    tools = [
        ("memo", "`memo lint --format json` (all rules, spelling on)"),
        ("writegood", "`write-good --parse`"),
        ("textlint", "`textlint --format json`, rule write-good"),
        ("diction", "GNU `diction`"),
    ]
    findings = {}
    try:
        j = load("memo.out")
        findings["memo"] = j["summary"]["findings"]
    except (TypeError, KeyError):
        pass
    wg = lines("writegood.out")
    if wg:
        findings["writegood"] = sum(1 for l in wg if re.match(r".+:\d+:\d+:", l))
    try:
        j = load("textlint.out")
        findings["textlint"] = sum(len(f["messages"]) for f in j)
    except TypeError:
        pass
    for l in reversed(lines("diction.out")):
        m = re.match(r"(\d+) phrases? in (\d+) sentences? found", l)
        if m:
            findings["diction"] = int(m.group(1))
            break
        if l.startswith("No phrases"):
            findings["diction"] = 0
            break

    w("| tool | runs | wall s | MB/s wall | CPU s | MB/s by CPU | peak RSS "
      "| findings | exit status | memo lint faster by (CPU) | by wall |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    res = {}
    for key, label in tools:
        r = runs(key + ".runs")
        res[key] = r
        if r is None:
            w("| %s | (not run) | | | | | | | | | |" % label)
            continue
        w("| %s | %d | %.2f | %.3f | %.2f | %.3f | %s | %s | %s | %s | %s |"
          % (label, r["n"], r["wall"], mb / r["wall"] if r["wall"] else 0,
             r["cpu"], mb / r["cpu"] if r["cpu"] else 0, mib(r["rss_kb"]),
             findings.get(key, "?"), ",".join(map(str, r["status"])),
             "—" if key == "memo" or not memo else
             "%.1fx" % (r["cpu"] / memo["cpu"]),
             "—" if key == "memo" or not memo else
             "%.1fx" % (r["wall"] / memo["wall"])))
    w("")
    ip = load("inproc.json")
    if ip:
        for en in ("lint", "analyze"):
            e = ip["engines"].get(en)
            if not e:
                continue
            a = e["all"]
            w("In process (`bench_analyze -E %s`, files in memory, no "
              "output): %.2f MB/s by CPU (%.2f s), %.2f MB/s wall; %d "
              "findings.%s" % (
                  en, a["cpu_mb_per_s"], a["cpu_median_s"], a["mb_per_s"],
                  e["findings"],
                  " (all rules, spelling on)" if en == "lint"
                  else " (spelling off)"))
            w("")

    w("## Target")
    w("")
    w("| target | measured | status |")
    w("|---|---|---|")
    js = [(k, res[k]) for k in ("writegood", "textlint") if res.get(k)]
    if memo and js:
        for clock in ("cpu", "wall"):
            fk, fr = min(js, key=lambda kv: kv[1][clock])
            ratio = fr[clock] / memo[clock]
            w("| memo lint >= %.0fx faster than the fastest JavaScript "
              "linter, by %s | fastest JS: %s %.2f s; memo lint %.2f s: "
              "%.1fx | %s |" % (LINT_JS_FACTOR,
                                "CPU time" if clock == "cpu" else "wall",
                                fk, fr[clock], memo[clock], ratio,
                                status(ratio >= LINT_JS_FACTOR)))
    d = res.get("diction")
    if memo and d:
        for clock in ("cpu", "wall"):
            w("| memo lint faster than GNU diction, by %s | diction %.2f s, "
              "memo lint %.2f s: %.1fx | %s |" % (
                  "CPU time" if clock == "cpu" else "wall", d[clock],
                  memo[clock], d[clock] / memo[clock],
                  status(memo[clock] < d[clock])))
    w("")


if stage == "analyze":
    analyze()
elif stage == "lint":
    lint()
else:
    sys.exit("usage: report_analyze.py analyze|lint RAW_DIR")
print("\n".join(out))
