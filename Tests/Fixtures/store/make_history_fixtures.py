#!/usr/bin/env python3
"""Makes the history-table fixtures of the store tests (run from anywhere: python3 make_history_fixtures.py).

- history-openpyxl.xlsx   openpyxl 3.1.5: a title row above the header, an unrelated first sheet and a sheet
                          named 历史数据, a percent-formatted cell (0.935 shown as 93.5%), a number stored as text,
                          a declared missing value (不适用), a qualitative text answer and a note column.
- history-english.xlsx    openpyxl 3.1.5: English header (code, year, value) on the first and only sheet.
- history-gb18030.csv     a CSV saved the way Chinese Excel saves "CSV (逗号分隔)": GB18030/GBK, CRLF line ends.
- history-utf16.txt       Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated.
"""
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

rows = [
    ("T-HE-01", 2020, 93.5, "基期"),
    ("T-HE-01", 2021, 94.25, None),
    ("T-HE-02", 2021, 7.8, None),
    ("T-ED-02", 2022, 1234, None),
]

book = openpyxl.Workbook()
first = book.active
first.title = "说明"
first["A1"] = "本工作簿第二张表为历史数据"
sheet = book.create_sheet("历史数据")
sheet["A1"] = "测试区妇女发展规划监测指标历史数据（2020—2024年）"
sheet.append([])
sheet.append(["指标代码", "指标名称", "年份", "数值", "备注"])
for code, year, value, note in rows:
    sheet.append([code, "", year, value, note])
sheet.append(["T-ED-01", "女性高中阶段毛入学率", 2023, 0.935, "百分比格式"])
sheet.cell(row=sheet.max_row, column=4).number_format = "0.0%"
sheet.append(["T-ED-01", "", 2024, "96.10", "以文本形式存储的数字"])
sheet.append(["T-HE-02", "", 2022, "不适用", None])
sheet.append(["T-HE-03", "", "2024年", "已建立妇女健康服务体系", None])
book.save(os.path.join(HERE, "history-openpyxl.xlsx"))

english = openpyxl.Workbook()
sheet = english.active
sheet.title = "Sheet1"
sheet.append(["code", "year", "value", "source"])
sheet.append(["T-HE-01", 2022, 95.1, "health statistics"])
sheet.append(["T-HE-01", 2023, 95.6, None])
english.save(os.path.join(HERE, "history-english.xlsx"))

csv_text = "指标代码,年份,数值,备注\r\nT-HE-01,2020,93.5,基期（卫生统计年报）\r\nT-HE-02,2021,—,\r\n"
with open(os.path.join(HERE, "history-gb18030.csv"), "wb") as handle:
    handle.write(csv_text.encode("gb18030"))

tsv_text = "指标代码\t年份\t数值\r\nT-HE-01\t2021\t94.25\r\n"
with open(os.path.join(HERE, "history-utf16.txt"), "wb") as handle:
    handle.write(b"\xff\xfe" + tsv_text.encode("utf-16-le"))
