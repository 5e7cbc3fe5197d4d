"""An evaluator team's working day in the real window (issue 9), at 1366x768: the criteria
read in full (and the Pedoman 2024 criteria in their reading layout), zoom with Ctrl+plus
kept across a reload and every screen checked at 125 % and 150 %, the instansi profile and
a new year started by the supervisor, the review queue with its filter, count and ticked
approvals, dates typed day first and shown in words, and evidence removal asked on the page.

The database is the team story's (the demo kabupaten with a team, prepared with the CLI).
Run by run_e2e.py; standalone like team_story.py.
"""

import os
import re
import sqlite3
import tempfile
import time

from team_story import OPERATOR, PASSWORD, SUPERVISOR, cli_binary, prepare, run_cli, step_name
from webdriver import Screens, Session

# Indicator 40 has the longest criteria of the catalog (Pedoman 2024: 535 characters).
LONG = 40
SCREENS = ["board", "dashboard", "transfer", "settings", "review", "team", "packages", "profile"]


class WorkdayStory(Screens):
    def __init__(self, s, work, artifacts, db):
        super().__init__(s, work, artifacts)
        self.db = db

    def answer(self, n):
        r = self.s.invoke("answers", {"year": 2026, "indicator": n})
        assert "ok" in r, r
        return r["ok"][0]

    def open_indicator(self, n):
        self.nav("board")
        self.s.find(f'button[data-indicator="{n}"]', timeout=10).click()
        self.s.wait_until(f"return document.body.dataset.indicator === '{n}'", what=f"indicator {n} page")

    def zoom_keys(self, keys):
        """Ctrl+<keys> pressed on a focused element (a navigation button), as a person does."""
        self.s.find('button[data-nav="board"]').type("\ue009" + keys + "\ue000")

    def screens_fit(self, zoom):
        """Every screen at this zoom: nothing wider than the window (no sideways scrolling)."""
        s = self.s
        for view in SCREENS:
            # WebKitWebDriver clicks at unzoomed coordinates: the button is clicked from the page.
            s.execute(f"document.querySelector('button[data-nav=\"{view}\"]').click()")
            s.wait_until(f"return document.querySelector('button[data-nav=\"{view}\"]').classList.contains('active')",
                         what=f"{view} shown")
            time.sleep(0.3)
            over = s.execute("""const m = document.querySelector('main'), h = document.querySelector('header.top');
                return {main: m.scrollWidth - m.clientWidth, header: h.scrollWidth - h.clientWidth,
                        page: document.documentElement.scrollWidth - window.innerWidth}""")
            if max(over.values()) > 1:
                wide = s.execute("""const main = document.querySelector('main'); const m = main.getBoundingClientRect().left + main.clientWidth;
                    return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > m + 0.5)
                        .slice(0, 4).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""")
                raise AssertionError(f"{view} at {zoom} %: wider than the window by {over}: {wide}")

    def settings(self):
        r = self.s.invoke("get_settings")
        assert "ok" in r, r
        return r["ok"]

    def wait_setting(self, key, value):
        """The settings file says `value` for `key` (the window writes it just after applying)."""
        for _ in range(50):
            if self.settings()[key] == value:
                return
            time.sleep(0.1)
        raise AssertionError(f"settings: {key} is {self.settings()[key]!r}, want {value!r}")

    @step_name("the supervisor signs in")
    def sign_in(self):
        s = self.s
        s.find('[data-testid="signin"]', timeout=20)
        s.find('input[name="account"]').clear().type(SUPERVISOR)
        s.find('input[name="password"]').clear().type(PASSWORD)
        s.find('[data-testid="signin-submit"]').click()
        s.find('button[data-indicator="47"]', timeout=15)

    @step_name("criteria: five levels in full, no inner scrolling; Pedoman 2024 in rows")
    def criteria(self):
        s = self.s
        self.open_indicator(LONG)
        cards = s.execute("""return [...document.querySelectorAll('label.level-card')].map((c) => {
            const st = getComputedStyle(c);
            return {level: c.dataset.level, clipped: c.scrollHeight > c.clientHeight + 1,
                    overflow: st.overflowY, font: parseFloat(getComputedStyle(c.querySelector('.criteria')).fontSize),
                    width: c.getBoundingClientRect().width};
        })""")
        assert len(cards) == 5, cards
        for c in cards:
            assert not c["clipped"] and c["overflow"] == "visible", f"level {c['level']} is cut or scrolls: {c}"
            assert c["font"] >= 14, f"criteria text of {c['font']}px"
        self.shot("indicator-criteria")
        s.find('[data-testid="guideline"]').click()
        s.find('[data-testid="levels"].reading', timeout=5)
        rows = s.execute("""return [...document.querySelectorAll('label.level-card')].map((c) => ({
            clipped: c.scrollHeight > c.clientHeight + 1, width: c.getBoundingClientRect().width,
            titles: [...c.querySelectorAll('.guide-title')].map((t) => t.textContent)}))""")
        for r in rows:
            assert not r["clipped"] and r["width"] > 1000, r
            assert r["titles"] == ["Kriteria", "Kriteria pemenuhan", "Kriteria bukti dukung"], r["titles"]
        s.execute("document.querySelector('.levels-head').scrollIntoView({block: 'start'})")
        self.shot("indicator-criteria-pedoman")
        # The reading mode stays on from one indicator to the next.
        s.find('[data-testid="next"]').click()
        s.wait_until(f"return document.body.dataset.indicator === '{LONG + 1}'", what="next indicator")
        assert s.find('[data-testid="levels"].reading'), "still in the Pedoman layout"
        s.find('[data-testid="guideline"]').click()

    @step_name("zoom: Ctrl+plus to 150 %, kept after a reload; every screen fits at 125 % and 150 %")
    def zoom(self):
        try:
            self.zoom_steps()
        finally:
            if self.s.execute("return document.documentElement.dataset.zoom") != "100":
                self.zoom_keys("0")  # the next steps click at 100 %

    def zoom_steps(self):
        s = self.s
        self.open_indicator(LONG)
        self.zoom_keys("==")  # 100 -> 110 -> 125
        s.wait_until("return document.documentElement.dataset.zoom === '125'", what="zoom 125")
        self.zoom_keys("=")
        s.wait_until("return document.documentElement.dataset.zoom === '150'", what="zoom 150")
        # The webview itself is zoomed: the page is laid out 1366/1.5 CSS pixels wide.
        width = s.execute("return window.innerWidth")
        assert 880 <= width <= 940, f"the page is {width} CSS px wide at 150 %"
        self.wait_setting("zoom", 150)
        s.execute("window.scrollTo(0, 0); document.querySelector('main').scrollTo(0, 0)")
        self.shot("indicator-150")
        s.execute("location.reload()")
        s.wait_until("return document.body.dataset.ready === '1' && document.documentElement.dataset.zoom === '150'",
                     timeout=30, what="zoom after a reload")
        s.wait_until("return window.innerWidth < 1000", what="the zoom applied after the reload")
        s.wait_until("return !!document.querySelector('[data-testid=signin], button[data-nav=board]')", timeout=15,
                     what="the window after the reload")
        if s.execute("return !!document.querySelector('[data-testid=signin]')"):
            self.sign_in()
        self.screens_fit(150)
        self.zoom_keys("-")
        s.wait_until("return document.documentElement.dataset.zoom === '125'", what="zoom 125")
        self.screens_fit(125)
        # Ctrl+0: back to 100 %.
        self.zoom_keys("0")
        s.wait_until("return document.documentElement.dataset.zoom === '100' && window.innerWidth > 1300",
                     what="zoom 100")
        self.wait_setting("zoom", 100)

    @step_name("text size: the setting makes every text larger, and is kept")
    def text_size(self):
        s = self.s
        self.nav("settings")
        s.find('input[data-text-size="large"]').click()
        s.wait_until("return getComputedStyle(document.documentElement).fontSize === '16px'", what="16 px text")
        self.wait_setting("text_size", "large")
        s.find('input[data-text-size="normal"]').click()
        s.wait_until("return getComputedStyle(document.documentElement).fontSize === '14px'", what="14 px text")

    @step_name("profile: the supervisor changes the Koordinator, NIP and kop; audited")
    def profile(self):
        s = self.s
        self.nav("profile")
        s.find('[data-testid="profile"]', timeout=10)
        coord = s.find('[data-testid="pf-coordinator"]')
        coord.clear().type("Drs. H. Ahmad Fauzi, M.Si.")  # as the demo has it
        nip = s.find('[data-testid="pf-nip"]')
        nip.clear().type("1968-05")
        assert "18 angka" in s.find('.error-text').text
        assert s.find('[data-testid="pf-save"]').attr("disabled") is not None, "a bad NIP is not saved"
        nip.clear().type("19680512 199403 1 005")
        s.find('[data-testid="pf-address"]').clear().type("Jalan Jenderal Sudirman Nomor 1, Sukamaju 43211")
        kop = s.find('[data-testid="pf-kop"]').text
        assert "SEKRETARIAT DAERAH" in kop and "Jalan Jenderal Sudirman Nomor 1" in kop, kop
        self.shot("profile")
        s.find('[data-testid="pf-save"]').click()
        code, text = self.notice()
        assert code == "" and "Profil instansi disimpan" in text, (code, text)
        db = s.invoke("database_summary")["ok"]
        assert db["instansi"]["coordinator_nip"] == "196805121994031005", db["instansi"]
        assert db["instansi"]["coordinator_name"] == "Drs. H. Ahmad Fauzi, M.Si."
        with sqlite3.connect(self.db) as c:
            updates = c.execute("SELECT actor, before, after FROM audit_log WHERE action = 'instansi.update'").fetchall()
        assert len(updates) == 1 and updates[0][0] == SUPERVISOR, updates
        assert "196805121994031005" in updates[0][2] and "Nomor 1, Sukamaju 43211" in updates[0][2], updates
        assert "Nomor 1, Sukamaju 43211" not in updates[0][1], "the entry keeps what was before"
        self.dismiss()

    @step_name("a new year from the window: 2027 started, the team carried over")
    def new_year(self):
        s = self.s
        self.nav("profile")
        year = s.find('[data-testid="ny-year"]')
        assert year.attr("value") in ("2027", None) or s.execute(
            "return document.querySelector('[data-testid=ny-year]').value") == "2027"
        s.find('[data-testid="ny-open"]').click()
        s.find('[data-testid="ny-confirm"]', timeout=5)
        self.shot("new-year")
        s.find('[data-testid="ny-start"]').click()
        code, text = self.notice()
        assert code == "" and "2027" in text, (code, text)
        s.wait_until("return document.querySelector('[data-testid=year]').value === '2027'", what="2027 open")
        team = s.invoke("team", {"year": 2027})["ok"]
        assert any(m["name"] == OPERATOR and m["role"] == "operator" for m in team), team
        # Back to 2026 for the review.
        s.execute("const y = document.querySelector('[data-testid=year]'); y.value = '2026';"
                  "y.dispatchEvent(new Event('change', {bubbles: true}))")
        s.wait_until("return document.querySelector('[data-testid=year]').value === '2026'", what="2026 again")
        self.dismiss()

    @step_name("review queue: count left, filter by person, tick after a look, approve several")
    def review_queue(self):
        s = self.s
        self.nav("review")
        s.find('button[data-queue="1"]', timeout=10)
        assert s.find('[data-testid="queue-left"]').attr("data-left") == "4"
        # Filter by the person who submitted.
        s.execute(f"const f = document.querySelector('[data-testid=queue-filter]'); f.value = 'person:{OPERATOR}';"
                  "f.dispatchEvent(new Event('change', {bubbles: true}))")
        s.wait_until("return document.querySelectorAll('button[data-queue]').length === 1", what="filtered")
        assert s.find('button[data-queue]').attr("data-queue") == "20"
        assert "1 dari 4" in s.find('[data-testid="queue-shown"]').text
        s.execute("const f = document.querySelector('[data-testid=queue-filter]'); f.value = '';"
                  "f.dispatchEvent(new Event('change', {bubbles: true}))")
        s.wait_until("return document.querySelectorAll('button[data-queue]').length === 4", what="unfiltered")
        # An item not looked at cannot be ticked.
        assert s.find('input[data-tick="3"]').attr("disabled") is not None, "tick before a look"
        for n in ("3", "20"):
            s.find(f'button[data-queue="{n}"]').click()
            s.wait_until(f"return document.querySelector('[data-testid=review-detail]')?.dataset.number === '{n}'",
                         what=f"indicator {n} shown")
            s.find(f'input[data-tick="{n}"]').click()
        assert "(2)" in s.find('[data-testid="approve-ticked"]').text
        self.shot("review-queue")
        s.find('[data-testid="approve-ticked"]').click()
        code, text = self.notice()
        assert code == "" and "2 indikator disetujui" in text, (code, text)
        assert self.answer(3)["status"] == "approved" and self.answer(20)["status"] == "approved"
        assert self.answer(1)["status"] == "submitted", "not ticked, not approved"
        assert s.find('[data-testid="queue-left"]').attr("data-left") == "2"
        self.dismiss()

    @step_name("dates: typed day first, shown in words; evidence removal asks on the page")
    def dates(self):
        s = self.s
        # A comment's time (indicator 2 has the member's comment): day, month in words, year, time.
        self.open_indicator(2)
        stamp = s.wait_until("return document.querySelector('[data-testid=comment-time]')?.textContent",
                             what="a comment's time")
        months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                  "Oktober", "November", "Desember")
        assert re.fullmatch(r"\d{1,2} (%s) \d{4}, \d{2}\.\d{2}" % "|".join(months), stamp.strip()), stamp
        self.open_indicator(5)
        field = s.find('[data-testid="evidence-date"]')
        field.clear().type("5/8/2026")
        words = s.wait_until("return document.querySelector('[data-testid=evidence-date-words]')?.textContent",
                             what="the date in words")
        assert words == "5 Agustus 2026", words
        pdf = os.path.join(self.work, "SK Tim SPBE.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        s.find('[data-testid="dropzone"][data-drop-ready="1"]', timeout=20)
        r = s.invoke("plugin:event|emit", {"event": "tauri://drag-drop",
                                          "payload": {"paths": [pdf], "position": {"x": 400, "y": 400}}})
        assert "err" not in r, r
        item = s.wait_until("return [...document.querySelectorAll('[data-testid=evidence-list] li')]"
                            ".map((l) => l.textContent).find((t) => t.includes('SK Tim SPBE'))", timeout=10,
                            what="the evidence listed")
        assert "5 Agustus 2026" in item, item
        # Removing asks on the page; cancelled, the file stays.
        before = len(s.invoke("evidence", {"year": 2026, "indicator": 5})["ok"])
        s.execute("[...document.querySelectorAll('[data-testid=evidence-list] li')]"
                  ".find((l) => l.textContent.includes('SK Tim SPBE')).querySelector('[data-testid=evidence-remove]').click()")
        s.find('[data-testid="evidence-remove-no"]', timeout=5).click()
        assert len(s.invoke("evidence", {"year": 2026, "indicator": 5})["ok"]) == before
        s.execute("[...document.querySelectorAll('[data-testid=evidence-list] li')]"
                  ".find((l) => l.textContent.includes('SK Tim SPBE')).querySelector('[data-testid=evidence-remove]').click()")
        s.find('[data-testid="evidence-remove-yes"]', timeout=5).click()
        for _ in range(50):
            if len(s.invoke("evidence", {"year": 2026, "indicator": 5})["ok"]) == before - 1:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the evidence was not removed")


    @step_name("backups: Pengaturan lists the automatic backups; a restore previews first, changes nothing")
    def backups(self):
        s = self.s
        head = s.invoke("verify_audit")["ok"]["message"]
        self.nav("settings")
        row = s.find('[data-testid="backups-list"] tr[data-backup-id]', timeout=10)
        assert "Dibuat manual" in row.text and "2026:" in row.text, row.text
        s.find('[data-testid="backups-list"] [data-testid="backup-preview"]').click()
        preview = s.find('[data-testid="restore-preview"]', timeout=10)
        text = preview.text
        # The backup was made before the day's work: no 2027 in it, and its audit head is older.
        assert "Di cadangan" in text and "Sekarang" in text and "2027" in text, text
        s.execute("document.querySelector('[data-testid=restore-preview]').scrollIntoView()")
        self.shot("settings-backups-preview")
        s.find('[data-testid="restore-cancel"]').click()
        assert s.invoke("verify_audit")["ok"]["message"] == head, "a preview writes nothing"

def run_workday_story(driver, binary, artifacts):
    """(passed, failed) of the working-day story, with its own database and window."""
    work = tempfile.mkdtemp(prefix="swanilai-e2e-day-")
    db = os.path.join(work, "hari.db")
    cli = cli_binary(binary)
    prepare(cli, db)
    # A backup from before the day's work, for the backups step to preview.
    run_cli(cli, db, ["backup", "create"])
    s = Session(driver, binary, ["--db", db])
    passed = failed = 0
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = WorkdayStory(s, work, artifacts, db)
        passed, failed = story.run_steps(
            [story.sign_in, story.criteria, story.zoom, story.text_size, story.profile, story.new_year,
             story.review_queue, story.dates, story.backups], "day")
    finally:
        # The settings file is shared by the stories of one run: leave it as found.
        try:
            s.invoke("set_display", {"display": {"zoom": 100, "text_size": "normal"}})
        except Exception:
            pass
        s.quit()
    return passed, failed
