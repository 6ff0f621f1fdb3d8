"""End-to-end in headless Chromium: the search page answers a question, a viz page draws the
network the API describes, /docs renders, and no request ever leaves 127.0.0.1.

Needs Debian's ``chromium`` and ``chromium-driver`` (scripts/install_browser.sh). Missing
browser: the tests skip on a developer machine and fail in CI (CI=true).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from web_store import indexed_copy

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver", "chromedriver")
# Browser-internal pages (the new-tab page at start-up among them) are not network requests.
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-untrusted:", "chrome-error:", "devtools:")


def _find(candidates: tuple[str, ...]) -> str | None:
    for c in candidates:
        found = c if os.path.isabs(c) and os.access(c, os.X_OK) else shutil.which(c)
        if found:
            return found
    return None


def _missing(what: str) -> None:
    message = f"{what} not found: run scripts/install_browser.sh (Debian packages chromium, chromium-driver)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def server(seed_store_path, tmp_path_factory):
    """uvicorn on 127.0.0.1 and a free port, in a thread, over the indexed seed store."""
    import uvicorn

    from api.app import create_app
    from graph.networkx_store import NetworkxStore
    from graph.settings import Settings

    path = indexed_copy(seed_store_path, tmp_path_factory.mktemp("browser") / "store")
    app = create_app(store=NetworkxStore(path), settings=Settings(store=path))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # the server takes this bound socket: no race for the port
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver_path = _find(CHROMIUM), _find(CHROMEDRIVER)
    if not chromium:
        _missing("chromium")
    if not driver_path:
        _missing("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps",
                "--window-size=1280,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                # Belt and braces: any host but loopback fails to resolve, so even a regression
                # cannot send traffic out; the request is still logged and fails the test.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (Chrome's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def assert_only_local(driver, base: str) -> None:
    urls = requested_urls(driver)
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [u for u in urls if not u.startswith(base + "/") and u != base and not u.startswith(LOCAL_SCHEMES)]
    assert not outside, f"requests left {base}: {outside}"
    assert urls, "no request was recorded at all (is the performance log on?)"


def severe_console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"
            and "favicon.ico" not in e["message"]]


def wait_for(driver, script: str, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(lambda d: d.execute_script(script))


def api(base: str, path: str, **params) -> dict:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}" if params else base + path
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def test_search_page_answers_the_lead_question(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    requested_urls(browser)  # drop what earlier tests logged
    browser.get(server + "/")
    box = browser.find_element(By.ID, "question")
    box.send_keys("辽西北职业教育联盟的牵头单位")
    browser.find_element(By.ID, "ask-button").click()
    wait_for(browser, "return document.body.dataset.state")
    assert browser.execute_script("return document.body.dataset.state") == "answered", \
        browser.find_element(By.ID, "status").text
    answers = browser.find_elements(By.CSS_SELECTOR, "li.answer")
    names = [a.find_element(By.CSS_SELECTOR, ".answer-name").text for a in answers]
    assert "辽宁职业学院" in names[:3], names
    hit = answers[names.index("辽宁职业学院")]
    assert hit.find_element(By.CSS_SELECTOR, ".badge").text == "School"
    assert hit.find_element(By.CSS_SELECTOR, ".score").text.startswith("score ")
    node_id = hit.get_attribute("data-id")
    assert hit.find_element(By.CSS_SELECTOR, "a.viz-link").get_attribute("href") == f"{server}/viz/{node_id}"
    # Evidence: the quote highlighted inside its sentence, fetched from the stored text.
    wait_for(browser, "return document.querySelector('li.answer .evidence li .doc') !== null")
    item = hit.find_element(By.CSS_SELECTOR, ".evidence li")
    mark = item.find_element(By.TAG_NAME, "mark").text
    assert mark and mark in item.text and len(item.text) > len(mark)
    wait_for(browser, "return document.querySelector('li.answer .path') &&"
                      " document.querySelector('li.answer .path').textContent.length > 0")
    browser.save_screenshot(str(tmp_path / "search.png"))
    assert_only_local(browser, server)
    assert not severe_console_errors(browser)


def test_every_example_on_the_page_answers_and_a_typo_says_how_it_was_read(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    examples = [a.get_attribute("data-q") for a in browser.find_elements(By.CSS_SELECTOR, ".examples a")]
    assert len(examples) >= 3
    for i, question in enumerate(examples):
        browser.get(server + "/")
        browser.find_elements(By.CSS_SELECTOR, ".examples a")[i].click()
        wait_for(browser, "return document.body.dataset.state")
        assert browser.execute_script("return document.body.dataset.state") == "answered", question
        assert browser.find_elements(By.CSS_SELECTOR, "li.answer"), f"the page's example {question!r} answers nothing"
    browser.get(server + "/?q=" + urllib.parse.quote("辽西北职业教育联萌的牵头单位"))
    wait_for(browser, "return document.body.dataset.state")
    interpretation = browser.find_element(By.ID, "interpretation").text
    assert "read 辽西北职业教育联萌 as 辽西北职业教育联盟" in interpretation
    browser.get(server + "/?q=" + urllib.parse.quote("北京大学的合作企业"))
    wait_for(browser, "return document.body.dataset.state")
    assert "unknown name: 北京大学" in browser.find_element(By.ID, "interpretation").text


def test_a_table_row_quote_is_shown_as_the_row_under_its_header(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/?q=" + urllib.parse.quote("哪些学校牵头产教融合共同体"))
    wait_for(browser, "return document.querySelector('table.evidence-row') !== null")
    table = browser.find_element(By.CSS_SELECTOR, "table.evidence-row")
    header = [th.text for th in table.find_elements(By.TAG_NAME, "th")]
    cells = [td.text for td in table.find_elements(By.TAG_NAME, "td")]
    assert header[:1] == ["序号"] and len(cells) >= 2
    assert "\n" not in table.find_elements(By.TAG_NAME, "tr")[-1].text  # one row, not its neighbours
    assert_only_local(browser, server)


def test_viz_page_draws_the_nodes_the_api_lists(server, browser, tmp_path):
    (school,) = api(server, "/entities", name="辽宁职业学院", type="School", limit=1)["entities"]
    for depth in (1, 2):
        expected = api(server, f"/entities/{school['id']}/neighbors", depth=depth)
        requested_urls(browser)
        browser.get(f"{server}/viz/{school['id']}?depth={depth}")
        wait_for(browser, "return window.vocgraphViz !== undefined")
        count = browser.execute_script("return vocgraphViz.nodes.length")
        assert count == len(expected["nodes"])
        assert browser.execute_script("return vocgraphViz.edges.length") == len(expected["edges"])
        # Drawn, not just loaded: vis laid out every node on the canvas.
        wait_for(browser, "return Object.keys(vocgraphViz.network.getPositions()).length === vocgraphViz.nodes.length")
        assert browser.execute_script("return document.querySelector('#mynetwork canvas') !== null")
        assert_only_local(browser, server)
        assert not severe_console_errors(browser)
    browser.save_screenshot(str(tmp_path / "viz.png"))


def test_api_docs_render_offline(server, browser):
    pytest.importorskip("fastapi_offline")
    requested_urls(browser)
    browser.get(server + "/docs")
    wait_for(browser, "return document.querySelectorAll('.opblock').length > 5")
    assert_only_local(browser, server)


def test_saved_viz_file_works_from_disk_without_a_server(server, browser, tmp_path):
    (group,) = api(server, "/entities", name="辽西北职教联盟", limit=1)["entities"]
    html = urllib.request.urlopen(f"{server}/viz/{group['id']}", timeout=30).read()
    page = Path(tmp_path / "network.html")
    page.write_bytes(html)
    requested_urls(browser)
    browser.get(page.as_uri())
    wait_for(browser, "return window.vocgraphViz !== undefined && vocgraphViz.nodes.length > 1")
    urls = requested_urls(browser)
    assert all(u.startswith(("file:",) + LOCAL_SCHEMES) for u in urls), urls
