#!/usr/bin/env python3
"""Makes the department returns the validate tests read, one mistake per file, with openpyxl 3.1.5.

The returns follow FormLayout (Sources/NianjianCore/Forms/FormLayout.swift): a form sheet 监测数据 with title
rows, a header row with the column labels, one row per indicator found by its code; a hidden metadata sheet
nianjian_meta (key in column A, value in column B); and the custom document properties NianjianTemplateID,
NianjianSchemaVersion, NianjianJurisdiction, NianjianDepartment and NianjianYear.

Usage:
  make_returns.py OUTDIR SCHEMA_VERSION          every case of the fixture schema (Tests/Fixtures/validate/xiaoyang)
  make_returns.py --spec SPEC.json OUT.xlsx      one return from a JSON spec (used for a real jurisdiction):
      {"jurisdiction","department","department_name","year","schema_version",
       "rows":[{"code","name","unit","value"}]}
"""
import datetime
import json
import sys

from openpyxl import Workbook
from openpyxl.packaging.custom import IntProperty, StringProperty

HEADER = ["序号", "指标代码", "指标名称", "单位", "规划目标", "上年数值", "本年数值（{year}年）", "情况说明", "数据来源"]
FORM_SHEET = "监测数据"
META_SHEET = "nianjian_meta"
FIRST_ROW = 5  # title rows 1-3, header row 4

# code, name, unit, target text, clean value for 2025
HEALTH = [
    ("W-HE-01", "孕产妇死亡率", "1/10万", "≤9", 6.5),
    ("W-HE-02", "孕产妇系统管理率", "%", "≥93", 95.5),
    ("W-HE-03", "孕产妇死亡人数", "人", "", 2),
    ("W-HE-03a", "农村孕产妇死亡人数", "人", "", 1),
    ("W-HE-04", "婴儿死亡率", "‰", "≤5", 3.2),
    ("W-HE-05", "妇幼健康服务体系建设", "文字", "健全", "已健全"),
]


def build(path, version, rows=None, values=None, department="health", department_name="区卫生健康局",
          year=2025, jurisdiction="xiaoyang", properties=True, metadata=True, explanations=None, after=None,
          header=None, title=True, form_sheet=FORM_SHEET, first_row=FIRST_ROW):
    """Writes one return. `values` overrides values by code; `after(ws)` edits the sheet last."""
    rows = list(rows if rows is not None else HEALTH)
    values = values or {}
    explanations = explanations or {}
    wb = Workbook()
    ws = wb.active
    ws.title = form_sheet
    if title:
        ws["A1"] = f"小样区{year}年妇女儿童发展规划监测数据"
        ws["A2"] = f"表号：小妇儿监测表{year}-1    制定机关：小样区统计局"
        ws["A3"] = f"填报单位：{department_name}"
    header_row = first_row - 1
    for column, label in enumerate(header or HEADER, start=1):
        ws.cell(row=header_row, column=column, value=label.format(year=year))
    labels = [label.split("（")[0] for label in (header or HEADER)]
    for index, (code, name, unit, target, value) in enumerate(rows):
        row = first_row + index
        record = {
            "序号": index + 1, "指标代码": code, "指标名称": name, "单位": unit, "规划目标": target,
            "本年数值": values.get(code, value), "情况说明": explanations.get(code),
        }
        for column, label in enumerate(labels, start=1):
            if record.get(label) is not None:
                ws.cell(row=row, column=column, value=record[label])
    footer = first_row + len(rows) + 1
    if title:
        ws.cell(row=footer, column=1, value="单位负责人：        填表人：        联系电话：        报出日期：")
    template_id = f"{jurisdiction}-{department}-{year}-{version[:12]}"
    if metadata:
        meta = wb.create_sheet(META_SHEET)
        for key, value in [("template_id", template_id), ("schema_version", version),
                           ("jurisdiction", jurisdiction), ("department", department), ("year", year)]:
            meta.append([key, value])
        meta.sheet_state = "hidden"
    if properties:
        wb.custom_doc_props.append(StringProperty(name="NianjianTemplateID", value=template_id))
        wb.custom_doc_props.append(StringProperty(name="NianjianSchemaVersion", value=version))
        wb.custom_doc_props.append(StringProperty(name="NianjianJurisdiction", value=jurisdiction))
        wb.custom_doc_props.append(StringProperty(name="NianjianDepartment", value=department))
        wb.custom_doc_props.append(IntProperty(name="NianjianYear", value=year))
    if after:
        after(ws)
    wb.save(path)


def cell_of(code, rows=HEALTH, first_row=FIRST_ROW):
    return f"G{first_row + [r[0] for r in rows].index(code)}"


def percent_format(ws):
    ws[cell_of("W-HE-02")].number_format = "0.0%"


def permille_as_percent(ws):
    ws[cell_of("W-HE-04")].number_format = "0.00%"


def footer_and_repeated_header(ws):
    """A footer laid out across the columns and the header repeated under the table."""
    for column, text in enumerate(["", "指标代码", "指标名称", "", "", "", "本年数值"], start=1):
        if text:
            ws.cell(row=13, column=column, value=text)
    ws["C15"] = "填表人：张三"
    ws["G15"] = "联系电话：13800000000"
    ws["C16"] = "注：本表数据截至2025年12月31日。"


