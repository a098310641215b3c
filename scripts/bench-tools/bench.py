#!/usr/bin/env python3
"""gongkai's benchmark against pdftotext and the Python table extractors (standard library only;
the peers run in child processes with the bench venv's python). Entry point: scripts/bench.

What it does, in one invocation:
  1. makes .venv-bench/ and installs the pinned peers (requirements/ beside this file); a tool
     that cannot be installed or imported is skipped with the reason printed;
  2. times every tool on the same PDFs, sequentially (never two tools at once), --reps times:
       in-process    one process per tool over all files, time around the library call per file
                     (gongkai: `gongkai extract ALL.pdf` in one process, its wall time;
                     pdftotext: has no batch mode, so n/a)
       whole-process a fresh process per file, wall time from spawn to exit (interpreter start,
                     imports, model loading included), peak RSS of that process tree from wait4
  3. scores the tables each tool returned on corpora/*.pdf against corpora/*.answer.json
     (score.py: rows reproduced as one row; for gongkai also cells under the right key);
  4. prints the tables and writes bench/results-<date>.json, bench/latest.json, bench/latest.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.dont_write_bytecode = True  # keep scripts/bench-tools/ free of __pycache__
sys.path.insert(0, str(HERE))
import score  # noqa: E402

VENV = ROOT / ".venv-bench"
TARGETS = VENV / "targets"
STATUS = VENV / "status"
REQS = HERE / "requirements"
BENCH = ROOT / "bench"
OUTPUTS = BENCH / "outputs"
BUILT = ROOT / ".build" / "release" / "gongkai"
GONGKAI = BENCH / "bin" / "gongkai"  # a copy, so a rebuild during the run changes nothing

# tool -> install group; groups: (kind, requirements file)
PEERS = {
    "pdfplumber": "pdfplumber",
    "pdfplumber-rs": "pdfplumber-rs",
    "pymupdf-2": "pymupdf-2",
    "pymupdf-1.26": "pymupdf-1.26",
    "camelot-lattice": "camelot",
    "camelot-stream": "camelot",
    "tabula": "tabula",
}
GROUPS = {
    "pdfplumber": "venv",
    "camelot": "venv",
    "tabula": "venv",
    "pdfplumber-rs": "target",
    "pymupdf-2": "target",
    "pymupdf-1.26": "target",
}
ALL_TOOLS = ["pdftotext", "gongkai"] + list(PEERS)
QUICK_FILES = ["000-gz-2020-ruled", "001-gy-2024-hrules", "004-qn-2022-forms",
               "sh-justice-2026-dept-budget", "js-partyoffice-2018-budget-tables"]


def log(*a):
    print(*a, flush=True)


# ----------------------------------------------------------------------------- processes

def run_process(argv, stdout, stderr, timeout, env=None):
    """Spawn argv (stdin /dev/null, stdout/stderr to files), wait with wait4.
    Returns wall seconds, exit code, peak RSS (KiB, the process and the children it waited
    for), user+sys CPU seconds."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, str(stdout), flags, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, str(stderr), flags, 0o644)]
    killed = []
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], [str(a) for a in argv], env or os.environ,
                          file_actions=actions)

    def kill():
        killed.append(True)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    timer.cancel()
    rc = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rc": rc, "maxrss_kb": ru.ru_maxrss,
            "cpu": ru.ru_utime + ru.ru_stime, "timeout": bool(killed)}


def tail(path, n=3):
    try:
        lines = [l.strip() for l in Path(path).read_text(errors="replace").splitlines()
                 if l.strip()]
    except OSError:
        return ""
    errs = [l for l in lines if l.startswith("ERROR") or "Error" in l]
    return " | ".join((errs or lines)[-n:])[:400]


# ----------------------------------------------------------------------------- install

def venv_python():
    return VENV / "bin" / "python"


