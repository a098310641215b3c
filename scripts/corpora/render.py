"""Render corpora/*.pdf and corpora/*.answer.json from corpora/seeds/*.toml.

    python scripts/corpora/render.py [NAME ...]

scripts/corpora/manifest.toml lists the PDFs: seed, producer (reportlab | weasyprint),
layout options, and per-table overrides. See corpora/README.md.
"""
from __future__ import annotations

import copy
import html
import json
import os
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ROOT, Cell, Grid, Table, build, load_seed  # noqa: E402

OUT = ROOT / "corpora"
MANIFEST = Path(__file__).resolve().parent / "manifest.toml"

FONTS = {
    # reportlab needs TrueType outlines: Debian fonts-wqy-zenhei, fonts-arphic-uming
    "wqy": ("WQY", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "uming": ("UMing", "/usr/share/fonts/truetype/arphic/uming.ttc", 0),
}
# weasyprint goes through fontconfig (Debian fonts-noto-cjk)
CSS_FONTS = {"noto-serif": "'Noto Serif CJK SC'", "noto-sans": "'Noto Sans CJK SC'", "wqy": "'WenQuanYi Zen Hei'"}


def place(grid_rows: list[list[Cell]], ncols: int):
    """HTML table placement: yields (row, col, cell) with spans; checks the grid is full."""
    occupied: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(grid_rows):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            if c + cell.cs > ncols:
                raise ValueError(f"row {r} overflows {ncols} columns: {[x.text for x in row]}")
            out.append((r, c, cell))
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    occupied.add((r + dr, c + dc))
            c += cell.cs
    for r in range(len(grid_rows)):
        for c in range(ncols):
            if (r, c) not in occupied:
                raise ValueError(f"hole at row {r} col {c}: {[x.text for x in grid_rows[r]]}")
    return out


def chunks(grid: Grid, breaks: list[int]):
    """Split the body at forced page breaks (body row indices)."""
    edges = [0] + sorted(breaks) + [len(grid.body)]
    return [grid.body[a:b] for a, b in zip(edges, edges[1:]) if b > a]


# ======================================================================= reportlab

class RL:
    def __init__(self, pdf: dict, seed: dict, tables: list[Table], items: list):
        from reportlab import rl_config
        rl_config.invariant = 1
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        self.font, path, idx = FONTS[pdf.get("font", "wqy")]
        try:
            pdfmetrics.getFont(self.font)
        except KeyError:
            pdfmetrics.registerFont(TTFont(self.font, path, subfontIndex=idx))
        self.pdf, self.seed, self.tables, self.items = pdf, seed, tables, items
        self.pages: dict[str, list[int]] = {}

    def style(self, size, align="l", leading=None, indent=0):
        from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle
        al = {"l": TA_LEFT, "c": TA_CENTER, "r": TA_RIGHT}[align]
        return ParagraphStyle(f"s{size}{align}{indent}", fontName=self.font, fontSize=size,
                              leading=leading or size * 1.25, alignment=al, wordWrap="CJK", bulletFontName=self.font,
                              leftIndent=indent * size)

    def para(self, text, size, align="l", indent=0, leading=None):
        from reportlab.platypus import Paragraph
        t = html.escape(text).replace("\n", "<br/>")
        return Paragraph(t, self.style(size, align, leading, indent))

    def marker(self, name):
        from reportlab.platypus import Flowable
        rl = self

        class M(Flowable):
            def wrap(self, aw, ah):
                return (0, 0)

            def draw(self):
                rl.pages.setdefault(name, []).append(self.canv.getPageNumber())
        return M()

    def grid_table(self, grid: Grid, body: list[list[Cell]], with_head: bool, width: float,
                   size: float, rules: str, first_chunk: bool, last_chunk: bool, repeat: bool):
        from reportlab.platypus import Table as RLTable, TableStyle
        head = grid.head if with_head else []
        rows = head + body
        data = [[""] * grid.ncols for _ in rows]
        cmds = [("FONT", (0, 0), (-1, -1), self.font, size),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2)]
        tot = sum(grid.widths)
        colw = [width * w / tot for w in grid.widths]
        placed = place(rows, grid.ncols)
        # amounts never wrap: shrink the table's font until every amount fits its cell
        from reportlab.pdfbase.pdfmetrics import stringWidth
        import re as _re

        def amount_like(cell):
            return (cell.align == "r" and not cell.head
                    and _re.fullmatch(r"[-\d,.%—/ ]*", cell.text or "") is not None)
        for r, c, cell in placed:
            if amount_like(cell) and cell.text:
                avail = sum(colw[c:c + cell.cs]) - 5.5
                need = stringWidth(cell.text, self.font, size)
                if need > avail:
                    size = size * avail / need
        cmds[0] = ("FONT", (0, 0), (-1, -1), self.font, size)
        for r, c, cell in placed:
            if amount_like(cell):
                data[r][c] = cell.text
                cmds.append(("ALIGN", (c, r), (c, r), "RIGHT"))
            else:
                data[r][c] = self.para(cell.text, size, cell.align, cell.indent)
            if cell.cs > 1 or cell.rs > 1:
                cmds.append(("SPAN", (c, r), (c + cell.cs - 1, r + cell.rs - 1)))
        nh = len(head)
        if rules == "full":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        elif rules == "hrules":
            if nh:
                cmds.append(("LINEABOVE", (0, 0), (-1, 0), 1.0, "black"))
                cmds.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, "black"))
            for r in range(nh, len(rows)):
                cmds.append(("LINEBELOW", (0, r), (-1, r), 0.25, "black"))
            if last_chunk:
                cmds.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 1.0, "black"))
        t = RLTable(data, colWidths=colw, repeatRows=nh if repeat else 0, hAlign="CENTER")
        t.setStyle(TableStyle(cmds))
        return t

    def table_flowables(self, tab: Table, o: dict, width: float):
        from reportlab.platypus import PageBreak, Spacer, Table as RLTable, TableStyle
        sp = tab.spec
        size = o.get("font_size", self.pdf.get("font_size", 8.5))
        rules = o.get("rules", self.pdf.get("rules", "full"))
        fl = [self.marker(tab.key)]
        if sp.get("label") and sp.get("label_align") == "l":
            fl.append(self.para(sp["label"], 10, "l"))
        fl.append(self.para(sp["title"], 15, "c", leading=20))
        if sp.get("label") and sp.get("label_align", "r") != "l":
            fl.append(self.para(sp["label"], 9, sp.get("label_align", "r")))
        fl.append(Spacer(1, 3))
        meta = sp.get("meta", [])
        if meta:
            cells = [self.para(m, 9, a) for m, a in zip(meta, ["l", "c", "r"] if len(meta) == 3 else ["l", "r"])]
            mt = RLTable([cells], colWidths=[width / len(meta)] * len(meta))
            mt.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font, 9), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
            fl.append(mt)
        for ptxt in sp.get("intro", []):
            fl.append(self.para(ptxt, 10, "l", leading=16))
        repeat = o.get("repeat_header", True)
        if tab.grid is not None:
            parts = chunks(tab.grid, o.get("break_at", []))
            for i, body in enumerate(parts):
                if i:
                    fl.append(PageBreak())
                    fl.append(self.marker(tab.key))
                fl.append(self.grid_table(tab.grid, body, i == 0 or repeat, width, size, rules,
                                          i == 0, i == len(parts) - 1, repeat))
        else:
            for g in tab.grids:
                fl.append(self.grid_table(g, g.body, True, width, size, rules, True, True, False))
        for n in sp.get("notes", []):
            fl.append(self.para(n, 8, "l"))
        fl.append(self.marker(tab.key))
        return fl

    def build(self, path: Path):
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.units import mm
        from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak,
                                        PageTemplate, Spacer)
        font = self.font

        def footer(canv, doc):
            canv.saveState()
            canv.setFont(font, 9)
            w, h = canv._pagesize
            canv.drawCentredString(w / 2, 10 * mm, f"- {canv.getPageNumber()} -")
            canv.restoreState()

        doc = BaseDocTemplate(str(path), pagesize=A4, title=self.seed["report"]["title"],
                              author=self.seed["report"]["department"], subject="gongkai test corpus",
                              creator="gongkai scripts/render-corpora", initialFontName=font,
                              initialFontSize=9, leftMargin=18 * mm, rightMargin=18 * mm,
                              topMargin=18 * mm, bottomMargin=18 * mm)
        pw, ph = A4
        lw, lh = landscape(A4)
        m = 18 * mm
        ml = 12 * mm
        doc.addPageTemplates([
            PageTemplate("portrait", [Frame(m, m, pw - 2 * m, ph - 2 * m, id="p")], onPage=footer, pagesize=A4),
            PageTemplate("landscape", [Frame(ml, ml, lw - 2 * ml, lh - 2 * ml, id="l")], onPage=footer,
                         pagesize=landscape(A4)),
        ])
        story = []
        cur = "portrait"
        first = True
        for kind, obj, o in self.items:
            want = "landscape" if o.get("landscape") else "portrait"
            if not first:
                if want != cur:
                    story.append(NextPageTemplate(want))
                story.append(PageBreak())
            elif want != cur:
                story.insert(0, NextPageTemplate(want))
            cur = want
            first = False
            width = (lw - 2 * ml) if want == "landscape" else (pw - 2 * m)
            if kind == "cover":
                story.append(Spacer(1, 60 * mm))
                for i, line in enumerate(obj):
                    story.append(self.para(line, 24 if i < 2 else 14, "c", leading=40 if i < 2 else 24))
            elif kind == "prose":
                for sec in obj:
                    story.append(self.para(sec["heading"], 14, "l", leading=22))
                    for ptxt in sec["paragraphs"]:
                        story.append(self.para("\u3000\u3000" + ptxt, 11, "l", leading=19))
                        story.append(Spacer(1, 2))
            else:
                story += self.table_flowables(obj, o, width)
        doc.build(story)


