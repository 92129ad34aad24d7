"""Django's admin applies no Pemda scoping, so every Prima model in it is for active
superusers (platform operators) alone, whatever model permissions a user holds."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory

from prima.accounts.testing import make_account

pytestmark = pytest.mark.django_db

PRIMA_ADMINS = [
    model_admin
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_config.name.startswith("prima.")
]


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


@pytest.mark.parametrize("model_admin", PRIMA_ADMINS, ids=str)
def test_staff_with_every_permission_is_kept_out(model_admin):
    staff = make_account(is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    request = _request(staff)
    assert not model_admin.has_module_permission(request)
    assert not model_admin.has_view_permission(request)


@pytest.mark.parametrize("model_admin", PRIMA_ADMINS, ids=str)
def test_an_active_superuser_may_look(model_admin):
    operator = make_account(is_superuser=True, is_staff=True)
    assert model_admin.has_view_permission(_request(operator))
