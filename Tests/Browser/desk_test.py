#!/usr/bin/env python3
"""Browser test of the desk page of `wbmgp serve` (interface §10).

Starts `wbmgp serve --port PORT` from the package root, drives headless Chromium through the
page as a clerk would (typing, ticking, choosing; only the date inputs are set by script, since
their typed form depends on the browser's locale) and checks what the clerk sees: the outcome,
the reasons with their citations, the designation, the letter, the record, errors at their
fields, the English switch, keyboard reach and labels, and that no field asks for police data.

Then a second phase starts the server again with `--token-file` (a token file in a temp dir) on
another free port and checks the sign-in: it appears on the first 401 with focus on the token
field, refuses a wrong token, loads the option lists and decides with the right one, lets the
clerk submit again after a refused token, and forgets the token on sign-out.

Usage: desk_test.py PATH/TO/wbmgp [--screenshots DIR] [--port PORT] [--desk-dir DIR]

(--desk-dir passes `serve --desk-dir` to both servers: the page's files read from DIR instead of
the copies compiled in, to test edits without a rebuild.)

Needs Debian's python3-selenium, chromium and chromium-driver. Prints one line per check and
a closing 'N passed, N failed' line; exits 1 on any failure, 2 when it cannot run at all.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    # A pyenv or venv python may lack Debian's selenium; the system python has it.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    sys.stderr.write("desk_test: needs selenium (apt-get install python3-selenium chromium chromium-driver)\n")
    sys.exit(2)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "Fixtures" / "examples"
CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
# The second phase's token file holds `desk-test TOKEN`; the wrong token is as long, and refused.
TOKEN = "0123456789abcdef0123456789"
WRONG_TOKEN = "fedcba9876543210fedcba9876"


# MARK: - Reporting


class Checks:
    """One line per check; the counts close the run."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   - {what}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL - {what}" + (f": {detail}" if detail else ""), flush=True)
        return bool(condition)


# MARK: - The server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(binary, port, log, desk_dir=None, token_file=None, token=None):
    """Starts `wbmgp serve` and waits for /v1/health (asked with `token` when the server has a
    token file, since /v1/health then needs one too)."""
    # --stop-with-parent: a test killed halfway leaves no server behind.
    command = [binary, "serve", "--port", str(port), "--stop-with-parent"] + (["--desk-dir", desk_dir] if desk_dir else [])
    command += ["--token-file", token_file] if token_file else []
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"wbmgp serve exited with {process.returncode} before answering")
        try:
            health = urllib.request.Request(f"http://127.0.0.1:{port}/v1/health", headers=headers)
            with urllib.request.urlopen(health, timeout=2) as answer:
                if answer.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.25)
    process.kill()
    raise RuntimeError("wbmgp serve did not answer /v1/health within 120 s")


def stop_server(process):
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


# MARK: - The browser


def browser(downloads):
    options = webdriver.ChromeOptions()
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--lang=nl-NL"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False, "intl.accept_languages": "nl-NL,nl"}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    service = Service(driver_path) if driver_path else Service()
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def by_path(driver, path):
    return driver.find_element(By.CSS_SELECTOR, f'[data-path="{path}"]')


def type_into(element, value):
    element.clear()
    element.send_keys(str(value))


