"""URLs of the MPP queue's public pages: the kiosk, a ticket, the display board."""

from django.urls import path

from prima.queues import public_views as views

app_name = "mpp"
urlpatterns = [
    path("mpp/kiosk/<str:token>/", views.kiosk, name="kiosk"),
    path(
        "mpp/kiosk/<str:token>/check-in/",
        views.kiosk_check_in,
        name="kiosk_check_in",
    ),
    path("mpp/kiosk/<str:token>/<str:code>/", views.kiosk_ticket, name="kiosk_ticket"),
    path("mpp/<id:pk>/layar/", views.board, name="board"),
    path("mpp/<id:pk>/pesan/", views.booking, name="booking"),
    path("mpp/pesanan/<str:code>/", views.booking_detail, name="booking_detail"),
    path("mpp/<id:pk>/layar.json", views.board_data, name="board_data"),
    path("antrian/<str:code>/", views.ticket, name="ticket"),
]
