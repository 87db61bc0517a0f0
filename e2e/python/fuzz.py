#!/usr/bin/env python3
"""Contract fuzzing: schemathesis against the served OpenAPI document, with
the API token of each role in turn, over every operation.

    fuzz.py REPORT_DIR        (STAGES_URL and STAGES_TOKENS set, as for the examples)

A run fails on a 5xx, on an answer the document does not describe (status,
content type, headers, body), on a request the document forbids that is
accepted with a 2xx, and on an operation that answers without the token.
Each role's run is bounded in examples and in time; the totals are printed.
The JSON report and a reproduction file of each role are in REPORT_DIR.
"""

import json
import os
import pathlib
import subprocess
import sys
import time

ROLES = ["student", "supervisor", "manager", "admin"]
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "ignored_auth",
]
# Cases per operation, and seconds per run (fuzzing repeats until they are
# spent): four roles stay within about four minutes on a two-core machine.
MAX_EXAMPLES = 10
MAX_SECONDS = 40
LAST_SECONDS = 5
# The same cases on every run: a finding reproduces, and CI does not flicker.
SEED = 9


# The administrator's token could revoke itself (DELETE /api/admin/api-tokens/{id}
# with its own id) and leave the rest of the run at 401: that operation
# runs alone, after the others.
LAST = "revoke_api_token"


def fuzz(url: str, token: str, reports: pathlib.Path, selection: list[str], seconds: int) -> dict:
    report = reports / "report.json"
    command = [
        str(pathlib.Path(sys.executable).parent / "schemathesis"),
        "--config-file",
        str(pathlib.Path(__file__).with_name("schemathesis.toml")),
        "run",
        *selection,
        f"{url}/api/openapi.json",
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--max-time",
        str(seconds),
        "--seed",
        str(SEED),
        # One request at a time: on SQLite, two concurrent transactions that
        # read then write can still collide (503, "send the request again"),
        # a limit of the embedded backend rather than of the contract.
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "json,pytest",
        "--report-dir",
        str(reports),
        "--report-json-path",
        str(report),
    ]
    # The hooks module (bodies of media types schemathesis does not
    # generate by itself) is imported from this folder.
    env = dict(os.environ)
    env["SCHEMATHESIS_HOOKS"] = "fuzz_hooks"
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(pathlib.Path(__file__).parent), env.get("PYTHONPATH")])
    )
    done = subprocess.run(command, env=env)
    summary = json.loads(report.read_text())
    summary["exit_status"] = done.returncode
    return summary


def main() -> int:
    reports = pathlib.Path(sys.argv[1])
    url = os.environ["STAGES_URL"]
    tokens = pathlib.Path(os.environ["STAGES_TOKENS"])
    lines = []
    failed = False
    for role in ROLES:
        token = (tokens / f"{role}.token").read_text().strip()
        start = time.monotonic()
        tested = total = cases = problems = 0
        for name, selection, seconds in [
            ("others", ["--exclude-operation-id", LAST], MAX_SECONDS),
            (LAST, ["--include-operation-id", LAST], LAST_SECONDS),
        ]:
            print(f"\n--- schemathesis as {role}: {name}", flush=True)
            summary = fuzz(url, token, reports / role / name, selection, seconds)
            operations = summary["operations"] or {}
            tested += operations.get("tested", 0)
            total = max(total, operations.get("total", 0))
            cases += summary["test_cases"]["generated"]
            found = sum(f["count"] for f in summary["failures"]) + sum(e["count"] for e in summary["errors"])
            problems += found
            failed |= summary["exit_status"] != 0 or found > 0
        lines.append(
            f"{role:<10} {tested:>3} of {total:>3} operations {cases:>6} cases"
            f" {problems:>4} failures and errors {time.monotonic() - start:>6.1f} s"
        )
    print("\ncontract fuzzing, per role:")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
