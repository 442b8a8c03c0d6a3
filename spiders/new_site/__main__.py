"""``python -m confwatch.spiders.new_site KIND --start-url URL --event-url URL [--root DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from confwatch.spiders.new_site import NewSiteError, plan, recorded_path, write
from confwatch.spiders.sites import module_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m confwatch.spiders.new_site",
        description="Start a site spider: its module, its recorded-pages folder, a failing test.",
        epilog="Example: python -m confwatch.spiders.new_site mfa-example "
        "--start-url https://www.mfa.example/en/events/ "
        "--event-url https://www.mfa.example/en/events/ct-conference-2026",
    )
    parser.add_argument("kind", help="the new kind, also the module's name: mfa-example")
    parser.add_argument("--start-url", required=True, help="the listing page a crawl starts from")
    parser.add_argument("--event-url", required=True, help="one conference's page it links to")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the checkout (default: this directory)"
    )
    args = parser.parse_args(argv)
    try:
        site = plan(args.kind, start_url=args.start_url, event_url=args.event_url, root=args.root)
    except NewSiteError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    for path in write(site, args.root):
        print(f"wrote {path}")
    test = f"tests/spiders/sites/test_{module_of(args.kind)}.py"
    print("\nNext: record the two pages (save them as they are served):")
    for url in (args.start_url, args.event_url):
        print(f"  curl -sSL --create-dirs -o tests/fixtures/sites/{recorded_path(url)} '{url}'")
    print(f"then run the test and do what it says until it passes:\n  .venv/bin/pytest {test}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
