"""Template access checks backed by the one scoping mechanism."""

from django import template

from prima.core.roles import VIEW
from prima.core.scoping import user_can as _user_can

register = template.Library()


@register.simple_tag
def user_can(user, area: str, action: str = VIEW) -> bool:
    """Return whether ``user`` holds ``action`` on ``area`` anywhere, for menus."""
    return _user_can(user, area, action)
