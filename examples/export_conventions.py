#!/usr/bin/env python3
"""Exports a centre's conventions of one academic year to a CSV file.

    export_conventions.py --centre 1 --academic-year 2026-2027 --output conventions.csv

Reads every page of GET /api/conventions for the centre and the year and
writes one line per convention (UTF-8, semicolons, a header line). A
token with the `read` scope is enough; it sees what its user sees (a
manager, the conventions of their centres).
"""

import csv
import datetime
import sys

from common import arguments, connect, expect, run
from stages_client.api.conventions import search_conventions
from stages_client.models import PageConventionSummary
from stages_client.types import UNSET

COLUMNS = [
    "number",
    "status",
    "student_number",
    "student_last_name",
    "student_first_name",
    "organisation_name",
    "start_date",
    "end_date",
    "updated_at",
]


def conventions(client, centre: int, year: str):
    """Every convention of the centre and year, page after page."""
    cursor = UNSET
    while True:
        page = expect(
            "search",
            search_conventions.sync(client=client, centre_id=centre, academic_year=year, limit=100, cursor=cursor),
            PageConventionSummary,
        )
        yield from page.items
        if not isinstance(page.next_cursor, str):
            return
        cursor = page.next_cursor


def cell(value) -> str:
    if value is None or value is UNSET:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(getattr(value, "value", value))  # an enumeration's value


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--centre", required=True, type=int, help="the centre's id")
    parser.add_argument("--academic-year", required=True, help="e.g. 2026-2027")
    parser.add_argument("--output", required=True, help="the CSV file to write")
    args = parser.parse_args()
    client = connect(args)
    count = 0
    with open(args.output, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(COLUMNS)
        for summary in conventions(client, args.centre, args.academic_year):
            writer.writerow([cell(getattr(summary, c)) for c in COLUMNS])
            count += 1
    print(f"{count} convention(s) written to {args.output}")
    return 0


if __name__ == "__main__":
    run(main)
