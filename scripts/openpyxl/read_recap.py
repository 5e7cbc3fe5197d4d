"""Read what `swanilai recap` reads, with openpyxl, from every file directly in a folder:
the `_swanilai` keys (format, instansi, year, framework_id) and the recap sheet's rows
(`Rekap Indeks`: Kelompok, No, Nama, Indeks, Predikat, Terjawab; `Rekap Aspek`: No, Aspek,
Indeks Mandiri, Predikat, Dinilai), header found by its text. A file that cannot be read
is counted with its reason and the run goes on. Prints one line: rows, errors, the sum of
the indices (a check that both readers saw the same values). Used by
scripts/bench-recap.sh; the comparison, not a tool.

Usage: python read_recap.py FOLDER
"""

import os
import sys

import openpyxl

WANTED = {
    "swanilai-workbook": ("Rekap Indeks", ["Kelompok", "No", "Nama", "Indeks", "Predikat", "Terjawab"]),
    "swanilai-workbook-butir": ("Rekap Aspek", ["No", "Aspek", "Indeks Mandiri", "Predikat", "Dinilai"]),
}


def read(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        meta = {}
        for row in wb["_swanilai"].iter_rows(values_only=True):
            if row and isinstance(row[0], str) and len(row) > 1:
                meta[row[0].strip()] = row[1]
        sheet, headers = WANTED[meta["format"]]
        rows = list(wb[sheet].iter_rows(max_row=500, values_only=True))
        for h, row in enumerate(rows[:10]):
            texts = [str(c).strip() if c is not None else "" for c in row]
            if all(x in texts for x in headers):
                cols = [texts.index(x) for x in headers]
                break
        else:
            raise ValueError("no header row")
        groups = []
        index = None
        for row in rows[h + 1:]:
            cells = [row[c] if c < len(row) else None for c in cols]
            if all(c in (None, "") for c in cells[:2]):
                continue
            groups.append(cells)
            overall = cells[0] == "Indeks" if sheet == "Rekap Indeks" else cells[0] in (None, "")
            if overall:
                v = cells[3] if sheet == "Rekap Indeks" else cells[2]
                index = v if isinstance(v, (int, float)) else None
                break
        return meta["instansi"], meta["year"], meta["framework_id"], index, groups
    finally:
        wb.close()


def main(folder):
    ok, errors, total = 0, 0, 0.0
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        try:
            _, _, _, index, _ = read(path)
            ok += 1
            total += index or 0.0
        except Exception:  # noqa: BLE001 - a bad file is counted, as the recap lists it
            errors += 1
    print(f"{ok} rows, {errors} errors, index sum {total:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
