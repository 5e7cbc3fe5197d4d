"""Two laptops (issue 8): the supervisor's window makes a work package for a member; the
member's window, on another database in another folder, opens it from the first-run
screen, signs in with her own password, works on her indicator and sends it back; the
team database changes the same indicator meanwhile; the supervisor's window previews the
return package, shows the conflict side by side, takes the member's level and merges.

Run by run_e2e.py; each window is its own session of the real app (`--db` chooses the
laptop's database; WebKitWebDriver allows one session at a time, as one person at a time
sits at one laptop in this story).
"""

import os
import tempfile
import traceback

from team_story import PASSWORD, cli_binary, run_cli
from webdriver import Screens, Session, WebDriverError

YEAR = "2026"
SUPERVISOR = "Rina Wulandari"
MEMBER = "Dewi Lestari"


def prepare(cli, db):
    """The demo kabupaten with a supervisor and a member from Bappeda on indicators 7 and 8."""
    run_cli(cli, db, ["demo"])
    run_cli(cli, db, ["user", "add", SUPERVISOR, "--unit", "Dinas Komunikasi dan Informatika"], new_password=PASSWORD)
    run_cli(cli, db, ["user", "add", MEMBER, "--unit", "Bappeda"], user=SUPERVISOR, new_password=PASSWORD)
    run_cli(cli, db, ["team", "set", "--year", YEAR, MEMBER, "--role", "member"], user=SUPERVISOR)
    for n in ("7", "8"):
        run_cli(cli, db, ["assign", "--year", YEAR, "--indicator", n, MEMBER], user=SUPERVISOR)


class Laptop(Screens):
    def sign_in(self, name):
        s = self.s
        s.find('[data-testid="signin"]', timeout=20)
        s.find('input[name="account"]').clear().type(name)
        s.find('input[name="password"]').clear().type(PASSWORD)
        s.find('[data-testid="signin-submit"]').click()
        s.find('[data-testid="who"]', timeout=15)
        # Signing in ends on the board or "my indicators": wait for it before navigating.
        s.find('main button[data-indicator]', timeout=15)

    def open_indicator(self, n):
        """The board, then indicator n (clicked again until its page shows: the board
        re-renders while the signed-in data loads)."""
        self.nav("board")
        try:
            self._open(n)
        except WebDriverError:
            self.shot(f"FAIL-package-open-{n}")
            raise

    def _open(self, n):
        self.s.wait_until(
            "const n = arguments[0];"
            " const h = document.querySelector('h1')?.textContent.trim() ?? '';"
            " if (document.querySelector('[data-testid=review-bar]') && h.startsWith(n + ' ')) return true;"
            " const b = document.querySelector(`main button[data-indicator=\"${n}\"]`);"
            " if (b) { b.click(); return false; }"
            " document.querySelector('button[data-nav=board]')?.click();"
            " return false;",
            15, f"indicator {n} opened", n)

    def answer(self, n):
        r = self.s.invoke("answers", {"year": None, "indicator": n})
        assert "ok" in r, r
        return r["ok"][0]


def window(driver, binary, db):
    s = Session(driver, binary, ["--db", db])
    s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
    return s


