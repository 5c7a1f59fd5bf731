#!/usr/bin/env python3
"""Writes one department return for the store's test schema (schema/teststore), with openpyxl 3.1.5.

The layout follows FormLayout (Sources/NianjianCore/Forms/FormLayout.swift): sheet 监测数据 with title rows, a header
row (序号, 指标代码, 指标名称, 单位, 规划目标, 上年数值, 本年数值（YEAR年）, 情况说明, 数据来源), one row per indicator;
a hidden metadata sheet nianjian_meta; the custom properties NianjianTemplateID … NianjianYear.

Usage: make_return.py OUT.xlsx SPEC.json
  SPEC: {"schema_version", "department", "department_name", "year",
         "rows": [{"code", "name", "unit", "value", "explanation"?}]}
"""
import json
import sys

from openpyxl import Workbook
from openpyxl.packaging.custom import IntProperty, StringProperty

HEADER = ["序号", "指标代码", "指标名称", "单位", "规划目标", "上年数值", "本年数值（{year}年）", "情况说明", "数据来源"]


def main(out, spec_path):
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    year = spec["year"]
    version = spec["schema_version"]
    department = spec["department"]
    wb = Workbook()
    ws = wb.active
    ws.title = "监测数据"
    ws["A1"] = f"测试区{year}年妇女儿童发展规划监测数据"
    ws["A2"] = "制定机关：测试区统计局"
    ws["A3"] = f"填报单位：{spec['department_name']}"
    for column, label in enumerate(HEADER, start=1):
        ws.cell(row=4, column=column, value=label.format(year=year))
    for index, row in enumerate(spec["rows"]):
        number = 5 + index
        ws.cell(row=number, column=1, value=index + 1)
        ws.cell(row=number, column=2, value=row["code"])
        ws.cell(row=number, column=3, value=row["name"])
        ws.cell(row=number, column=4, value=row["unit"])
        if row.get("value") is not None:
            ws.cell(row=number, column=7, value=row["value"])
        if row.get("explanation"):
            ws.cell(row=number, column=8, value=row["explanation"])
    template_id = f"teststore-{department}-{year}-{version[:12]}"
    meta = wb.create_sheet("nianjian_meta")
    for key, value in [("template_id", template_id), ("schema_version", version), ("jurisdiction", "teststore"),
                       ("department", department), ("year", year)]:
        meta.append([key, value])
    meta.sheet_state = "hidden"
    wb.custom_doc_props.append(StringProperty(name="NianjianTemplateID", value=template_id))
    wb.custom_doc_props.append(StringProperty(name="NianjianSchemaVersion", value=version))
    wb.custom_doc_props.append(StringProperty(name="NianjianJurisdiction", value="teststore"))
    wb.custom_doc_props.append(StringProperty(name="NianjianDepartment", value=department))
    wb.custom_doc_props.append(IntProperty(name="NianjianYear", value=year))
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
