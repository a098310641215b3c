"""Seed transcriptions (corpora/seeds/*.toml) -> tables -> layout grids and answers.

The TOML files are the single source of truth: the renderers draw the tables from
them, and the answer files are written from them. Nothing here reads a PDF.

Amount strings are kept in the TOML exactly as the seed prints them (thousands
separators included); `norm_amount` turns them into the answer form of
docs/vocabulary.md, and `fmt_amount` into the form a rendering prints.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpora" / "seeds"

DASHES = {"—", "-", "--", "/", "——", "－"}


# ---------------------------------------------------------------- values

def norm_amount(s: str):
    """Printed amount -> answer value: None (absent), JSON null (dash), decimal string."""
    s = s.strip()
    if s == "":
        return None
    if s in DASHES:
        return "null"
    t = s.replace(",", "").replace(" ", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        # counts or text (e.g. "6") are kept as printed
        return s
    return t


def fmt_amount(s: str, separators: bool) -> str:
    """Printed form in a rendering: keep the seed's form, or drop/add separators."""
    s = s.strip()
    if s == "" or s in DASHES:
        return s
    t = s.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return s
    if not separators:
        return t
    neg = t.startswith("-")
    if neg:
        t = t[1:]
    ip, _, fp = t.partition(".")
    ip = f"{int(ip):,}"
    return ("-" if neg else "") + ip + ("." + fp if fp else "")


def code_level(code: str | None, economic: bool = False):
    if not code:
        return None
    n = len(code)
    if economic:
        return {3: "类", 5: "款"}.get(n)
    return {3: "类", 5: "款", 7: "项"}.get(n)


# ---------------------------------------------------------------- grid

@dataclass
class Cell:
    text: str = ""
    cs: int = 1
    rs: int = 1
    align: str = "c"          # l, c, r
    indent: int = 0           # name indentation steps
    bold: bool = False
    head: bool = False
    small: bool = False


@dataclass
class Grid:
    """An HTML-like table: rows of cells with spans (covered positions omitted)."""
    ncols: int
    widths: list[float]
    head: list[list[Cell]] = field(default_factory=list)
    body: list[list[Cell]] = field(default_factory=list)


def parse_header(spec: str) -> list[list[Cell]]:
    rows = []
    for line in spec.strip("\n").split("\n"):
        if not line.strip():
            continue
        row = []
        for part in line.split("|"):
            part = part.strip()
            cs = rs = 1
            m = re.search(r"\[([^\]]*)\]\s*$", part)
            if m:
                for kv in m.group(1).split(","):
                    k, _, v = kv.strip().partition("=")
                    if k == "cs":
                        cs = int(v)
                    elif k == "rs":
                        rs = int(v)
                part = part[: m.start()].strip()
            if part == "_":
                part = ""
            row.append(Cell(part.replace("\\n", "\n"), cs, rs, "c", head=True))
        rows.append(row)
    return rows


def split_row(line: str) -> list[str]:
    return [p.strip() for p in line.split("|")]


# ---------------------------------------------------------------- tables

@dataclass
class Table:
    key: str
    spec: dict
    answer: dict
    grid: Grid | None = None
    # forms: a stack of grids drawn edge to edge (one per block)
    grids: list[Grid] = field(default_factory=list)


