"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: the tests use /usr/bin/chromium (`make test` installs it).
"""

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (reading the outbox, creating accounts) are ordinary synchronous calls all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SUPPORTNET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
AXE_JS = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
NEUTRAL_URL = "https://neutral.example/weather"
NEUTRAL_PAGE = "<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1></html>"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module: Playwright's event loop must not outlive the module,
    or later tests that run their own loop (websocket tests) would find one running."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test` to install it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class AsgiServer:
    url: str


@pytest.fixture
def asgi_live_server(transactional_db: Any) -> Iterator[AsgiServer]:
    """The real ASGI application (pages and websockets) served by daphne in a child process,
    on the test database. For tests that need websockets; the others use `live_server`."""
    from channels.testing.live import make_application
    from daphne.testing import DaphneProcess
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from django.db import connections

    # The server is a forked child: it must not inherit open connections or a connection pool.
    for connection in connections.all():
        connection.close()
        if hasattr(connection, "close_pool"):
            connection.close_pool()
    process = DaphneProcess(
        "localhost",
        # Forked after the test database was set up: its settings already name that database.
        partial(make_application, static_wrapper=ASGIStaticFilesHandler),
    )
    process.start()
    assert process.ready.wait(timeout=60), "the ASGI test server did not start"
    yield AsgiServer(url=f"http://localhost:{process.port.value}")
    process.terminate()
    process.join(timeout=10)
    if process.is_alive():
        # SIGTERM is handled by the server's reactor, which a child forked from this
        # multi-threaded process can leave stuck. The child holds copies of the browser
        # driver's pipes, so while it lives the driver never sees them close and the module's
        # browser fixture would wait for it for ever.
        process.kill()
        process.join(timeout=10)
    assert not process.is_alive(), "the ASGI test server did not stop"


def new_page(browser: Browser, base_url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(10_000)
    # Nothing leaves the machine: the neutral site is answered locally, anything else fails.
    context.route(
        "**/*",
        lambda route: (
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
            if route.request.url.startswith("https://neutral.example/")
            else route.continue_()
            if route.request.url.startswith(base_url)
            else route.abort()
        ),
    )
    return context, context.new_page()


@pytest.fixture
def page(browser: Browser, live_server: Any, settings: Any) -> Iterator[Page]:
    settings.SUPPORTNET_QUICK_EXIT_URL = NEUTRAL_URL
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    # Nothing leaves the machine: the neutral site is answered locally, anything else fails.
    context.route(
        "**/*",
        lambda route: (
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
            if route.request.url.startswith("https://neutral.example/")
            else route.continue_()
            if route.request.url.startswith(live_server.url)
            else route.abort()
        ),
    )
    page = context.new_page()
    yield page
    context.close()


class DroppedConnection:
    """A page whose live connection drops unnoticed. The page's sockets to `url` go through the
    test: the first one hears nothing from the server (what the page sends still arrives) until
    `drop` closes it; the page then reconnects by itself, and later sockets pass everything on.
    Set it up before the page opens its socket."""

    def __init__(self, page: Page, url: re.Pattern[str]) -> None:
        self.page = page
        self.sockets: list[WebSocketRoute] = []
        page.route_web_socket(url, self._through_the_test)

    def _through_the_test(self, socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()
        away = not self.sockets
        server.on_message(lambda message: None if away else socket.send(message))
        self.sockets.append(socket)

    def drop(self) -> None:
        """The connection drops; returns once the page has opened its next socket."""
        with self.page.expect_websocket():
            self.sockets[0].close()


def axe_violations(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[Any]:
    """Runs axe-core (served from the test tree, not the network) on the current page, once it
    has loaded: its stylesheets decide sizes and contrast (text can be visible before they
    apply, and a check then would judge unstyled links)."""
    page.wait_for_load_state("load")
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa', 'wcag22aa', 'best-practice']})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]