def uncalculated(ws):
    ws[cell_of("W-HE-03")] = "=G8+1"  # openpyxl writes the formula with no cached value


def moved(ws):
    """Hides the row of W-HE-02 wherever it ended up."""
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        if len(row) > 1 and row[1].value == "W-HE-02":
            ws.row_dimensions[row[0].row].hidden = True


def build_cases(out, version):
    def case(name, schema_version=version, **kwargs):
        build(f"{out}/{name}.xlsx", schema_version, **kwargs)

    case("clean")
    case("text_numbers", values={"W-HE-02": "95.5", "W-HE-03": " 2 "})
    case("full_width", values={"W-HE-02": "９５．５"})
    case("thousands", values={"W-HE-03": "1,234"})
    case("units", values={"W-HE-02": "95.5%", "W-HE-03": "2人", "W-HE-04": "3.2‰"})
    case("unit_mismatch", values={"W-HE-04": "0.32%"})
    case("percent_format", values={"W-HE-02": 0.955}, after=percent_format)
    case("percent_format_other_unit", values={"W-HE-04": 0.0032}, after=permille_as_percent)
    case("footer", after=footer_and_repeated_header)
    case("missing_markers", values={"W-HE-01": "—", "W-HE-02": "不适用", "W-HE-03": None, "W-HE-03a": 0})
    case("not_a_number", values={"W-HE-02": "约九成"})
    case("uncalculated", after=uncalculated)
    # Rows sorted in reverse, an inserted note row, the table lower down, one row hidden.
    reordered = list(reversed(HEALTH))
    reordered.insert(2, ("", "（以下为本局补充说明行）", "", "", None))
    case("moved_rows", rows=reordered, first_row=8, after=moved)
    case("unknown_duplicate", rows=HEALTH + [("W-HE-99", "自编指标", "人", "", 5),
                                             ("W-HE-02", "孕产妇系统管理率", "%", "≥93", 90)])
    case("foreign_row", rows=HEALTH + [("W-ED-01", "高中阶段毛入学率", "%", "≥95", 96.5)])
    case("date_typed", values={"W-HE-04": datetime.datetime(2025, 3, 2)})
    case("without_total", rows=[r for r in HEALTH if r[0] != "W-HE-03"])
    case("missing_indicator", rows=[r for r in HEALTH if r[0] != "W-HE-04"])
    case("wrong_department", department="education", department_name="区教育局")
    case("wrong_year", year=2024)
    case("year_outside_plan", year=2035)
    case("other_jurisdiction", jurisdiction="guandu")
    case("old_schema_version", schema_version="0" * 64)
    case("out_of_range", values={"W-HE-01": 250, "W-HE-02": 105})
    case("negative_count", values={"W-HE-03": -1, "W-HE-03a": 0})
    case("not_integer", values={"W-HE-03": 2.5, "W-HE-03a": 1})
    case("too_many_decimals", values={"W-HE-04": 3.256})
    case("rule_violation", values={"W-HE-03": 1, "W-HE-03a": 3})
    case("history_swing", values={"W-HE-01": 15, "W-HE-02": 70, "W-HE-04": 9},
         explanations={"W-HE-04": "今年起按户籍人口统计，口径调整"})
    case("fraction", values={"W-HE-02": 0.955})
    case("scale", values={"W-HE-04": 32})
    # Retyped into a new workbook: no properties, no metadata sheet, another sheet name, no title.
    case("retyped_by_code", properties=False, metadata=False, title=False, form_sheet="Sheet1", first_row=2)
    case("metadata_only", properties=False)
    case("no_identity_no_table", properties=False, metadata=False, header=["项目", "数量"])


def build_retyped_by_name(out):
    """Retyped without codes: only 指标名称, 单位 and 本年数值, in a fresh workbook."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2025年妇女儿童发展规划监测数据"
    ws["A2"] = "填报单位：区卫生健康局"
    ws.append(["指标名称", "单位", "本年数值"])
    for code, name, unit, target, value in HEALTH:
        ws.append([name, unit, value])
    wb.save(f"{out}/retyped_by_name.xlsx")


def build_split_sheets(out):
    """Retyped over two sheets (women's and children's style), header on each, no identity."""
    wb = Workbook()
    first = wb.active
    first.title = "表1"
    second = wb.create_sheet("表2")
    for sheet, rows in [(first, HEALTH[:3]), (second, HEALTH[3:])]:
        sheet.append(["指标代码", "指标名称", "本年数值（2025年）"])
        for code, name, unit, target, value in rows:
            sheet.append([code, name, value])
    wb.save(f"{out}/split_sheets.xlsx")


def build_from_spec(spec_path, out_path):
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    rows = [(r["code"], r["name"], r["unit"], "", r["value"]) for r in spec["rows"]]
    build(out_path, spec["schema_version"], rows=rows, department=spec["department"],
          department_name=spec["department_name"], year=spec["year"], jurisdiction=spec["jurisdiction"])


def main(argv):
    if len(argv) == 4 and argv[1] == "--spec":
        build_from_spec(argv[2], argv[3])
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    out, version = argv[1], argv[2]
    build_cases(out, version)
    build_retyped_by_name(out)
    build_split_sheets(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
