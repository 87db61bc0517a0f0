#!/usr/bin/env python3
"""Gives each demo role a personal API token, the way an administrator
would: signs in as `admin`, learns each demo user's id from their own
sign-in, and creates a `read`+`write` token for them.

    issue_tokens.py URL DIR

writes DIR/<role>.token for student, supervisor, manager and admin.
"""

import pathlib
import sys

from stages_client import AuthenticatedClient, Client
from stages_client.api.admin import create_api_token
from stages_client.api.auth import login
from stages_client.models import CreatedApiToken, LoginRequest, LoginResponse, NewApiToken, Scope

DEMO_PASSWORD = "demo"
ROLES = {
    "student": "etudiant",
    "supervisor": "enseignant",
    "manager": "gestionnaire",
    "admin": "admin",
}


def sign_in(url: str, username: str) -> LoginResponse:
    answer = login.sync(client=Client(base_url=url), body=LoginRequest(username=username, password=DEMO_PASSWORD))
    if not isinstance(answer, LoginResponse):
        sys.exit(f"{username} cannot sign in: {answer!r}")
    return answer


def main() -> int:
    url, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    directory.mkdir(parents=True, exist_ok=True)
    admin = AuthenticatedClient(base_url=url, token=sign_in(url, "admin").access_token)
    for role, username in ROLES.items():
        user = sign_in(url, username).user
        created = create_api_token.sync(
            client=admin,
            body=NewApiToken(user_id=user.id, name=f"tests ({role})", scopes=[Scope.READ, Scope.WRITE]),
        )
        if not isinstance(created, CreatedApiToken):
            sys.exit(f"no token for {username}: {created!r}")
        (directory / f"{role}.token").write_text(created.token)
        print(f"{role}: token {created.id} for {username} (user {user.id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
