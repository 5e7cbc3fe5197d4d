"""The evaluator team in the real window (issue 4): a database with accounts, prepared with
the swanilai CLI as a team would have left it, then driven through WebKitWebDriver.

A wrong password is refused on the sign-in screen; the supervisor signs in, sees the
submitted indicators in the review queue side by side with the criteria, approves one and
returns another with a comment; the statuses change on the board and in the database; the
indicator's history reads as sentences; a member signs in, sees "Indikator saya", may not
approve (the app layer refuses, whatever the window shows) and resubmits the returned
indicator after fixing it. The supervisor account resets the member's forgotten password;
the member changes it to their own from the header and signs in again with it.

Run by run_e2e.py after the first story (its own database and window); standalone:
`python3 e2e/team_story.py --app target/debug/swanilai-desktop --driver URL --artifacts DIR`
with Xvfb and WebKitWebDriver running (see scripts/e2e.sh).
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webdriver import Screens, Session  # noqa: E402

YEAR = "2026"
PASSWORD = "Sukamaju#Tim-2026"
SUPERVISOR = "Rina Wulandari"
MEMBER = "Budi Santoso"
OPERATOR = "Sari Dewi"
KOORDINATOR = "Ahmad Fauzi"
# The member forgets their password: the supervisor account resets it, the member then
# changes it to one of their own.
MEMBER_RESET = "Sementara#Bappeda-77"
MEMBER_OWN = "Perencanaan#Pembangunan-2026"


def step_name(name):
    def wrap(fn):
        fn.step_name = name
        return fn
    return wrap


def cli_binary(app_binary):
    """The swanilai CLI next to the app binary (built by the same cargo), built if missing."""
    cli = os.path.join(os.path.dirname(app_binary), "swanilai")
    if not os.path.exists(cli):
        subprocess.run(["cargo", "build", "-q", "-p", "swanilai-cli"], check=True)
    return cli


def run_cli(cli, db, args, user=None, new_password=None):
    """The swanilai CLI on `db`, as `user` (password PASSWORD); its stdout, or an error."""
    env = dict(os.environ)
    env.pop("SWANILAI_USER", None)
    if user:
        env["SWANILAI_PASSWORD"] = PASSWORD
        args = ["--user", user] + args
    if new_password:
        env["SWANILAI_NEW_PASSWORD"] = new_password
    r = subprocess.run([cli, "--db", db] + args, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"swanilai {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def prepare(cli, db):
    """The demo kabupaten with a team: supervisor, koordinator, operator, a member; the
    member's indicators 1-3 submitted, indicator 10 assigned to a unit."""
    def run(args, user=None, new_password=None):
        return run_cli(cli, db, args, user, new_password)

    run(["demo"])
    run(["user", "add", SUPERVISOR, "--unit", "Dinas Komunikasi dan Informatika", "--nip", "198203152006042011"], new_password=PASSWORD)
    run(["user", "add", KOORDINATOR, "--unit", "Sekretariat Daerah", "--nip", "196805121994031005"], user=SUPERVISOR, new_password=PASSWORD)
    run(["user", "add", OPERATOR, "--unit", "Dinas Komunikasi dan Informatika"], user=SUPERVISOR, new_password=PASSWORD)
    run(["user", "add", MEMBER, "--unit", "Bappeda", "--nip", "199001202015031002"], user=SUPERVISOR, new_password=PASSWORD)
    for name, role in [(KOORDINATOR, "koordinator"), (OPERATOR, "operator"), (MEMBER, "member")]:
        run(["team", "set", "--year", YEAR, name, "--role", role], user=SUPERVISOR)
    for n in (1, 2, 3):
        run(["assign", "--year", YEAR, "--indicator", str(n), MEMBER], user=SUPERVISOR)
    run(["assign", "--year", YEAR, "--indicator", "10", "--unit", "Bappeda"], user=SUPERVISOR)
    run(["answer", "set", "--year", YEAR, "--indicator", "2", "--level", "4"], user=MEMBER)
    for n in (1, 2, 3):
        run(["review", "submit", "--year", YEAR, "--indicator", str(n)], user=MEMBER)
    run(["review", "submit", "--year", YEAR, "--indicator", "20"], user=OPERATOR)
    run(["comment", "add", "--year", YEAR, "--indicator", "2",
         "Peta Rencana SPBE sudah ditetapkan dengan Perbup, dokumen terlampir di 2.a."], user=MEMBER)


