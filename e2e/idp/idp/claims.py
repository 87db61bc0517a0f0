"""Claims of the OpenID Connect provider, read from the test directory:
the standard ones (scopes profile and email) and the university's
(scope `university`: eduPersonAffiliation and the student number)."""
from django.utils.translation import gettext_lazy as _
from oidc_provider.lib.claims import ScopeClaims

from idp.backends import find


def first(attributes, name):
    values = attributes.get(name) or []
    return values[0] if values else ""


def userinfo(claims, user):
    found = find(user.username)
    if found is None:
        return claims
    _, attributes = found
    claims["preferred_username"] = user.username
    claims["name"] = first(attributes, "displayName")
    claims["given_name"] = first(attributes, "givenName")
    claims["family_name"] = first(attributes, "sn")
    claims["email"] = first(attributes, "mail")
    return claims


class UniversityClaims(ScopeClaims):
    info_university = (_("University"), _("Your affiliations and student number."))

    def scope_university(self):
        found = find(self.user.username)
        if found is None:
            return {}
        _, attributes = found
        return {
            "eduperson_affiliation": list(attributes.get("eduPersonAffiliation") or []),
            "supann_etu_id": first(attributes, "employeeNumber"),
        }
