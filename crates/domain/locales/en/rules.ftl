# Stages rule messages — English (French is the reference).
# One entry per key the stages-domain crate emits; the arguments are those
# the rule provides. Amounts and hours come as exact decimals ("1417.50");
# dates as YYYY-MM-DD.

field-required = This field is required.
text-too-long = This text is longer than { $max } characters.

## Identifiers

id-siret-format = A SIRET number has 14 digits.
id-siret-all-zero = A SIRET number cannot be all zeros.
id-siret-checksum = This SIRET number is not valid (wrong check digit).
id-siret-siren-checksum = This SIRET number is not valid: its first nine digits (the SIREN) have a wrong check digit.
id-siren-format = A SIREN number has 9 digits.
id-siren-all-zero = A SIREN number cannot be all zeros.
id-siren-checksum = This SIREN number is not valid (wrong check digit).
id-naf-format = A NAF code looks like 62.01Z (NAF rev. 2) or 62.10Y (NAF 2025).
id-postal-code-format = A French postcode has 5 digits and starts with a department number.
id-ine-format = An INE has 11 characters (9 digits and 2 letters, 10 digits and a letter, or 10 characters and a digit).
id-ine-checksum = This INE is not valid (wrong check character).
id-phone-format = Invalid phone number: 10 digits starting with 0, or international format (+33…).
fmt-email = Invalid e-mail address.
fmt-country = A country is given by its two-letter ISO code (FR, DE…).
fmt-currency = A currency is given by its three-letter ISO code (EUR, CHF…).
fmt-academic-year = An academic year looks like 2025-2026.
fmt-convention-number = A convention number looks like 2026-000123.
fmt-days-per-week = Days worked per week range from 0.5 to 6, in half days.
fmt-validation-order = A validation level can be listed only once.

## Convention rules

