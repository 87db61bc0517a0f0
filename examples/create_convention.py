#!/usr/bin/env python3
"""Creates a convention for a student end to end, as a centre's manager.

    create_convention.py --student 22401234 --academic-year 2026-2027 \\
        --programme M1-INFO --supervisor enseignant --output-dir out/

Records the host (organisation found by SIRET or created, its service, the
tutor and the signatory, found by e-mail or created), creates the draft for
the student, fills the wizard's steps, creates the convention (it gets its
number), gives every validation level the centre enables, writes an
amendment that extends the internship by two weeks and validates it, then
downloads the agreement and the amendment as PDF files. Prints the
convention's number. Needs a manager's token with the `read` and `write`
scopes.

The host and the internship below are an example: adapt them.
"""

import datetime
import pathlib
import sys

from common import arguments, connect, expect, run
from stages_client.api.amendments import create_amendment, list_amendments, validate_amendment
from stages_client.api.centres import get_centre
from stages_client.api.conventions import (
    create_convention_draft,
    save_host_service_step,
    save_internship_step,
    save_organisation_step,
    save_signatory_step,
    save_student_step,
    save_supervisor_step,
    save_tutor_step,
    submit_convention,
    validate_convention,
)
from stages_client.api.documents import get_amendment_pdf, get_convention_pdf
from stages_client.api.organisations import (
    create_contact,
    create_host_service,
    create_organisation,
    list_contacts,
    list_host_services,
    search_organisations,
)
from stages_client.api.students import search_students
from stages_client.models import (
    AmendmentInput,
    AmendmentView,
    Centre,
    ContactChoice,
    ContactInput,
    ContactRow,
    ConventionView,
    HostServiceChoice,
    HostServiceInput,
    HostServiceRow,
    Internship,
    NewConvention,
    OrganisationChoice,
    OrganisationInput,
    OrganisationRow,
    PageOrganisationRow,
    PageStudent,
    StudentStepInput,
    SupervisorChoice,
)
from stages_client.types import File

HOST = {
    "siret": "90123456700013",
    "name": "Atelier Numérique du Doubs",
    "street": "8 avenue Léon Blum",
    "postal_code": "25200",
    "city": "Montbéliard",
    "naf_code": "62.01Z",
    "headcount": 45,
    "kind": "private_company",
    "phone": "03 81 90 00 00",
    "email": "contact@atelier-numerique.fr",
}
SERVICE = {
    "name": "Pôle développement",
    "street": "8 avenue Léon Blum",
    "postal_code": "25200",
    "city": "Montbéliard",
    "phone": "03 81 90 00 01",
}
TUTOR = {
    "civility": "mr",
    "last_name": "Girard",
    "first_name": "Julien",
    "position": "Responsable du pôle développement",
    "email": "julien.girard@atelier-numerique.fr",
    "phone": "03 81 90 00 02",
}
SIGNATORY = {
    "civility": "ms",
    "last_name": "Roux",
    "first_name": "Hélène",
    "position": "Directrice générale",
    "email": "helene.roux@atelier-numerique.fr",
    "phone": "03 81 90 00 03",
}
STUDENT_STEP = {
    "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
    "personal_email": "stagiaire@example.org",
    "mobile_phone": "06 12 34 56 78",
    "health_insurance": {"fund": "CPAM du Doubs"},
}
INTERNSHIP = {
    "convention_type": "initial_mandatory",
    "theme": {"code": "computing", "label": ""},
    "language": "fr",
    "subject": "Application de suivi des interventions",
    "tasks": "Analyse des besoins, développement d'une application web, tests.",
    "skills": "Conduite de projet, développement web, travail en équipe.",
    "start": "2027-01-04",
    "end": "2027-03-26",
    "interruptions": [],
    "regular_schedule": True,
    "weekly_minutes": 35 * 60,
    "days_per_week": 5,
    "schedule_periods": [],
    "working_time": "full_time",
    "presence_type": "continuous",
    "leave_days": 5,
    "stipend_paid": True,
    "stipend": {
        "amount_cents": 70000,
        "currency": "EUR",
        "basis": "gross",
        "unit": "month",
        "payment_mode": "bank_transfer",
    },
    "supervision_mode": "Point hebdomadaire avec le tuteur, visite de l'enseignant à mi-parcours.",
    "work_to_deliver": {"code": "report", "label": ""},
    "validation_mode": {"code": "defence", "label": ""},
    "confidentiality": "none",
    "night_sunday_holiday_work": "Aucun",
    "found_through": "spontaneous_application",
    "benefits": "Titres-restaurant",
}
EXTENSION = datetime.timedelta(weeks=2)


def etag(version: int) -> str:
    """The If-Match value of a version read: updates carry it, and a stale
    one is refused (412) rather than overwriting someone's change."""
    return f'"{version}"'


def organisation(client) -> OrganisationRow:
    found = expect(
        "search of the host",
        search_organisations.sync(client=client, siret=HOST["siret"]),
        PageOrganisationRow,
    )
    if found.items:
        return found.items[0]
    return expect(
        "creation of the host",
        create_organisation.sync(client=client, body=OrganisationInput.from_dict(HOST)),
        OrganisationRow,
    )