def peer_env():
    env = dict(os.environ)
    # see .library notes: these slow a current numpy; the bench measures the tools as shipped
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def install(groups_needed, do_install=True):
    """Create the venv and install each needed group; return {group: reason or None}."""
    reasons = {}
    if not venv_python().exists():
        if not do_install:
            return {g: "no .venv-bench (run without --no-install)" for g in groups_needed}
        log(f"creating {VENV.relative_to(ROOT)}/ ...")
        r = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True,
                           text=True)
        if r.returncode != 0:
            why = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["?"]
            return {g: f"python3 -m venv failed ({why[0][:200]}); install python3-venv"
                    for g in groups_needed}
        subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", "--upgrade", "pip"],
                       capture_output=True)
    STATUS.mkdir(parents=True, exist_ok=True)
    constraints = (REQS / "venv-constraints.txt").read_text()
    pyver = platform.python_version()
    for group in groups_needed:
        kind = GROUPS[group]
        req = REQS / f"{group}.txt"
        stamp = hashlib.sha256((req.read_text() + (constraints if kind == "venv" else "") +
                                pyver).encode()).hexdigest()
        ok = STATUS / f"{group}.ok"
        if ok.exists() and ok.read_text().strip() == stamp:
            reasons[group] = None
            continue
        if not do_install:
            reasons[group] = "not installed (run without --no-install)"
            continue
        logfile = STATUS / f"{group}.log"
        if kind == "venv":
            argv = [venv_python(), "-m", "pip", "install", "--disable-pip-version-check",
                    "-c", REQS / "venv-constraints.txt", "-r", req]
        else:
            target = TARGETS / group
            shutil.rmtree(target, ignore_errors=True)
            argv = [venv_python(), "-m", "pip", "install", "--disable-pip-version-check",
                    "--target", target, "-r", req]
        log(f"installing {group} ({', '.join(req.read_text().split())[:100]}) ...")
        res = run_process(argv, logfile, logfile, timeout=1800)
        if res["rc"] == 0:
            ok.write_text(stamp + "\n")
            reasons[group] = None
        else:
            ok.unlink(missing_ok=True)
            reasons[group] = f"pip install failed: {tail(logfile)}"
    return reasons


# ----------------------------------------------------------------------------- files

def pdf_pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def collect_files(args):
    real_dir = Path(os.environ.get("GONGKAI_REAL_CORPUS") or ROOT.parent / "shared" / "corpora"
                    / "real")
    files = []
    if real_dir.is_dir():
        files += [("real", p) for p in sorted(real_dir.glob("*.pdf"))]
    else:
        log(f"note: {real_dir} not found; real PDFs left out")
    files += [("corpora", p) for p in sorted((ROOT / "corpora").glob("*.pdf"))]
    if args.quick:
        files = [f for f in files if f[1].stem in QUICK_FILES] or files[:4]
    if args.only:
        keys = args.only.split(",")
        files = [f for f in files if any(k in f[1].name for k in keys)]
    out = []
    for corpus, p in files:
        out.append({"name": p.stem, "path": str(p), "corpus": corpus, "pages": pdf_pages(p),
                    "bytes": p.stat().st_size,
                    "answer": str(p.with_suffix("").with_suffix(".answer.json"))
                    if (p.parent / (p.stem + ".answer.json")).exists() else None})
    return out


# ----------------------------------------------------------------------------- runs

