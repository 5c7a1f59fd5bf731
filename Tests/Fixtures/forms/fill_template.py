#!/usr/bin/env python3
"""Fill a nianjian blank template the way a department would, with openpyxl.

Usage: fill_template.py TEMPLATE.xlsx OUT.xlsx

Finds the form sheet's header row by its labels (指标代码, 本年数值…), then for every indicator row types a
number in the unit ("93.5" for %, whole numbers for counts), or "—" (no data), "不适用" (not applicable), 0, or
a text for qualitative indicators; writes 情况说明 where a marker or 0 was typed and 数据来源 everywhere; fills the
sign-off lines (单位负责人, 填表人, 联系电话, 报出日期). Prints JSON describing what was typed, cell by cell, so a test
can check that every value is read back where it was typed.
"""
import json
import sys

import openpyxl

FORM_SHEETS = ("监测数据", "Monitoring data")
COUNT_UNITS = {"人", "人次", "个", "所", "家", "张", "次", "件", "户", "名", "项", "处"}
NUMBERS_BY_UNIT = {"%": 93.5, "‰": 4.25, "1/10万": 8.76, "岁": 80.12}
FOOTER = {"单位负责人": "张三", "填表人": "李四", "联系电话": "0871-12345678", "报出日期": "2027-03-15"}


def find_header(ws):
    for row in ws.iter_rows():
        labels = [str(c.value or "") for c in row]
        if any(l.startswith("指标代码") or l == "Indicator code" for l in labels):
            columns = {}
            for c in row:
                text = str(c.value or "")
                for key in ("指标代码", "单位", "本年数值", "情况说明", "数据来源"):
                    if text.startswith(key) and key not in columns:
                        if key == "单位" and text != "单位":
                            continue
                        columns[key] = c.column
            return row[0].row, columns
    raise SystemExit("no header row")


def main():
    source, target = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(source)
    ws = next(wb[name] for name in FORM_SHEETS if name in wb.sheetnames)
    header_row, col = find_header(ws)
    typed = []
    index = 0
    for r in range(header_row + 1, ws.max_row + 1):
        code = ws.cell(r, col["指标代码"]).value
        if not code or not isinstance(code, str) or "-" not in code:
            continue
        index += 1
        unit = ws.cell(r, col["单位"]).value
        value_cell = ws.cell(r, col["本年数值"])
        explanation = None
        if unit == "文字":
            value = "已建立工作机制，第%d项" % index
        elif index % 7 == 3:
            value = "—"
            explanation = "本年统计口径调整，暂无数据"
        elif index % 7 == 5:
            value = "不适用"
            explanation = "本区无此项"
        elif index % 11 == 6:
            value = 0
            explanation = "实际为零"
        elif unit in COUNT_UNITS:
            value = 10 + index
        else:
            value = NUMBERS_BY_UNIT.get(unit, 21.37) + index / 100
            value = round(value, 2)
        value_cell.value = value
        source_text = "卫生统计年报（第%d项）" % index
        ws.cell(r, col["数据来源"]).value = source_text
        if explanation:
            ws.cell(r, col["情况说明"]).value = explanation
        typed.append({
            "code": code, "cell": value_cell.coordinate, "value": value,
            "explanation": explanation, "source": source_text,
        })
    footer = {}
    for row in ws.iter_rows(min_row=header_row + 1):
        for c in row:
            text = str(c.value or "").rstrip("：:")
            if text in FOOTER:
                # the input cell is the first cell right of the (possibly merged) label
                column = c.column + 1
                for merged in ws.merged_cells.ranges:
                    if c.coordinate in merged:
                        column = merged.max_col + 1
                cell = ws.cell(c.row, column)
                cell.value = FOOTER[text]
                footer[text] = cell.coordinate
    wb.save(target)
    json.dump({"sheet": ws.title, "values": typed, "footer": footer, "footer_values": FOOTER},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