class TeamStory(Screens):
    def __init__(self, s, work, artifacts, db):
        super().__init__(s, work, artifacts)
        self.db = db

    def answer(self, n):
        r = self.s.invoke("answers", {"year": None, "indicator": n})
        assert "ok" in r, r
        return r["ok"][0]

    def sign_in(self, name, password):
        s = self.s
        s.find('[data-testid="signin"]', timeout=15)
        s.find('input[name="account"]').clear().type(name)
        s.find('input[name="password"]').clear().type(password)
        s.find('[data-testid="signin-submit"]').click()

    @step_name("sign-in: a wrong password is refused on the screen")
    def wrong_password(self):
        s = self.s
        s.find('[data-testid="signin"]', timeout=20)
        self.shot("team-01-signin")
        self.sign_in(SUPERVISOR, "salah-sandi-123")
        err = s.find('[data-testid="signin-error"]', timeout=15)
        assert err.attr("data-code") == "WRONG_CREDENTIALS", err.attr("data-code")
        assert "Nama akun atau kata sandi salah" in err.text, err.text
        assert not s.find_all('[data-testid="who"]'), "nobody is signed in"
        self.shot("team-02-signin-wrong")

    @step_name("sign-in: the supervisor; name and role in the header")
    def supervisor_signs_in(self):
        s = self.s
        self.sign_in(SUPERVISOR, PASSWORD)
        s.find('[data-testid="who"]', timeout=15)
        who = s.execute("return document.querySelector('[data-testid=who]').textContent")
        assert SUPERVISOR in who and "Penanggung Jawab" in who, who
        s.find('button[data-indicator="47"]', timeout=15)
        count = s.find('[data-testid="queue-count"]').text
        assert count == "4", f"4 indicators wait for review, the badge says {count}"

    @step_name("review queue: approve one, return one with a required comment")
    def review(self):
        s = self.s
        self.nav("review")
        s.find('button[data-queue="1"]', timeout=10)
        queued = [e.attr("data-queue") for e in s.find_all("button[data-queue]")]
        assert queued == ["1", "2", "3", "20"], queued
        # Who submitted each one (the demo's answers were written by the local user).
        who = [e.text for e in s.find_all('[data-testid="submitted-by"]')]
        assert who == [MEMBER, MEMBER, MEMBER, OPERATOR], who
        s.find('button[data-queue="2"]').click()
        s.wait_until("return document.querySelector('[data-testid=review-detail]')?.dataset.number === '2'", what="indicator 2 shown")
        # side by side: the five levels, the chosen one marked; the answer with its evidence
        assert len(s.find_all('.crit-list li')) == 5
        assert s.find('.crit-list li.chosen').attr("data-level") == "4"
        assert "Peta Rencana SPBE sudah ditetapkan" in s.find('[data-testid="comments"]').text
        self.shot("team-03-review-queue")
        assert s.find('[data-testid="queue-left"]').attr("data-left") == "4"
        s.find('[data-testid="approve"]').click()
        # Approving moves on to the next item in the list, and the count goes down.
        s.wait_until("return document.querySelector('[data-testid=review-detail]')?.dataset.number === '3'",
                     what="moved on to indicator 3")
        assert self.answer(2)["status"] == "approved"
        assert s.find('[data-testid="queue-left"]').attr("data-left") == "3"
        self.dismiss()
        # return indicator 3: the button waits for the comment
        assert s.find('[data-testid="return"]').attr("disabled") is not None, "return needs a comment"
        s.find('[data-testid="return-reason"]').type("Lampirkan SK Tim Manajemen Data yang sudah ditandatangani.")
        s.find('[data-testid="return"]').click()
        s.wait_until("return document.querySelector('[data-testid=review-detail]')?.dataset.number === '20'",
                     what="moved on to indicator 20")
        assert self.answer(3)["status"] == "returned"
        comments = s.invoke("comments", {"year": None, "indicator": 3})
        assert any("Lampirkan SK Tim Manajemen Data" in c["body"] for c in comments["ok"]), comments
        queued = [e.attr("data-queue") for e in s.find_all("button[data-queue]")]
        assert queued == ["1", "20"], queued
        self.shot("team-04-review-returned")
        self.dismiss()

    @step_name("board: statuses shown, the 'dikembalikan' filter")
    def board(self):
        s = self.s
        self.nav("board")
        st = s.find('button[data-indicator="2"] .status').text
        assert st == "Disetujui", st
        s.find('button[data-filter="returned"]').click()
        s.wait_until("return document.querySelectorAll('button[data-indicator]').length === 1", what="one returned")
        assert s.find('button[data-indicator="3"] .status').text == "Dikembalikan"
        s.find('button[data-filter="all"]').click()

    @step_name("history: the returned indicator's changes read as sentences")
    def history(self):
        s = self.s
        s.find('button[data-indicator="3"]').click()
        s.find('[data-testid="open-history"]', timeout=10).click()
        s.find('[data-testid="history-list"] li', timeout=10)
        text = s.find('[data-testid="history-list"]').text
        for want in ("Mengembalikan untuk diperbaiki", "oleh Rina Wulandari", "Dikembalikan",
                     "Mengajukan untuk ditinjau", "oleh Budi Santoso", "Menugaskan"):
            assert want in text, f"{want!r} not in history: {text[:600]}"
        assert '"status"' not in text and "{" not in text, "no raw JSON: " + text[:300]
        self.shot("team-05-history")

    @step_name("team screen: roles and assignments")
    def team(self):
        s = self.s
        self.nav("team")
        s.find(f'tr[data-account="{MEMBER}"]', timeout=10)
        role = s.execute(f"return document.querySelector('tr[data-account=\"{MEMBER}\"] select').value")
        assert role == "member", role
        chips = s.find('li[data-assign="10"]').text
        assert "Unit: Bappeda" in chips and "1 orang" in chips, chips
        title = s.find('li[data-assign="10"] .chip-static.unit').attr("title")
        assert title == f"Anggota unit Bappeda: {MEMBER}", title
        self.shot("team-06-team")
        # the audit trail: intact, then a level changed behind the app's back is found
        s.find('[data-testid="audit-verify"]').click()
        res = s.find('[data-testid="audit-result"]', timeout=10)
        assert res.attr("data-ok") == "true" and "Jejak audit utuh" in res.text, res.text
        con = sqlite3.connect(self.db, timeout=5)
        with con:
            con.execute("UPDATE answer SET level = 5 WHERE indicator = 40 AND assessment_id = "
                        "(SELECT id FROM assessment WHERE year = ?)", (int(YEAR),))
        con.close()
        s.find('[data-testid="audit-verify"]').click()
        s.wait_until("return document.querySelector('[data-testid=audit-result]')?.dataset.ok === 'false'", what="tampering found")
        text = s.find('[data-testid="audit-result"]').text
        assert "berbeda dari catatan audit terakhir (diubah di luar aplikasi): indikator 40." in text, text
        s.execute("document.querySelector('[data-testid=audit] details')?.setAttribute('open', '')")
        self.shot("team-06b-audit-tampered")

    @step_name("team screen: the supervisor account resets a member's forgotten password")
    def reset_password(self):
        s = self.s
        self.dismiss()
        row = f'tr[data-account="{MEMBER}"]'
        assert not s.find_all(f'tr[data-account="{SUPERVISOR}"] [data-testid="reset-open"]'), \
            "the supervisor changes their own password from the header, not here"
        s.find(f'{row} [data-testid="reset-open"]').click()
        form = f'tr[data-reset="{MEMBER}"]'
        s.find(f'{form} input[name="pw-new"]', timeout=10).type(MEMBER_RESET)
        s.find(f'{form} input[name="pw-repeat"]').type(MEMBER_RESET + "x")
        s.find(f'{form} [data-testid="password-save"]').click()
        err = s.find(f'{form} [data-testid="password-error"]', timeout=10)
        assert err.attr("data-code") == "MISMATCH" and "tidak sama" in err.text, err.text
        s.find(f'{form} input[name="pw-repeat"]').clear().type(MEMBER_RESET)
        self.shot("team-06c-reset-password")
        s.find(f'{form} [data-testid="password-save"]').click()
        code, text = self.notice()
        assert code == "" and f"Kata sandi {MEMBER} sudah diatur ulang" in text, (code, text)
        assert not s.find_all(form), "the form closes"
        self.dismiss()

    @step_name("a member: my indicators, no approving, fix and resubmit")
    def member(self):
        s = self.s
        s.find('[data-testid="signout"]').click()
        self.sign_in(MEMBER, MEMBER_RESET)
        s.find('[data-testid="who"]', timeout=15)
        who = s.execute("return document.querySelector('[data-testid=who]').textContent")
        assert MEMBER in who and "Anggota" in who, who
        assert not s.find_all('button[data-nav="review"]'), "no review queue for a member"
        self.nav("mine")
        s.find('[data-testid="mine"] button[data-indicator="3"]', timeout=10)
        mine = [e.attr("data-indicator") for e in s.find_all('[data-testid="mine"] button[data-indicator]')]
        assert mine == ["1", "2", "3", "10"], mine
        via = s.execute("return [...document.querySelectorAll('[data-testid=mine] [data-testid=via-unit]')]"
                        ".map((e) => e.closest('button').dataset.indicator)")
        assert via == ["10"], via
        assert s.find('button[data-indicator="10"] [data-testid="via-unit"]').text == "melalui unit Bappeda"
        self.shot("team-07-mine")
        # the window hides approving from a member; the app layer refuses it anyway
        r = s.invoke("review", {"year": None, "indicator": 1, "step": "approve", "comment": None})
        assert r.get("err", {}).get("code") == "SUPERVISOR_ONLY", r
        # The reason it was returned, where the member looks first: the list and the page.
        why = s.find('[data-testid="mine"] button[data-indicator="3"] [data-testid="mine-return-reason"]').text
        assert "Lampirkan SK Tim Manajemen Data" in why and SUPERVISOR in why, why
        s.find('[data-testid="mine"] button[data-indicator="3"]').click()
        s.find('[data-testid="review-bar"]', timeout=10)
        assert "Lampirkan SK Tim Manajemen Data" in s.find('[data-testid="returned-note"]').text
        self.shot("returned-for-member")
        s.find('label.level-card[data-level="4"]').click()
        s.wait_until("return document.querySelector('[data-testid=status]')?.dataset.status === 'draft'", what="back to draft after the edit")
        s.find('[data-testid="submit"]').click()
        s.wait_until("return document.querySelector('[data-testid=status]')?.dataset.status === 'submitted'", what="resubmitted")
        assert self.answer(3)["status"] == "submitted"
        self.dismiss()
        # another member's indicator: no submit button, and the app layer says why
        self.s.find('button[data-nav="board"]').click()
        s.find('button[data-indicator="20"]').click()
        s.find('[data-testid="review-bar"]', timeout=10)
        assert not s.find_all('[data-testid="submit"]'), "no submit on an indicator not assigned"
        assert s.find('[data-testid="lock"]').attr("data-lock") == "not_assigned"
        # Read-only from the start: nothing to type into, nothing to click, the reason shown.
        assert s.execute("return [...document.querySelectorAll('input[name=level]')].every((i) => i.disabled)")
        assert s.find('[data-testid="explanation"]').attr("readonly") is not None
        assert not s.find_all('[data-testid="dropzone"]'), "no drop zone on a read-only answer"
        self.shot("team-08-refused")
        # The app layer refuses anyway, whatever the window shows.
        r = s.invoke("set_answer", {"year": None, "indicator": 20, "input": {"level": 1}})
        assert r.get("err", {}).get("code") == "NOT_ASSIGNED", r
        # The verification results (issue 12): a member reads them, with the reason, and
        # the app layer refuses a stage from them.
        self.s.find('button[data-nav="verification"]').click()
        assert "supervisor" in s.find('[data-testid="vf-readonly"]', timeout=10).text
        assert not s.find_all('button[data-cell]'), "no stage cell to edit for a member"
        assert not s.find_all('[data-testid="vf-import"]'), "no import for a member"
        self.shot("verif-09-member-read-only")
        stage = {"indicator": 1, "stage": "final", "value": "3", "note": None}
        r = s.invoke("set_stage", {"year": None, "input": stage})
        assert "err" in r, r

    @step_name("password: the member changes their own from the header; the old one is refused")
    def change_password(self):
        s = self.s
        self.dismiss()
        s.find('[data-testid="account-menu"]').click()
        panel = '[data-testid="account-panel"]'
        s.find(f'{panel} input[name="pw-current"]', timeout=10).type("bukan-sandinya-1")
        s.find(f'{panel} input[name="pw-new"]').type(MEMBER_OWN)
        s.find(f'{panel} input[name="pw-repeat"]').type(MEMBER_OWN)
        s.find(f'{panel} [data-testid="password-save"]').click()
        err = s.find(f'{panel} [data-testid="password-error"]', timeout=15)
        assert err.attr("data-code") == "WRONG_CREDENTIALS", err.attr("data-code")
        assert "Kata sandi saat ini salah" in err.text, err.text
        self.shot("team-10-change-password-wrong")
        s.find(f'{panel} input[name="pw-current"]').clear().type(MEMBER_RESET)
        s.find(f'{panel} [data-testid="password-save"]').click()
        code, text = self.notice(timeout=15)
        assert code == "" and "Kata sandi Anda sudah diubah" in text, (code, text)
        assert not s.find_all(panel), "the panel closes"
        self.dismiss()
        s.find('[data-testid="signout"]').click()
        self.sign_in(MEMBER, MEMBER_RESET)
        err = s.find('[data-testid="signin-error"]', timeout=15)
        assert err.attr("data-code") == "WRONG_CREDENTIALS", err.attr("data-code")
        self.sign_in(MEMBER, MEMBER_OWN)
        s.find('[data-testid="who"]', timeout=15)
        who = s.execute("return document.querySelector('[data-testid=who]').textContent")
        assert MEMBER in who, who


