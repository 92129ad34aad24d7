"""The access matrix of the API, walked again with personal tokens: each user's
token gets exactly what the user's session gets (tests/access_cases_api.py), and a
request without a token what an anonymous visitor gets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.api.tokens import token_issue
from tests.access import USERS
from tests.access_cases_api import CASES

API_CASES = [case for case in CASES if case.name.startswith("api:")]


@pytest.mark.parametrize("case", API_CASES, ids=lambda case: case.label or case.name)
def test_token_gets_what_the_session_gets(case, org, users, client):
    """Each user's token gets the status the matrix expects for that user."""
    url = reverse(case.name, kwargs=case.kwargs(org))
    got = {}
    for name in USERS:
        headers = {}
        if name != "anonymous":
            _, secret = token_issue(user=users[name], name="matrix")
            headers["Authorization"] = f"Bearer {secret}"
        got[name] = getattr(client, case.method)(url, headers=headers).status_code
    mismatches = {
        name: (got[name], case.expected[name])
        for name in USERS
        if got[name] != case.expected[name]
    }
    assert not mismatches, f"{url}: user -> (got, expected): {mismatches}"
