#!/usr/bin/env python3
"""Writes the broken-* schema fixtures: each is the small base jurisdiction below with exactly one mistake.

Run from anywhere: python3 Tests/Fixtures/schema/make_broken.py
The expected diagnostic of each folder is asserted in Tests/SchemaTests/SchemaLoaderTests.swift.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

DEPARTMENTS = """\
jurisdiction:
  id: mini
  name: 小样区
  office: 小样区统计局
  form_prefix: 小妇儿监测表
departments:
  - id: health
    name: 区卫生健康局
  - id: education
    name: 区教育局
"""

PLAN = """\
plan:
  id: women
  title: 小样区妇女发展规划（2021—2030年）
  kind: women
  period: {start: 2021, end: 2030}
  milestones: [2025]
domains:
  - code: HE
    name: 妇女与健康
indicators:
  - code: W-HE-01
    name: 孕产妇死亡率
    domain: HE
    unit: "1/10万"
    decimals: 2
    direction: lower
    departments: [health]
    baseline: {year: 2020, value: 5.2}
    targets:
      - year: 2030
        expression: "<= 8"
        text: 控制在8/10万以下
  - code: W-HE-02
    name: 婚前医学检查率
    domain: HE
    unit: "%"
    decimals: 2
    direction: higher
    departments: [health]
    baseline: null
    targets:
      - year: 2030
        expression: ">= 70"
        text: 达到70%以上
  - code: W-HE-03
    name: 孕产妇死亡人数
    domain: HE
    unit: 人
    direction: lower
    departments: [health]
    baseline: null
    targets: []
  - code: W-HE-03a
    name: 农村孕产妇死亡人数
    domain: HE
    unit: 人
    direction: lower
    departments: [health]
    disaggregation: {group: W-HE-03, label: 农村}
    baseline: null
    targets: []
rules:
  - id: W-R-01
    kind: not_greater
    left: W-HE-03a
    right: W-HE-03
    severity: error
    description: 农村不应大于合计
"""

# folder name -> (file, old text, new text); each replaces the first occurrence only.
BROKEN = {
    "broken-unknown-key": ("women.yaml", 'unit: "%"', 'unti: "%"'),
    "broken-missing-key": ("women.yaml", "    name: 婚前医学检查率\n    domain: HE\n", "    name: 婚前医学检查率\n"),
    "broken-wrong-type": ("women.yaml", "decimals: 2\n    direction: higher", "decimals: two\n    direction: higher"),
    "broken-duplicate-code": ("women.yaml", "code: W-HE-02", "code: W-HE-01"),
    "broken-unknown-department": ("women.yaml", "departments: [health]\n    baseline: null", "departments: [helth]\n    baseline: null"),
    "broken-unknown-domain": ("women.yaml", "    name: 婚前医学检查率\n    domain: HE", "    name: 婚前医学检查率\n    domain: XX"),
    "broken-unknown-group": ("women.yaml", "group: W-HE-03,", "group: W-HE-09,"),
    "broken-unknown-rule-code": ("women.yaml", "right: W-HE-03", "right: W-HE-77"),
    "broken-bad-expression": ("women.yaml", 'expression: ">= 70"', 'expression: ">= 7O"'),
    "broken-target-percent": ("women.yaml", 'expression: ">= 70"', 'expression: ">= 120"'),
    "broken-negative-count": ("women.yaml", "    baseline: null\n    targets: []\n  - code: W-HE-03a", "    baseline: null\n    targets:\n      - {year: 2030, expression: \"<= -1\"}\n  - code: W-HE-03a"),
    "broken-baseline-range": ("women.yaml", "    baseline: null\n    targets:\n      - year: 2030\n        expression: \">= 70\"", "    baseline: {year: 2020, value: 130}\n    targets:\n      - year: 2030\n        expression: \">= 70\""),
    "broken-target-year": ("women.yaml", "      - year: 2030\n        expression: \">= 70\"", "      - year: 2035\n        expression: \">= 70\""),
    "broken-rule-units": ("women.yaml", "left: W-HE-03a", "left: W-HE-02"),
    "broken-decimals": ("women.yaml", "decimals: 2\n    direction: lower", "decimals: 9\n    direction: lower"),
    "broken-unquoted-expression": ("women.yaml", 'expression: ">= 70"', "expression: >= 70"),
    "broken-unknown-unit": ("women.yaml", 'unit: "%"', "unit: 百分比"),
    "broken-duplicate-key": ("women.yaml", "    name: 婚前医学检查率\n", "    name: 婚前医学检查率\n    name: 婚检率\n"),
    "broken-undeclared-department": ("departments.yaml", "  - id: health\n    name: 区卫生健康局\n", ""),
}


def write(folder, files):
    path = os.path.join(HERE, folder)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    for name, text in files.items():
        with open(os.path.join(path, name), "w", encoding="utf-8") as handle:
            handle.write(text)


def main():
    for folder, (file_name, old, new) in BROKEN.items():
        files = {"departments.yaml": DEPARTMENTS, "women.yaml": PLAN}
        assert old in files[file_name], folder
        files[file_name] = files[file_name].replace(old, new, 1)
        write(folder, files)
    write("broken-missing-departments", {"women.yaml": PLAN})
    # Warnings only (exit status 1): a baseline with more decimals than `decimals` would be rounded on display.
    write("warning-precision-loss", {
        "departments.yaml": DEPARTMENTS,
        "women.yaml": PLAN.replace("value: 5.2}", "value: 5.234}", 1),
    })
    write("mini", {"departments.yaml": DEPARTMENTS, "women.yaml": PLAN})


if __name__ == "__main__":
    main()
