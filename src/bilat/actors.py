"""States and organisations by name or code: ``bilat.actors.resolve("Беларусь") == "BY"``."""

from bilat.extract.actors import country_name, resolve

__all__ = ["country_name", "resolve"]