class FirstAccountStory(TeamStory):
    """A database without accounts (single-user mode) becomes a team's."""

    @step_name("single-user mode: create the first account (penanggung jawab) from the team screen")
    def first_account(self):
        s = self.s
        s.find('button[data-indicator="47"]', timeout=20)
        assert not s.find_all('[data-testid="who"]'), "single-user mode: nobody to sign in"
        self.nav("team")
        s.find('[data-testid="first-account"]', timeout=10)
        s.find('input[name="acc-name"]').type("Rina Wulandari")
        s.find('input[name="acc-unit"]').type("Dinas Komunikasi dan Informatika")
        s.find('input[name="acc-password"]').type("rina12345")
        s.find('input[name="acc-repeat"]').type("rina12345")
        s.find('[data-testid="account-add"]').click()
        err = s.find('[data-testid="account-error"]', timeout=10)
        assert err.attr("data-code") == "WEAK_PASSWORD", err.attr("data-code")
        assert "Kata sandi terlalu lemah" in err.text, err.text
        assert "Minimal 10 karakter" in s.find(".account-form .hint").text
        self.shot("team-00-first-account-weak")
        for name in ("acc-password", "acc-repeat"):
            s.find(f'input[name="{name}"]').clear().type(PASSWORD)
        s.find('[data-testid="account-add"]').click()
        s.find('[data-testid="who"]', timeout=15)
        who = s.execute("return document.querySelector('[data-testid=who]').textContent")
        assert "Rina Wulandari" in who and "Penanggung Jawab" in who, who
        s.find('table[data-testid="people"]', timeout=10)
        r = s.invoke("requires_sign_in")
        assert r.get("ok") is True, r

    @step_name("finalize once all is approved: read-only, refusals shown; reopen with a reason; the PDFs")
    def finalize_reopen(self):
        s = self.s
        # every indicator answered, submitted and approved (the review loop itself is the
        # other story's; here it is done through the same commands, quickly)
        r = s.execute_async("""
            const done = arguments[0];
            const inv = window.__TAURI_INTERNALS__.invoke;
            (async () => {
              for (const a of await inv('answers', {year: null, indicator: null})) {
                if (a.level == null) await inv('set_answer', {year: null, indicator: a.indicator, input: {level: 1}});
                await inv('review', {year: null, indicator: a.indicator, step: 'submit', comment: null});
                await inv('review', {year: null, indicator: a.indicator, step: 'approve', comment: null});
              }
              return 'ok';
            })().then(done, (e) => done(e));
        """, timeout=120)
        assert r == "ok", r
        s.execute("location.reload()")
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="reload")
        self.nav("review")
        s.find('[data-testid="queue-empty"]', timeout=10)
        s.find('[data-testid="finalize-open"]').click()
        s.find('[data-testid="finalize"]').click()
        s.wait_until("return document.querySelector('[data-testid=assessment-status]')?.textContent.includes('final')",
                     what="assessment final")
        self.dismiss()
        assert not s.find_all('[data-testid="finalize-open"]')
        r = s.invoke("set_answer", {"year": None, "indicator": 1, "input": {"level": 2}})
        assert r.get("err", {}).get("code") == "ASSESSMENT_FINALIZED", r
        self.s.find('button[data-nav="board"]').click()
        s.find('button[data-indicator="1"]', timeout=10).click()
        assert s.find('[data-testid="lock"]', timeout=10).attr("data-lock") == "finalized"
        # Read-only from the start (the app layer's refusal is checked just above).
        assert s.execute("return [...document.querySelectorAll('input[name=level]')].every((i) => i.disabled)")
        assert s.find('[data-testid="explanation"]').attr("readonly") is not None
        # the documents, through the screen's function (the save dialog cannot be driven)
        self.nav("review")
        for kind in ("berita_acara", "persetujuan_publikasi"):
            out = os.path.join(self.work, f"{kind}.pdf")
            s.execute_async("const [k, p, done] = arguments; window.__swanilaiDocuments.runDocument(k, p).then(() => done(true));", kind, out)
            with open(out, "rb") as f:
                assert f.read(5) == b"%PDF-", kind
        self.dismiss()
        s.find('[data-testid="reopen-open"]').click()
        s.find('[data-testid="reopen-reason"]').type("singkat")
        assert s.find('[data-testid="reopen"]').attr("disabled") is not None, "a reason of 10+ characters"
        s.find('[data-testid="reopen-reason"]').type(": koreksi data dukung indikator 7 atas permintaan evaluator")
        self.shot("team-09-reopen")
        s.find('[data-testid="reopen"]').click()
        s.wait_until("return document.querySelector('[data-testid=assessment-status]')?.textContent.includes('terbuka')",
                     what="assessment open again")
        assert "ok" in s.invoke("review", {"year": None, "indicator": 7, "step": "return", "comment": "Perbaiki data dukung"})

    @step_name("the Berita Acara with a chosen date: the PDF says it in words")
    def dated_document(self):
        s = self.s
        self.dismiss()
        s.find('[data-testid="doc-date"]', timeout=10)
        today = s.execute("const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()]"
                          ".map((n) => String(n).padStart(2, '0')).join('/')")
        field = s.find('[data-testid="doc-date"]')
        shown = field.attr("value") or s.execute("return document.querySelector('[data-testid=doc-date]').value")
        assert shown == today, f"today by default, day first: {shown} != {today}"
        # Typed as on a PC set to English: the US order is no day here, and says so.
        field.clear().type("11/20/2026")
        bad = s.find('.date-bad', timeout=5).text
        assert "hari/bulan/tahun" in bad, bad
        field.clear().type("20/11/2026")
        words = s.wait_until("return document.querySelector('[data-testid=doc-date-words]')?.textContent", what="the date in words")
        assert words == "20 November 2026", words
        self.shot("team-11-document-date")
        out = os.path.join(self.work, "berita-acara-20-november.pdf")
        s.execute_async("const [k, p, done] = arguments; window.__swanilaiDocuments.runDocument(k, p).then(() => done(true));",
                        "berita_acara", out)
        code, text = self.notice()
        assert code == "" and "Dokumen tersimpan" in text, (code, text)
        with open(out, "rb") as f:
            pdf = f.read()
        assert pdf[:5] == b"%PDF-"
        assert b"tanggal dua puluh bulan November" in pdf, "the date in words"
        assert b", 20 November 2026" in pdf, "the place and date above the signatures"
        self.dismiss()


