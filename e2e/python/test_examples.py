"""The scripts of examples/ against a live server, as a third party runs
them: each in its own process, with a personal API token.

`cargo xtask test` starts the server, generates the client and issues the
tokens (issue_tokens.py), then runs this file with STAGES_URL and
STAGES_TOKENS (the directory of the tokens) set.
"""

import csv
import os
import pathlib
import re
import subprocess
import sys

import pytest
from stages_client import AuthenticatedClient
from stages_client.api.conventions import search_conventions
from stages_client.api.organisations import search_organisations
from stages_client.models import PageConventionSummary, PageOrganisationRow

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
URL = os.environ.get("STAGES_URL", "http://127.0.0.1:8080")
TOKENS = pathlib.Path(os.environ.get("STAGES_TOKENS", "tokens"))


def token(role: str) -> str:
    return (TOKENS / f"{role}.token").read_text().strip()


def client(role: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=URL, token=token(role))


def script(name: str, *args: str, role: str, cwd: pathlib.Path) -> subprocess.CompletedProcess:
    """Runs examples/NAME as its user would, and shows what it printed."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=cwd,
        env={**os.environ, "STAGES_URL": URL, "STAGES_TOKEN": token(role)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    print(f"$ {name} {' '.join(args)} -> {done.returncode}\n{done.stdout}{done.stderr}")
    return done


def recorded(siret: str) -> bool:
    page = search_organisations.sync(client=client("admin"), siret=siret)
    assert isinstance(page, PageOrganisationRow), page
    return bool(page.items)


def test_a_file_with_bad_lines_imports_nothing_and_reports_each(tmp_path):
    done = script("import_organisations.py", str(EXAMPLES / "organisations-with-errors.csv"), role="manager", cwd=tmp_path)
    assert done.returncode == 1
    reported = {int(n): reason for n, reason in re.findall(r"^line (\d+): (.*)$", done.stderr, re.MULTILINE)}
    assert sorted(reported) == [3, 4, 5, 6, 7, 8], done.stderr
    assert reported[3].startswith("siret:") and "(ID-01)" in reported[3]
    assert reported[4].startswith("postal_code:")
    assert reported[5] == "siret: already on line 2"
    assert reported[6].startswith("siret: required")
    assert reported[7].startswith("headcount:")
    assert reported[8].startswith("kind:")
    assert "nothing imported" in done.stderr
    assert not recorded("90123460900013"), "the good line 2 was imported"


def test_an_import_creates_then_recognises_by_siret(tmp_path):
    first = script("import_organisations.py", str(EXAMPLES / "organisations.csv"), role="manager", cwd=tmp_path)
    assert first.returncode == 0
    assert "3 created, 0 already recorded" in first.stdout
    for siret in ["90123457500016", "90123458300010", "90123459100013"]:
        assert recorded(siret)
    again = script("import_organisations.py", str(EXAMPLES / "organisations.csv"), role="manager", cwd=tmp_path)
    assert again.returncode == 0
    assert "0 created, 3 already recorded" in again.stdout


@pytest.fixture(scope="module")
def convention(tmp_path_factory):
    """The convention create_convention.py makes, with where its PDFs went."""
    out = tmp_path_factory.mktemp("pdf")
    done = script(
        "create_convention.py",
        "--student", "22401234",
        "--academic-year", "2026-2027",
        "--programme", "M1-INFO",
        "--supervisor", "enseignant",
        "--output-dir", str(out),
        role="manager",
        cwd=out,
    )
    assert done.returncode == 0
    number = re.search(r"^convention (\S+): validated$", done.stdout, re.MULTILINE)
    assert number, done.stdout
    assert re.search(r"^amendment 1: validated on \d{4}-\d\d-\d\d$", done.stdout, re.MULTILINE)
    return number.group(1), out


def test_a_manager_creates_validates_and_amends_a_convention(convention):
    number, out = convention
    for pdf in [out / f"{number}.pdf", out / f"{number}-avenant-1.pdf"]:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf


def test_a_centre_s_year_exports_to_csv(convention, tmp_path):
    number, _ = convention
    found = search_conventions.sync(client=client("manager"), q=number)
    assert isinstance(found, PageConventionSummary) and found.items, found
    centre = found.items[0].centre_id
    output = tmp_path / "conventions.csv"
    done = script(
        "export_conventions.py",
        "--centre", str(centre),
        "--academic-year", "2026-2027",
        "--output", str(output),
        role="manager",
        cwd=tmp_path,
    )
    assert done.returncode == 0
    with open(output, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    mine = [r for r in rows if r["number"] == number]
    assert len(mine) == 1 and mine[0]["status"] == "validated", rows
    assert mine[0]["organisation_name"] == "Atelier Numérique du Doubs"
    assert f"{len(rows)} convention(s) written" in done.stdout
    assert len(rows) > 1, "the demo conventions of the centre's year are missing"