def set_date(driver, element, iso):
    """A date input's typed form follows the browser's locale; set its value as a picker would."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        element,
        iso,
    )


def choose(element, code):
    Select(element).select_by_value(code)


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def wait(driver, condition, seconds=20):
    return WebDriverWait(driver, seconds).until(condition)


def eventually(driver, condition, seconds=20):
    """Whether `condition` comes true within `seconds`, for a check rather than a step."""
    try:
        wait(driver, condition, seconds)
        return True
    except TimeoutException:
        return False


def fill_application(driver, application):
    """Enters an application (interface §3) through the form, field by field."""
    type_into(by_path(driver, "$.id"), application["id"])
    if "kind" in application:
        choose(by_path(driver, "$.kind"), application["kind"])
    set_date(driver, by_path(driver, "$.applicationDate"), application["applicationDate"])
    if "decisionDate" in application:
        set_date(driver, by_path(driver, "$.decisionDate"), application["decisionDate"])
    for key, value in application["dwelling"].items():
        element = by_path(driver, f"$.dwelling.{key}")
        if element.tag_name == "select":
            choose(element, value)
        else:
            type_into(element, value)
    for i, person in enumerate(application["household"]):
        if i > 0:
            click(driver, driver.find_element(By.ID, "add-member"))
        fill_person(driver, i, person)
    statement = application.get("woonverklaring")
    if statement:
        choose(by_path(driver, "$.woonverklaring.outcome"), statement["outcome"])
        if "date" in statement:
            set_date(driver, by_path(driver, "$.woonverklaring.date"), statement["date"])
        if "hearingOffered" in statement:
            choose(by_path(driver, "$.woonverklaring.hearingOffered"), "true" if statement["hearingOffered"] else "false")
        if "decidedBy" in statement:
            type_into(by_path(driver, "$.woonverklaring.decidedBy"), statement["decidedBy"])
        for k, condition in enumerate(statement.get("conditions", [])):
            if not driver.find_elements(By.CSS_SELECTOR, f'[data-path="$.woonverklaring.conditions[{k}]"]'):
                click(driver, driver.find_element(By.ID, "add-condition"))
            type_into(by_path(driver, f"$.woonverklaring.conditions[{k}]"), condition)
    for k, decision in enumerate(application.get("hardship", [])):
        click(driver, driver.find_element(By.ID, "add-hardship"))
        base = f"$.hardship[{k}]"
        choose(by_path(driver, f"{base}.article"), decision["article"])
        set_date(driver, by_path(driver, f"{base}.date"), decision["date"])
        type_into(by_path(driver, f"{base}.decidedBy"), decision["decidedBy"])
        type_into(by_path(driver, f"{base}.reason"), decision["reason"])
        granted = by_path(driver, f"{base}.granted")
        if granted.is_selected() != decision.get("granted", True):
            click(driver, granted)


def fill_person(driver, i, person):
    base = f"$.household[{i}]"
    choose(by_path(driver, f"{base}.role"), person["role"])
    if "name" in person:
        type_into(by_path(driver, f"{base}.name"), person["name"])
    for key, value in person.get("address", {}).items():
        type_into(by_path(driver, f"{base}.address.{key}"), value)
    set_date(driver, by_path(driver, f"{base}.birthDate"), person["birthDate"])
    member = by_path(driver, base)
    for k, period in enumerate(person.get("residence", [])):
        if not driver.find_elements(By.CSS_SELECTOR, f'[data-path="{base}.residence[{k}].from"]'):
            click(driver, member.find_element(By.CSS_SELECTOR, "[data-action=add-period]"))
        type_into(by_path(driver, f"{base}.residence[{k}].municipality"), period["municipality"])
        set_date(driver, by_path(driver, f"{base}.residence[{k}].from"), period["from"])
        if "until" in period:
            set_date(driver, by_path(driver, f"{base}.residence[{k}].until"), period["until"])
    for code in person.get("income", []):
        click(driver, member.find_element(By.CSS_SELECTOR, f'[data-role=income] input[value="{code}"]'))
    characteristics = person.get("characteristics")
    if characteristics == []:
        click(driver, by_path(driver, base).find_element(By.CSS_SELECTOR, "[data-field='characteristics.none']"))
    for code in characteristics or []:
        click(driver, member.find_element(By.CSS_SELECTOR, f'[data-role=characteristics] input[value="{code}"]'))
    vog = person.get("screening", {}).get("vog")
    if vog:
        status = vog.get("status") or ("submitted" if vog.get("submitted") else "not-submitted")
        choose(by_path(driver, f"{base}.screening.vog.status"), status)
        if "date" in vog:
            set_date(driver, by_path(driver, f"{base}.screening.vog.date"), vog["date"])


def submit_and_wait(driver):
    """Submits with Enter in the case number field, as a clerk may, and waits for the answer."""
    driver.execute_script("document.getElementById('outcome').dataset.outcome = '';")
    by_path(driver, "$.id").send_keys(Keys.ENTER)
    wait(
        driver,
        lambda d: d.execute_script(
            "return (document.getElementById('outcome').dataset.outcome && !document.getElementById('decision').hidden)"
            " || !document.getElementById('errors').hidden"
        ),
    )


def new_application(driver):
    click(driver, driver.find_element(By.ID, "new"))
    wait(driver, lambda d: by_path(d, "$.id").get_attribute("value") == "")


def screenshot(driver, directory, name):
    """The page from the top, the window tall enough that the whole assessment shows, and any
    field marked invalid with its message."""
    if not directory:
        return
    driver.execute_script("window.scrollTo(0, 0);")
    bottom = driver.execute_script(
        "const shown = [document.getElementById('result'), ...document.querySelectorAll('.field-error')];"
        "return Math.ceil(Math.max(...shown.map((e) => e.getBoundingClientRect().bottom)) + window.scrollY);"
    )
    driver.set_window_size(1280, min(max(1600, bottom + 280), 12000))
    time.sleep(0.3)
    driver.execute_script("window.scrollTo(0, 0);")
    driver.save_screenshot(str(Path(directory) / name))
    driver.set_window_size(1280, 1600)


def outcome(driver):
    element = driver.find_element(By.ID, "outcome")
    return element.get_attribute("data-outcome"), element.text


def load(name):
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


# MARK: - The cases


def case_refusal(driver, checks, shots, downloads):
    application = load("letter-refusal-rotterdam.json")
    fill_application(driver, application)
    try:
        wait(driver, lambda d: d.find_element(By.ID, "designation").get_attribute("data-state") == "found", 10)
    except TimeoutException:
        pass
    designation = driver.find_element(By.ID, "designation").text
    checks.check(
        "aanwijzing voor Rotterdam" in designation and "16 april 2018" in designation,
        "refusal: the designation area names the Rotterdam designation in words",
        designation,
    )
    checks.check(
        driver.find_element(By.ID, "designation").get_attribute("aria-live") == "polite",
        "refusal: the designation area is a polite live region",
    )
    remove = by_path(driver, "$.household[0].residence[1]").find_element(By.CSS_SELECTOR, "[data-action=remove-period]")
    name = remove.get_attribute("textContent").strip()
    checks.check(name == "Verwijder periode 2 van persoon 1", "refusal: a remove button names its period and person", name)
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "refused", "refusal: #outcome[data-outcome=refused]", f"{code!r} {heading!r}")
    checks.check(heading.startswith("Weigeringsgrond: artikel 8, eerste lid"), "refusal: the heading gives the ground in words", heading)
    active = driver.switch_to.active_element
    checks.check(active.get_attribute("id") == "outcome", "refusal: focus moves to the outcome heading")
    citations = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "#reasons li.refused .citation")]
    checks.check(
        any("artikel 8, eerste lid" in c for c in citations), "refusal: a ✗ reason cites artikel 8, eerste lid", repr(citations)
    )
    spoken = driver.find_elements(By.CSS_SELECTOR, "#reasons li.refused .visually-hidden")
    checks.check(
        bool(spoken) and "weigeringsgrond" in spoken[0].get_attribute("textContent"),
        "refusal: the mark is said in words for screen readers",
    )
    result_text = driver.find_element(By.ID, "result").text
    checks.check("$." not in result_text and "2021-06-15" not in result_text, "refusal: no JSON path or ISO date in the result")
    checks.check("S. Jansen" in result_text, "refusal: the reasons name the person")
    # "From when" (interface §11): a block of its own, the date in words, what else would lift it nested.
    blocks = driver.find_elements(By.CSS_SELECTOR, "#blocks section.block")
    from_when = [b for b in blocks if b.find_element(By.CSS_SELECTOR, ".block-title").text.startswith("Vanaf wanneer")]
    checks.check(len(from_when) == 1, "refusal: one 'Vanaf wanneer' block", repr([b.text[:40] for b in blocks]))
    if from_when:
        item = from_when[0].find_element(By.CSS_SELECTOR, "ul.items > li")
        checks.check("vanaf 16 april 2022" in item.text, "refusal: from when gives the day after the designation ends, in words", item.text[:200])
        nested = [li.text for li in item.find_elements(By.CSS_SELECTOR, "ul > li")]
        checks.check(
            any("artikel 8, tweede lid" in n for n in nested), "refusal: what else would lift the ground is a nested list", repr(nested)
        )
    screenshot(driver, shots, "desk-refusal.png")

    click(driver, driver.find_element(By.ID, "print-letter"))
    try:
        wait(
            driver,
            lambda d: "S. Jansen" in (d.execute_script(
                "const f = document.getElementById('print-frame');"
                "return f.contentDocument && f.contentDocument.body ? f.contentDocument.body.textContent : ''") or ""),
            15,
        )
        printed = True
    except TimeoutException:
        printed = False
    checks.check(printed, "refusal: print-letter loads the letter into the print frame")
    click(driver, driver.find_element(By.ID, "show-letter"))
    frame = wait(driver, lambda d: d.find_element(By.ID, "letter-frame") if d.find_element(By.ID, "letter-frame").is_displayed() else False)
    driver.switch_to.frame(frame)
    try:
        wait(driver, lambda d: "S. Jansen" in d.find_element(By.TAG_NAME, "body").text, 15)
        letter = driver.find_element(By.TAG_NAME, "body").text
    except TimeoutException:
        letter = ""
    driver.switch_to.default_content()
    checks.check("besluit" in letter.lower() and "S. Jansen" in letter, "refusal: the letter frame shows the besluit to S. Jansen")
    if shots:
        driver.execute_script("document.getElementById('letter-area').scrollIntoView({block: 'start'});")
        time.sleep(0.3)
        driver.save_screenshot(str(Path(shots) / "desk-letter.png"))

    button = driver.find_elements(By.ID, "download-record")
    checks.check(bool(button) and button[0].is_displayed(), "refusal: download-record is offered")
    if button:
        click(driver, button[0])
        target = Path(downloads) / f"{application['id']}.record.json"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not target.exists():
            time.sleep(0.2)
        try:
            record = json.loads(target.read_text(encoding="utf-8"))
            good = record.get("outcome") == "refused" and record.get("application") == application["id"]
        except (OSError, ValueError):
            good = False
        checks.check(good, f"refusal: the record downloads as {target.name}, outcome refused")


def case_incomplete(driver, checks, shots):
    application = load("letter-refusal-rotterdam.json")
    person = application["household"][0]
    del person["income"]
    person["residence"] = [{"municipality": "Rotterdam", "from": "2018-11-01"}]
    fill_application(driver, application)
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "incomplete", "incomplete: #outcome[data-outcome=incomplete]", f"{code!r} {heading!r}")
    checks.check("inkomen" in heading, "incomplete: the heading says the income is missing", heading)
    blocks = driver.find_element(By.ID, "blocks").text
    checks.check("Ontbreekt" in blocks, "incomplete: the missing facts are listed under their heading", blocks)
    screenshot(driver, shots, "desk-incomplete.png")


def case_open_lookup(driver, checks):
    """An address without its neighbourhood: the lookup cannot place it, and says what to fill in."""
    application = load("letter-refusal-rotterdam.json")
    del application["dwelling"]["neighbourhood"]
    fill_application(driver, application)
    placed = eventually(driver, lambda d: d.find_element(By.ID, "designation").get_attribute("data-state") == "open", 10)
    region = driver.find_element(By.ID, "designation").text
    checks.check(placed, "open lookup: the designation area says the address cannot be placed (data-state=open)", region)
    checks.check(
        "is niet vast te stellen zonder de wijk of buurt van de woning" in region and "aanwijzing voor Rotterdam" in region and "$." not in region,
        "open lookup: it names the missing fact and the designation in words",
        region,
    )
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "incomplete", "open lookup: the decision is incomplete (it was not applicable)", f"{code!r} {heading!r}")
    checks.check("wijk of buurt" in heading, "open lookup: the heading says the neighbourhood is missing", heading)


def case_conditions(driver, checks, shots):
    application = load("letter-conditions-zaanstad.json")
    fill_application(driver, application)
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "granted-with-conditions", "conditions: #outcome[data-outcome=granted-with-conditions]", f"{code!r} {heading!r}")
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#blocks ol.items li")]
    conditions = application["woonverklaring"]["conditions"]
    checks.check(all(c in items for c in conditions), "conditions: both conditions are listed", repr(items))
    screenshot(driver, shots, "desk-conditions.png")

    click(driver, driver.find_element(By.ID, "lang-en"))
    code, heading = outcome(driver)
    checks.check(
        heading == "Chapter 3 of the Wbmgp does not stand in the way of granting the permit, with conditions",
        "english: the heading is re-rendered in English without a new request",
        heading,
    )
    checks.check(driver.execute_script("return document.documentElement.lang") == "en", "english: <html lang=en>")
    checks.check(driver.find_element(By.ID, "submit").text == "Assess", "english: the form is relabelled")
    label = driver.execute_script("return document.querySelector('label[for=f-category]').textContent")
    checks.check("Type of dwelling" in label, "english: field labels follow", label)
    role = Select(by_path(driver, "$.household[0].role")).first_selected_option.text
    checks.check(role == "Applicant", "english: vocabulary options follow", role)
    click(driver, driver.find_element(By.ID, "lang-nl"))
    code, heading = outcome(driver)
    checks.check(heading.startswith("Hoofdstuk 3 van de Wbmgp"), "dutch: switching back restores the Dutch text", heading)


def post(base, path, application):
    request = urllib.request.Request(
        base + path, data=json.dumps(application).encode("utf-8"), method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        return answer.read().decode("utf-8")


def case_household(driver, checks, base):
    """Two members with a VOG each and no residence (the empty period rows are left out): the page
    decides as the service decides the fixture's own JSON."""
    fixture = json.loads((ROOT / "Fixtures" / "decide" / "valid" / "042-vog-all-submitted.json").read_text(encoding="utf-8"))
    application = fixture["application"]
    fill_application(driver, application)
    submit_and_wait(driver)
    code, heading = outcome(driver)
    expected_code = json.loads(post(base, "/v1/decide?format=json", application))["outcome"]
    expected_heading = post(base, "/v1/decide?format=text&lang=nl", application).split("\n", 1)[0]
    checks.check(
        code == expected_code and heading == expected_heading,
        "household: two members with a VOG each are decided as the service decides the fixture's JSON",
        f"page {code!r} {heading!r}, service {expected_code!r} {expected_heading!r}",
    )


