"""Writes a return retyped into a fresh workbook (no template identity), with Chinese or English labels.

Usage: retyped_return.py zh|en OUT.xlsx SPEC.json

SPEC.json: {"year": 2025, "unit": "区卫生健康局", "rows": [["CODE", "name", value], ...]}
The same rows land in the same cells in either language; only the labels differ (as in nianjian's own
`--lang en` templates: "Reporting unit:", "Indicator code", "Value this year (2025)", "Prepared by:").
Used by Tests/NianjianCLITests/EnglishTests.swift.
"""

import json
import sys

import openpyxl

LABELS = {
    "zh": {"title": "{year}年妇女儿童发展规划监测数据", "unit": "填报单位：{unit}",
           "header": ["序号", "指标代码", "指标名称", "本年数值（{year}年）", "情况说明"],
           "footer": ["填表人：", "张三"]},
    "en": {"title": "Monitoring return ({year})", "unit": "Reporting unit: {unit}",
           "header": ["No.", "Indicator code", "Indicator", "Value this year ({year})", "Explanation"],
           "footer": ["Prepared by:", "Zhang San"]},
}


def main():
    language, out, spec_path = sys.argv[1:4]
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    labels = LABELS[language]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([labels["title"].format(year=spec["year"])])
    sheet.append([labels["unit"].format(unit=spec["unit"])])
    sheet.append([text.format(year=spec["year"]) for text in labels["header"]])
    for number, (code, name, value) in enumerate(spec["rows"], start=1):
        sheet.append([number, code, name, value, None])
    sheet.append([])
    sheet.append([None, None] + labels["footer"])
    book.save(out)


if __name__ == "__main__":
    main()
