"""Takes the README's screenshots with the browser the page tests use:
``uv run python -m tests.web.screenshots``. Writes ``tests/web/screenshots/*.png``."""

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.web.conftest import CHROMIUM
from tests.web.corpus import BUSY
from tests.web.server import running_server

OUT = Path(__file__).parent / "screenshots"
SHOTS = {
    "search": ("/?q=Morocco+OR+Portugal", "[data-facets]:not([hidden])"),
    "article": ("/web/articles/1", "[data-side]:not([hidden])"),
    "entity": (f"/web/entities/{BUSY.lower().replace(' ', '-')}", "[data-chart] svg"),
    "country": ("/web/countries/MA", "[data-people] li"),
    "quotes": ("/web/quotes?speaker=bruce-maddy-weitzman", "[data-quotes] li"),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_server(Path(tmp)) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        for width, height, suffix in ((1280, 860, ""), (390, 844, "-phone")):
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, (path, ready) in SHOTS.items():
                if suffix and name not in ("article", "search"):
                    continue
                page.goto(base + path)
                page.wait_for_selector(ready, state="attached")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"{name}{suffix}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
