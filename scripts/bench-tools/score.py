#!/usr/bin/env python3
"""Accuracy of table extractors against the answers of corpora/ (standard library only).

Two measures (scripts/bench prints both; this module can also be run alone on saved outputs):

rows as one row (every tool)
    An answer row counts as reproduced when ONE row of the tool's output (any table of the
    same PDF) holds
      - the row's full label: code (if any) + name, whitespace ignored, contained in the row's
        cells joined (so a label split over 类/款/项 code cells and a name cell, or a name
        wrapped inside its cell, still counts), and
      - after the cell where the label ends, every value of the answer row, in column order,
        each equal to one cell (an ordered subsequence; extra cells are allowed, so the two
        sides of a two-sided summary can share a printed line).
    Values are compared with whitespace removed; numbers also without thousands separators
    ("14,901.58" = "14901.58", "0.00" must be "0.00"). An answer `null` (printed —) matches a
    dash cell (—, -, --, /, …).
    Counted: every row of every answer table with rows; for forms (tables whose columns include
    level3_indicator) only rows that have cells. A form row has no code/name (except the 总分
    row), so its label is its name if any, and its values are its cells except the merged side
    labels level1_indicator / level2_indicator (printed once per span, not on every row).

cells under the right key (gongkai only)
    gongkai's rows are paired with answer rows by (table type, code, name, section) — plus
    level3_indicator for form rows — in document order; an answer cell counts when the paired
    gongkai row has the same value under the same canonical key. Denominator: all cells of the
    counted answer rows (null cells included).

Usage alone:  score.py ANSWER.json TOOL_OUTPUT.json [--gongkai]
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict

DASHES = {"—", "-", "--", "/", "——", "–", "－", "---", "—　", "―", "─"}
_ws = re.compile(r"\s+")
_number = re.compile(r"[-+]?[\d,，]+(\.\d+)?%?")
FORM_SIDE_KEYS = ("level1_indicator", "level2_indicator")


def squash(text) -> str:
    """Text without any whitespace (ASCII, newlines, ideographic spaces)."""
    if text is None:
        return ""
    return _ws.sub("", str(text)).replace("\u3000", "")


def norm_value(text) -> str:
    s = squash(text)
    if _number.fullmatch(s):
        s = s.replace(",", "").replace("，", "")
    return s


def is_form(table: dict) -> bool:
    cols = [c["key"] if isinstance(c, dict) else c for c in (table.get("columns") or [])]
    return "level3_indicator" in cols or table.get("fields") is not None


def column_keys(table: dict) -> list[str]:
    return [c["key"] if isinstance(c, dict) else c for c in (table.get("columns") or [])]


def ordered_cells(table: dict, row: dict) -> list[tuple[str, object]]:
    """(key, value) of a row's cells in the table's column order, then any other keys."""
    cells = row.get("cells") or {}
    keys = [k for k in column_keys(table) if k in cells]
    keys += [k for k in cells if k not in keys]
    return [(k, cells[k]) for k in keys]


def counted_rows(answer: dict):
    """(table index, table, row index, row) of the answer rows that count."""
    for ti, table in enumerate(answer.get("tables") or []):
        rows = table.get("rows") or []
        form = is_form(table)
        for ri, row in enumerate(rows):
            if form and not row.get("cells"):
                continue
            yield ti, table, ri, row


def row_target(table: dict, row: dict) -> tuple[str, list]:
    """The label and the ordered values a tool row must hold."""
    form = is_form(table)
    label = squash(row.get("code")) + squash(row.get("name"))
    values = []
    for key, value in ordered_cells(table, row):
        if form and key in FORM_SIDE_KEYS:
            continue
        values.append(None if value is None else norm_value(value))
    return label, values


class ToolRows:
    """A tool's output as rows of cell strings, indexed for the row search."""

    def __init__(self, tables: list[list[list]]):
        self.rows = []
        for table in tables:
            for row in table:
                cells = [norm_value(c) for c in row]
                if any(cells):
                    self.rows.append(cells)
        self.joined = ["".join(cells) for cells in self.rows]

    def find(self, label: str, values: list) -> tuple[bool, list | None]:
        """Whether one row holds label then values in order; else the closest row seen."""
        closest, best = None, -1
        for cells, joined in zip(self.rows, self.joined):
            if label and label not in joined:
                continue
            start = 0
            if label:
                # index of the cell where the first occurrence of the label ends
                end_char = joined.index(label) + len(label)
                pos = 0
                for i, c in enumerate(cells):
                    pos += len(c)
                    if pos >= end_char:
                        start = i + 1
                        break
            matched = subsequence(values, cells, start)
            if matched == len(values):
                return True, cells
            if matched > best and (label or matched):
                closest, best = cells, matched
        return False, closest