def load_seed(name: str) -> dict:
    with open(SEEDS / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def answer_table(t: dict) -> dict:
    a = {"type": t["type"], "title": t["title"], "label": t.get("label"), "unit": t.get("unit"),
         "pages": [], "columns": list(t.get("columns", [])), "rows": []}
    return a


def row_obj(section=None, code=None, level=None, name=None, line=None, cells=None):
    return {"section": section, "code": code, "level": level, "name": name, "line": line,
            "cells": cells or {}}


def cells_from(values: list[str], columns: list[str]) -> dict:
    out = {}
    for k, v in zip(columns, values):
        n = norm_amount(v)
        if n is None:
            continue
        out[k] = None if n == "null" else n
    return out


# ---- function-code tables ---------------------------------------------

def build_function(t: dict, opt: dict) -> Table:
    cols = t["columns"]
    code3 = opt.get("code3", False) and "header_code3" in t
    seps = opt.get("separators", True)
    head = parse_header(t["header_code3"] if code3 else t["header"])
    ncode = 3 if code3 else 1
    ncols = ncode + 1 + len(cols)
    widths = t.get("widths_code3" if code3 else "widths") or ([14] * ncode + [40] + [16] * len(cols))
    if opt.get("name_width"):
        widths = list(widths)
        widths[ncode] = opt["name_width"]
    g = Grid(ncols, widths, head, [])
    ans = answer_table(t)
    indent = opt.get("indent", t.get("indent", False))
    for line in t["rows"].strip("\n").split("\n"):
        p = split_row(line)
        code, name, vals = p[0], p[1], p[2:]
        if len(vals) != len(cols):
            raise ValueError(f"{t['key']}: {len(vals)} values for {len(cols)} columns: {line}")
        row = []
        lvl = code_level(code)
        if code3:
            parts = [code[:3], code[3:5], code[5:7]] if code else ["", "", ""]
            for x in parts:
                row.append(Cell(x, align="c"))
        else:
            row.append(Cell(code, align="l"))
        ind = 0
        if indent and lvl:
            ind = {"类": 0, "款": 1, "项": 2}[lvl]
        if not code and name in ("合计", "总计"):
            row.append(Cell(name, align="c"))
        else:
            row.append(Cell(name, align="l", indent=ind))
        for v in vals:
            row.append(Cell(fmt_amount(v, seps), align="r"))
        if code3 and not code:
            # 合计 spans the three code columns and the name
            row = [Cell(name, cs=4, align="c")] + row[4:]
        g.body.append(row)
        if name.strip("…. ") == "" and not code and all(v == "" for v in vals):
            continue  # elided row without data
        ans["rows"].append(row_obj(code=code or None, level=lvl, name=name,
                                   cells=cells_from(vals, cols)))
    return Table(t["key"], t, ans, g)


# ---- two-sided summaries ----------------------------------------------

def build_two_sided(t: dict, opt: dict) -> Table:
    lcols = t["columns_income"]
    rcols = t["columns_expenditure"]
    seps = opt.get("separators", True)
    head = parse_header(t["header"])
    ncols = 2 + len(lcols) + 2 + len(rcols)
    widths = t.get("widths") or ([40, 8] + [16] * len(lcols) + [40, 8] + [16] * len(rcols))
    g = Grid(ncols, widths, head, [])
    ans = answer_table(t)
    ans["columns"] = list(dict.fromkeys(lcols + rcols))
    left, right = [], []
    for line in t["rows"].strip("\n").split("\n"):
        lpart, _, rpart = line.partition("||")
        lp, rp = split_row(lpart), split_row(rpart)
        lind = 1 if lpart.startswith("  ") else 0
        rind = 1 if rpart.startswith("   ") else 0
        if len(lp) != 2 + len(lcols) or len(rp) != 2 + len(rcols):
            raise ValueError(f"{t['key']}: bad two-sided row: {line}")
        row = []
        for p, cols, side, ind in ((lp, lcols, left, lind), (rp, rcols, right, rind)):
            name, ln, vals = p[0], p[1], p[2:]
            al = "c" if name in ("总计", "栏次") else "l"
            row.append(Cell(name, align=al, indent=ind))
            row.append(Cell(ln, align="c"))
            for v in vals:
                row.append(Cell(fmt_amount(v, seps), align="r"))
            has_data = any(v != "" for v in vals)
            if (name.strip("…. ") == "") and not has_data:
                continue  # blank template line or elided "……" line
            side.append(row_obj(section=None, name=name.strip() or None,
                                line=int(ln) if ln else None, cells=cells_from(vals, cols)))
        g.body.append(row)
    for r in left:
        r["section"] = "收入"
    for r in right:
        r["section"] = "支出"
    ans["rows"] = left + right
    return Table(t["key"], t, ans, g)


# ---- rows with 行次 (Yunnan 三公 statistics) ----------------------------

def build_lined(t: dict, opt: dict) -> Table:
    cols = t["columns"]
    seps = opt.get("separators", True)
    head = parse_header(t["header"])
    widths = t.get("widths") or ([60, 10] + [20] * len(cols))
    g = Grid(2 + len(cols), widths, head, [])
    ans = answer_table(t)
    for line in t["rows"].strip("\n").split("\n"):
        p = split_row(line)
        raw = line.split("|")[0]
        name, ln, vals = p[0], p[1], p[2:]
        ind = min(3, (len(raw) - len(raw.lstrip(" "))) // 2)
        row = [Cell(name, align="l", indent=ind), Cell(ln, align="c")]
        for v in vals:
            row.append(Cell(fmt_amount(v, seps), align="r"))
        g.body.append(row)
        ans["rows"].append(row_obj(name=name, line=int(ln), cells=cells_from(vals, cols)))
    return Table(t["key"], t, ans, g)


# ---- one wide row (三公) -------------------------------------------------

def build_wide_row(t: dict, opt: dict) -> Table:
    cols = t["columns"]
    seps = opt.get("separators", True)
    head = parse_header(t["header"])
    g = Grid(len(cols), t.get("widths") or [10] * len(cols), head, [])
    ans = answer_table(t)
    for line in t["rows"].strip("\n").split("\n"):
        vals = split_row(line)
        assert len(vals) == len(cols), line
        g.body.append([Cell(fmt_amount(v, seps), align="r") for v in vals])
        ans["rows"].append(row_obj(cells=cells_from(vals, cols)))
    return Table(t["key"], t, ans, g)


# ---- economic-code table in side-by-side groups --------------------------

def build_economic_groups(t: dict, opt: dict) -> Table:
    """rows: 'group | code | name | amount'; printed as 2-3 groups side by side."""
    seps = opt.get("separators", True)
    ngroups = opt.get("groups", t.get("groups", 3))
    groups: dict[int, list[list[str]]] = {}
    for line in t["rows"].strip("\n").split("\n"):
        p = split_row(line)
        gi = int(p[0])
        if ngroups == 2 and gi == 3:
            gi = 2
        groups.setdefault(gi, []).append(p[1:])
    head = parse_header(t["header_2" if ngroups == 2 and "header_2" in t else "header"])
    w = t.get("group_widths") or [12, 30, 14]
    g = Grid(3 * ngroups, w * ngroups, head, [])
    ans = answer_table(t)
    nrows = max(len(v) for v in groups.values())
    for i in range(nrows):
        row = []
        for gi in range(1, ngroups + 1):
            items = groups.get(gi, [])
            if i < len(items):
                code, name, amt = items[i]
                row += [Cell(code, align="l"), Cell(name, align="l", indent=1 if len(code) == 5 else 0),
                        Cell(fmt_amount(amt, seps), align="r")]
            else:
                row += [Cell(""), Cell(""), Cell("")]
        g.body.append(row)
    for gi in sorted(groups):
        for code, name, amt in groups[gi]:
            ans["rows"].append(row_obj(code=code, level=code_level(code, economic=True), name=name,
                                       cells=cells_from([amt], ["amount"])))
    # totals line: 人员经费合计 under the first group, 公用经费合计 across the rest
    (pl, pv), (gl, gv) = t["totals"]
    row = [Cell(pl, cs=2, align="c"), Cell(fmt_amount(pv, seps), align="r"),
           Cell(gl, cs=3 * ngroups - 4, align="c"), Cell(fmt_amount(gv, seps), align="r")]
    g.body.append(row)
    ans["rows"].append(row_obj(name=pl, cells=cells_from([pv], ["amount"])))
    ans["rows"].append(row_obj(name=gl, cells=cells_from([gv], ["amount"])))
    return Table(t["key"], t, ans, g)


BUILDERS = {
    "function": build_function,
    "two_sided": build_two_sided,
    "lined": build_lined,
    "wide_row": build_wide_row,
    "economic_groups": build_economic_groups,
}


def build(t: dict, opt: dict) -> Table:
    if t["shape"] == "form":
        from forms import build_form
        tab = build_form(t, opt)
    else:
        tab = BUILDERS[t["shape"]](t, opt)
    if "fields" in tab.answer and not tab.answer["fields"]:
        del tab.answer["fields"]
    return tab