def case_error(driver, checks, shots):
    application = load("letter-refusal-rotterdam.json")
    application["household"][0]["birthDate"] = "2022-01-01"
    fill_application(driver, application)
    submit_and_wait(driver)
    path = "$.household[0].birthDate"
    errors = driver.find_element(By.ID, "errors")
    checks.check(errors.is_displayed() and errors.get_attribute("role") == "alert", "error: #errors shows, as an alert")
    field = by_path(driver, path)
    checks.check(field.get_attribute("aria-invalid") == "true", "error: the birth date field is aria-invalid")
    checks.check("invalid" in (field.get_attribute("class") or ""), "error: the birth date field has class invalid")
    active = driver.switch_to.active_element
    checks.check(active == field, "error: the birth date field has focus", active.get_attribute("data-path") or "")
    described = (field.get_attribute("aria-describedby") or "").split()
    messages = [driver.find_element(By.ID, i).text for i in described if driver.find_elements(By.ID, i)]
    checks.check(
        any(m.startswith("Controleer dit veld:") for m in messages),
        "error: the message stands at the field, described by it",
        repr(messages),
    )
    checks.check("$." not in driver.find_element(By.TAG_NAME, "body").text, "error: no JSON path is shown")
    summary_link = errors.find_elements(By.CSS_SELECTOR, "a")
    checks.check(bool(summary_link) and "Geboortedatum" in summary_link[0].text, "error: the summary links to the field")
    screenshot(driver, shots, "desk-error.png")

    # A deeper path: a residence period that ends before it starts.
    new_application(driver)
    application = load("letter-refusal-rotterdam.json")
    application["household"][0]["residence"][1]["until"] = "2018-01-01"
    fill_application(driver, application)
    submit_and_wait(driver)
    field = by_path(driver, "$.household[0].residence[1].until")
    checks.check(
        field.get_attribute("aria-invalid") == "true" and driver.switch_to.active_element == field,
        "error: 'until' before 'from' lands on period 2's end date, focused",
    )
    link = driver.find_element(By.CSS_SELECTOR, "#errors a")
    click(driver, by_path(driver, "$.id"))
    click(driver, link)
    checks.check(driver.switch_to.active_element == field, "error: the summary link focuses the field")
    # A new submit clears the old errors.
    set_date(driver, field, "2019-01-01")
    submit_and_wait(driver)
    checks.check(
        not driver.find_elements(By.CSS_SELECTOR, "[aria-invalid=true]") and not driver.find_element(By.ID, "errors").is_displayed(),
        "error: errors are cleared on the next submit",
    )


