from django.contrib.auth import views as auth_views
from django.urls import include, path

from idp import views

urlpatterns = [
    path("cas/", include("cas_server.urls", namespace="cas_server")),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("test/stages-servers", views.register_stages_server),
]
