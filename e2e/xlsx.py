"""Read a sheet of an .xlsx with the standard library (zip + XML): enough to check what
the app exported without installing anything."""

import re
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def sheet_names(path):
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        return [s.get("name") for s in wb.find("m:sheets", NS)]


def _col(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_sheet(path, name, numbered=False):
    """Rows of the sheet `name` as lists of strings (empty cells are ""); with `numbered`,
    as (row number, cells) pairs."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = None
        for s in wb.find("m:sheets", NS):
            if s.get("name") == name:
                rid = s.get(f"{{{NS['r']}}}id")
                for rel in rels:
                    if rel.get("Id") == rid:
                        target = rel.get("Target").lstrip("/")
        if target is None:
            raise KeyError(f"no sheet {name!r} in {path}")
        if not target.startswith("xl/"):
            target = "xl/" + target
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in sst.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        root = ET.fromstring(z.read(target))
        rows = []
        for row in root.iter(f"{{{NS['m']}}}row"):
            cells = {}
            for c in row.findall("m:c", NS):
                t = c.get("t")
                v = c.find("m:v", NS)
                if t == "s" and v is not None:
                    val = shared[int(v.text)]
                elif t == "inlineStr":
                    val = "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))
                else:
                    val = v.text if v is not None else ""
                cells[_col(c.get("r"))] = val
            width = max(cells) + 1 if cells else 0
            line = [cells.get(i, "") for i in range(width)]
            rows.append((int(row.get("r")), line) if numbered else line)
        return rows


def _letters(col):
    s = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def edited_copy(path, out, sheet, numbers=None, texts=None):
    """A copy of the workbook at `path` written to `out` as a person's edit would leave it:
    `numbers` {cell ref: value} sets numeric cells of `sheet`; `texts` {old: new} replaces
    text in the shared strings. Everything else is copied byte for byte."""
    numbers = numbers or {}
    texts = texts or {}
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        rid = next(s.get(f"{{{NS['r']}}}id") for s in wb.find("m:sheets", NS) if s.get("name") == sheet)
        target = next(r.get("Target") for r in rels if r.get("Id") == rid).lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename == target:
                    xml = data.decode("utf-8")
                    for ref, value in numbers.items():
                        # An empty (styled) cell is written self-closing; a filled one is not.
                        cell = re.search(rf'<c r="{ref}"(?P<attrs>[^>]*?)(?:/>|>.*?</c>)', xml)
                        assert cell, f"no cell {ref} in {sheet}"
                        attrs = re.sub(r'\s+t="[^"]*"', "", cell.group("attrs"))
                        xml = xml[:cell.start()] + f'<c r="{ref}"{attrs}><v>{value}</v></c>' + xml[cell.end():]
                    data = xml.encode("utf-8")
                elif info.filename == "xl/sharedStrings.xml":
                    xml = data.decode("utf-8")
                    for old, new in texts.items():
                        assert old in xml, f"no shared string with {old!r}"
                        xml = xml.replace(old, new)
                    data = xml.encode("utf-8")
                w.writestr(info, data)


def cell_of(path, sheet, indicator, header):
    """The cell reference ("G9") of `header`'s column on the row of `indicator` (rows are
    counted by their own numbers: empty rows are not in the file)."""
    rows = read_sheet(path, sheet, numbered=True)
    head = next(r for r in rows if "No" in r[1] and header in r[1])
    col = head[1].index(header)
    no = head[1].index("No")
    row = next(n for n, r in rows if len(r) > no and r[no] == str(indicator))
    return f"{_letters(col)}{row}"
