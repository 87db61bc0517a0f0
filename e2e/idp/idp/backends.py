"""Django sign-in against the test directory: bind as the person with the
password typed, as a university's identity provider does; the Django user
is created on first sign-in and only carries the username."""
import ldap3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend


def find(username):
    """The directory entry of `username` (dn and attributes), or None."""
    server = ldap3.Server(settings.CAS_LDAP_SERVER)
    with ldap3.Connection(
        server, settings.CAS_LDAP_USER, settings.CAS_LDAP_PASSWORD, auto_bind=True
    ) as conn:
        query = "(uid=%s)" % ldap3.utils.conv.escape_filter_chars(username)
        if conn.search(settings.CAS_LDAP_BASE_DN, query, attributes=ldap3.ALL_ATTRIBUTES):
            if len(conn.entries) == 1:
                entry = conn.entries[0]
                return entry.entry_dn, entry.entry_attributes_as_dict
    return None


class DirectoryBackend(BaseBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        found = find(username)
        if found is None:
            return None
        dn, _ = found
        try:
            ldap3.Connection(
                ldap3.Server(settings.CAS_LDAP_SERVER), dn, password, auto_bind=True
            ).unbind()
        except ldap3.core.exceptions.LDAPException:
            return None
        user, _ = get_user_model().objects.get_or_create(username=username)
        return user

    def get_user(self, user_id):
        return get_user_model().objects.filter(pk=user_id).first()