id-03-siret-required = The SIRET number is required for a host in France.
id-04-naf-or-activity-required = Give the NAF code or, failing that, the host's main activity.
id-10-amount-not-positive = The stipend amount must be positive.
id-10-daily-hours-range = Hours per day must be between 0 and { $max }.
id-10-part-time-percentage = The part-time percentage must be between { $min } % and { $max } %.
conv-03-start-not-in-future = The internship starts on { $start }: every party must sign the agreement before the first day, or the intern is not covered.
conv-03-not-signed-before-start = Not every party signed the agreement before the internship's first day ({ $start }): the intern must not start.
conv-04-teaching-hours = The curriculum must include at least { $min } teaching hours a year ({ $hours } h given).
conv-07-end-after-academic-year = For academic year { $academic_year }, the internship must end on { $limit } at the latest.
dur-02-max-hours-per-host = An internship cannot exceed { $max } hours (6 months) at the same host in the teaching year: { $hours } h in total, { $other_hours } h of them in other agreements.
dur-03-waiting-period = A waiting period of one third of the previous internship on this post ({ $days } days) applies: the earliest start is { $earliest }.
dur-03-same-post-to-review = An intern was hosted in this service or with this tutor from { $previous_start } to { $previous_end }: if this is the same post, a waiting period of { $days } days applies (earliest start { $earliest }). A manager must say so, with the reason, before validation.
dur-03-next-intern-to-review = Another intern is hosted in this service or with this tutor from { $next_start } to { $next_end }, before the end of the { $days }-day waiting period that will follow this internship: a manager must say, with the reason, whether it is the same post before validation.
dur-03-next-intern-too-soon = An intern holds the same post from { $next_start }, before the end of the { $days }-day waiting period that follows this internship.
dur-04-weekly-hours-above-legal = { $hours } h a week exceed the employees' maximum working week ({ $max } h).
dur-04-daily-hours-above-legal = { $hours } h a day exceed the employees' maximum working day ({ $max } h).
dur-05-end-before-start = The end date is before the start date.
dur-05-period-inverted = This period ends before it starts.
dur-05-period-outside = This period must lie between { $start } and { $end }.
dur-05-periods-overlap = This period overlaps an earlier one.
dur-05-weekly-hours-above-cap = { $hours } h a week: the weekly presence cannot exceed { $max } h.
saf-07-minor-weekly-hours = The intern is a minor: presence is limited to { $max } h a week ({ $hours } h given).
saf-07-minor-daily-hours = A minor intern may not be present more than { $max } h a day ({ $hours } h here).
saf-07-minor-night-work = A minor intern may not work at night (between 10 pm and 6 am).
abr-03-too-long = The internship abroad lasts more than { $months } months, extensions included (until { $end }, the limit being { $last_covered }): the French work-accident cover does not apply, the host must insure the intern.
abr-03-paid-above-limit = The stipend amounts to { $hourly } € an hour, above 15 % of the hourly social-security ceiling ({ $limit } € in { $year }): the French work-accident cover does not apply, the host must insure the intern.
abr-03-foreign-currency = The stipend is paid in { $currency }: the French work-accident cover continues only if it is at most { $limit } € an hour; otherwise the host must insure the intern.
ovl-01-overlap = The dates overlap { $count ->
    [one] another agreement
   *[other] { $count } other agreements
} of the student.
grat-01-stipend-mandatory = Beyond { $threshold } hours of presence at the same host ({ $hours } h), a stipend is mandatory from the first day.
grat-02-below-minimum = The stipend is worth { $hourly } € an hour, below the legal minimum of { $minimum } € for { $year }.
grat-02-below-known-minimum = The stipend amounts to { $hourly } € an hour: the legal minimum for { $year }, not yet known to the application, cannot be lower than that of { $rate_year } ({ $minimum } €), the latest known.
grat-02-rate-unknown = The application does not know the minimum hourly rate for { $year } yet; check the amount.
grat-02-rate-year = The table's years follow one another: enter a year between { $min } and { $max }.
grat-02-rate-amount = The hourly rate lies between { $min } € and { $max } €.
grat-02-rate-decreases = The minimum has never gone down: this rate is below that of { $year } ({ $rate } €).
grat-02-rate-increases = The minimum has never gone down: this rate is above that of { $year } ({ $rate } €), a later year.
grat-02-rate-gap = Only the table's last year ({ $last }) may be removed, and the table keeps one year at least: agreements of past years keep their minimum.
grat-02-rate-exists = { $year }'s rate is already entered: correct it instead.
grat-04-stipend-now-mandatory = With this amendment, presence reaches { $hours } h, beyond { $threshold } h: a stipend becomes mandatory, back-paid from the first day.
grat-04-catch-up-from-first-day = With this amendment, presence reaches { $hours } h, beyond { $threshold } h: the stipend is due from the first day (back pay owed).
grat-05-public-host-above-rate = A public body cannot pay more than the legal rate: { $hourly } € an hour for a rate of { $rate } €.
grat-05-public-host-below-rate = A public body pays the stipend at the legal rate ({ $rate } € an hour); { $hourly } € given.
grat-11-public-host-indemnity = In continuing education, a public body cannot pay an indemnity unless a specific text provides for it.
abs-02-leave-required = For an internship over { $threshold } hours ({ $hours } h), the agreement must provide for leave and authorised absences.
enc-01-supervisor-overloaded = This academic supervisor already follows { $ongoing } interns; the limit is { $max }.
enc-02-tutor-overloaded = This tutor already supervises { $ongoing } interns; the limit is { $max }.
enc-03-host-quota = The host ({ $headcount } people) already has { $ongoing } interns in the week of { $week }; its quota is { $quota } per calendar week.
eval-01-answer-type = This answer does not match the question.
eval-01-scale-range = The rating must be between { $min } and { $max }.
eval-03-submitted = These answers were submitted: they can no longer change.
ofr-01-internship-contract = An internship is covered by an agreement, not an employment contract.
ofr-01-apprenticeship-contract = An apprenticeship offer is an apprenticeship or professionalisation contract.
ofr-02-already-published = This offer is already published.
ofr-02-not-published = This offer is not published.
ofr-02-closed = This offer is closed: its status can no longer change.
avn-02-no-change = An amendment must contain at least one change.
avn-02-duplicate-change = This change ({ $kind }) is already in the amendment.
avn-02-termination-outside = The termination date must lie between { $start } and { $end }.
avn-02-service-needs-tutor = A change of host service requires naming a tutor.
avn-02-another-host = The new place must be a service of the same host; another host needs a new convention.
enr-01-not-the-students = The student has no such enrolment for this academic year.
enr-02-fixed = A created convention keeps its enrolment.
route-02-taken = { $code } is already managed by another centre.
ref-01-no-such-host = No such active host organisation.
ref-02-no-such-offer = No published offer has this number.
ref-02-not-a-service-of-the-host = Choose a service of the convention's host organisation.
ref-03-not-a-contact-of-the-service = Choose a contact of the convention's host service.
ref-04-not-a-teacher = This person is not among the teaching staff of the directory.
ref-05-not-a-contact-of-the-host = Choose a contact of the convention's host organisation.
att-01-incomplete = The certificate cannot be issued: dates, hours or stipend are incomplete.

## Lifecycle

