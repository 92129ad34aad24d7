"""Named places on a page where a higher app shows a piece of its own.

A lower app may not import a higher one (``docs/adr/0004-page-panels.md``), yet a
page of the lower app sometimes serves a step that a higher app completes: the SKM
diagnosis of a unit lists, per weak unsur, the innovations aimed at it. The lower app
declares a ``Slot``, the way Django declares a signal; the higher app registers a
provider with it in its ``AppConfig.ready()``; the page asks the slot for its panels
and includes each. Without the higher app installed the page simply shows nothing
there.

A provider is called with the slot's arguments, as keywords, and returns a ``Panel``
(a template and the data it renders) or None when it has nothing to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.template import Template


@dataclass(frozen=True)
class Panel:
    """What a provider shows: ``template`` (a name or a compiled template) rendered
    in the page's context with ``data`` added under the name ``data``."""

    template: str | Template
    data: Mapping[str, Any] = field(default_factory=dict)


Provider = Callable[..., Panel | None]


class Slot:
    """An extension point of one page, called with fixed keyword arguments."""

    def __init__(self, name: str, arguments: tuple[str, ...]) -> None:
        self.name = name
        self.arguments = frozenset(arguments)
        self._providers: list[Provider] = []

    def __repr__(self) -> str:
        return f"<Slot {self.name}>"

    def register(self, provider: Provider) -> None:
        """Add ``provider``; registering it again changes nothing (``ready()`` may
        run more than once in one process)."""
        if provider not in self._providers:
            self._providers.append(provider)

    def unregister(self, provider: Provider) -> None:
        """Remove ``provider`` if it is registered."""
        if provider in self._providers:
            self._providers.remove(provider)

    def panels(self, **arguments: Any) -> list[Panel]:
        """Return the panels of every provider, in the order they registered.

        The arguments must be exactly the slot's, so a page and its providers
        cannot drift apart silently.
        """
        if set(arguments) != self.arguments:
            raise TypeError(
                f"{self!r} takes {sorted(self.arguments)}, got {sorted(arguments)}"
            )
        found = (provider(**arguments) for provider in self._providers)
        return [panel for panel in found if panel is not None]