def run_batch(tool, files, rep, timeout):
    """In-process run: one process over all files. Returns per-file seconds (None = failed)."""
    logdir = BENCH / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    paths = [f["path"] for f in files]
    if tool == "gongkai":
        out = OUTPUTS / "gongkai" / "batch.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        res = run_process([GONGKAI, "extract", *paths], out, logdir / "gongkai-batch.err",
                          timeout)
        ok = res["rc"] == 0 and not res["timeout"]
        return {"wall": res["wall"], "maxrss_kb": res["maxrss_kb"], "cpu": res["cpu"],
                "seconds": None, "error": None if ok else
                f"exit {res['rc']}: {tail(logdir / 'gongkai-batch.err')}"}
    result_json = logdir / f"{tool}-batch.json"
    result_json.unlink(missing_ok=True)
    argv = [venv_python(), HERE / "peer.py", tool, "--targets", TARGETS, "--out", result_json]
    if rep == 0:
        argv += ["--dump-dir", OUTPUTS / tool]
    res = run_process(argv + paths, logdir / f"{tool}-batch.out", logdir / f"{tool}-batch.err",
                      timeout * max(1, len(paths)), env=peer_env())
    if res["rc"] != 0 or not result_json.exists():
        return {"wall": res["wall"], "maxrss_kb": res["maxrss_kb"], "cpu": res["cpu"],
                "seconds": None, "error": ("timeout" if res["timeout"] else
                                           f"exit {res['rc']}: "
                                           f"{tail(logdir / f'{tool}-batch.err')}")}
    data = json.loads(result_json.read_text())
    seconds = {}
    errors = {}
    for entry, f in zip(data["files"], files):
        seconds[f["name"]] = entry["seconds"]
        if entry.get("error"):
            errors[f["name"]] = entry["error"]
    return {"wall": res["wall"], "maxrss_kb": res["maxrss_kb"], "cpu": res["cpu"],
            "import_seconds": data["import_seconds"], "seconds": seconds,
            "file_errors": errors, "version": data["version"], "error": None}


def run_whole(tool, f, rep, timeout):
    """Whole-process run of one file."""
    logdir = BENCH / "logs"
    err = logdir / f"{tool}-whole.err"
    if tool == "pdftotext":
        out = OUTPUTS / "pdftotext" / (f["name"] + ".txt")
        out.parent.mkdir(parents=True, exist_ok=True)
        res = run_process(["pdftotext", "-layout", f["path"], "-"], out, err, timeout)
    elif tool == "gongkai":
        out = OUTPUTS / "gongkai" / (f["name"] + ".json")
        out.parent.mkdir(parents=True, exist_ok=True)
        res = run_process([GONGKAI, "extract", f["path"]], out, err, timeout)
    else:
        result_json = logdir / f"{tool}-whole.json"
        result_json.unlink(missing_ok=True)
        res = run_process([venv_python(), HERE / "peer.py", tool, "--targets", TARGETS,
                           "--out", result_json, f["path"]], logdir / f"{tool}-whole.out", err,
                          timeout, env=peer_env())
        if res["rc"] == 0 and result_json.exists():
            entry = json.loads(result_json.read_text())["files"][0]
            res["inner_seconds"] = entry["seconds"]
            if entry.get("error"):
                res["error"] = entry["error"]
    if res["timeout"]:
        res["error"] = f"timeout after {timeout} s"
    elif res["rc"] != 0:
        res["error"] = f"exit {res['rc']}: {tail(err)}"
    return res


# ----------------------------------------------------------------------------- summary

def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "all": values}


