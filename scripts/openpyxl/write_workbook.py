"""The national workbook written with plain openpyxl, as a Python developer would: the
same sheets, rows, values, wrapped and bold cells, column widths, frozen panes, autofilter
and Tingkat validation as `swanilai export` writes, from the data in SPEC.json (made by
dump_spec.py). Shared style objects, openpyxl's ordinary (not write-only) workbook.

Usage: python write_workbook.py SPEC.json OUT.xlsx
"""

import json
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def main(spec_path, out):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["title"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                if isinstance(cell, list):
                    value, style = cell
                    target = ws.cell(row=r, column=c, value=value)
                    if "w" in style:
                        target.alignment = WRAP
                    if "b" in style:
                        target.font = BOLD
                else:
                    ws.cell(row=r, column=c, value=cell)
        for col, width in sheet["widths"].items():
            ws.column_dimensions[col].width = width
        if sheet["freeze"]:
            ws.freeze_panes = sheet["freeze"]
        if sheet["autofilter"]:
            ws.auto_filter.ref = sheet["autofilter"]
        for v in sheet["validations"]:
            dv = DataValidation(type="list", formula1=v["formula"], allow_blank=True)
            dv.add(v["ranges"])
            ws.add_data_validation(dv)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
