#!/usr/bin/env python3
"""Convert the research catalog (../shared/reference/catalog-permenpanrb-59-2020.json)
into Swanilai's own catalog format (assets/catalog/permenpanrb-59-2020.json).

Run from the repository root:  python3 tools/convert_catalog.py
The output is committed; the test `shipped_catalog_matches_reference` in tests/it
re-checks it against the reference when ../shared is present.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT.parent / "shared" / "reference" / "catalog-permenpanrb-59-2020.json"
DST = ROOT / "assets" / "catalog" / "permenpanrb-59-2020.json"


def main() -> int:
    src = json.loads(SRC.read_text(encoding="utf-8"))
    ml = src["maturity_levels"]
    bands = []
    for b in sorted(src["predikat"]["bands"], key=lambda b: b["no"]):
        bands.append({"name": b["name"], "min": None if b["min"] is None else f"{b['min']:.2f}"})
    out = {
        "format": "swanilai-catalog",
        "format_version": 1,
        "framework": {
            "id": src["framework"]["id"],
            "version": "2020.1",
            "title": src["framework"]["title"],
            "short_title": "PermenPANRB 59/2020",
            "index_name": "Indeks SPBE",
            "source": src["framework"]["gazette"],
        },
        "level_kinds": [
            {"id": "process", "names": [l["name"] for l in ml["process_capability"]["levels"]],
             "descriptions": [l["criteria"] for l in ml["process_capability"]["levels"]]},
            {"id": "service", "names": [l["name"] for l in ml["service_capability"]["levels"]],
             "descriptions": [l["criteria"] for l in ml["service_capability"]["levels"]]},
        ],
        "rating_bands": bands,
        "domains": [
            {"number": d["no"], "code": d["code"], "name": d["name"], "weight_bp": d["weight_bp"]}
            for d in src["domains"]
        ],
        "aspects": [
            {"number": a["no"], "code": a["code"], "domain": a["domain"], "name": a["name"],
             "weight_bp": a["weight_bp"]}
            for a in src["aspects"]
        ],
        "indicators": [
            {"number": i["no"], "aspect": i["aspect"], "name": i["name"], "weight_bp": i["weight_bp"],
             "level_kind": i["capability_type"], "question": i["question"],
             "nameable": i["no"] in (45, 46, 47)}
            for i in src["indicators"]
        ],
        "criteria_versions": [
            {
                "id": "permenpanrb-59-2020",
                "title": "Lampiran PermenPANRB 59/2020, Bab II.E Kuesioner",
                "from_year": 2021,
                "indicators": [
                    {"number": i["no"],
                     "levels": [{"criteria": i["criteria"][str(n)]} for n in range(1, 6)]}
                    for i in src["indicators"]
                ],
            },
            {
                "id": "pedoman-3-2024",
                "title": "Pedoman MenPANRB Nomor 3 Tahun 2024",
                "from_year": 2024,
                "indicators": [pedoman(i) for i in src["indicators"]],
            },
        ],
    }
    DST.parent.mkdir(parents=True, exist_ok=True)
    DST.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DST.relative_to(ROOT)}")
    return 0


def pedoman(i):
    p = i["pedoman_3_2024"]
    entry = {"number": i["no"]}
    if p["name"] != i["name"]:
        entry["name"] = p["name"]
    entry["description"] = p["deskripsi_indikator"]
    entry["assessment_rules"] = p["ketentuan_penilaian"]
    entry["evidence_examples"] = p["contoh_bukti_dukung"]
    entry["levels"] = [
        {"criteria": p["levels"][str(n)]["kriteria_level"],
         "fulfilment": p["levels"][str(n)]["kriteria_pemenuhan_level"],
         "evidence": p["levels"][str(n)]["kriteria_bukti_dukung"]}
        for n in range(1, 6)
    ]
    return entry


if __name__ == "__main__":
    sys.exit(main())