wf-01-already-created = This agreement has already been created.
wf-02-steps-incomplete = Steps to complete before creation: { $steps }.
wf-03-out-of-order = Validations follow the management centre's order: { $expected ->
    [pedagogical] the pedagogical validation
    [administrative_check] the administrative check
   *[administrative] the administrative validation
} comes first.
wf-04-level-not-enabled = This validation level ({ $level }) is not used by the management centre.
wf-05-level-already-given = This validation level ({ $level }) has already been given.
wf-06-blocking-violations = { $count ->
    [one] One error blocks
   *[other] { $count } errors block
} validation.
wf-07-not-last-level = Only the last validation given can be withdrawn ({ $last }).
wf-08-level-not-given = This validation level ({ $level }) has not been given.
wf-09-reason-required = Give the reason for sending it back.
wf-10-already-validated = The agreement is validated: any change requires an amendment.
wf-11-not-created = The agreement has not been created yet.
wf-12-terminated = The internship was ended by a termination amendment.
wf-14-certificate-before-end = The internship certificate will be available after the internship ends ({ $end }).
wf-15-validation-given = A validation has been given: the agreement can no longer be deleted. Remove the validation first.
not-validated = The agreement is not validated yet.
amendment-exists = The agreement has an amendment: it can no longer be un-validated or deleted.
amendment-validated = This amendment is validated: it can no longer be changed or deleted.

## Permissions

perm-01-not-related = You have no access to this agreement.
perm-02-student-never-validates = A student does not validate their own agreement.
perm-03-supervisor-pedagogical-only = The academic supervisor acts only on the pedagogical validation.
perm-04-role-not-allowed = Your role does not allow this action.
perm-05-student-edit-until-first-validation = Validation has started: ask your management centre to change the agreement.
perm-06-print-condition = Printing is possible { $condition ->
    [always] from creation
    [after_pedagogical] after the pedagogical validation
    [after_administrative] after the administrative validation
    [after_both] after both the pedagogical and the administrative validation
   *[after_administrative_check] after the administrative check
}.
perm-07-amendment-not-validated = The amendment can be printed only after the management centre validates it.
perm-08-evaluation-before-end = The evaluation opens after the internship ends ({ $end }).
perm-08-evaluation-end-unknown = The evaluation opens after the internship ends.
perm-09-evaluation-not-yours = This evaluation form is filled in by someone else.
perm-10-students-may-not-create = Your management centre does not let students create their agreement.
perm-11-admin-only = Only an administrator can make this change.
perm-12-staff-only = This action is reserved for managers and administrators.
perm-13-not-your-record = You may only change records you created and nobody else has changed since: report the error with "Report a problem".
perm-14-not-centre-manager = You do not manage this management centre.
perm-15-named-by-submitted-convention = Once a created convention names this record (host, service, tutor or signatory), only the management centre may change it: report the error with "Report a problem".
perm-16-level-not-granted = Your rights in this management centre do not include this validation level: another manager of the centre will give it.
perm-16-print-not-granted = Your rights in this management centre do not include printing before validation: the agreement prints once the centre's print condition is met.
perm-16-evaluations-not-granted = Your rights in this management centre do not include managing evaluations.
perm-16-tickets-not-granted = Your rights in this management centre do not include answering tickets.
perm-16-statistics-not-granted = Your rights in this management centre do not include its statistics.
route-01-no-centre = No management centre manages the programme { $programme }: contact the registrar.
tkt-01-closed = This report is closed: file a new one if the problem persists.

