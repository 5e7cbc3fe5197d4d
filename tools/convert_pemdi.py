#!/usr/bin/env python3
"""Convert the provisional Indeks Pemerintah Digital reference
(tests/fixtures/reference/pemdi-2026/, a copy of ../shared/reference/pemdi-2026/) into
Swanilai's catalog format (assets/catalog/pemdi-2026.json).

Run from the repository root:  python3 tools/convert_pemdi.py
The output is committed; `tests/it/pemdi_reference.rs` re-checks the shipped catalog
against the reference copy (and the copy against ../shared when it is present).

What is carried: aspects, indicators and weights (percent -> basis points), name variants,
the four external-index indicators (default value 1.00, as the reference's formula says),
the predikat bands (lower bound inclusive) with their level labels, and the 232 butir with
their flags. What is left out on purpose: level criteria (only low-confidence fragments
exist; the official Modul governs) and the sources' confidence notes (kept in the
reference copy).
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REF = ROOT / "tests" / "fixtures" / "reference" / "pemdi-2026"
DST = ROOT / "assets" / "catalog" / "pemdi-2026.json"

LEVEL_NAMES = ["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"]


def bp(percent) -> int:
    return round(percent * 100)


def main() -> int:
    cat = json.loads((REF / "catalog-pemdi-2026-provisional.json").read_text(encoding="utf-8"))
    items = json.loads((REF / "butir-pemdi-2026-provisional.json").read_text(encoding="utf-8"))
    aspects, indicators = [], []
    for a in cat["aspects"]:
        aspect = {"number": a["number"], "code": f"A{a['number']}", "name": a["name"],
                  "weight_bp": bp(a["weight_percent"])}
        if a.get("name_variants"):
            aspect["name_variants"] = a["name_variants"]
        aspects.append(aspect)
        for i in a["indicators"]:
            ind = {"number": i["number"], "aspect": a["number"], "name": i["name"],
                   "weight_bp": bp(i["weight_percent"]), "level_kind": "pemdi", "question": ""}
            if i.get("name_variants"):
                ind["name_variants"] = i["name_variants"]
            if i.get("scored_from_external_index"):
                ind["external_index"] = {"name": i["scored_from_external_index"],
                                         "default_value": "1.00"}
            indicators.append(ind)
    bands = []
    for b in sorted(cat["rating_bands"], key=lambda b: -b["min"]):
        band = {"name": b["predikat"], "min": None if b["min"] <= 1.0 else f"{b['min']:.2f}"}
        if b.get("level_label"):
            band["label"] = b["level_label"]
        bands.append(band)
    butir = []
    for i in items["indicators"]:
        for level, entries in sorted(i["levels"].items(), key=lambda kv: int(kv[0])):
            for e in entries:
                item = {"id": e["id"], "indicator": i["number"], "level": int(level),
                        "text": e["text"]}
                if e.get("flags"):
                    item["flags"] = e["flags"]
                butir.append(item)
    out = {
        "format": "swanilai-catalog",
        "format_version": 1,
        "framework": {
            "id": cat["framework"],
            "version": "2026.0-provisional",
            "title": cat["title"],
            "short_title": "PermenPANRB 8/2026 (sementara)",
            "index_name": "Indeks Pemerintah Digital",
            "source": "PermenPANRB Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital",
            "provisional": True,
            "program": {"short": "Pemerintah Digital", "heading": "PEMERINTAH DIGITAL",
                        "long": "Pemerintah Digital (Pemdi)", "coordinator": "Koordinator Pemdi"},
            "status_note": (
                "Sementara: disusun dari sumber pihak ketiga dan belum dicocokkan dengan "
                "SALINAN/Lampiran resmi. Kriteria tingkat tidak dimuat; daftar butir adalah "
                "yang diminta tiap tingkat, dan Modul Indikator resmi yang berlaku. "
                "(Provisional: " + cat["status_note"] + ")"
            ),
        },
        "level_kinds": [{"id": "pemdi", "names": LEVEL_NAMES}],
        "rating_bands": bands,
        "aspects": aspects,
        "indicators": indicators,
        "criteria_versions": [{
            "id": "modul-indikator-pemdi-2026-provisional",
            "title": "Modul Indikator Pemerintah Digital 2026 (sementara: butir saja, tanpa kriteria)",
            "from_year": 2026,
            "indicators": [],
        }],
        "scoring": {"value": "decimal", "band_boundary": "min_inclusive"},
        "butir": butir,
    }
    DST.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {DST.relative_to(ROOT)}: {len(indicators)} indicators, {len(butir)} butir")
    return 0


if __name__ == "__main__":
    sys.exit(main())
