"""The SKM questionnaire's default wording (PermenPANRB 14/2017), per unsur code.

Units may reword a question and its answer labels (``QuestionWording``); they can
never remove or reorder an unsur. The Indonesian texts are the regulation's
commonly printed ones and live in the translation catalog.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from prima.surveys.ikm import QUESTIONNAIRE_ORDER, Unsur

UNSUR_NAMES: dict[str, Promise] = {
    Unsur.U1: _("Requirements"),
    Unsur.U2: _("Systems, mechanisms and procedures"),
    Unsur.U3: _("Completion time"),
    Unsur.U4: _("Cost/tariff"),
    Unsur.U5: _("Service product specification"),
    Unsur.U6: _("Staff competence"),
    Unsur.U7: _("Staff conduct"),
    Unsur.U8: _("Handling of complaints, suggestions and feedback"),
    Unsur.U9: _("Facilities and infrastructure"),
}


@dataclass(frozen=True)
class DefaultQuestion:
    unsur: Unsur
    text: Promise
    labels: tuple[Promise, Promise, Promise, Promise]


DEFAULT_QUESTIONS: dict[str, DefaultQuestion] = {
    q.unsur: q
    for q in (
        DefaultQuestion(
            Unsur.U1,
            _("How well do the service requirements fit the type of service?"),
            (
                _("Not appropriate"),
                _("Less appropriate"),
                _("Appropriate"),
                _("Very appropriate"),
            ),
        ),
        DefaultQuestion(
            Unsur.U2,
            _("How easy is the service procedure in this unit?"),
            (_("Not easy"), _("Less easy"), _("Easy"), _("Very easy")),
        ),
        DefaultQuestion(
            Unsur.U3,
            _("How fast is the time to deliver the service?"),
            (_("Not fast"), _("Less fast"), _("Fast"), _("Very fast")),
        ),
        DefaultQuestion(
            Unsur.U4,
            _("How fair is the cost/tariff of the service?"),
            (_("Very expensive"), _("Rather expensive"), _("Cheap"), _("Free")),
        ),
        DefaultQuestion(
            Unsur.U5,
            _("How well does the product you received match the service standard?"),
            (
                _("Not appropriate"),
                _("Less appropriate"),
                _("Appropriate"),
                _("Very appropriate"),
            ),
        ),
        DefaultQuestion(
            Unsur.U6,
            _("How competent are the staff who served you?"),
            (
                _("Not competent"),
                _("Less competent"),
                _("Competent"),
                _("Very competent"),
            ),
        ),
        DefaultQuestion(
            Unsur.U7,
            _("How courteous and friendly are the staff in serving you?"),
            (
                _("Not courteous and friendly"),
                _("Less courteous and friendly"),
                _("Courteous and friendly"),
                _("Very courteous and friendly"),
            ),
        ),
        DefaultQuestion(
            Unsur.U8,
            _("How are complaints, suggestions and feedback handled?"),
            (
                _("Not available"),
                _("Available but not functioning"),
                _("Functioning, not optimally"),
                _("Well managed"),
            ),
        ),
        DefaultQuestion(
            Unsur.U9,
            _("What do you think of the quality of the facilities and infrastructure?"),
            (_("Poor"), _("Fair"), _("Good"), _("Very good")),
        ),
    )
}

__all__ = ["DEFAULT_QUESTIONS", "QUESTIONNAIRE_ORDER", "UNSUR_NAMES", "DefaultQuestion"]