def run_package_story(driver, binary, artifacts):
    """(passed, failed) of the two-laptop story."""
    cli = cli_binary(binary)
    team_dir = tempfile.mkdtemp(prefix="swanilai-e2e-kantor-")
    home_dir = tempfile.mkdtemp(prefix="swanilai-e2e-laptop-dewi-")
    team_db = os.path.join(team_dir, "tim.db")
    member_db = os.path.join(home_dir, "dewi.db")
    paket = os.path.join(team_dir, "Paket-Kerja-2026-Dewi.swanilai")
    kembali = os.path.join(home_dir, "Kirim-Balik-2026-Dewi.swanilai")
    prepare(cli, team_db)
    steps = []

    def step(name):
        def wrap(fn):
            steps.append((name, fn))
            return fn
        return wrap

    @step("packages: the supervisor makes a work package for a member, with progress")
    def make():
        s = window(driver, binary, team_db)
        try:
            lap = Laptop(s, team_dir, artifacts)
            lap.sign_in(SUPERVISOR)
            lap.nav("packages")
            try:
                s.find('[data-testid="pk-out"]', timeout=10)
            except WebDriverError:
                lap.shot("FAIL-package-make")
                raise
            s.execute("const sel = document.querySelector('[data-testid=pk-account]');"
                      f"sel.value = {MEMBER!r}; sel.dispatchEvent(new Event('change', {{bubbles: true}}));")
            s.execute_async("const [p, done] = arguments; window.__swanilaiPackages.runOut(p).then(() => done(true));", paket)
            code, text = lap.notice()
            assert code == "" and "Paket kerja tersimpan" in text and "7, 8" in text, (code, text)
            lap.shot("package-01-made")
            assert os.path.getsize(paket) > 0
        finally:
            s.quit()

    @step("packages: the member opens it on her own laptop, works and sends back")
    def member():
        s = window(driver, binary, member_db)
        try:
            lap = Laptop(s, home_dir, artifacts)
            s.find('[data-testid="open-package"]', timeout=15)
            s.execute_async("const [p, done] = arguments; window.__swanilaiFirstRun.runOpenPackage(p).then(() => done(true));", paket)
            lap.sign_in(MEMBER)
            banner = s.find('[data-testid="working-copy"]', timeout=15)
            assert MEMBER in banner.text and SUPERVISOR in banner.text, banner.text
            # Outside the package: read-only, said before she tries.
            lap.open_indicator(1)
            assert s.find('[data-testid="lock"]', timeout=10).attr("data-lock") == "not_assigned"
            lap.open_indicator(7)
            # The demo has level 4 here; she finds level 2 is what the evidence shows.
            s.find('label.level-card[data-level="2"]', timeout=10).click()
            s.wait_until("return document.querySelector('label.level-card.chosen')?.dataset.level === '2'", what="level 2 chosen")
            s.wait_until("return document.querySelector('[data-testid=unsent]')?.dataset.unsent === '7'", timeout=10,
                         what="indicator 7 unsent in the banner")
            lap.shot("package-02-member-banner")
            s.execute_async("const [p, done] = arguments; window.__swanilaiWorkingCopy.runReturn(p).then(() => done(true));", kembali)
            code, text = lap.notice()
            assert code == "" and "Kiriman balik tersimpan" in text, (code, text)
            s.wait_until("return document.querySelector('[data-testid=unsent]')?.dataset.unsent === ''", timeout=10,
                         what="nothing unsent after sending back")
        finally:
            s.quit()

    @step("packages: the supervisor merges it, the conflict side by side, decided in the window")
    def merge():
        # Meanwhile the team database changed the same indicator.
        run_cli(cli, team_db, ["answer", "set", "--year", YEAR, "--indicator", "7", "--level", "3"], user=SUPERVISOR)
        s = window(driver, binary, team_db)
        try:
            lap = Laptop(s, team_dir, artifacts)
            lap.sign_in(SUPERVISOR)
            lap.nav("packages")
            s.find('[data-testid="pk-merge-choose"]', timeout=10)
            s.execute_async("const [p, done] = arguments; window.__swanilaiPackages.runPreview(p).then(() => done(true));", kembali)
            row = s.find('[data-testid="pk-preview"] tr[data-indicator="7"]', timeout=10)
            assert row.attr("data-outcome") == "conflict", row.attr("data-outcome")
            conflict = s.find('[data-testid="pk-conflicts"] .conflict[data-indicator="7"]')
            assert "Milik anggota" in conflict.text and "Milik tim" in conflict.text, conflict.text
            apply = s.find('[data-testid="pk-apply"]')
            assert apply.attr("disabled") is not None, "nothing is merged before the conflict is decided"
            lap.shot("package-03-merge-conflict")
            s.find('input[data-key="7:level"][data-take="theirs"]').click()
            s.wait_until("return !document.querySelector('[data-testid=pk-apply]').disabled", what="apply enabled")
            s.find('[data-testid="pk-apply"]').click()
            code, text = lap.notice(timeout=20)
            assert code == "" and "digabungkan" in text, (code, text)
            a = lap.answer(7)
            assert a["level"] == 2 and a["author"] == MEMBER, a
            r = s.invoke("verify_audit")
            assert r["ok"]["ok"], r
            lap.shot("package-04-merged")
        finally:
            s.quit()

    passed = failed = 0
    for name, fn in steps:
        try:
            fn()
            passed += 1
            print(f"ok   {name}", flush=True)
        except Exception as e:
            failed += 1
            print(f"FAIL {name}: {e}", flush=True)
            traceback.print_exc()
            break  # each laptop needs the one before
    return passed, failed


__all__ = ["run_package_story", "WebDriverError"]
