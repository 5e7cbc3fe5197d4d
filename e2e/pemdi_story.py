"""The Indeks Pemerintah Digital (PermenPANRB 8/2026, provisional) in the real window
(issue 11): the framework chosen when the first assessment is created, a board of 20
indicators without domains, an indicator with a decimal value and its band in words, the
butir per level with a status, a note, evidence attached per butir and the level gate, a
butir copied for the national application, an indicator taken from another agency's index,
the dashboard without domains, marked provisional, and a decimal verification value.

A fresh database, its own window. Run by run_e2e.py; standalone like team_story.py.
"""

import os
import tempfile

from team_story import step_name
from webdriver import Screens, Session


def minimal_pdf(path, text):
    body = f"BT /F1 18 Tf 60 760 Td ({text}) Tj ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


class PemdiStory(Screens):
    def open_indicator(self, n):
        self.nav("board")
        self.s.find(f'button[data-indicator="{n}"]', timeout=10).click()
        self.s.wait_until(f"return document.body.dataset.indicator === '{n}'", what=f"indicator {n} page")

    def set_field(self, css, text):
        """Type into a field and leave it, as a person does (one change event)."""
        self.s.execute("const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1];"
                       "e.dispatchEvent(new Event('input', {bubbles: true}));"
                       "e.dispatchEvent(new Event('change', {bubbles: true}));", css, text)

    def butir_status(self, butir_id):
        return self.s.execute(f"return document.querySelector('[data-butir=\"{butir_id}\"]')?.dataset.status")

    @step_name("first run: the Indeks Pemdi chosen as the framework; 20 indicators, no domains")
    def first_run(self):
        s = self.s
        s.find('input[name="instansi"]', timeout=20).type("Pemerintah Kabupaten Contoh Digital")
        s.find('input[name="coordinator"]').type("Sekretaris Daerah")
        s.find('[data-testid="framework"]')
        s.execute("const f = document.querySelector('[data-testid=framework]'); f.value = 'pemdi-2026';"
                  "f.dispatchEvent(new Event('change', {bubbles: true}));")
        label = s.execute("const f = document.querySelector('[data-testid=framework]'); return f.options[f.selectedIndex].text")
        assert "sementara" in label, label
        year = s.find('input[name="year"]')
        year.clear().type("2027")
        self.shot("pemdi-01-first-run")
        s.find('[data-testid="start"]').click()
        s.find('button[data-indicator="20"]', timeout=15)
        rows = s.find_all("button[data-indicator]")
        assert len(rows) == 20, f"the board shows {len(rows)} indicators, want 20"
        heads = s.execute("return [...document.querySelectorAll('.domain h2')].map((h) => h.textContent.trim())")
        assert not any("Domain" in h for h in heads), heads
        self.shot("pemdi-02-board")

    @step_name("indicator 1: a decimal value, its band in words; the name variants shown")
    def value(self):
        s = self.s
        self.open_indicator(1)
        s.find('[data-testid="value-panel"]')
        assert s.find('[data-testid="provisional"]').text, "the provisional framework is said"
        self.set_field('[data-testid="value-input"]', "2,35")
        s.wait_until("return document.querySelector('[data-testid=value-band]').textContent.trim() === 'Cukup'",
                     what="band Cukup for 2,35")
        self.set_field('[data-testid="value-input"]', "7")
        s.find('[data-testid="value-problem"]')
        v = s.invoke("values", {"year": 2027, "indicator": 1})
        assert v["ok"][0]["self_value"] == 2.35, v
        self.set_field('[data-testid="value-input"]', "2,5")
        s.wait_until("return document.querySelector('[data-testid=value-band]').textContent.trim() === 'Baik'",
                     what="band Baik for 2,50 (lower bound inclusive)")
        self.shot("pemdi-03-value")

    @step_name("butir: a status per butir, evidence attached to one, the level gate, copied for the national form")
    def butir(self):
        s = self.s
        s.find('[data-testid="butir-list"]')
        pdf = os.path.join(self.work, "SK Kebijakan Pemerintah Digital.pdf")
        minimal_pdf(pdf, "SK Kebijakan")
        s.find('[data-testid="dropzone"][data-drop-ready="1"]', timeout=20)
        r = s.invoke("plugin:event|emit", {"event": "tauri://drag-drop",
                                            "payload": {"paths": [pdf], "position": {"x": 400, "y": 400}}})
        assert "err" not in r, r
        s.wait_until("return document.querySelectorAll('[data-testid=evidence-list] li').length === 1",
                     timeout=20, what="file attached to the indicator")
        ev = s.invoke("evidence", {"year": 2027, "indicator": 1})["ok"][0]
        # attach it to the level-1 butir through its own select
        s.execute("const sel = document.querySelector('[data-butir=\"GT.I1_L1_1\"] [data-testid=butir-attach]');"
                  "sel.value = String(arguments[0]); sel.dispatchEvent(new Event('change', {bubbles: true}));", ev["id"])
        s.wait_until("return document.querySelector('[data-butir=\"GT.I1_L1_1\"]').dataset.status === 'diunggah'",
                     what="the butir becomes diunggah")
        names = s.execute("return [...document.querySelectorAll('[data-butir=\"GT.I1_L1_1\"] .b-files li')].map((l) => l.textContent)")
        assert names == ["I1-L1-01.SK Kebijakan Pemerintah Digital.pdf"], names
        # the national application rejected level 1: the levels above read otomatis ditolak
        s.execute("const sel = document.querySelector('[data-butir=\"GT.I1_L1_1\"] [data-testid=butir-set-status]');"
                  "sel.value = 'revisi'; sel.dispatchEvent(new Event('change', {bubbles: true}));")
        s.wait_until("return document.querySelector('[data-butir=\"GT.I1_L1_1\"]').dataset.status === 'revisi'",
                     what="butir set to revisi")
        self.set_field('[data-butir="GT.I1_L1_1"] [data-testid="butir-note"]', "Dokumen belum ditandatangani Bupati")
        s.wait_until("return document.querySelector('[data-butir=\"GT.I1_L2_1\"]').dataset.status === 'revisi'"
                     " && document.querySelector('[data-testid=gate-level]') !== null",
                     what="the level gate on level 2")
        gated = s.execute("return document.querySelector('[data-butir=\"GT.I1_L2_1\"] [data-testid=butir-status]').textContent")
        assert "Otomatis ditolak" in gated, gated
        stored = s.invoke("butir", {"year": 2027, "indicator": 1})["ok"]
        first = next(b for b in stored if b["id"] == "GT.I1_L1_1")
        assert first["note"] == "Dokumen belum ditandatangani Bupati", first
        s.execute("document.querySelector('[data-butir=\"GT.I1_L1_1\"] [data-testid=butir-copy]').click()")
        s.wait_until("return (window.__swanilaiLastCopy || '').includes('Butir I1-L1-01')", what="butir copied")
        text = s.execute("return window.__swanilaiLastCopy")
        assert "Status: Revisi (Tidak tepat)" in text and "I1-L1-01.SK Kebijakan" in text, text
        s.execute("document.querySelector('[data-testid=butir-list]').scrollIntoView()")
        self.shot("pemdi-04-butir-gate")

    @step_name("indicator 5: the value taken from another agency's index, with its source and year")
    def external(self):
        s = self.s
        self.open_indicator(5)
        s.find('[data-testid="value-defaulted"]')
        assert s.find('[data-testid="value-text"]').text.strip() == "1,00"
        s.find('[data-testid="ext-value"]').type("3,12")
        s.find('[data-testid="ext-source"]').type("Laporan Indeks Satu Data Indonesia, Bappenas")
        s.find('[data-testid="ext-year"]').type("2026")
        s.find('[data-testid="ext-save"]').click()
        s.wait_until("return document.querySelector('[data-testid=value-text]').textContent.trim() === '3,12'"
                     " && !document.querySelector('[data-testid=value-defaulted]')", what="external value saved")
        v = s.invoke("values", {"year": 2027, "indicator": 5})["ok"][0]
        assert v["external"]["source_year"] == 2026 and not v["external"]["defaulted"], v
        self.shot("pemdi-05-external")

    @step_name("dashboard: the Indeks Pemdi without domains, provisional")
    def dashboard(self):
        s = self.s
        self.nav("dashboard")
        s.find('[data-testid="dashboard"]')
        assert "Pemerintah Digital" in s.find('[data-testid="index-name"]').text
        assert s.find('[data-testid="provisional"]').text
        titles = s.execute("return [...document.querySelectorAll('.dashboard h2')].map((h) => h.textContent.trim())")
        assert "Domain" not in titles and "Indeks per domain" not in titles, titles
        ix = s.invoke("index", {"year": 2027})["ok"]
        assert ix["domains"] == [] and ix["provisional"], ix
        assert s.find('[data-testid="index-value"]').text.strip() == ix["index_text"], ix["index_text"]
        self.shot("pemdi-06-dashboard")


    @step_name("verification: a decimal final value entered by hand; 2,50 self against 2,00 is an over-claim")
    def verification(self):
        s = self.s
        self.nav("verification")
        s.find('button[data-cell="1-final"]', timeout=15).click()
        s.find('[data-testid="stage-editor"]')
        s.execute("const e = document.querySelector('[data-testid=stage-value]'); e.value = '2.0';"
                  "e.dispatchEvent(new Event('input', {bubbles: true}));")
        s.find('[data-testid="stage-save"]').click()
        s.wait_until("return document.querySelector('tr[data-row=\"1\"]')?.dataset.claim === 'over'",
                     what="indicator 1 an over-claim")
        marker = s.find('tr[data-row="1"] [data-testid="over-claim"]').text
        assert "+0,50" in marker, marker
        assert s.find('[data-cell="1-final"]').text.startswith("2,00")
        row = s.invoke("verification", {"year": 2027})["ok"]["indicators"][0]
        assert row["final"] == 2.0 and row["claim"] == "over", row
        self.shot("pemdi-07-verification")


def run_pemdi_story(driver, binary, artifacts):
    """(passed, failed) of the Indeks Pemdi story, with its own fresh database and window."""
    work = tempfile.mkdtemp(prefix="swanilai-e2e-pemdi-")
    db = os.path.join(work, "pemdi.db")
    s = Session(driver, binary, ["--db", db])
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = PemdiStory(s, work, artifacts)
        return story.run_steps([story.first_run, story.value, story.butir, story.external, story.dashboard,
                                story.verification],
                               "pemdi", stop_on_fail=True)
    finally:
        s.quit()
