"""Untimed preparation of scripts/bench-openpyxl.sh: read the workbook `swanilai export`
wrote and describe it as plain data (JSON): every sheet's cells with their values and
whether they wrap or are bold, column widths, frozen panes, the autofilter and the list
validation of the Tingkat column. write_workbook.py writes the same workbook from it.

Usage: python dump_spec.py EXPORTED.xlsx SPEC.json
"""

import json
import sys

import openpyxl


def main(src, out):
    wb = openpyxl.load_workbook(src)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                style = ("w" if c.alignment.wrap_text else "") + ("b" if c.font.b else "")
                cells.append([c.value, style] if style else c.value)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(cells)
        validations = [
            {"formula": dv.formula1, "ranges": str(dv.sqref)} for dv in ws.data_validations.dataValidation
        ]
        sheets.append({
            "title": ws.title,
            "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "validations": validations,
            "rows": rows,
        })
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"sheets": sheets}, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
