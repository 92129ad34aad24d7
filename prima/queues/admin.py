from django.contrib import admin

from prima.core.admin import SuperuserOnlyMixin
from prima.queues.models import Service, Ticket, Venue


@admin.register(Venue)
class VenueAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "pemda", "active"]


@admin.register(Service)
class ServiceAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["prefix", "name", "venue", "daily_quota", "active"]


@admin.register(Ticket)
class TicketAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["__str__", "venue", "day", "state", "priority"]
    list_filter = ["state"]
    # Tickets move only through the counter's state machine (prima.queues.services).
    readonly_fields = [f.name for f in Ticket._meta.fields if f.name != "phone"]
    # A visitor's phone number is for the messages only.
    exclude = ["phone"]