def subsequence(values: list, cells: list[str], start: int) -> int:
    """How many of values (a prefix) appear in order in cells[start:], one cell each."""
    i = start
    for n, v in enumerate(values):
        while i < len(cells):
            c = cells[i]
            i += 1
            if (v is None and c in DASHES) or (v is not None and c == v):
                break
        else:
            return n
    return len(values)


def gongkai_tables(report: dict) -> list[list[list]]:
    """gongkai's JSON as list-of-lists tables: [code, name, values in column order] per row,
    plus the raw grid of unrecognized tables."""
    out = []
    for table in report.get("tables") or []:
        rows = []
        for row in table.get("rows") or []:
            values = ["—" if v is None else v for _, v in ordered_cells(table, row)]
            rows.append([row.get("code") or "", row.get("name") or ""] + values)
        for grid_row in table.get("grid") or []:
            rows.append([c.get("text", "") if isinstance(c, dict) else c for c in grid_row])
        out.append(rows)
    return out


def score_rows(answer: dict, tables: list[list[list]], examples: int = 0) -> dict:
    index = ToolRows(tables)
    per_table = []
    total = found = 0
    misses = []
    for ti, table, ri, row in counted_rows(answer):
        label, values = row_target(table, row)
        ok, closest = index.find(label, values)
        while len(per_table) <= ti:
            per_table.append([0, 0])
        per_table[ti][1] += 1
        total += 1
        if ok:
            per_table[ti][0] += 1
            found += 1
        elif len(misses) < examples:
            misses.append({
                "table": table.get("label") or table.get("type"), "type": table.get("type"),
                "pages": table.get("pages"), "row": ri, "code": row.get("code"),
                "name": row.get("name"), "want": values,
                "closest": closest})
    tables_out = []
    for ti, (f, n) in enumerate(per_table):
        if n:
            t = answer["tables"][ti]
            tables_out.append({"table": t.get("label") or t.get("type"), "type": t.get("type"),
                               "pages": t.get("pages"), "rows": n, "reproduced": f})
    return {"rows": total, "reproduced": found, "tables": tables_out, "misses": misses}


def row_key(table: dict, row: dict) -> tuple:
    key = (table.get("type"), squash(row.get("code")), squash(row.get("name")),
           row.get("section"))
    if is_form(table) and not row.get("name"):
        key += (squash((row.get("cells") or {}).get("level3_indicator")),)
    return key


def score_cells(answer: dict, report: dict, examples: int = 0) -> dict:
    """Answer cells found under the same canonical key in the paired gongkai row."""
    pool = defaultdict(list)
    for table in report.get("tables") or []:
        for row in table.get("rows") or []:
            pool[row_key(table, row)].append(row)
    used = defaultdict(int)
    total = right = missing_rows = 0
    wrong = []
    for ti, table, ri, row in counted_rows(answer):
        key = row_key(table, row)
        k = used[key]
        used[key] += 1
        got = pool[key][k] if k < len(pool[key]) else None
        cells = row.get("cells") or {}
        if got is None:
            missing_rows += 1
        for ckey, value in cells.items():
            total += 1
            gcells = (got or {}).get("cells") or {}
            if got is not None and ckey in gcells and (
                    (value is None and gcells[ckey] is None) or
                    (value is not None and gcells[ckey] is not None and
                     norm_value(gcells[ckey]) == norm_value(value))):
                right += 1
            elif len(wrong) < examples:
                wrong.append({"table": table.get("label") or table.get("type"),
                              "code": row.get("code"), "name": row.get("name"),
                              "key": ckey, "want": value,
                              "got": None if got is None else gcells.get(ckey, "<absent>"),
                              "row_found": got is not None,
                              "row_keys": None if got is None else sorted(gcells)})
    return {"cells": total, "right": right, "answer_rows_unpaired": missing_rows,
            "wrong": wrong}


def main(argv):
    answer = json.load(open(argv[1], encoding="utf-8"))
    out = json.load(open(argv[2], encoding="utf-8"))
    if "--gongkai" in argv:
        tables = gongkai_tables(out)
        print(json.dumps(score_cells(answer, out, examples=20), ensure_ascii=False, indent=1))
    else:
        tables = [t["rows"] if isinstance(t, dict) else t for t in out["tables"]]
    print(json.dumps(score_rows(answer, tables, examples=20), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv)
