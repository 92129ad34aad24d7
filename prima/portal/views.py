from django.http import HttpResponse
from django.template.response import TemplateResponse


def home(request):
    return TemplateResponse(request, "portal/home.html", {})


def staff_home(request):
    return TemplateResponse(request, "portal/staff_home.html", {})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def pemda_home(request, pemda_slug):
    return TemplateResponse(request, "portal/home.html", {})


directory = service_detail = unit_detail = pemda_home
