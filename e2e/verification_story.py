"""After submission (issue 12): the external verification's results in the real window.
The demo's kabupaten (2025 and 2026): a stage entered by hand on the Hasil Verifikasi
screen, a CSV of the assessors' results previewed (before -> after, "mengganti") and
confirmed, a broken CSV refused with its file and row, the over-claims highlighted and
filtered, the results template written, the years compared on the Dasbor, the screen in
English, and a new year started from last year with some indicators carried, the mark on
an indicator page.

A fresh database, its own window. Run by run_e2e.py; standalone like pemdi_story.py.
"""

import os
import time
import tempfile
import zipfile

from team_story import step_name
from webdriver import Screens, Session
from xlsx import sheet_names


class VerificationStory(Screens):
    def set_field(self, css, text):
        """Type into a field as a person does (input events, so the form's state follows)."""
        self.s.execute("const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1];"
                       "e.dispatchEvent(new Event('input', {bubbles: true}));", css, text)

    def compare(self, year=2026):
        r = self.s.invoke("verification", {"year": year})
        assert "ok" in r, r
        return r["ok"]

    def row(self, n, year=2026):
        return next(r for r in self.compare(year)["indicators"] if r["indicator"] == n)

    def claim(self, n):
        return self.s.execute(f"return document.querySelector('tr[data-row=\"{n}\"]')?.dataset.claim")

    @step_name("demo: the kabupaten's 2025 and 2026 assessments are loaded")
    def demo(self):
        s = self.s
        s.find('[data-testid="demo"]', timeout=20).click()
        s.find('button[data-indicator="47"]', timeout=30)
        assert s.find('[data-testid="year"]').attr("value") in ("2026", None), "the newest year is shown"
        years = [a["year"] for a in s.invoke("database_summary")["ok"]["assessments"]]
        assert sorted(years) == [2025, 2026], years

    @step_name("Hasil Verifikasi: stage cards say nothing yet; a final value entered by hand is an over-claim")
    def by_hand(self):
        s = self.s
        self.nav("verification")
        s.find('[data-testid="vf-table"] tr[data-row="47"]', timeout=15)
        state = s.find('[data-stage="final"] [data-testid="stage-state"]').text
        assert state == "belum ada", state
        mandiri = self.row(1)["mandiri"]
        assert mandiri == 4, f"the demo scores indicator 1 at level 4, got {mandiri}"
        s.find('button[data-cell="1-final"]').click()
        s.find('[data-testid="stage-editor"]')
        self.set_field('[data-testid="stage-value"]', "3")
        self.set_field('[data-testid="stage-note"]', "Kebijakan belum mencakup seluruh perangkat daerah")
        s.find('[data-testid="stage-save"]').click()
        s.wait_until("return !document.querySelector('[data-testid=stage-editor]')"
                     " && document.querySelector('tr[data-row=\"1\"]')?.dataset.claim === 'over'",
                     what="indicator 1 marked as an over-claim")
        r = self.row(1)
        assert r["final"] == 3 and r["claim"] == "over" and r["difference"] == 1, r
        assert r["notes"][0]["origin"] == "manual" and "perangkat daerah" in r["notes"][0]["note"], r["notes"]
        marker = s.find('tr[data-row="1"] [data-testid="over-claim"]').text
        assert "▲" in marker and "+1" in marker and "Berlebih" in marker, marker
        state = s.find('[data-stage="final"] [data-testid="stage-state"]').text
        assert state == "sebagian (1/47)", state
        self.dismiss()
        self.shot("verif-01-by-hand")

    @step_name("import: a CSV previewed (before -> after, mengganti), then confirmed in one go")
    def import_csv(self):
        s = self.s
        csv = os.path.join(self.work, "hasil-lhe.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("indicator,stage,level,note\n"
                    "1,final,2,\"Belum ada SK, hanya draf\"\n"
                    "2,dokumen,3,Dokumen lengkap\n"
                    "2,final,3,\n"
                    "3,final,2,Belum diterapkan menyeluruh\n"
                    "5,final,3,Lebih baik dari klaim\n")
        s.execute("window.__swanilaiVerification.runPreview(arguments[0])", csv)
        s.find('[data-testid="vf-preview"]', timeout=15)
        rows = s.execute("return [...document.querySelectorAll('[data-testid=vf-preview] tr[data-change]')]"
                         ".map((r) => [r.dataset.change, r.textContent])")
        assert [r[0] for r in rows] == ["1-final", "2-dokumen", "2-final", "3-final", "5-final"], rows
        assert "3 → 2" in rows[0][1] and "mengganti" in rows[0][1], rows[0]
        assert "baru" in rows[1][1], rows[1]
        assert self.row(3)["final"] is None, "the preview writes nothing"
        self.shot("verif-02-import-preview")
        s.find('[data-testid="vf-confirm"]').click()
        code, text = self.notice(timeout=15)
        assert code == "" and "5 nilai" in text, (code, text)
        s.wait_until("return document.querySelector('tr[data-row=\"5\"]')?.dataset.claim === 'under'",
                     what="the table reloaded after the import")
        c = self.compare()
        final = next(x for x in c["stages"] if x["stage"] == "final")
        assert final["answered"] == 4, final
        assert self.row(3)["notes"][0]["origin"] == "csv: hasil-lhe.csv", self.row(3)["notes"]
        assert self.claim(1) == "over" and self.claim(3) == "over" and self.claim(5) == "under"
        self.dismiss()

    @step_name("import: a CSV with a wrong row is refused, saying the file and the row")
    def import_error(self):
        s = self.s
        bad = os.path.join(self.work, "hasil-salah.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("indicator,stage,level,note\n4,final,3,\n99,final,7,\n")
        s.execute("window.__swanilaiVerification.runPreview(arguments[0])", bad)
        err = s.find('[data-testid="vf-import-error"]', timeout=15)
        assert err.attr("data-code") == "IMPORT_REJECTED", err.attr("data-code")
        text = err.text
        assert "hasil-salah.csv" in text and "3" in text, text
        assert self.row(4)["final"] is None, "nothing written from a refused file"
        self.shot("verif-03-import-error")
        s.execute("document.querySelector('[data-testid=vf-import-error] button').click()")

    @step_name("over-claims: highlighted with a marker and filtered; the aspect chart of self against final")
    def over_claims(self):
        s = self.s
        s.find('button[data-filter="over"]').click()
        s.wait_until("return document.querySelectorAll('[data-testid=vf-table] tbody tr').length === 2",
                     what="only the over-claims shown")
        shown = s.execute("return [...document.querySelectorAll('[data-testid=vf-table] tbody tr')].map((r) => r.dataset.row)")
        assert shown == ["1", "3"], shown
        bg = s.execute("return getComputedStyle(document.querySelector('tr[data-row=\"1\"] td')).backgroundColor")
        assert bg not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), f"the over-claim row is coloured: {bg}"
        s.find('tr[data-row="1"] [data-testid="notes"] summary').click()
        s.find('canvas[aria-label="Penilaian Mandiri"]')
        counts = s.find('[data-testid="claim-counts"]').text
        assert counts.startswith("2 indikator"), counts
        self.shot("verif-04-over-claims")
        s.find('button[data-filter="diff"]').click()
        s.wait_until("return document.querySelectorAll('[data-testid=vf-table] tbody tr').length === 3",
                     what="over- and under-claims shown")
        s.find('button[data-filter="all"]').click()

    @step_name("template: the results workbook written through the save dialog's path")
    def template(self):
        s = self.s
        out = os.path.join(self.work, "Hasil-Verifikasi-2026.xlsx")
        s.execute("window.__swanilaiVerification.runTemplate(arguments[0])", out)
        code, text = self.notice(timeout=15)
        assert code == "" and out in text, (code, text)
        assert os.path.getsize(out) > 0 and zipfile.is_zipfile(out), "an xlsx is a zip"
        names = sheet_names(out)
        assert names, f"the template has sheets: {names}"
        self.dismiss()

    @step_name("report: the report to the Bupati written from Ekspor as PDF and DOCX")
    def report(self):
        s = self.s
        self.nav("transfer")
        s.find('[data-testid="report-pdf"]', timeout=15)
        s.find('[data-testid="report-target"]').type("Sangat Baik")
        for ext, magic in (("pdf", b"%PDF"), ("docx", b"PK")):
            out = os.path.join(self.work, f"Laporan-Monev-2026.{ext}")
            s.execute("window.__swanilaiTransfer.runReport(arguments[0])", out)
            code, text = self.notice(timeout=90)
            assert code == "" and out in text, (code, text)
            with open(out, "rb") as f:
                assert f.read(4).startswith(magic), f"{out} is a {ext}"
            self.dismiss()
        with zipfile.ZipFile(out) as z:
            body = z.read("word/document.xml").decode("utf-8")
        assert "RINGKASAN" in body.upper() and "Sangat Baik" in body, "the summary and the target"
        s.execute("document.querySelector('[data-testid=report-pdf]').scrollIntoView({block: 'center'})")
        self.shot("verif-09-report")

    @step_name("next level: an indicator page says what the next level asks, the words that differ and the exact gain")
    def next_level(self):
        s = self.s
        self.nav("board")
        s.find('button[data-indicator="3"]', timeout=10).click()
        s.wait_until("return document.body.dataset.indicator === '3'", what="indicator 3 page")
        s.find('[data-testid="next-level"] summary', timeout=15).click()
        gap = s.invoke("gap", {"year": 2026, "indicator": 3})["ok"]
        assert gap["next_level"] == gap["current_level"] + 1, gap["next_level"]
        gain = s.find('[data-testid="gap-gain"]').text
        assert gap["gain_text"] in gain, (gap["gain_text"], gain)
        s.wait_until("return document.querySelectorAll('[data-testid=gap-criteria] ins').length > 0",
                     what="the words the next level adds, marked")
        s.execute("document.querySelector('[data-testid=next-level]').scrollIntoView({block: 'start'})")
        self.shot("verif-10-next-level")

    @step_name("Rencana: what-if live, the path to Sangat Baik applied, a scenario saved, a recommendation followed up")
    def planning(self):
        s = self.s
        self.nav("planning")
        s.find('[data-testid="whatif-table"] input[data-hypo="1"]', timeout=15)
        before = s.find('[data-testid="projected"] strong').text
        s.find('input[data-hypo="1"]').type("5")
        s.wait_until("return document.querySelector('[data-testid=projected] strong').textContent !== arguments[0]",
                     15, "the projected index moves", before)
        ix = s.invoke("index", {"year": 2026})["ok"]
        assert ix["index_text"] in s.find('[data-testid="projected"]').text, "today's index beside the projection"
        s.wait_until("return document.querySelectorAll('[data-testid=projected-groups] tr.moved').length >= 2",
                     15, "the projected domain and aspect of indicator 1 moved")
        assert len(s.find_all('[data-testid="projected-groups"] tr')) == len(ix["domains"]) + len(ix["aspects"])
        # A ceiling: indicator 42 cannot go above its level this year, so no step raises it.
        level42 = next(a["level"] for a in s.invoke("answers", {"year": 2026, "indicator": None})["ok"] if a["indicator"] == 42)
        s.find('input[data-ceiling="42"]').type(str(level42))
        s.execute("document.querySelector('input[data-ceiling=\"42\"]').dispatchEvent(new Event('change', {bubbles: true}))")
        end = time.time() + 15
        while not any(p["indicator"] == 42 and p["ceiling"] == level42 for p in s.invoke("indicator_plans", {"year": 2026})["ok"]):
            assert time.time() < end, "the ceiling is stored"
            time.sleep(0.2)
        s.find('[data-testid="target"]').type("Sangat Baik")
        s.find('[data-testid="find-path"]').click()
        s.find('[data-testid="plan-steps"] li', timeout=15)
        plan = s.invoke("plan_to_target", {"year": 2026, "input": {"target": "Sangat Baik", "ceilings": [], "efforts": []}})["ok"]
        assert plan["reachable"], plan
        assert all(st["indicator"] != 42 for st in plan["steps"]), "the ceiling holds"
        shown = len(s.find_all('[data-testid="plan-steps"] li'))
        assert shown == len(plan["steps"]), (shown, len(plan["steps"]))
        s.find('[data-testid="apply-plan"]').click()
        s.wait_until("return document.querySelector('[data-testid=projected] strong').textContent.includes(arguments[0])",
                     15, "the plan applied to the what-if", plan["projected_text"])
        s.find('[data-testid="scenario-name"]').type("Menuju Sangat Baik")
        s.find('[data-testid="scenario-save"]').click()
        s.find('[data-testid="scenarios"] li', timeout=10)
        assert s.invoke("index", {"year": 2026})["ok"]["index_text"] == ix["index_text"], "the answers are untouched"
        s.execute("document.querySelector('.planning h1').scrollIntoView({block: 'start'})")
        self.shot("verif-11-whatif-target")
        s.find('button[data-tab="recs"]').click()
        s.find('[data-testid="rec-text"]', timeout=10).type("Tetapkan Perbup Manajemen Data")
        s.find('[data-testid="rec-unit"]').type("Diskominfo")
        s.find('[data-testid="rec-save"]').click()
        s.find('[data-testid="recs"] tr[data-rec]', timeout=10)
        s.execute("const sel = document.querySelector('[data-testid=rec-status]'); sel.value = 'proses'; sel.dispatchEvent(new Event('change', {bubbles: true}))")
        end = time.time() + 15
        while True:
            recs = s.invoke("recommendations", {"year": 2026, "indicator": None})["ok"]
            if recs and recs[0]["status"] == "proses":
                break
            assert time.time() < end, f"the follow-up status is stored: {recs}"
            time.sleep(0.2)
        assert recs[0]["unit"] == "Diskominfo", recs
        self.shot("verif-12-recommendations")

    @step_name("Dasbor: the years compared, index and predikat per year, per-aspect and per-indicator changes")
    def dashboard(self):
        s = self.s
        self.nav("dashboard")
        box = s.find('[data-testid="years-compare"]', timeout=15)
        years = s.execute("return [...document.querySelectorAll('[data-testid=years-compare] tr[data-year]')].map((r) => r.dataset.year)")
        assert years == ["2025", "2026"], years
        row = s.find('[data-testid="years-compare"] tr[data-year="2026"]').text
        ix = s.invoke("index", {"year": 2026})["ok"]
        assert ix["index_text"] in row, (ix["index_text"], row)
        assert len(s.find_all('[data-testid="aspect-changes"] li')) == len(ix["aspects"])
        s.find('[data-testid="indicator-changes"] summary').click()
        s.execute("document.querySelector('[data-testid=years-compare]').scrollIntoView()")
        assert "Perbandingan antartahun" in box.text
        self.shot("verif-05-dashboard-years")

    @step_name("English: the verification screen's labels, the claims said in words")
    def english(self):
        s = self.s
        self.nav("settings")
        s.find('input[data-lang="en"]').click()
        s.wait_until("return document.querySelector('button[data-nav=verification]').textContent.trim() === 'Verification'",
                     what="English labels")
        self.nav("verification")
        s.find('[data-testid="vf-table"] tr[data-row="47"]', timeout=15)
        s.find('button[data-filter="diff"]').click()
        s.wait_until("return document.querySelectorAll('[data-testid=vf-table] tbody tr').length === 3",
                     what="the differences shown")
        over = s.find('tr[data-row="3"] [data-testid="over-claim"]').text
        under = s.find('tr[data-row="5"] [data-testid="under-claim"]').text
        assert "Over-claim" in over and "Under-claim" in under, (over, under)
        assert s.find('[data-stage="interviu"] [data-testid="stage-state"]').text == "none yet"
        self.shot("verif-08-verification-en")
        self.nav("settings")
        s.find('input[data-lang="id"]').click()
        s.wait_until("return document.querySelector('button[data-nav=verification]').textContent.trim() === 'Verifikasi'",
                     what="Indonesian labels")

    @step_name("new year: 2027 started from 2026 with two indicators carried; the mark on indicator 1")
    def carry(self):
        s = self.s
        self.nav("profile")
        year = s.find('[data-testid="ny-year"]')
        year.clear().type("2027")
        s.find('[data-testid="ny-open"]').click()
        s.find('[data-testid="ny-carry"]').click()
        s.find('[data-testid="carry-chooser"] input[data-carry="47"]', timeout=15)
        s.wait_until("return document.querySelector('[data-testid=carry-count]').textContent.startsWith('47 dari 47')",
                     what="all indicators chosen by default")
        s.find('[data-testid="carry-none"]').click()
        s.execute("document.querySelector('[data-carry-aspect]').closest('details').open = true")
        s.execute("document.querySelector('input[data-carry=\"1\"]').click();"
                  "document.querySelector('input[data-carry=\"2\"]').click()")
        s.wait_until("return document.querySelector('[data-testid=carry-count]').textContent.startsWith('2 dari 47')",
                     what="two indicators chosen")
        self.shot("verif-06-carry-chooser")
        s.find('[data-testid="ny-start"]').click()
        code, _ = self.notice(timeout=20)
        assert code == "", code
        answers = s.invoke("answers", {"year": 2027, "indicator": None})["ok"]
        carried = sorted(a["indicator"] for a in answers if a["carried_from"] == 2026)
        assert carried == [1, 2], carried
        self.dismiss()
        self.nav("board")
        s.find('button[data-indicator="1"]', timeout=10).click()
        s.wait_until("return document.body.dataset.indicator === '1'", what="indicator 1 page")
        mark = s.find('[data-testid="carried-mark"]', timeout=10).text
        assert "Disalin dari 2026" in mark and "perbarui penjelasan" in mark, mark
        ev = s.invoke("evidence", {"year": 2027, "indicator": 1})["ok"]
        if ev:
            line = s.find('[data-testid="evidence-carried"]', timeout=10).text
            assert "dari 2026" in line, line
            s.execute("document.querySelector('[data-testid=evidence-carried]').scrollIntoView({block: 'center'})")
        self.shot("verif-07-carried-indicator")


def run_verification_story(driver, binary, artifacts):
    """(passed, failed) of the verification story, with its own fresh database and window."""
    work = tempfile.mkdtemp(prefix="swanilai-e2e-verif-")
    db = os.path.join(work, "verifikasi.db")
    s = Session(driver, binary, ["--db", db])
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = VerificationStory(s, work, artifacts)
        return story.run_steps([story.demo, story.by_hand, story.import_csv, story.import_error,
                                story.over_claims, story.template, story.report, story.next_level, story.planning, story.dashboard, story.english, story.carry],
                               "verification", stop_on_fail=True)
    finally:
        s.quit()