# ======================================================================= weasyprint

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; font-family: FONT; } }
@page land { size: A4 landscape; margin: 15mm 14mm 18mm 14mm; }
body { font-family: FONT; font-size: SIZEpt; line-height: 1.25; }
section { break-before: page; }
section.land { page: land; }
section.first { break-before: auto; }
h1.cover { font-size: 26pt; text-align: center; margin-top: 55mm; font-weight: normal; line-height: 1.6; }
p.cover { font-size: 14pt; text-align: center; }
h2.sec { font-size: 14pt; font-weight: normal; margin: 4mm 0 2mm 0; }
p.prose { font-size: 11pt; text-indent: 2em; margin: 0 0 1.5mm 0; line-height: 1.7; }
h2.title { font-size: 15pt; text-align: center; font-weight: normal; margin: 0 0 1mm 0; }
p.label { text-align: right; margin: 0; font-size: 9pt; }
table.meta { width: 100%; border-collapse: collapse; margin: 1mm 0 1mm 0; font-size: 9pt; }
table.meta td { padding: 0; border: none; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid td { padding: 1.2pt 2pt; vertical-align: middle; overflow-wrap: anywhere; }
table.full td { border: 0.5pt solid #000; }
table.hrules thead tr:first-child td { border-top: 1pt solid #000; }
table.hrules thead tr:last-child td { border-bottom: 0.6pt solid #000; }
table.hrules tbody td { border-bottom: 0.25pt solid #000; }
table.hrules.last tbody tr:last-child td { border-bottom: 1pt solid #000; }
table.stack { margin-top: -0.5pt; }
td.l { text-align: left; } td.c { text-align: center; } td.r { text-align: right; white-space: nowrap; }
p.note { font-size: 8pt; margin: 1mm 0 0 0; }
tr.brk { break-before: page; }
"""


class WP:
    def __init__(self, pdf, seed, tables, items):
        self.pdf, self.seed, self.tables, self.items = pdf, seed, tables, items

    def grid_html(self, grid: Grid, body, with_head, rules, cls_extra, head_in_thead):
        e = html.escape
        out = [f'<table class="grid {rules} {cls_extra}">', "<colgroup>"]
        tot = sum(grid.widths)
        for w in grid.widths:
            out.append(f'<col style="width:{100 * w / tot:.3f}%">')
        out.append("</colgroup>")
        head = grid.head if with_head else []
        place(head + body, grid.ncols)  # validates spans

        def tr(row, cls=""):
            s = [f'<tr class="{cls}">' if cls else "<tr>"]
            for c in row:
                span = (f' colspan="{c.cs}"' if c.cs > 1 else "") + (f' rowspan="{c.rs}"' if c.rs > 1 else "")
                pad = f' style="padding-left:{0.6 + c.indent:.1f}em"' if c.indent else ""
                s.append(f'<td class="{c.align}"{span}{pad}>{e(c.text).replace(chr(10), "<br>")}</td>')
            s.append("</tr>")
            return "".join(s)
        if head and head_in_thead:
            out.append("<thead>" + "".join(tr(r) for r in head) + "</thead>")
        out.append("<tbody>")
        if head and not head_in_thead:
            out += [tr(r) for r in head]
        out += [tr(r) for r in body]
        out.append("</tbody></table>")
        return "".join(out)

    def table_html(self, tab: Table, o: dict):
        e = html.escape
        sp = tab.spec
        rules = o.get("rules", self.pdf.get("rules", "full"))
        repeat = o.get("repeat_header", True)
        s = [f'<h2 class="title" id="{tab.key}-start">{e(sp["title"])}</h2>']
        if sp.get("label") and sp.get("label_align") == "l":
            s.insert(0, f'<p class="label" style="text-align:left">{e(sp["label"])}</p>')
        elif sp.get("label"):
            s.append(f'<p class="label" style="text-align:{ {"l": "left", "c": "center", "r": "right"}[sp.get("label_align", "r")]}">{e(sp["label"])}</p>')
        meta = sp.get("meta", [])
        if meta:
            al = ["left", "center", "right"] if len(meta) == 3 else ["left", "right"]
            s.append('<table class="meta"><tr>' + "".join(
                f'<td style="text-align:{a}">{e(m)}</td>' for m, a in zip(meta, al)) + "</tr></table>")
        for ptxt in sp.get("intro", []):
            s.append(f'<p class="prose">{e(ptxt)}</p>')
        fs = o.get("font_size")
        if fs:
            s.insert(0, f'<div style="font-size:{fs}pt">')
        if tab.grid is not None:
            parts = chunks(tab.grid, o.get("break_at", []))
            for i, body in enumerate(parts):
                last = "last" if i == len(parts) - 1 else ""
                if i:
                    s.append('<div style="break-before: page"></div>')
                s.append(self.grid_html(tab.grid, body, i == 0 or repeat, rules, last, repeat))
        else:
            for i, g in enumerate(tab.grids):
                s.append(self.grid_html(g, g.body, True, rules, "stack last" if i else "last", False))
        for n in sp.get("notes", []):
            s.append(f'<p class="note">{e(n)}</p>')
        s.append(f'<div id="{tab.key}-end"></div>')
        if fs:
            s.append("</div>")
        return "".join(s)

    def build(self, path: Path):
        from weasyprint import HTML
        e = html.escape
        font = CSS_FONTS[self.pdf.get("font", "noto-serif")]
        css = CSS.replace("FONT", font).replace("SIZE", str(self.pdf.get("font_size", 8.5)))
        body = []
        for i, (kind, obj, o) in enumerate(self.items):
            cls = ("land " if o.get("landscape") else "") + ("first" if i == 0 else "")
            if kind == "cover":
                inner = f'<h1 class="cover">{"<br>".join(e(x) for x in obj[:2])}</h1>' + "".join(
                    f'<p class="cover">{e(x)}</p>' for x in obj[2:])
            elif kind == "prose":
                inner = "".join(f'<h2 class="sec">{e(sec["heading"])}</h2>' + "".join(
                    f'<p class="prose">{e(p)}</p>' for p in sec["paragraphs"]) for sec in obj)
            else:
                inner = self.table_html(obj, o)
            body.append(f'<section class="{cls.strip()}">{inner}</section>')
        rep = self.seed["report"]
        doc_html = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(rep["title"])}</title>'
                    f'<meta name="author" content="{e(rep["department"])}">'
                    f'<meta name="generator" content="gongkai scripts/render-corpora">'
                    f"<style>{css}</style></head><body>{''.join(body)}</body></html>")
        doc = HTML(string=doc_html).render()
        self.pages = {}
        for pno, page in enumerate(doc.pages, 1):
            for a in page.anchors:
                k = a.rsplit("-", 1)[0]
                self.pages.setdefault(k, []).append(pno)
        doc.write_pdf(str(path))


# ======================================================================= driver

def attach_families(seed: dict):
    fams = seed.get("families", {})
    for t in seed.get("table", []):
        t.setdefault("key", t.get("key"))
        if t["shape"] == "form":
            t["_family"] = fams[t["family"]]


def render_one(pdf: dict):
    seed = load_seed(pdf["seed"])
    attach_families(seed)
    rep = seed["report"]
    topts = pdf.get("table_opts", {})
    base = {k: pdf[k] for k in ("separators", "code3", "groups", "indent", "name_width") if k in pdf}
    items = []
    tables = []
    include = pdf.get("tables")  # None: all
    for what in pdf.get("items", ["cover", "prose", "tables"]):
        if what == "cover" and seed.get("cover"):
            items.append(("cover", seed["cover"]["lines"], {}))
        elif what.startswith("prose") and seed.get("prose"):
            sel = seed["prose"]
            if ":" in what:
                a, b = what.split(":", 1)[1].split("-")
                sel = sel[int(a):int(b) + 1]
            items.append(("prose", sel, {}))
        elif what in ("tables", "forms"):
            for t in seed["table"]:
                isform = t["shape"] == "form"
                if (what == "forms") != isform:
                    continue
                if include is not None and t["key"] not in include:
                    continue
                o = dict(base)
                o.update(t.get("render", {}))
                o.update(topts.get(t["key"], {}))
                tab = build(copy.deepcopy(t), o)
                tables.append(tab)
                items.append(("table", tab, o))
    path = OUT / f"{pdf['name']}.pdf"
    r = (RL if pdf["producer"] == "reportlab" else WP)(pdf, seed, tables, items)
    r.build(path)
    answer = {
        "schema": "gongkai.answer/1",
        "file": path.name,
        "seed": rep["seed"],
        "report": {"title": rep["title"], "department": rep["department"], "year": rep["year"],
                   "kind": rep["kind"]},
        "tables": [],
    }
    for tab in tables:
        pages = sorted(set(r.pages.get(tab.key, [])))
        if not pages:
            raise RuntimeError(f"{pdf['name']}: no page recorded for {tab.key}")
        tab.answer["pages"] = list(range(pages[0], pages[-1] + 1))
        answer["tables"].append(tab.answer)
    with open(OUT / f"{pdf['name']}.answer.json", "w", encoding="utf-8") as f:
        json.dump(answer, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"rendered corpora/{path.name} ({pdf['producer']}, {len(tables)} tables)")


def main(argv):
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    with open(MANIFEST, "rb") as f:
        man = tomllib.load(f)
    names = [p["name"] for p in man["pdf"] if not argv or p["name"] in argv]
    unknown = set(argv) - set(names)
    if unknown:
        sys.exit(f"unknown PDF name(s): {sorted(unknown)}")
    if len(names) == 1:
        render_one(next(p for p in man["pdf"] if p["name"] == names[0]))
        return
    # one process per PDF: reportlab keeps per-process font-subset state, so rendering in a
    # fresh process makes each file independent of which others were rendered with it
    import subprocess
    for n in names:
        subprocess.run([sys.executable, __file__, n], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
