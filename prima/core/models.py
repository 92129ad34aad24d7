from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """How many times one thing happened in the current window of one limit.

    Written only by ``prima.core.ratelimit``, which counts with one atomic
    statement so every worker of every host sees the same count. The key is an
    HMAC of the limit's name and its subject (an address, a username, an e-mail),
    so the table holds no personal data in the clear.
    """

    key = models.CharField(_("key"), max_length=100, primary_key=True)
    hits = models.PositiveIntegerField(_("hits"))
    # Seconds since the epoch: compared in SQL on every backend without date types.
    window_ends = models.BigIntegerField(_("window ends"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self) -> str:
        return self.key
