"""What every example shares: the connection and the reading of problems.

The scripts use the client generated from Stages' OpenAPI document
(`cargo xtask client`, into target/stages-client). They authenticate with a
personal API token, which an administrator creates for a user
(POST /api/admin/api-tokens); the token acts with that user's rights.
"""

import argparse
import os
import sys

try:
    from stages_client import AuthenticatedClient
    from stages_client.models import Problem
except ImportError:  # pragma: no cover - a message for the person running the script
    sys.exit(
        "stages_client not found: run `cargo xtask client` and put target/stages-client "
        "on PYTHONPATH"
    )


def arguments(description: str) -> argparse.ArgumentParser:
    """A parser with the connection options every script takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--url",
        default=os.environ.get("STAGES_URL", "http://127.0.0.1:8080"),
        help="the server (default: $STAGES_URL or http://127.0.0.1:8080)",
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("STAGES_TOKEN"),
        help="a personal API token, stg_… (default: $STAGES_TOKEN)",
    )
    return parser


def connect(args: argparse.Namespace) -> AuthenticatedClient:
    if not args.token:
        sys.exit("no API token: pass --token or set STAGES_TOKEN")
    return AuthenticatedClient(base_url=args.url, token=args.token, raise_on_unexpected_status=True)


def describe(problem: Problem) -> list[str]:
    """One line per violation (field, message, rule), or the problem's title
    and detail when it names no field."""
    violations = problem.violations if isinstance(problem.violations, list) else []
    if not violations:
        detail = problem.detail if isinstance(problem.detail, str) else ""
        return [f"{problem.title}{': ' + detail if detail else ''} ({problem.code})"]
    return [
        f"{v.field}: {v.message} ({v.rule}{'' if v.severity == 'error' else ', ' + v.severity})"
        for v in violations
    ]


class Refused(Exception):
    """The server refused a call the script needs; carries the problem."""

    def __init__(self, what: str, problem: Problem):
        super().__init__(f"{what}: " + "; ".join(describe(problem)))


def expect(what: str, result, wanted: type):
    """The parsed body when it is of the wanted type, else raises with the
    server's explanation."""
    if isinstance(result, wanted):
        return result
    if isinstance(result, Problem):
        raise Refused(what, result)
    raise RuntimeError(f"{what}: unexpected answer {result!r}")


def run(main) -> None:
    """Runs a script's main function: a refusal ends it with the server's
    explanation on stderr and exit status 1, rather than a traceback."""
    try:
        sys.exit(main())
    except Refused as e:
        sys.exit(str(e))
