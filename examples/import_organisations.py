#!/usr/bin/env python3
"""Imports host organisations from a CSV file, idempotently by SIRET.

    import_organisations.py organisations.csv [--url URL] [--token stg_…]

The file is UTF-8, separated by semicolons, with a header line naming the
columns: `siret;name;street;postal_code;city` are required, and
`street2;country_code;naf_code;activity;headcount;kind;legal_status_code;
phone;email;website` may follow (the fields of POST /api/organisations).

Every line is checked first, by the server (`dry_run=true`: the same rules
as a creation, nothing recorded); an organisation whose SIRET is already
recorded is left as it is. When a line is refused, every refused line is
reported with its number and reason and nothing is created (exit status 1).
Otherwise the new organisations are created, so a second run creates
nothing. Needs a token with the `write` scope.
"""

import csv
import sys
from dataclasses import dataclass

from common import Refused, arguments, connect, describe, expect, run
from stages_client.api.organisations import create_organisation, search_organisations
from stages_client.models import (
    OrganisationInput,
    OrganisationKind,
    OrganisationRow,
    PageOrganisationRow,
    Problem,
)

REQUIRED = ["siret", "name", "street", "postal_code", "city"]
OPTIONAL = [
    "street2",
    "country_code",
    "naf_code",
    "activity",
    "headcount",
    "kind",
    "legal_status_code",
    "phone",
    "email",
    "website",
]


@dataclass
class Line:
    number: int
    siret: str
    organisation: OrganisationInput


def read(path: str) -> tuple[list[Line], list[str]]:
    """The lines that parse, and a message for each one that does not."""
    errors: list[str] = []
    lines: list[Line] = []
    with open(path, newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file, delimiter=";")
        columns = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in columns]
        unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
        if missing or unknown:
            problems = [f"missing column {c}" for c in missing] + [f"unknown column {c}" for c in unknown]
            return [], [f"line 1: {'; '.join(problems)}"]
        first_line_of: dict[str, int] = {}
        for row in reader:
            number = reader.line_num
            if None in row or any(v is None for v in row.values()):
                errors.append(f"line {number}: expected {len(columns)} columns")
                continue
            fields = {k: v.strip() for k, v in row.items() if v.strip()}
            siret = "".join(c for c in fields.get("siret", "") if c.isdigit())
            if not siret:
                errors.append(f"line {number}: siret: required, the import recognises organisations by it")
                continue
            if siret in first_line_of:
                errors.append(f"line {number}: siret: already on line {first_line_of[siret]}")
                continue
            first_line_of[siret] = number
            if "headcount" in fields:
                if not fields["headcount"].isdigit():
                    errors.append(f"line {number}: headcount: not a whole number")
                    continue
                fields["headcount"] = int(fields["headcount"])
            kinds = [k.value for k in OrganisationKind]
            if fields.get("kind", kinds[0]) not in kinds:
                errors.append(f"line {number}: kind: not one of {', '.join(kinds)}")
                continue
            lines.append(Line(number, siret, OrganisationInput.from_dict(fields)))
    return lines, errors


def recorded(client, siret: str) -> OrganisationRow | None:
    page = expect(
        f"search of SIRET {siret}",
        search_organisations.sync(client=client, siret=siret),
        PageOrganisationRow,
    )
    return page.items[0] if page.items else None


def check(client, line: Line) -> list[str]:
    """The server's objections to creating the line's organisation."""
    answer = create_organisation.sync_detailed(client=client, body=line.organisation, dry_run=True)
    if answer.status_code == 204:
        return []
    if isinstance(answer.parsed, Problem):
        return [f"line {line.number}: {reason}" for reason in describe(answer.parsed)]
    return [f"line {line.number}: unexpected answer {answer.status_code}"]


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("file", help="the CSV file")
    args = parser.parse_args()
    client = connect(args)
    lines, errors = read(args.file)
    new: list[Line] = []
    present = 0
    for line in lines:
        try:
            if recorded(client, line.siret):
                present += 1
                continue
        except Refused:
            pass  # a malformed SIRET: the check below says why, with the other fields
        objections = check(client, line)
        errors.extend(objections)
        if not objections:
            new.append(line)
    if errors:
        errors.sort(key=lambda e: int(e.split(":")[0].removeprefix("line ")))
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} error(s): nothing imported", file=sys.stderr)
        return 1
    for line in new:
        created = expect(
            f"line {line.number}",
            create_organisation.sync(client=client, body=line.organisation),
            OrganisationRow,
        )
        print(f"line {line.number}: created organisation {created.id} ({created.name})")
    print(f"{len(new)} created, {present} already recorded")
    return 0


if __name__ == "__main__":
    run(main)
