"""绩效 forms: a family (layout, in the seed TOML under [families.NAME]) + one form's data.

A form is drawn as a stack of blocks, each its own grid, edge to edge, so the page shows
one ruled form. Block kinds:
  kv          label/value pairs on one line          data: form.fields[label]
  funds       fund sub-grid with a row label column   data: form.funds (pipe rows)
  goals       label + 2-column header + texts         data: form.goals [expected, actual]
  banner      one full-width text line                 (layout only)
  indicators  the indicator grid, merged 1st columns  data: form.indicators (pipe rows), form.total
  text        label + one long value                   data: form.fields[label]
"""
from __future__ import annotations

from model import Cell, Grid, Table, answer_table, parse_header, row_obj, split_row


def _lines(text: str) -> list[list[str]]:
    return [split_row(l) for l in text.strip("\n").split("\n") if l.strip()]


def _label_key(s: str) -> str:
    return s.replace("\n", "").rstrip("：: ")


def build_form(t: dict, opt: dict) -> Table:
    fam = t["_family"]
    ans = answer_table(t)
    ans["fields"] = {}
    ans["columns"] = []
    fields = t.get("fields", {})
    grids: list[Grid] = []
    for b in fam["blocks"]:
        kind = b["kind"]
        if kind == "kv":
            keys = b["keys"]
            if not all(k in fields for k in keys) and b.get("optional"):
                continue
            w = b.get("widths") or [1] * (2 * len(keys))
            g = Grid(len(w), w)
            row = []
            for k in keys:
                v = fields.get(k, "")
                row.append(Cell(k, align="c"))
                row.append(Cell(v, align="l"))
                if v != "":
                    ans["fields"][_label_key(k)] = v
            g.body.append(row)
            grids.append(g)
        elif kind == "text":
            k = b["label"]
            if k not in fields and b.get("optional"):
                continue
            w = b.get("widths") or [1, 5]
            g = Grid(2, w)
            v = fields.get(k, "")
            g.body.append([Cell(k, align="c"), Cell(v, align="l")])
            if v != "":
                ans["fields"][_label_key(k)] = v
            grids.append(g)
        elif kind == "banner":
            g = Grid(1, [1])
            g.body.append([Cell(b["text"], align=b.get("align", "c"))])
            grids.append(g)
        elif kind == "funds":
            hdr = b.get("header", [])
            rows = _lines(t[b.get("data", "funds")])
            w = b["widths"]
            lab = b.get("label")
            ncell = len(hdr) if hdr else max(len(r) for r in rows)
            nc = ncell + (1 if lab else 0)
            g = Grid(nc, w)
            first = []
            if lab:
                first.append(Cell(lab, rs=len(rows) + (1 if hdr else 0), align="c"))
            if hdr:
                g.body.append(first + [Cell(h, align="c") for h in hdr])
                first = []
            for r in rows:
                if len(r) > ncell:
                    raise ValueError(f"{t['key']}: fund row too long: {r}")
                r = r + [""] * (ncell - len(r))
                cells = first + [Cell(r[0], align="l")]
                first = []
                for i, v in enumerate(r[1:], 1):
                    txt = b.get("text_cells") or (b.get("last_text") and i == ncell - 1)
                    cells.append(Cell(v, align="l" if txt else "r"))
                g.body.append(cells)
                rl = _label_key(r[0]) or _label_key(lab or "")
                if not hdr:
                    if r[1] != "":
                        ans["fields"][rl] = r[1]
                    continue
                for h, v in zip(hdr[1:], r[1:]):
                    if v != "":
                        ans["fields"][f"{rl}/{_label_key(h)}"] = v
            grids.append(g)
        elif kind == "pairs":
            # "预算数: | 24.6 | 执行数: | 24.6" then "其中：财政拨款 | 24.6 | 其中：财政拨款 | 24.6" ...
            rows = _lines(t["funds"])
            g = Grid(5, b.get("widths") or [1.2, 1.3, 1, 1.3, 1])
            groups = [_label_key(rows[0][0]), _label_key(rows[0][2])]
            for i, r in enumerate(rows):
                cells = [Cell(b["label"], rs=len(rows), align="c")] if i == 0 else []
                cells += [Cell(r[0], align="l"), Cell(r[1], align="r"), Cell(r[2], align="l"), Cell(r[3], align="r")]
                g.body.append(cells)
                for j, gname in enumerate(groups):
                    lab, v = _label_key(r[2 * j]), r[2 * j + 1]
                    if v == "":
                        continue
                    ans["fields"][gname if i == 0 else f"{gname}/{lab}"] = v
            grids.append(g)
        elif kind == "goals":
            hdr = b.get("header")
            goals = t.get("goals", [])
            w = b.get("widths") or [1, 3, 3]
            if len(goals) == 1 or not hdr:
                g = Grid(2, [w[0], sum(w[1:])])
                if hdr:
                    g.body.append([Cell(b["label"], rs=2, align="c"), Cell(hdr[0], align="c")])
                    g.body.append([Cell(goals[0] if goals else "", align="l")])
                    key = f"{_label_key(b['label'])}/{_label_key(hdr[0])}"
                else:
                    g.body.append([Cell(b["label"], align="c"), Cell(goals[0] if goals else "", align="l")])
                    key = _label_key(b["label"])
                if goals and goals[0]:
                    ans["fields"][key] = goals[0]
            else:
                g = Grid(3, w)
                g.body.append([Cell(b["label"], rs=2, align="c"), Cell(hdr[0], align="c"), Cell(hdr[1], align="c")])
                g.body.append([Cell(goals[0], align="l"), Cell(goals[1], align="l")])
                for h, v in zip(hdr, goals):
                    if v:
                        ans["fields"][f"{_label_key(b['label'])}/{_label_key(h)}"] = v
            grids.append(g)
        elif kind == "indicators":
            keys = b["keys"]
            ans["columns"] = list(keys)
            head = parse_header(b["header"])
            rows = _lines(t["indicators"])
            total = t.get("total")
            side = b.get("side_label")
            w = list(b["widths"])
            nc = len(keys) + (1 if side else 0)
            g = Grid(nc, w, head, [])
            merge = b.get("merge", 2)
            # rowspans for the first `merge` columns over runs of equal values
            spans = [[1] * len(rows) for _ in range(merge)]
            block = [[0] * len(rows) for _ in range(merge)]
            for c in range(merge):
                i = 0
                while i < len(rows):
                    j = i + 1
                    while (j < len(rows) and rows[i][c] != "" and rows[j][c] == rows[i][c]
                           and all(block[p][j] == block[p][i] for p in range(c))):
                        j += 1
                    spans[c][i] = j - i
                    for k in range(i, j):
                        block[c][k] = i
                        if k > i:
                            spans[c][k] = 0
                    i = j
            nbody = len(rows) + (1 if total else 0)
            if side:
                head[0].insert(0, Cell(side, rs=len(head) + nbody, align="c", head=True))
            for i, r in enumerate(rows):
                if len(r) != len(keys):
                    raise ValueError(f"{t['key']}: indicator row has {len(r)} cells, want {len(keys)}: {r}")
                cells = []
                for c, v in enumerate(r):
                    if c < merge:
                        if spans[c][i] == 0:
                            continue
                        cells.append(Cell(v, rs=spans[c][i], align="c"))
                    else:
                        num = keys[c] in ("weight", "score")
                        cells.append(Cell(v, align="c" if num else "l"))
                g.body.append(cells)
                ans["rows"].append(row_obj(cells={k: v for k, v in zip(keys, r) if v != ""}))
            if total:
                lab = b.get("total_label", "总分")
                first = keys.index(total[0][0])
                cells = [Cell(lab, cs=first, align="c")]
                tv = dict(total)
                for k in keys[first:]:
                    cells.append(Cell(tv.get(k, ""), align="c"))
                g.body.append(cells)
                ans["rows"].append(row_obj(name=lab, cells={k: v for k, v in total if v != ""}))
            grids.append(g)
        else:
            raise ValueError(kind)
    tab = Table(t["key"], t, ans, None, grids)
    return tab