def summarize(tool, runs, files, largest):
    """Per tool: the files it handled in every run, totals per rep, pages/s, RSS."""
    names = [f["name"] for f in files]
    pages = {f["name"]: f["pages"] for f in files}
    failed = {}
    for b in runs["batch"]:
        if b.get("error"):
            for n in names:
                failed.setdefault(n, b["error"])
        for n, e in (b.get("file_errors") or {}).items():
            failed.setdefault(n, e)
    for w in runs["whole"]:
        for n, r in w.items():
            if r.get("error"):
                failed.setdefault(n, r["error"])
    ok = [n for n in names if n not in failed]
    s = {"files_ok": len(ok), "files": len(names), "pages_ok": sum(pages[n] for n in ok),
         "failed": failed}
    # in-process: per rep, sum of per-file library seconds over ok files (gongkai: batch wall)
    inproc = []
    for b in runs["batch"]:
        if tool == "gongkai":
            inproc.append(None if b.get("error") else b["wall"])
        elif b.get("seconds"):
            inproc.append(sum(b["seconds"][n] for n in ok))
    s["in_process"] = spread(inproc) if ok else None
    whole = [sum(w[n]["wall"] for n in ok) for w in runs["whole"] if all(n in w for n in ok)]
    s["whole_process"] = spread(whole) if ok and runs["whole"] else None
    cold = [sum(w[n].get("inner_seconds", 0) for n in ok) for w in runs["whole"]
            if tool not in ("gongkai", "pdftotext") and all(n in w for n in ok)]
    s["whole_process_library_seconds"] = spread(cold) if cold else None
    cpu = [sum(w[n].get("cpu", 0) for n in ok) for w in runs["whole"] if all(n in w for n in ok)]
    s["whole_process_cpu_seconds"] = spread(cpu) if ok and cpu else None
    for key in ("in_process", "whole_process"):
        if s[key] and s[key]["median"] > 0:
            s[key]["pages_per_second"] = s["pages_ok"] / s[key]["median"]
    # RSS: fresh process per file (max over reps), and the batch process
    rss = {}
    for w in runs["whole"]:
        for n, r in w.items():
            rss[n] = max(rss.get(n, 0), r["maxrss_kb"])
    if rss:
        worst = max(rss, key=rss.get)
        s["rss_mb_max"] = rss[worst] / 1024
        s["rss_max_file"] = worst
        s["rss_mb_largest"] = rss.get(largest, 0) / 1024 if largest in rss else None
        s["rss_mb_per_file"] = {n: v / 1024 for n, v in rss.items()}
    batch_rss = [b["maxrss_kb"] for b in runs["batch"] if b.get("maxrss_kb")]
    if batch_rss:
        s["rss_mb_batch_process"] = max(batch_rss) / 1024
    # per-file medians (whole-process wall and in-process seconds)
    per_file = {}
    for n in names:
        ws = [w[n]["wall"] for w in runs["whole"] if n in w]
        ins = [b["seconds"][n] for b in runs["batch"] if b.get("seconds") and n in b["seconds"]]
        per_file[n] = {"whole_median": statistics.median(ws) if ws else None,
                       "in_process_median": statistics.median(ins) if ins else None}
    s["per_file"] = per_file
    return s


def add_ratios(summaries):
    g = summaries.get("gongkai")
    for tool, s in summaries.items():
        for key in ("in_process", "whole_process"):
            if not (s.get(key) and g and g.get(key)):
                continue
            per_page = s[key]["median"] / max(s["pages_ok"], 1)
            g_per_page = g[key]["median"] / max(g["pages_ok"], 1)
            s[key]["ratio_to_gongkai"] = per_page / g_per_page if g_per_page else None


# ----------------------------------------------------------------------------- accuracy

def accuracy(tools, files, examples=8):
    out = {}
    for f in files:
        if not f["answer"]:
            continue
        answer = json.loads(Path(f["answer"]).read_text(encoding="utf-8"))
        per = {}
        for tool in tools:
            if tool == "pdftotext":
                continue
            if tool == "gongkai":
                p = OUTPUTS / "gongkai" / (f["name"] + ".json")
                if not p.exists() or p.stat().st_size == 0:
                    report = batch_line(f)
                else:
                    report = json.loads(p.read_text(encoding="utf-8"))
                if report is None:
                    continue
                r = score.score_rows(answer, score.gongkai_tables(report), examples)
                r["cells_at_key"] = score.score_cells(answer, report, examples)
            else:
                p = OUTPUTS / tool / (f["name"] + ".json")
                if not p.exists():
                    continue
                r = score.score_rows(answer, json.loads(p.read_text(encoding="utf-8"))["tables"],
                                     examples)
            per[tool] = r
        out[f["name"]] = per
    return out


def batch_line(f):
    p = OUTPUTS / "gongkai" / "batch.jsonl"
    if not p.exists():
        return None
    for line in p.read_text(encoding="utf-8").splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        src = d.get("source")
        src = src.get("file") if isinstance(src, dict) else src
        if src and Path(str(src)).name == Path(f["path"]).name:
            return d
    return None


# ----------------------------------------------------------------------------- report

def fmt_s(sp):
    if not sp:
        return "—"
    return f"{sp['median']:.2f} ({sp['min']:.2f}–{sp['max']:.2f})"


def fmt_pct(found, total):
    return f"{found}/{total} ({100 * found / total:.0f} %)" if total else "—"


