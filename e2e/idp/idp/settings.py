"""Settings of the test identity providers: a CAS server
(django-cas-server) and an OpenID Connect provider (django-oidc-provider),
both over the test LDAP directory. Everything that changes from one
run to the next comes from the environment that xtask sets:

- IDP_DATA: a directory for the SQLite database;
- IDP_LDAP_URL, IDP_LDAP_BASE_DN, IDP_LDAP_BIND_DN, IDP_LDAP_BIND_PASSWORD:
  the test directory (e2e/ldap/directory.ldif), where CAS checks passwords
  by binding as the person and reads the attributes it releases.
"""
import os
from pathlib import Path

DATA = Path(os.environ.get("IDP_DATA", "."))

SECRET_KEY = os.environ.get("IDP_SECRET_KEY", "stages-test-idp-only")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "cas_server",
    "oidc_provider",
    "idp",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

ROOT_URLCONF = "idp.urls"
# The tests sign people in from several processes at once: writers wait
# for the lock (and take it at the start of a transaction) rather than
# fail with "database is locked".
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA / "idp.sqlite3"),
        "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
    }
}
LANGUAGE_CODE = "fr"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# CAS: passwords and attributes from the test directory, as a university's
# CAS reads its LDAP.
CAS_AUTH_CLASS = "cas_server.auth.LdapAuthUser"
CAS_LDAP_SERVER = os.environ.get("IDP_LDAP_URL", "ldap://127.0.0.1:389")
CAS_LDAP_USER = os.environ.get("IDP_LDAP_BIND_DN")
CAS_LDAP_PASSWORD = os.environ.get("IDP_LDAP_BIND_PASSWORD")
CAS_LDAP_BASE_DN = os.environ.get("IDP_LDAP_BASE_DN")
CAS_LDAP_USER_QUERY = "(uid=%(username)s)"
CAS_LDAP_USERNAME_ATTR = "uid"
CAS_LDAP_PASSWORD_CHECK = "bind"
CAS_LDAP_ATTRS_VIEW = 0
# A service ticket lives 8 seconds (Apereo CAS's default is 10): the tests
# wait that long to show what an expired ticket does.
CAS_TICKET_VALIDITY = 8
CAS_SLO_TIMEOUT = 5
CAS_NEW_VERSION_HTML_WARNING = False
CAS_NEW_VERSION_EMAIL_WARNING = False
CAS_SHOW_POWERED = False
CAS_INFO_MESSAGES_ORDER = []

# OpenID Connect: people sign in on Django's login form, checked against
# the same directory (idp.backends.DirectoryBackend); the claims come from
# the directory too (idp.claims).
AUTHENTICATION_BACKENDS = ["idp.backends.DirectoryBackend"]
LOGIN_URL = "/accounts/login/"
OIDC_USERINFO = "idp.claims.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "idp.claims.UniversityClaims"
OIDC_IDTOKEN_INCLUDE_CLAIMS = False
OIDC_SESSION_MANAGEMENT_ENABLE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"cas_server": {"handlers": ["console"], "level": "INFO"}},
}