def case_keyboard_and_labels(driver, checks):
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = driver.find_element(By.TAG_NAME, "body")
    reached = False
    for _ in range(600):
        body = driver.switch_to.active_element
        body.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("id") == "submit":
            reached = True
            break
    checks.check(reached, "keyboard: the submit button is reachable with Tab")
    unlabelled = driver.execute_script(
        """
        const out = [];
        for (const el of document.querySelectorAll('input, select, textarea')) {
          if (el.type === 'hidden' || !(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) continue;
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
          const byFor = label && label.textContent.trim() !== '';
          const byAria = (el.getAttribute('aria-label') || '').trim() !== '';
          const byIds = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
            .some((id) => document.getElementById(id) && document.getElementById(id).textContent.trim() !== '');
          if (!(byFor || byAria || byIds)) out.push(el.outerHTML.slice(0, 120));
        }
        return out;
        """
    )
    checks.check(not unlabelled, "labels: every visible input and select has an accessible label", repr(unlabelled[:5]))
    nameless = driver.execute_script(
        """
        const out = [];
        for (const el of document.querySelectorAll('button, fieldset, [role=group]')) {
          if (!(el.offsetWidth || el.offsetHeight)) continue;
          const name = el.matches('fieldset') ? (el.querySelector(':scope > legend') || {}).textContent
            : el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') && 'x' || el.textContent;
          if (!name || !name.trim()) out.push(el.outerHTML.slice(0, 120));
        }
        return out;
        """
    )
    checks.check(not nameless, "labels: every button and group has a name", repr(nameless[:5]))


