"""``python -m criteo_api_marketingsolutions_v2020_10``: see ``cli``."""

from criteo_api_marketingsolutions_v2020_10.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