def markdown(result):
    tools = result["tools"]
    order = [t for t in ALL_TOOLS if t in tools]
    lines = []
    files = result["files"]
    npages = sum(f["pages"] for f in files)
    largest = result["largest_file"]
    lines.append(f"Benchmark {result['date']} — {len(files)} PDFs, {npages} pages "
                 f"({sum(1 for f in files if f['corpus'] == 'real')} real + "
                 f"{sum(1 for f in files if f['corpus'] == 'corpora')} corpora/), "
                 f"{result['reps']} rep(s), {result['machine']['cpu']} × "
                 f"{result['machine']['cores']} cores; gongkai {result['gongkai']['commit']}.")
    lines.append("Times: median of the reps (min–max); ratio = time per page ÷ gongkai's (bigger "
                 "= slower). in-process = the library call in one process per tool over all "
                 "files (gongkai: one `gongkai extract` over all files); whole-process = a fresh "
                 "process per file, summed. RSS = peak of a fresh process per file: max over the "
                 f"files, and on the largest file ({largest}).")
    carried = sorted({tools[t]["carried_from"] for t in order if tools[t].get("carried_from")})
    if carried:
        lines.append("Rows marked \"run of DATE\" are carried over from that earlier run of the "
                     "same PDFs (`--carry-over`); their ratios are against this run's gongkai.")
    lines.append("")
    lines.append("| tool | version | files ok | in-process s | pages/s | × gongkai | "
                 "whole-process s | pages/s | × gongkai | RSS MB max (file) | RSS MB largest |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for t in order:
        info = tools[t]
        if info.get("skipped"):
            why = info["skipped"].replace("|", "/")
            lines.append(f"| {t} | skipped: {why} |  |  |  |  |  |  |  |  |  |")
            continue
        s = info["summary"]
        ip, wp = s.get("in_process"), s.get("whole_process")
        def pps(x):
            return f"{x['pages_per_second']:.1f}" if x and x.get("pages_per_second") else "—"
        def rat(x):
            return f"{x['ratio_to_gongkai']:.2f}" if x and x.get("ratio_to_gongkai") else "—"
        rss_max = (f"{s['rss_mb_max']:.0f} ({s['rss_max_file']})" if s.get("rss_mb_max")
                   else "—")
        rss_l = f"{s['rss_mb_largest']:.0f}" if s.get("rss_mb_largest") else "—"
        version = info.get("version", "")
        if info.get("carried_from"):
            version += f" (run of {info['carried_from']})"
        lines.append(f"| {t} | {version} | {s['files_ok']}/{s['files']} | "
                     f"{fmt_s(ip)} | {pps(ip)} | {rat(ip)} | {fmt_s(wp)} | {pps(wp)} | {rat(wp)} "
                     f"| {rss_max} | {rss_l} |")
    lines.append("")
    for check in result.get("targets", []):
        lines.append(f"- {'PASS' if check['pass'] else 'FAIL' if check['pass'] is False else '—'}"
                     f": {check['text']}")
    acc = result.get("accuracy") or {}
    if acc:
        acc_tools = [t for t in order if t != "pdftotext" and not tools[t].get("skipped")]
        lines.append("")
        lines.append("Accuracy on corpora/ (answer rows reproduced as one row: full label and "
                     "every amount in order; gongkai cells@key = answer cells under the right "
                     "canonical key):")
        lines.append("")
        heads = (["gongkai cells@key"] if "gongkai" in acc_tools else []) + acc_tools
        lines.append("| corpus file | rows | " + " | ".join(heads) + " |")
        lines.append("|---|---|" + "---|" * len(heads))
        totals = {t: [0, 0] for t in acc_tools}
        cell_tot = [0, 0]
        for name, per in acc.items():
            nrows = next((r["rows"] for r in per.values()), 0)
            cols = []
            if "gongkai" in acc_tools:
                c = per.get("gongkai", {}).get("cells_at_key")
                cols.append(fmt_pct(c["right"], c["cells"]) if c else "—")
                if c:
                    cell_tot[0] += c["right"]
                    cell_tot[1] += c["cells"]
            for t in acc_tools:
                r = per.get(t)
                cols.append(fmt_pct(r["reproduced"], r["rows"]) if r else "—")
                if r:
                    totals[t][0] += r["reproduced"]
                    totals[t][1] += r["rows"]
            lines.append(f"| {name} | {nrows} | " + " | ".join(cols) + " |")
        cols = []
        if "gongkai" in acc_tools:
            cols.append(f"**{fmt_pct(*cell_tot)}**")
        cols += [f"**{fmt_pct(*totals[t])}**" for t in acc_tools]
        total_rows = max((v[1] for v in totals.values()), default=0)
        lines.append(f"| **total** | {total_rows} | " + " | ".join(cols) + " |")
    skipped = [(t, tools[t]["skipped"]) for t in order if tools[t].get("skipped")]
    if skipped:
        lines.append("")
        for t, why in skipped:
            lines.append(f"- {t} skipped: {why.replace('|', '/')}")
    failures = [(t, tools[t]["summary"]["failed"]) for t in order
                if not tools[t].get("skipped") and tools[t]["summary"]["failed"]]
    for t, failed in failures:
        for n, e in list(failed.items())[:5]:
            lines.append(f"- {t} failed on {n}: {e[:200]}")
    return "\n".join(lines) + "\n"


def targets(summaries, largest):
    out = []
    g = summaries.get("gongkai")
    p = summaries.get("pdftotext")
    if g and p and g.get("whole_process") and p.get("whole_process"):
        r = (g["whole_process"]["median"] / g["pages_ok"]) / (
            p["whole_process"]["median"] / p["pages_ok"])
        per = sorted(g["per_file"][n]["whole_median"] / p["per_file"][n]["whole_median"]
                     for n in g["per_file"] if n in p["per_file"] and
                     g["per_file"][n]["whole_median"] and p["per_file"][n]["whole_median"])
        note = (f"; per file: median {statistics.median(per):.1f}×, {per[0]:.1f}–{per[-1]:.1f}×"
                if per else "")
        out.append({"name": "vs_pdftotext", "value": r, "pass": r <= 2.5,
                    "per_file_median": statistics.median(per) if per else None,
                    "text": f"gongkai whole-process time = {r:.2f}× pdftotext -layout's "
                            f"(target ≤ 2.5×){note}"})
    if g:
        for key, label in (("in_process", "in-process"), ("whole_process", "whole-process")):
            slower = []
            peers = [t for t in summaries if t in PEERS and summaries[t].get(key)]
            if not g.get(key):
                continue
            for t in peers:
                s = summaries[t]
                if s.get(key) and s[key].get("ratio_to_gongkai") is not None and \
                        s[key]["ratio_to_gongkai"] <= 1.0:
                    slower.append(f"{t} ({s[key]['ratio_to_gongkai']:.2f})")
            if peers:
                out.append({"name": f"faster_than_peers_{key}", "pass": not slower,
                            "value": slower,
                            "text": f"gongkai faster than every Python peer ({label})" +
                                    (f"; not faster than {', '.join(slower)}" if slower else
                                     "")})
        if g.get("rss_mb_largest") is not None:
            v = g["rss_mb_largest"]
            out.append({"name": "rss_largest", "value": v, "pass": v < 150,
                        "text": f"gongkai peak RSS on the largest file ({largest}) = {v:.0f} MB "
                                "(target < 150 MB)"})
    return out


def print_misses(acc, limit):
    for name, per in acc.items():
        g = per.get("gongkai")
        if not g:
            continue
        log(f"\ngongkai on {name}: {g['reproduced']}/{g['rows']} rows as one row, "
            f"{g['cells_at_key']['right']}/{g['cells_at_key']['cells']} cells at key, "
            f"{g['cells_at_key']['answer_rows_unpaired']} answer rows with no gongkai row of "
            "the same (type, code, name, section)")
        for t in g["tables"]:
            if t["reproduced"] < t["rows"]:
                log(f"   {t['table']} ({t['type']}, p.{t['pages']}): "
                    f"{t['reproduced']}/{t['rows']} rows")
        for m in g["misses"][:limit]:
            log(f"   miss {m['table']} row {m['row']} {m['code'] or ''} {m['name'] or ''}: "
                f"want {m['want']} closest {m['closest']}")
        for w in g["cells_at_key"]["wrong"][:limit]:
            log(f"   cell {w['table']} {w['code'] or ''} {w['name'] or ''} [{w['key']}] "
                f"want {w['want']!r} got {w['got']!r}")


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3, help="repetitions (default 3)")
    ap.add_argument("--quick", action="store_true", help="1 rep, a few files")
    ap.add_argument("--tools", help="comma-separated subset of: " + ",".join(ALL_TOOLS))
    ap.add_argument("--only", help="comma-separated substrings of the PDF names to keep")
    ap.add_argument("--no-whole", action="store_true", help="skip the whole-process runs")
    ap.add_argument("--no-install", action="store_true", help="use the venv as it is")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per file (default 600)")
    ap.add_argument("--carry-over", action="store_true",
                    help="tools left out of --tools keep their figures from bench/latest.json "
                         "(same PDFs): re-measure gongkai alone against the last full run")
    ap.add_argument("--rescore", action="store_true",
                    help="no runs: score bench/outputs/ again and rewrite bench/latest.*")
    ap.add_argument("--examples", type=int, default=6,
                    help="gongkai misses printed per corpus file (default 6)")
    args = ap.parse_args()
    if args.rescore:
        return rescore(args)
    if args.quick:
        args.reps = 1
    tools = args.tools.split(",") if args.tools else list(ALL_TOOLS)
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        ap.error(f"unknown tool(s) {unknown}; known: {ALL_TOOLS}")
    if "gongkai" not in tools:
        tools.insert(0, "gongkai")  # the reference of every ratio

    files = collect_files(args)
    if not files:
        sys.exit("no PDFs found")
    largest = max(files, key=lambda f: (f["bytes"], f["pages"]))["name"]
    log(f"{len(files)} PDFs, {sum(f['pages'] for f in files)} pages; largest: {largest}")

    info = {t: {} for t in tools}
    # ---- availability
    if not BUILT.exists():
        sys.exit(f"{BUILT} missing: run `swift build -c release` (scripts/bench does)")
    GONGKAI.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(BUILT, GONGKAI)
    info["gongkai"]["version"] = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
        text=True).stdout.strip()
    info["gongkai"]["binary_sha256"] = hashlib.sha256(GONGKAI.read_bytes()).hexdigest()[:16]
    if "pdftotext" in tools:
        if shutil.which("pdftotext"):
            v = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
            info["pdftotext"]["version"] = (v.stderr or v.stdout).split("\n")[0].split()[-1]
        else:
            info["pdftotext"]["skipped"] = "pdftotext not found (apt-get install poppler-utils)"
    peers = [t for t in tools if t in PEERS]
    groups = sorted({PEERS[t] for t in peers})
    if "tabula" in peers and not shutil.which("java"):
        info["tabula"]["skipped"] = "java not found (apt-get install default-jre-headless)"
        groups = [g for g in groups if g != "tabula"]
    reasons = install(groups, do_install=not args.no_install) if groups else {}
    for t in peers:
        if info[t].get("skipped"):
            continue
        why = reasons.get(PEERS[t])
        if why:
            info[t]["skipped"] = why
            continue
        r = subprocess.run([str(venv_python()), str(HERE / "peer.py"), t, "--targets",
                            str(TARGETS), "--check"], capture_output=True, text=True,
                           env=peer_env())
        if r.returncode != 0:
            last = ((r.stderr or r.stdout).strip().splitlines() or ["?"])[-1]
            info[t]["skipped"] = f"import failed: {last[:300]}"
        else:
            info[t]["version"] = r.stdout.strip().splitlines()[-1]
    for t in tools:
        state = f"skipped: {info[t]['skipped']}" if info[t].get("skipped") else \
            f"ok ({info[t].get('version', '')})"
        log(f"  {t:16s} {state}")
    active = [t for t in tools if not info[t].get("skipped")]

    prev = None
    if args.carry_over:
        try:
            prev = json.loads((BENCH / "latest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            sys.exit("--carry-over: no readable bench/latest.json")
        if [f["name"] for f in prev["files"]] != [f["name"] for f in files]:
            sys.exit("--carry-over: bench/latest.json was measured on other PDFs")

    # ---- runs
    for t in active:
        shutil.rmtree(OUTPUTS / t, ignore_errors=True)
    OUTPUTS.mkdir(parents=True, exist_ok=True)
    (BENCH / "logs").mkdir(parents=True, exist_ok=True)
    for f in files:  # warm the page cache once
        Path(f["path"]).read_bytes()
    runs = {t: {"batch": [], "whole": []} for t in active}
    t_start = time.time()
    for rep in range(args.reps):
        for t in active:
            t0 = time.time()
            load_before = os.getloadavg()[0]
            if t != "pdftotext":
                b = run_batch(t, files, rep, args.timeout)
                runs[t]["batch"].append(b)
                if b.get("version"):
                    info[t]["version"] = b["version"]
            if not args.no_whole:
                w = {}
                for f in files:
                    w[f["name"]] = run_whole(t, f, rep, args.timeout)
                runs[t]["whole"].append(w)
            runs[t].setdefault("loadavg_before", []).append(load_before)
            log(f"rep {rep + 1}/{args.reps} {t:16s} {time.time() - t0:7.1f} s "
                f"(load average before: {load_before:.2f})")
    log(f"runs done in {time.time() - t_start:.0f} s")

    for t in active:
        info[t]["runs"] = runs[t]
    carried = []
    if prev:
        for t, old in prev["tools"].items():
            if t not in info and not old.get("skipped") and old.get("runs"):
                info[t] = dict(old, carried_from=old.get("carried_from") or prev["date"])
                carried.append(t)
    measured = active + carried
    summaries = {t: summarize(t, info[t]["runs"], files, largest) for t in measured}
    add_ratios(summaries)
    for t in measured:
        info[t]["summary"] = summaries[t]
    acc = accuracy(active, files)
    for name, per in acc.items():
        for t in carried:
            old = (prev.get("accuracy") or {}).get(name, {}).get(t)
            if old:
                per[t] = old

    now = dt.datetime.now()
    commit = info["gongkai"].get("version", "")
    result = {
        "schema": "gongkai.bench/1",
        "date": now.strftime("%Y-%m-%d %H:%M"),
        "reps": args.reps,
        "quick": args.quick,
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                    "system": platform.platform()},
        "gongkai": {"commit": commit, "binary": str(GONGKAI.relative_to(ROOT))},
        "files": files,
        "largest_file": largest,
        "tools": info,
        "accuracy": acc,
    }
    result["targets"] = targets(summaries, largest)
    md = markdown(result)
    BENCH.mkdir(exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(result, ensure_ascii=False, indent=1)
    (BENCH / f"results-{stamp}.json").write_text(text, encoding="utf-8")
    (BENCH / "latest.json").write_text(text, encoding="utf-8")
    (BENCH / "latest.md").write_text(md, encoding="utf-8")
    print_misses(acc, args.examples)
    log("")
    log(md)
    log(f"written: bench/results-{stamp}.json, bench/latest.json, bench/latest.md "
        "(tool outputs in bench/outputs/)")


def rescore(args):
    """Accuracy, targets and markdown again from bench/latest.json and bench/outputs/."""
    result = json.loads((BENCH / "latest.json").read_text(encoding="utf-8"))
    active = [t for t in ALL_TOOLS if t in result["tools"] and
              not result["tools"][t].get("skipped")]
    result["accuracy"] = accuracy(active, result["files"])
    largest = result["largest_file"]
    summaries = {t: summarize(t, result["tools"][t]["runs"], result["files"], largest)
                 for t in active}
    add_ratios(summaries)
    for t in active:
        result["tools"][t]["summary"] = summaries[t]
    result["targets"] = targets(summaries, result["largest_file"])
    md = markdown(result)
    (BENCH / "latest.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    (BENCH / "latest.md").write_text(md, encoding="utf-8")
    print_misses(result["accuracy"], args.examples)
    log("")
    log(md)


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


if __name__ == "__main__":
    main()
