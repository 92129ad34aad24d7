"""Path converters shared by every app's URLconf."""


class IdConverter:
    """An id in a URL path: 1 to 18 digits, so it always fits a 64-bit column.

    Django's ``int`` converter takes any number of digits; a 19-digit id then
    overflows the database driver wherever a lookup has no overflow guard, and the
    request ends in a server error instead of a 404.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