def case_no_police(driver, checks):
    police = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-path]')).filter(e => /police/i.test(e.dataset.path)).length"
        " + Array.from(document.querySelectorAll('input, select, textarea')).filter(e => /police/i.test(e.name + e.id)).length"
    )
    checks.check(police == 0, "police: no field of the page asks for policeRecords")


def case_headers(base, checks):
    with urllib.request.urlopen(base + "/", timeout=10) as answer:
        page = answer.read().decode("utf-8")
        policy = answer.headers.get("Content-Security-Policy", "")
    checks.check(policy == CSP, "page: GET / carries the Content-Security-Policy", policy)
    checks.check('<html lang="nl">' in page and 'src="desk.js"' in page, "page: Dutch by default, script from desk.js")
    for name in ("desk.css", "desk.js"):
        with urllib.request.urlopen(f"{base}/{name}", timeout=10) as answer:
            checks.check(answer.status == 200, f"page: GET /{name} answers")


def console_problems(driver, expected=(422,)):
    """SEVERE console lines, but for the failed resource loads of the statuses a case expects
    (the 422 of the error cases; the 401 of the token phase)."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry.get("level") == "SEVERE" and "favicon" not in entry.get("message", "")
        and not any(f" {code} " in entry.get("message", "") or f"status of {code}" in entry.get("message", "") for code in expected)
    ]


# MARK: - The second phase: serve --token-file


def stored_token(driver):
    return driver.execute_script("return sessionStorage.getItem('wbmgp.token')")


def active_id(driver):
    return driver.switch_to.active_element.get_attribute("id") or ""


def sign_in(driver, token):
    """Types the token and presses Enter, as a clerk would."""
    field = driver.find_element(By.ID, "token")
    type_into(field, token)
    field.send_keys(Keys.ENTER)


def refusal_shown(driver):
    error = driver.find_element(By.ID, "signin-error")
    return driver.find_element(By.ID, "signin").is_displayed() and error.is_displayed() and error.text.strip() != ""


def case_token_headers(base, checks):
    for name in ("", "desk.css", "desk.js"):
        with urllib.request.urlopen(f"{base}/{name}", timeout=10) as answer:
            checks.check(answer.status == 200, f"token: GET /{name} answers without a token")
    try:
        with urllib.request.urlopen(base + "/v1/vocabulary", timeout=10) as answer:
            status, challenge = answer.status, None
    except urllib.error.HTTPError as error:
        status, challenge = error.code, error.headers.get("WWW-Authenticate")
    checks.check(
        status == 401 and challenge == "Bearer",
        "token: GET /v1/vocabulary without a token answers 401 with WWW-Authenticate: Bearer",
        f"{status} {challenge!r}",
    )


def case_signin(driver, checks, base, shots):
    driver.get(base + "/")
    appeared = eventually(driver, lambda d: d.find_element(By.ID, "signin").is_displayed())
    checks.check(appeared, "token: the sign-in appears when the vocabulary answers 401")
    checks.check(active_id(driver) == "token", "token: focus is on the token field", active_id(driver))
    field = driver.find_element(By.ID, "token")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=token]").text
    checks.check(field.get_attribute("type") == "password" and label == "Toegangssleutel", "token: a password field labelled Toegangssleutel", label)
    hint = driver.find_element(By.ID, (field.get_attribute("aria-describedby") or "x").split()[0]).text
    checks.check(hint == "De sleutel die de beheerder van deze dienst u heeft gegeven.", "token: the field is described by its hint", hint)
    checks.check(
        not driver.find_element(By.ID, "signout").is_displayed() and not driver.find_element(By.ID, "vocabulary-status").is_displayed(),
        "token: no sign-out button and no 'lists failed' notice before signing in",
    )

    sign_in(driver, WRONG_TOKEN)
    refused = eventually(driver, refusal_shown)
    error = driver.find_element(By.ID, "signin-error")
    checks.check(
        refused and error.text == "Deze toegangssleutel wordt niet aanvaard." and error.get_attribute("role") == "alert",
        "token: a wrong token is refused in words, as an alert",
        error.text,
    )
    checks.check(stored_token(driver) is None, "token: the refused token is not kept")
    checks.check(
        active_id(driver) == "token" and field.get_attribute("value") == ""
        and "signin-error" in (field.get_attribute("aria-describedby") or "").split(),
        "token: focus is back on the emptied token field, described by the refusal",
    )
    screenshot(driver, shots, "desk-signin-refused.png")

    sign_in(driver, TOKEN)
    loaded = eventually(driver, lambda d: d.execute_script("return document.querySelectorAll('#f-category option').length > 1"))
    checks.check(loaded, "token: with the right token the option lists load (Soort woning has options)")
    checks.check(not driver.find_element(By.ID, "signin").is_displayed(), "token: the sign-in is hidden")
    checks.check(stored_token(driver) == TOKEN, "token: the token is kept in sessionStorage under wbmgp.token")
    checks.check(
        driver.execute_script("return localStorage.length") == 0 and TOKEN not in driver.current_url,
        "token: nothing in localStorage, the token not in the URL",
        driver.current_url,
    )
    checks.check(driver.find_element(By.ID, "signout").is_displayed(), "token: the sign-out button shows")
    checks.check(active_id(driver) == "f-id", "token: focus goes to the first field of the form", active_id(driver))


def case_token_decisions(driver, checks):
    application = load("letter-refusal-rotterdam.json")
    fill_application(driver, application)
    found = eventually(driver, lambda d: d.find_element(By.ID, "designation").get_attribute("data-state") == "found", 10)
    checks.check(found, "token: the designation lookup sends the token")
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "refused", "token: the refusal case is decided, #outcome[data-outcome=refused]", f"{code!r} {heading!r}")

    # A token the service no longer takes, found out by the decision itself.
    new_application(driver)
    fill_application(driver, application)
    eventually(driver, lambda d: d.find_element(By.ID, "designation").get_attribute("data-state") == "found", 10)
    driver.execute_script("sessionStorage.setItem('wbmgp.token', arguments[0]);", WRONG_TOKEN)
    by_path(driver, "$.id").send_keys(Keys.ENTER)
    checks.check(eventually(driver, refusal_shown), "token: a decision with a refused token brings back the sign-in with the refusal")
    status = driver.find_element(By.ID, "status").text
    checks.check(
        stored_token(driver) is None and active_id(driver) == "token"
        and not driver.find_element(By.ID, "errors").is_displayed() and not driver.find_element(By.ID, "decision").is_displayed()
        and status.startswith("De aanvraag is niet beoordeeld: meld u eerst aan"),
        "token: the token is forgotten, focus on the token field, no error at the form, the status says to sign in",
        status,
    )
    sign_in(driver, TOKEN)
    ready = eventually(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "submit")
    status = driver.find_element(By.ID, "status").text
    checks.check(ready and "opnieuw „Beoordelen”" in status, "token: after signing in, focus is on Beoordelen and the status says to ask again", status)
    checks.check(by_path(driver, "$.id").get_attribute("value") == application["id"], "token: the form kept what the clerk entered")
    submit_and_wait(driver)
    code, heading = outcome(driver)
    checks.check(code == "refused", "token: submitted again, the refusal case is refused", f"{code!r} {heading!r}")


def case_signout(driver, checks):
    click(driver, driver.find_element(By.ID, "signout"))
    checks.check(stored_token(driver) is None, "token: sign-out forgets the token (sessionStorage wbmgp.token is null)")
    checks.check(
        not driver.find_element(By.ID, "signout").is_displayed() and driver.find_element(By.ID, "signin").is_displayed()
        and not driver.find_element(By.ID, "signin-error").is_displayed() and active_id(driver) == "token",
        "token: after sign-out the sign-in shows, without a refusal, focus on the token field",
    )
    click(driver, driver.find_element(By.ID, "lang-en"))
    words = [
        driver.find_element(By.CSS_SELECTOR, "label[for=token]").text,
        driver.find_element(By.ID, "h-token").text,
        driver.find_element(By.ID, "signin-submit").text,
    ]
    checks.check(
        words == ["Access token", "The token that the administrator of this service gave you.", "Sign in"],
        "token: the sign-in follows the English switch",
        repr(words),
    )
    click(driver, driver.find_element(By.ID, "lang-nl"))
    checks.check(driver.find_element(By.ID, "signin-submit").text == "Aanmelden", "token: and back to Dutch")


def token_phase(binary, desk_dir, checks, shots, taken_port):
    """Serves with `--token-file` on another free port and signs in; returns the server log's path."""
    port = free_port()
    while port == taken_port:
        port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile(prefix="desk-test-token-server-", suffix=".log", delete=False)
    with tempfile.TemporaryDirectory(prefix="desk-test-token-") as directory:
        token_file = Path(directory) / "tokens"
        token_file.write_text(f"desk-test {TOKEN}\n", encoding="utf-8")
        try:
            server = start_server(binary, port, log, desk_dir, token_file=str(token_file), token=TOKEN)
        except (OSError, RuntimeError) as error:
            checks.check(False, "token: start wbmgp serve --token-file", str(error))
            log.close()
            return log.name
        driver = None
        try:
            case_token_headers(base, checks)
            with tempfile.TemporaryDirectory(prefix="desk-test-downloads-") as downloads:
                driver = browser(downloads)
                steps = [
                    ("token: sign-in", lambda: case_signin(driver, checks, base, shots)),
                    ("token: decisions", lambda: case_token_decisions(driver, checks)),
                    ("token: sign-out", lambda: case_signout(driver, checks)),
                ]
                for name, step in steps:
                    try:
                        step()
                    except (WebDriverException, AssertionError) as error:
                        checks.check(False, f"{name} runs to the end", str(error).splitlines()[0] if str(error) else type(error).__name__)
                problems = console_problems(driver, expected=(401,))
                checks.check(not problems, "token: no errors in the browser console but the expected 401s", repr(problems[:3]))
        except (WebDriverException, urllib.error.URLError) as error:
            checks.check(False, "token: runs", str(error).splitlines()[0])
        finally:
            if driver is not None:
                driver.quit()
            status = stop_server(server)
            checks.check(status == 0, "token: the server with --token-file stops on SIGTERM with exit 0", f"exit status {status}")
    log.close()
    return log.name


