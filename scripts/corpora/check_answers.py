"""Check corpora/*.answer.json against the accounting identities of domain.md.

    python scripts/corpora/check_answers.py [--quiet] [FILE ...]

Prints every identity that does not hold, with the numbers involved. The answers keep the
values AS PRINTED in the seeds, so the breaks listed here are real findings in the source
reports (and expected findings for the validator), not transcription errors; see
corpora/README.md. Exits non-zero only for structural problems (unknown type or key,
malformed row), never for a broken identity.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TYPES = {
    "income_expenditure_summary", "fiscal_appropriation_summary", "non_fiscal_appropriation_summary",
    "income_by_function", "expenditure_by_function", "fiscal_appropriation_expenditure",
    "general_budget_expenditure", "general_budget_income_expenditure", "general_budget_basic_expenditure",
    "three_public_expenses", "three_public_expenses_statistics", "operating_expenses", "government_fund",
    "state_capital", "government_procurement", "project_performance_self_evaluation",
    "project_performance_targets", "department_performance_self_evaluation",
    "performance_target_completion", "unrecognized",
}
VOCAB_KEYS = set("""amount total general_budget government_fund state_capital fiscal_appropriation
higher_level_subsidy business_income education_fees operating_income subordinate_remittance other_income
prior_year_carryover basic_expenditure project_expenditure remittance_to_higher_level operating_expenditure
subsidy_to_subordinates basic_personnel basic_public opening_total opening_basic opening_project income_total
income_basic income_project expenditure_total expenditure_basic expenditure_basic_personnel
expenditure_basic_public expenditure_project closing_total closing_basic closing_project
closing_project_carryover closing_project_surplus budget actual goods works services
level1_indicator level2_indicator level3_indicator target_value actual_value weight score deviation_reason
""".split())
for p in ("budget_", "actual_"):
    VOCAB_KEYS |= {p + k for k in ("total", "overseas", "vehicle_subtotal", "vehicle_purchase",
                                   "vehicle_operation", "reception", "meeting", "training", "operating_expenses")}
# keys this corpus needs that docs/vocabulary.md does not define yet (see corpora/README.md)
PROPOSED_KEYS = {"opening_carryover", "opening_surplus", "closing_carryover", "closing_surplus",
                 "indicator_nature", "measure_unit", "remark", "indicator_description", "scoring_criteria",
                 "evaluation_overall", "evaluation_sample", "attribute_qualitative", "attribute_quantitative"}

FUNCTION_TYPES = {"income_by_function", "expenditure_by_function", "fiscal_appropriation_expenditure",
                  "general_budget_expenditure", "general_budget_income_expenditure", "government_fund",
                  "state_capital"}
FORM_TYPES = {"project_performance_self_evaluation", "project_performance_targets",
              "department_performance_self_evaluation", "performance_target_completion"}

# row total = sum of components, per table type: (total key, [component keys])
ROW_SUMS = {
    "income_by_function": [("total", ["fiscal_appropriation", "higher_level_subsidy", "business_income",
                                      "operating_income", "subordinate_remittance", "other_income",
                                      "prior_year_carryover"]),
                           ("fiscal_appropriation", ["general_budget", "government_fund", "state_capital"])],
    "expenditure_by_function": [("total", ["basic_expenditure", "project_expenditure",
                                           "remittance_to_higher_level", "operating_expenditure",
                                           "subsidy_to_subordinates"])],
    "general_budget_expenditure": [("total", ["basic_expenditure", "project_expenditure"]),
                                   ("basic_expenditure", ["basic_personnel", "basic_public"])],
    "fiscal_appropriation_expenditure": [("total", ["basic_expenditure", "project_expenditure"])],
    "government_fund": [("expenditure_total", ["expenditure_basic", "expenditure_project"]),
                        ("total", ["basic_expenditure", "project_expenditure"]),
                        ("opening_total", ["opening_basic", "opening_project"]),
                        ("income_total", ["income_basic", "income_project"]),
                        ("expenditure_basic", ["expenditure_basic_personnel", "expenditure_basic_public"]),
                        ("closing_total", ["closing_basic", "closing_project"]),
                        ("closing_project", ["closing_project_carryover", "closing_project_surplus"])],
    "general_budget_income_expenditure": [
        ("opening_total", ["opening_basic", "opening_project"]),
        ("income_total", ["income_basic", "income_project"]),
        ("expenditure_total", ["expenditure_basic", "expenditure_project"]),
        ("expenditure_basic", ["expenditure_basic_personnel", "expenditure_basic_public"]),
        ("closing_total", ["closing_basic", "closing_project"]),
        ("closing_project", ["closing_project_carryover", "closing_project_surplus"])],
}
ROW_SUMS["state_capital"] = ROW_SUMS["government_fund"] + [
    ("opening_total", ["opening_carryover", "opening_surplus"]),
    ("closing_total", ["closing_carryover", "closing_surplus"])]

ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")


def D(v):
    if v is None:
        return Decimal(0)
    try:
        return Decimal(v)
    except Exception:
        return None


class Report:
    def __init__(self):
        self.breaks = []
        self.errors = []

    def eq(self, where, what, left, parts, label_parts):
        """left == sum(parts); parts are (label, value-or-None)."""
        lv = D(left)
        pv = [D(v) for _, v in parts]
        if lv is None or any(x is None for x in pv):
            return
        s = sum(pv, Decimal(0))
        if lv != s:
            shown = [(lab, v) for lab, v in parts if v is not None and D(v) != 0] or parts[:1]
            terms = " + ".join(f"{lab} {v if v is not None else 0}" for lab, v in shown)
            if len(shown) < len(parts):
                terms += " (others blank/0)"
            self.breaks.append(f"{where}: {what}: {left if left is not None else '(blank)'} ≠ {label_parts} = {terms} = {s}"
                               f" (diff {lv - s:+})")


def cell(row, k):
    return row["cells"].get(k)


def has(row, *keys):
    return any(row["cells"].get(k) is not None for k in keys)


def check_function(tab, rep, where):
    rows = tab["rows"]
    cols = tab["columns"]
    coded = [r for r in rows if r["code"]]
    # parent = sum of children, per column
    for r in coded:
        code = r["code"]
        kids = [x for x in coded if x["code"].startswith(code) and len(x["code"]) == len(code) + 2]
        if not kids:
            continue
        for k in cols:
            if not any(has(x, k) for x in kids + [r]):
                continue
            rep.eq(where, f"{code} {r['name']} [{k}]", cell(r, k),
                   [(x["code"], cell(x, k)) for x in kids], "Σ children")
    # 合计 = Σ 类
    tot = [r for r in rows if not r["code"] and r["name"] in ("合计", "总计")]
    cls = [r for r in coded if len(r["code"]) == 3]
    if tot and cls:
        for k in cols:
            if not any(has(x, k) for x in cls + tot):
                continue
            rep.eq(where, f"合计 [{k}]", cell(tot[0], k), [(x["code"], cell(x, k)) for x in cls], "Σ 类")
    # row total = sum of components
    for r in rows:
        for tk, comps in ROW_SUMS.get(tab["type"], []):
            comps = [c for c in comps if c in cols]
            if tk not in cols or not comps or not has(r, tk, *comps):
                continue
            rep.eq(where, f"{r['code'] or ''} {r['name']} row [{tk}]", cell(r, tk),
                   [(c, cell(r, c)) for c in comps], "Σ components")
    if tab["type"] == "general_budget_income_expenditure":
        for r in rows:
            for part in ("total", "basic", "project"):
                o, i, e, c = (f"opening_{part}", f"income_{part}", f"expenditure_{part}", f"closing_{part}")
                if not has(r, o, i, e, c):
                    continue
                s = (D(cell(r, o)) or 0) + (D(cell(r, i)) or 0) - (D(cell(r, e)) or 0)
                cv = D(cell(r, c)) or 0
                if s != cv:
                    rep.breaks.append(f"{where}: {r['code'] or ''} {r['name']} closing_{part} {cell(r, c)} ≠ "
                                      f"opening + income − expenditure = {s} (diff {cv - s:+})")


def side(rows, sec):
    return [r for r in rows if r["section"] == sec]


def find(rows, *names):
    for r in rows:
        if r["name"] and r["name"].replace(" ", "") in names:
            return r
    return None


def check_two_sided(tab, rep, where):
    rows = tab["rows"]
    inc, exp = side(rows, "收入"), side(rows, "支出")
    fiscal = tab["type"] == "fiscal_appropriation_summary"
    ecols = [c for c in tab["columns"] if c != "amount"] if fiscal else ["amount"]
    # income side
    it = find(inc, "本年收入合计")
    if it:
        idx = inc.index(it)
        items = [r for r in inc[:idx] if r["name"] and ORDINAL.match(r["name"])]
        rep.eq(where, "收入 本年收入合计", cell(it, "amount"), [(r["name"], cell(r, "amount")) for r in items],
               "Σ income items")
        if fiscal:
            op = find(inc, "年初财政拨款结转和结余")
            tot = find(inc, "总计")
            if op:
                j = inc.index(op)
                subs = [r for r in inc[j + 1:] if r["name"] and r["name"] != "总计"]
                if any(has(r, "amount") for r in subs):
                    rep.eq(where, "收入 年初财政拨款结转和结余", cell(op, "amount"),
                           [(r["name"], cell(r, "amount")) for r in subs], "Σ funds")
            if tot:
                rep.eq(where, "收入 总计", cell(tot, "amount"),
                       [("本年收入合计", cell(it, "amount")), ("年初财政拨款结转和结余", cell(op, "amount") if op else None)],
                       "本年收入合计 + 年初结转")
        else:
            tot = find(inc, "总计")
            use = find(inc, "使用非财政拨款结余", "使用非财政拨款结余(含专用结余)", "使用非财政拨款结余（含专用结余）")
            op = find(inc, "年初结转和结余")
            if tot:
                rep.eq(where, "收入 总计", cell(tot, "amount"),
                       [("本年收入合计", cell(it, "amount")), ("使用非财政拨款结余", cell(use, "amount") if use else None),
                        ("年初结转和结余", cell(op, "amount") if op else None)], "本年收入合计 + 结余 + 年初")
    et = find(exp, "本年支出合计")
    if et:
        idx = exp.index(et)
        items = [r for r in exp[:idx] if r["name"] and ORDINAL.match(r["name"])]
        for k in ecols:
            rep.eq(where, f"支出 本年支出合计 [{k}]", cell(et, k), [(r["name"], cell(r, k)) for r in items],
                   "Σ classes")
        tot = find(exp, "总计")
        dist = find(exp, "结余分配")
        cl = find(exp, "年末结转和结余", "年末财政拨款结转和结余")
        if tot:
            for k in ecols:
                rep.eq(where, f"支出 总计 [{k}]", cell(tot, k),
                       [("本年支出合计", cell(et, k)), ("结余分配", cell(dist, k) if dist else None),
                        ("年末结转和结余", cell(cl, k) if cl else None)], "本年支出合计 + 结余分配 + 年末")
        if fiscal:
            for r in exp:
                if has(r, *ecols):
                    rep.eq(where, f"支出 {r['name']} row [total]", cell(r, "total"),
                           [(c, cell(r, c)) for c in ("general_budget", "government_fund", "state_capital")],
                           "Σ funds")
    ti, te = find(inc, "总计"), find(exp, "总计")
    if ti and te:
        rep.eq(where, "收入总计 = 支出总计", cell(ti, "amount"),
               [("支出总计", cell(te, "total" if fiscal else "amount"))], "支出总计")


def check_economic(tab, rep, where):
    rows = tab["rows"]
    coded = [r for r in rows if r["code"]]
    for r in coded:
        if len(r["code"]) != 3:
            continue
        kids = [x for x in coded if len(x["code"]) == 5 and x["code"].startswith(r["code"])]
        if kids and any(has(x, "amount") for x in kids + [r]):
            rep.eq(where, f"{r['code']} {r['name']}", cell(r, "amount"),
                   [(x["code"], cell(x, "amount")) for x in kids], "Σ children")
    byc = {r["code"]: r for r in coded}
    pers = find(rows, "人员经费合计")
    pub = find(rows, "公用经费合计")
    if pers:
        rep.eq(where, "人员经费合计", cell(pers, "amount"),
               [(c, cell(byc[c], "amount")) for c in ("301", "303") if c in byc], "301 + 303")
    if pub:
        rep.eq(where, "公用经费合计", cell(pub, "amount"),
               [(c, cell(byc[c], "amount")) for c in ("302", "307", "309", "310", "312", "399") if c in byc],
               "302 + 307 + 310 + 312 + 399")


def check_three_public(tab, rep, where):
    for r in tab["rows"]:
        for p in ("budget_", "actual_"):
            if not has(r, p + "total"):
                continue
            rep.eq(where, f"{p}total", cell(r, p + "total"),
                   [(k, cell(r, p + k)) for k in ("overseas", "vehicle_subtotal", "reception")],
                   "出国 + 公务用车 + 接待")
            rep.eq(where, f"{p}vehicle_subtotal", cell(r, p + "vehicle_subtotal"),
                   [(k, cell(r, p + k)) for k in ("vehicle_purchase", "vehicle_operation")], "购置 + 运行")


def check_three_public_stats(tab, rep, where):
    rows = tab["rows"]

    def f(pat):
        for r in rows:
            if r["name"] and re.search(pat, r["name"]):
                return r
        return None
    groups = [
        (r"支出合计", [r"因公出国（境）费$", r"公务用车购置及运行维护费", r"公务接待费$"]),
        (r"公务用车购置及运行维护费", [r"公务用车购置费", r"公务用车运行维护费"]),
        (r"\d．公务接待费$", [r"国内接待费", r"国（境）外接待费"]),
        (r"机关运行经费", [r"行政单位$", r"参照公务员法管理事业单位"]),
    ]
    for top, parts in groups:
        t = f(top)
        ps = [f(p) for p in parts]
        if not t or not all(ps):
            continue
        for k in ("budget", "actual"):
            if any(k in p["cells"] and p["cells"][k] is None for p in ps):
                continue  # a part printed "—" (not applicable): no identity for this column
            if has(t, k) or any(has(p, k) for p in ps):
                rep.eq(where, f"{t['name']} [{k}]", cell(t, k), [(p["name"], cell(p, k)) for p in ps], "Σ parts")


def num(v):
    try:
        return Decimal(v)
    except Exception:
        return None


def check_form(tab, rep, where):
    rows = tab["rows"]
    levels = ("level1_indicator", "level2_indicator", "level3_indicator")
    tot = [r for r in rows if r["name"] in ("总分", "合计")]
    # Yunnan forms print the weight/score totals on an unlabeled first row
    tot += [r for r in rows if r["name"] is None and not has(r, *levels) and has(r, "weight", "score")]
    ind = [r for r in rows if r["name"] is None and has(r, *levels)]
    if not tot:
        return
    fund = {"weight": None, "score": None}
    for fk, fv in tab.get("fields", {}).items():
        if fk.startswith("年度资金总额") and fk.endswith(("/权重分值", "/分值")):
            fund["weight"] = fv
        elif fk.startswith("年度资金总额") and fk.endswith("/得分"):
            fund["score"] = fv
    for k in ("weight", "score"):
        tv = cell(tot[0], k)
        vals = [num(cell(r, k)) for r in ind if cell(r, k) is not None]
        if tot[0]["name"] and fund[k] is not None and num(fund[k]) is not None:
            vals.append(num(fund[k]))
        if tv is None or num(tv) is None or not vals or any(v is None for v in vals):
            continue
        s = sum(vals, Decimal(0))
        if num(tv) != s:
            rep.breaks.append(f"{where}: {tot[0]['name'] or 'total row'} [{k}] {tv} ≠ Σ indicator rows (+ 年度资金总额 row) = {s} (diff {num(tv) - s:+})"
                              "")


def cross(tables, rep, fname):
    by = defaultdict(list)
    for t in tables:
        by[t["type"]].append(t)

    def tot(t, key):
        for r in t["rows"]:
            if not r["code"] and r["name"] in ("合计", "总计"):
                return cell(r, key)
        return None
    for s in by["income_expenditure_summary"]:
        inc = find(side(s["rows"], "收入"), "本年收入合计")
        exp = find(side(s["rows"], "支出"), "本年支出合计")
        for t in by["income_by_function"]:
            if inc:
                rep.eq(fname, f"{s['label']} 本年收入合计 = {t['label']} 合计", cell(inc, "amount"),
                       [(t["label"], tot(t, "total"))], "收入决算表 合计")
        for t in by["expenditure_by_function"]:
            if exp:
                rep.eq(fname, f"{s['label']} 本年支出合计 = {t['label']} 合计", cell(exp, "amount"),
                       [(t["label"], tot(t, "total"))], "支出决算表 合计")
    gb = by["general_budget_expenditure"] + by["general_budget_income_expenditure"]
    for s in by["fiscal_appropriation_summary"]:
        for t in gb:
            tk = "total" if t["type"] == "general_budget_expenditure" else "expenditure_total"
            for r in side(s["rows"], "支出"):
                if not r["name"] or not ORDINAL.match(r["name"]) or not has(r, "general_budget"):
                    continue
                nm = ORDINAL.sub("", r["name"])
                m = [x for x in t["rows"] if x["code"] and len(x["code"]) == 3 and x["name"] == nm]
                if m:
                    rep.eq(fname, f"{s['label']} {r['name']} [general_budget] = {t['label']} {m[0]['code']}",
                           cell(r, "general_budget"), [(t["label"], cell(m[0], tk))], "class total")
                elif D(cell(r, "general_budget")):
                    rep.breaks.append(f"{fname}: {s['label']} {r['name']} general_budget {cell(r, 'general_budget')}"
                                      f" has no class row in {t['label']}")
    for t in gb:
        bk = "basic_expenditure" if t["type"] == "general_budget_expenditure" else "expenditure_basic"
        for b in by["general_budget_basic_expenditure"]:
            p, q = find(b["rows"], "人员经费合计"), find(b["rows"], "公用经费合计")
            if p and q:
                rep.eq(fname, f"{t['label']} 基本支出合计 = {b['label']} 人员经费合计 + 公用经费合计", tot(t, bk),
                       [("人员经费合计", cell(p, "amount")), ("公用经费合计", cell(q, "amount"))], b["label"])
    for s in by["three_public_expenses_statistics"]:
        r = find(s["rows"], "二、机关运行经费")
        for b in by["general_budget_basic_expenditure"]:
            q = find(b["rows"], "公用经费合计")
            if r and q:
                rep.eq(fname, f"{s['label']} 机关运行经费 = {b['label']} 公用经费合计", cell(r, "actual"),
                       [("公用经费合计", cell(q, "amount"))], b["label"])


def check_structure(ans, fname, rep):
    for t in ans["tables"]:
        where = f"{fname} {t.get('label') or ''} {t['title']}"
        if t["type"] not in TYPES:
            rep.errors.append(f"{where}: unknown type {t['type']}")
        if not t.get("pages"):
            rep.errors.append(f"{where}: no pages")
        for k in t["columns"]:
            if k not in VOCAB_KEYS and k not in PROPOSED_KEYS:
                rep.errors.append(f"{where}: unknown column key {k}")
        for r in t["rows"]:
            if set(r) != {"section", "code", "level", "name", "line", "cells"}:
                rep.errors.append(f"{where}: bad row keys {sorted(r)}")
            for k, v in r["cells"].items():
                if k not in t["columns"]:
                    rep.errors.append(f"{where}: cell key {k} not in columns")
                if t["type"] not in FORM_TYPES and v is not None and not re.fullmatch(r"-?\d+(\.\d+)?", v) \
                        and t["type"] != "three_public_expenses_statistics":
                    rep.errors.append(f"{where}: non-decimal amount {v!r}")
                if v is not None and ("," in v and t["type"] not in FORM_TYPES):
                    rep.errors.append(f"{where}: separator in {v!r}")


def check_file(path: Path, rep: Report):
    ans = json.loads(path.read_text(encoding="utf-8"))
    fname = path.name.replace(".answer.json", "")
    check_structure(ans, fname, rep)
    for t in ans["tables"]:
        where = f"{fname} {t.get('label') or ''} {t['title']}"
        ty = t["type"]
        if ty in FUNCTION_TYPES:
            check_function(t, rep, where)
        elif ty in ("income_expenditure_summary", "non_fiscal_appropriation_summary", "fiscal_appropriation_summary"):
            check_two_sided(t, rep, where)
        elif ty == "general_budget_basic_expenditure":
            check_economic(t, rep, where)
        elif ty == "three_public_expenses":
            check_three_public(t, rep, where)
        elif ty == "three_public_expenses_statistics":
            check_three_public_stats(t, rep, where)
        elif ty in FORM_TYPES:
            check_form(t, rep, where)
    cross(ans["tables"], rep, f"{fname} (across tables)")
    return ans


def main(argv):
    quiet = "--quiet" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or sorted((ROOT / "corpora").glob("*.answer.json"))
    total_breaks = 0
    total_errors = 0
    for p in files:
        rep = Report()
        ans = check_file(p, rep)
        ntab = len(ans["tables"])
        nrows = sum(len(t["rows"]) for t in ans["tables"])
        print(f"== {p.name}: {ntab} tables, {nrows} rows, {len(rep.breaks)} identity breaks, {len(rep.errors)} errors")
        if not quiet:
            for b in rep.breaks:
                print("  break  " + b)
        for e in rep.errors:
            print("  ERROR  " + e)
        total_breaks += len(rep.breaks)
        total_errors += len(rep.errors)
    print(f"{len(files)} answer files: {total_breaks} identity breaks (expected findings), {total_errors} errors")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
