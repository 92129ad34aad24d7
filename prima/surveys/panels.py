"""Extension points of the SKM staff pages (see ``prima.core.panels``).

``unit_results``: the diagnosis of a unit in a period, after the unsur table. Its
providers get the viewing ``user``, the ``unit`` and its ``diagnosis``
(``prima.surveys.diagnosis.Diagnosis``); the innovations app shows there the
innovations aimed at each weak unsur (step 4 of the SKM cycle).
"""

from prima.core.panels import Slot

unit_results = Slot("surveys.unit_results", arguments=("user", "unit", "diagnosis"))
