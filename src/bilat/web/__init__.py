"""``bilat serve``: a web UI and JSON API over a knowledge base (#9)."""

from bilat.web.app import create_app

__all__ = ["create_app"]