json-01-unreadable = Cannot read the body: { $detail }
json-01-invalid = Invalid JSON body: { $detail }
path-01-invalid = Invalid path parameter: { $detail }
text-01-control-character = The text holds a control character ({ $character }): only letters, digits, punctuation, tabs and line breaks are accepted.
text-02-script = The text holds { $character }, a letter of a script the agreements cannot print as written (right to left, or letters joined by shaping: Arabic, Hebrew, Indic scripts, Thai…): write the name in Latin letters, as in the passport.
query-01-invalid = Invalid query string: { $detail }
query-01-one-of = Possible values: { $allowed }.
query-01-published-only = Students see published offers only.
query-01-one-of-two = Give this parameter or { $other }, not both.
query-01-needs = This parameter is needed with { $other }.
query-02-too-long = The query string must not exceed { $max } bytes.
query-02-parameter-too-long = The parameter must not exceed { $max } characters.
page-01-limit = The page size is between 1 and { $max }.
page-02-cursor = Unknown cursor: start again from the first page.
search-01-siret = Give a valid SIRET (14 digits) or a SIREN (9 digits).
search-01-naf = Give a NAF code (62.01Z) or its first digits (62).
search-01-phone = Not a phone number.
search-02-too-short = Type at least { $min } characters of the name.
search-03-too-long = A search must not exceed { $max } characters.
search-03-too-many-words = A search must not have more than { $max } words ({ $given } given).
search-04-empty = Type letters or digits to search.
auth-01-username = The username must have 1 to { $max } characters.
auth-02-password = The password must have 1 to { $max } characters.
auth-03-password-short = The new password must have at least { $min } characters.
auth-03-password-long = The new password must have at most { $max } characters.
auth-03-password-guessable = This password is too easy to guess (a common password, a word or name barely changed, a keyboard pattern, or your own name): choose another one, for example four unrelated words.
auth-04-wrong-current-password = The current password is not the right one.
auth-05-not-a-local-account = This account signs in through the university's directory or single sign-on: its password is changed there.
account-01-no-access = Your account gives no access to Stages (disabled, or not a student, teacher or staff member).
account-02-reserved-name = Your directory account has the name of an account kept by Stages itself: ask an administrator.
auth-06-must-change-password = An administrator reset your password: choose a new one before going on.
admin-01-own-account = You can neither deactivate your own account, nor revoke your own administrator rights, nor reset your own password (change it from your name at the top of the page): ask another administrator for the rest.
admin-02-last-admin = This is the last active administrator: appoint another one before deactivating it or revoking its rights.
scope-01-read-only = This API token may only read: its scopes lack `write`.
scope-02-no-scope = Give at least one scope: read or write.
scope-03-lifetime = A token lives 1 to { $max } days.
form-01-length = This field must have 1 to { $max } characters.
form-02-unknown-user = This list names an unknown user.
form-03-list-too-long = This list has more than { $max } items.
form-04-duplicate = This list names the same item twice.
sig-01-party-twice = A party appears twice in the signature circuit.
sig-01-representative-added = The legal representative is not a party of the centre's circuit: it is added by itself when the student is a minor.
sig-01-required-parties = The student, the host's signatory, the academic supervisor and the school always sign the agreement.
sig-02-not-validated = Only a validated convention goes out for signature.
sig-03-already-sent = This agreement already went out for signature.
sig-04-not-sent = This agreement has not gone out for signature yet.
sig-05-not-a-party = This person does not sign this agreement.
sig-06-already-signed = This party has already signed.
sig-07-not-your-turn = The parties sign in the circuit's order: it is not this party's turn yet.
sig-08-signature-date = The signature date must be between the agreement's validation ({ $from }) and today ({ $today }).
sig-09-signed-is-amended = An agreement every party signed is no longer changed: write an amendment.
sig-10-not-signed = Not every party has signed the agreement: the internship certificate cannot be produced.
sig-12-wrong-code = This code is wrong or has expired: ask for a new one.
sig-12-link-locked = Too many wrong codes: this signing link is locked. Contact the management centre.
sig-13-other-document = The document shown is not the one sent for signature: reload the page.
sig-14-reminder-days = The reminder delay must be between 1 and { $max } days (0: no reminders).
sig-15-out-for-signature = The agreement or one of its amendments is out for signature: a new amendment waits for the last signature, or withdraw the validation to correct the convention (the signatures given are then void).
sig-16-no-address = This party has no e-mail address to send a signing link to: record their signature on paper.
sig-17-address-not-vouched = The centre's staff have not checked this address yet: confirm it on the agreement's page ("Confirm the address") before a signing link goes there, or record the signature on paper.
sig-17-not-vouchable = Only the addresses of the host's signatory, of the tutor and of a minor's legal representative are checked by staff.
fmt-04-image = The logo must be a PNG or JPEG image.
fmt-05-scan = The signed scan must be a readable PDF file.
csv-01-invalid = The file is not readable UTF-8 CSV: { $detail }
csv-01-line = Unreadable line: { $detail }
csv-02-student-number = Letters and digits only, at most { $max }.
csv-02-teaching-hours = A number of hours, 0 to { $max }.
csv-02-birth-date = A birth date as YYYY-MM-DD or DD/MM/YYYY, after 1900 and not in the future.
batch-01-too-large = More than { $max } agreements: export them by programme.
ref-06-no-such-convention = No such convention.
ref-07-no-such-user = No such user.
nom-01-codes-fixed = This table's codes are tied to behaviour: only their labels can change.
nom-02-unknown = "{ $code }" is not a value of the reference table.
srv-01-has-contacts = The service has { $count } contact(s): it cannot be deleted.
srv-02-named-by-conventions = { $count } convention(s) name this service: it cannot be deleted.
org-01-siret-taken = An active organisation already has the SIRET { $siret } (organisation { $existing }).
eval-02-no-question = A questionnaire needs at least one question.
eval-02-section-title = A section needs a title.
eval-02-question-code = Each question needs its own code.
eval-02-question-text = A question needs a text.
eval-02-choice-options = A choice needs at least two options.
eval-02-kind-mismatch = The form's kind differs from the path's.
db-duplicate = A record with the same key already exists.