# MARK: - Main


def main():
    parser = argparse.ArgumentParser(description="Browser test of the wbmgp desk page.")
    parser.add_argument("binary", help="path to the wbmgp executable")
    parser.add_argument("--screenshots", metavar="DIR", help="save desk-*.png here")
    parser.add_argument("--port", type=int, help="serve on this port (default: a free one)")
    parser.add_argument("--desk-dir", metavar="DIR", help="serve the page's files from DIR (serve --desk-dir)")
    arguments = parser.parse_args()
    binary = str(Path(arguments.binary).resolve())
    if arguments.screenshots:
        Path(arguments.screenshots).mkdir(parents=True, exist_ok=True)
    port = arguments.port or free_port()
    base = f"http://127.0.0.1:{port}"
    checks = Checks()
    log = tempfile.NamedTemporaryFile(prefix="desk-test-server-", suffix=".log", delete=False)
    try:
        desk_dir = str(Path(arguments.desk_dir).resolve()) if arguments.desk_dir else None
        server = start_server(binary, port, log, desk_dir)
    except (OSError, RuntimeError) as error:
        print(f"FAIL - start wbmgp serve: {error}")
        print("0 passed, 1 failed")
        return 1
    driver = None
    logs = [log.name]
    try:
        case_headers(base, checks)
        with tempfile.TemporaryDirectory(prefix="desk-test-downloads-") as downloads:
            driver = browser(downloads)
            driver.get(base + "/")
            wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
            checks.check(driver.execute_script("return document.documentElement.lang") == "nl", "page: opens in Dutch")
            checks.check(
                driver.execute_script("return document.querySelectorAll('#vocabulary-status:not([hidden])').length") == 0,
                "page: the vocabulary loaded",
            )
            case_no_police(driver, checks)
            steps = [
                ("refusal", lambda: case_refusal(driver, checks, arguments.screenshots, downloads)),
                ("incomplete", lambda: case_incomplete(driver, checks, arguments.screenshots)),
                ("open lookup", lambda: case_open_lookup(driver, checks)),
                ("conditions", lambda: case_conditions(driver, checks, arguments.screenshots)),
                ("household", lambda: case_household(driver, checks, base)),
                ("error", lambda: case_error(driver, checks, arguments.screenshots)),
                ("keyboard", lambda: case_keyboard_and_labels(driver, checks)),
            ]
            for name, step in steps:
                try:
                    step()
                except (WebDriverException, TimeoutException, AssertionError) as error:
                    checks.check(False, f"{name}: runs to the end", str(error).splitlines()[0] if str(error) else type(error).__name__)
                new_application(driver)
            case_no_police(driver, checks)
            problems = console_problems(driver)
            checks.check(not problems, "page: no errors in the browser console (CSP included)", repr(problems[:3]))
    except WebDriverException as error:
        checks.check(False, "browser: runs", str(error).splitlines()[0])
    finally:
        if driver is not None:
            driver.quit()
        status = stop_server(server)
        checks.check(status == 0, "server: SIGTERM drains and exits 0", f"exit status {status}")
        log.close()
    logs.append(token_phase(binary, desk_dir, checks, arguments.screenshots, port))
    for name in logs:
        if checks.failed:
            sys.stdout.write(f"server log: {name}\n")
        else:
            os.unlink(name)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
