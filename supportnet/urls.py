"""Top-level URLs. Each app owns its own `urls.py`."""

from django.contrib import admin
from django.urls import include, path

from supportnet.accounts import views as account_views
from supportnet.accounts.views import LogoutView
from supportnet.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("brand.css", core_views.brand_css, name="brand_css"),
    path("brand/logo", core_views.brand_logo, name="brand_logo"),
    path("contact/", core_views.contact, name="contact"),
    path("safeguarding/", core_views.safeguarding, name="safeguarding"),
    path("accounts/logout/", LogoutView.as_view(), name="account_logout"),
    path("accounts/privacy/", account_views.privacy, name="account_privacy"),
    path(
        "accounts/privacy/export/<int:export_id>/",
        account_views.export_download,
        name="account_export_download",
    ),
    path("accounts/", include("allauth.urls")),
    path("groups/", include("groups.urls")),
    path("resources/", include("resources.urls")),
    path("moderation/", include("moderation.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "supportnet.core.views.bad_request"
handler403 = "supportnet.core.views.permission_denied"
handler404 = "supportnet.core.views.page_not_found"
handler500 = "supportnet.core.views.server_error"