def service(client, organisation_id: int) -> HostServiceRow:
    existing = expect(
        "services of the host",
        list_host_services.sync(organisation_id, client=client),
        list,
    )
    for row in existing:
        if row.name == SERVICE["name"]:
            return row
    return expect(
        "creation of the service",
        create_host_service.sync(organisation_id, client=client, body=HostServiceInput.from_dict(SERVICE)),
        HostServiceRow,
    )


def contact(client, service_id: int, person: dict) -> ContactRow:
    existing = expect("contacts of the service", list_contacts.sync(service_id, client=client), list)
    for row in existing:
        if row.email == person["email"]:
            return row
    return expect(
        f"creation of {person['first_name']} {person['last_name']}",
        create_contact.sync(service_id, client=client, body=ContactInput.from_dict(person)),
        ContactRow,
    )


def student_id(client, number: str) -> int:
    found = expect("search of the student", search_students.sync(client=client, q=number), PageStudent)
    for student in found.items:
        if student.student_number == number:
            return student.id
    sys.exit(f"no student {number} in the registry")


def fill(client, conv: ConventionView, steps) -> ConventionView:
    """Saves each step in turn, each with the version the previous returned."""
    for name, save, body in steps:
        conv = expect(
            f"step {name}",
            save.sync(conv.id, client=client, body=body, if_match=etag(conv.version)),
            ConventionView,
        )
    return conv


def validate(client, conv: ConventionView) -> ConventionView:
    centre = expect("the centre", get_centre.sync(conv.centre.id, client=client), Centre)
    for level in centre.settings.validation_levels:
        conv = expect(
            f"validation {level.value}",
            validate_convention.sync(conv.id, level, client=client, if_match=etag(conv.version)),
            ConventionView,
        )
    return conv


def amend(client, conv: ConventionView) -> AmendmentView:
    start = datetime.date.fromisoformat(INTERNSHIP["start"])
    end = datetime.date.fromisoformat(INTERNSHIP["end"]) + EXTENSION
    body = AmendmentInput.from_dict(
        {
            "title": "Prolongation du stage",
            "reason": "Le projet a pris deux semaines de retard.",
            "changes": [{"kind": "dates", "start": start.isoformat(), "end": end.isoformat()}],
        }
    )
    conv = expect(
        "the amendment",
        create_amendment.sync(conv.id, client=client, body=body, if_match=etag(conv.version)),
        ConventionView,
    )
    amendments = expect("amendments", list_amendments.sync(conv.id, client=client), list)
    amendment = amendments[-1]
    return expect(
        "validation of the amendment",
        validate_amendment.sync(amendment.id, client=client, if_match=etag(amendment.version)),
        AmendmentView,
    )


def download(what: str, answer, path: pathlib.Path) -> None:
    if not isinstance(answer, File):
        raise RuntimeError(f"{what}: no PDF ({answer!r})")
    path.write_bytes(answer.payload.read())
    print(f"{what}: {path}")


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--student", required=True, help="the student number")
    parser.add_argument("--academic-year", required=True, help="e.g. 2026-2027")
    parser.add_argument("--programme", required=True, help="code of the enrolment's programme, e.g. M1-INFO")
    parser.add_argument("--supervisor", required=True, help="directory uid of the academic supervisor")
    parser.add_argument("--output-dir", default=".", type=pathlib.Path, help="where the PDFs go")
    args = parser.parse_args()
    client = connect(args)

    host = organisation(client)
    place = service(client, host.id)
    tutor = contact(client, place.id, TUTOR)
    signatory = contact(client, place.id, SIGNATORY)
    draft = expect(
        "the draft",
        create_convention_draft.sync(
            client=client,
            body=NewConvention(
                academic_year=args.academic_year,
                programme_code=args.programme,
                student_id=student_id(client, args.student),
            ),
        ),
        ConventionView,
    )
    conv = fill(
        client,
        draft,
        [
            ("student", save_student_step, StudentStepInput.from_dict(STUDENT_STEP)),
            ("organisation", save_organisation_step, OrganisationChoice(organisation_id=host.id)),
            ("host service", save_host_service_step, HostServiceChoice(host_service_id=place.id)),
            ("tutor", save_tutor_step, ContactChoice(contact_id=tutor.id)),
            ("internship", save_internship_step, Internship.from_dict(INTERNSHIP)),
            ("supervisor", save_supervisor_step, SupervisorChoice(uid=args.supervisor)),
            ("signatory", save_signatory_step, ContactChoice(contact_id=signatory.id)),
        ],
    )
    conv = expect(
        "creation",
        submit_convention.sync(conv.id, client=client, if_match=etag(conv.version)),
        ConventionView,
    )
    conv = validate(client, conv)
    print(f"convention {conv.number}: {conv.status.value}")
    amendment = amend(client, conv)
    print(f"amendment {amendment.position}: validated on {amendment.validated_on}")

    args.output_dir.mkdir(parents=True, exist_ok=True)
    download("agreement", get_convention_pdf.sync(conv.id, client=client), args.output_dir / f"{conv.number}.pdf")
    download(
        "amendment",
        get_amendment_pdf.sync(amendment.id, client=client),
        args.output_dir / f"{conv.number}-avenant-{amendment.position}.pdf",
    )
    return 0


if __name__ == "__main__":
    run(main)
