#!/usr/bin/env python3
"""Run ONE peer table extractor over PDFs inside this one process (called by bench.py with the
bench venv's python; never imports two tools into one process).

    peer.py TOOL --targets DIR --out RESULT.json [--dump-dir DIR] FILE.pdf ...
    peer.py TOOL --targets DIR --check          (import only; prints the version)

Each file's time is taken around the library call alone (open + find/extract all tables of all
pages), not the interpreter start, the import or the dump. RESULT.json holds the per-file
seconds, table/row counts, errors, the import time and this process's peak RSS
(resource.getrusage). With --dump-dir each file's tables are written as
DIR/NAME.json = {"tables": [[[cell, ...], ...], ...]} (one table = list of rows = list of cell
strings; None becomes "").

Every tool runs with its defaults, as a user would call it first:
  pdfplumber      page.extract_tables() for each page (default "lines" strategy)
  pdfplumber-rs   the same API, from the pdfplumber-rs wheel (its package is also named
                  `pdfplumber`, so its --target folder goes first on sys.path)
  pymupdf-2       page.find_tables().tables, table.extract()   (PyMuPDF 2.x, own --target folder)
  pymupdf-1.26    the same with PyMuPDF 1.26.x                  (own --target folder)
  camelot-lattice camelot.read_pdf(path, pages="all", flavor="lattice"), table.df
  camelot-stream  camelot.read_pdf(path, pages="all", flavor="stream"), table.df
  tabula          tabula.read_pdf(path, pages="all", multiple_tables=True, output_format="json")
                  (tabula-java's default extraction method; the JVM runs in-process via JPype)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import warnings


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value)


def load(tool: str, targets: str):
    """Import the tool; return (version, extract(path) -> list of tables)."""
    if tool in ("pdfplumber-rs", "pymupdf-2", "pymupdf-1.26"):
        folder = os.path.join(targets, tool)
        if not os.path.isdir(folder):
            raise RuntimeError(f"not installed: {folder} missing")
        sys.path.insert(0, folder)

    if tool == "pdfplumber":
        import pdfplumber
        if hasattr(pdfplumber, "_native"):
            raise RuntimeError("imported pdfplumber-rs instead of pdfplumber")

        def extract(path):
            with pdfplumber.open(path) as pdf:
                return [t for page in pdf.pages for t in page.extract_tables()]
        return pdfplumber.__version__, extract

    if tool == "pdfplumber-rs":
        import pdfplumber
        if not hasattr(pdfplumber, "_native"):
            raise RuntimeError(f"imported {pdfplumber.__file__}, not pdfplumber-rs")

        def extract(path):
            pdf = pdfplumber.open(path)
            try:
                return [t for page in pdf.pages for t in page.extract_tables()]
            finally:
                pdf.close()
        return "pdfplumber-rs " + getattr(pdfplumber._native, "__version__", "?"), extract

    if tool in ("pymupdf-2", "pymupdf-1.26"):
        import pymupdf
        want = tool.split("-", 1)[1]
        if not pymupdf.VersionBind.startswith(want):
            raise RuntimeError(f"imported PyMuPDF {pymupdf.VersionBind}, not {want}.x")

        def extract(path):
            doc = pymupdf.open(path)
            try:
                return [t.extract() for page in doc for t in page.find_tables().tables]
            finally:
                doc.close()
        return pymupdf.VersionBind, extract

    if tool in ("camelot-lattice", "camelot-stream"):
        warnings.filterwarnings("ignore")
        import camelot
        flavor = tool.split("-", 1)[1]

        def extract(path):
            tables = camelot.read_pdf(path, pages="all", flavor=flavor)
            return [t.df.values.tolist() for t in tables]
        return camelot.__version__, extract

    if tool == "tabula":
        import tabula

        def extract(path):
            tables = tabula.read_pdf(path, pages="all", multiple_tables=True,
                                     output_format="json", silent=True)
            return [[[c.get("text", "") for c in row] for row in t.get("data", [])]
                    for t in tables]
        backend = "jpype" if _has("jpype") else "subprocess java"
        return f"{tabula.__version__} ({backend})", extract

    raise RuntimeError(f"unknown tool {tool}")


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--targets", required=True)
    ap.add_argument("--out")
    ap.add_argument("--dump-dir")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_intermixed_args()

    t0 = time.perf_counter()
    version, extract = load(args.tool, args.targets)
    import_seconds = time.perf_counter() - t0
    if args.check:
        print(version)
        return 0

    results = []
    for path in args.files:
        entry = {"file": path}
        t1 = time.perf_counter()
        try:
            tables = extract(path)
            entry["seconds"] = time.perf_counter() - t1
        except Exception as e:  # a tool failing on a file is a result, not a crash
            entry["seconds"] = time.perf_counter() - t1
            entry["error"] = f"{type(e).__name__}: {e}"[:500]
            tables = []
        tables = [[[cell(c) for c in row] for row in (t or [])] for t in tables]
        entry["tables"] = len(tables)
        entry["rows"] = sum(len(t) for t in tables)
        results.append(entry)
        if args.dump_dir:
            os.makedirs(args.dump_dir, exist_ok=True)
            name = os.path.splitext(os.path.basename(path))[0]
            with open(os.path.join(args.dump_dir, name + ".json"), "w", encoding="utf-8") as f:
                json.dump({"tool": args.tool, "file": path, "tables": tables}, f,
                          ensure_ascii=False)

    usage = resource.getrusage(resource.RUSAGE_SELF)
    out = {"tool": args.tool, "version": version, "import_seconds": import_seconds,
           "files": results, "maxrss_kb": usage.ru_maxrss}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