def run_first_account(driver, binary, artifacts):
    work = tempfile.mkdtemp(prefix="swanilai-e2e-first-")
    db = os.path.join(work, "sendiri.db")
    subprocess.run([cli_binary(binary), "--db", db, "demo"], check=True, capture_output=True)
    s = Session(driver, binary, ["--db", db])
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = FirstAccountStory(s, work, artifacts, db)
        # Each step needs the one before.
        passed, failed = story.run_steps((story.first_account, story.finalize_reopen, story.dated_document),
                                         "team", stop_on_fail=True)
        return passed, failed
    finally:
        s.quit()


def run_story(driver, binary, artifacts):
    """(passed, failed) of the team story, with its own database and window."""
    work = tempfile.mkdtemp(prefix="swanilai-e2e-team-")
    db = os.path.join(work, "tim.db")
    prepare(cli_binary(binary), db)
    s = Session(driver, binary, ["--db", db])
    passed = failed = 0
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = TeamStory(s, work, artifacts, db)
        passed, failed = story.run_steps(
            [story.wrong_password, story.supervisor_signs_in, story.review, story.board, story.history,
             story.team, story.reset_password, story.member, story.change_password], "team")
    finally:
        s.quit()
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--driver", default="http://127.0.0.1:4444")
    ap.add_argument("--artifacts", default="e2e/artifacts")
    ap.add_argument("--prepare-only", metavar="DB", help="only prepare a team database at DB")
    opts = ap.parse_args()
    binary = os.path.abspath(opts.app)
    if opts.prepare_only:
        prepare(cli_binary(binary), opts.prepare_only)
        return 0
    os.makedirs(opts.artifacts, exist_ok=True)
    p1, f1 = run_first_account(opts.driver, binary, opts.artifacts)
    p2, f2 = run_story(opts.driver, binary, opts.artifacts)
    passed, failed = p1 + p2, f1 + f2
    print(f"e2e team: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
