## Application and menus

app-name = Stages
app-tagline = Internship agreements
menu-home = Home
menu-report-problem = Report a problem
menu-sign-out = Sign out
menu-language = Français
menu-language-title = Passer en français
menu-top-title = Main menu
menu-side-title = Menu
menu-conventions = Internship agreements
menu-organisations = Host organisations
menu-offers = Internship and job offers
menu-evaluations = Internship evaluations
menu-documents = Useful documents
menu-centres = Management centres
menu-nomenclatures = Reference tables
password-title = My password
password-intro = For an account of Stages itself (not the university directory's): enter the current password, then the new one. Your other open sessions will end.
password-current = Current password
password-new = New password
password-new-help = At least 12 characters, and hard to guess: for example four unrelated words.
password-again = New password, once more
password-mismatch = The two entries of the new password differ.
password-submit = Change the password
password-changed = Password changed.
demo-banner = Demonstration data: this account and these agreements are fictitious.
footer-text = Stages, free software for internship agreements

## Home and sign-in

home-title = Home
home-welcome = Welcome to the application that manages internship agreements and offers.
home-signed-in-as = Signed in as { $name }
home-privacy-title = Personal data
home-privacy = The personal data collected by the university is processed as needed to manage its students' internships. Under the General Data Protection Regulation and the French data protection act, you have the right to access the data about you, to have it corrected and to have the data entered in this application erased. To exercise these rights, contact the university's data protection officer.
role-student = Student
role-supervisor = Academic supervisor
role-manager = Manager
role-admin = Administrator
login-title = Sign in
login-intro = Sign in with your university account.
login-username = Username
login-password = Password
login-submit = Sign in
login-pending = Signing in…
login-failed = Wrong username or password.
login-cas = Sign in with the university portal (ENT)
login-oidc = Sign in with the university account
login-or-password = or with a Stages username and password:
sso-error-ticket = Signing in through the university did not complete: its answer expired, was already used, was not meant for Stages or was not asked for by this browser. Click the university sign-in button again.
sso-error-unavailable = The university's sign-in service does not answer. Try again in a few minutes.
sso-error-identity = Your university account does not give Stages a usable username. Contact the IT department.
sso-error-busy = Too many sign-ins through the university were asked from your address, or are under way: try again in a minute.
sso-error-no-access = Your university account gives no access to Stages: no affiliation (student, faculty, staff) gives you a role, or your account was disabled. Contact your management centre.
sso-error-reserved = This account name is reserved for a local Stages account and cannot be used through the portal. Contact the Stages administrator.
not-found-title = Page not found
not-found-text = This page does not exist.
not-found-back = Back to the home page

## States and errors

loading = Loading…
error-network = The server does not answer. Check your connection and try again.
error-retry = Try again
error-not-found = Not found: this does not exist or you may not see it.
error-stale = Someone changed this data while you were reading it: reload the page and try again.
download-done = File downloaded: { $name } ({ $size } KB).

## Forms

form-errors-title = Please correct the following errors:
form-required-note = Fields marked with an asterisk (*) are required.
form-choose = — Choose —
form-yes = Yes
form-no = No
form-cancel = Cancel
form-edit = Edit
form-save = Save
form-saved = Changes saved.
form-select = Select
form-open = Open
form-not-a-date = Enter a date.
form-not-a-number = Enter a number.
form-not-an-amount = Enter an amount, for example 600.50.
help-about = Help: { $field }
table-actions = Actions
address-street = Number and street
address-building = Address line 2
address-postal-code = Postcode
address-city = Town or city
address-country = Country
address-country-code = Country code (FR, DE…)

## Search

search-title = Find an agreement
search-text = Agreement number, student number or name
search-text-help = An agreement number (2026-000123), a student number, or the student's name.
search-centre = Management centre
search-academic-year = Academic year
search-status = Status
search-submit = Search
search-results = Results
search-none = No agreement matches.
search-more = More results
search-next-page = Next page

## Agreements

conventions-title = Internship agreements
convention-create = Create an agreement
convention-number = Agreement number
convention-student = Student
convention-organisation = Host organisation
convention-dates = Dates
convention-status = Status
convention-draft = Draft
convention-title = Agreement { $number }
convention-title-draft = Agreement being entered
convention-meta = { $centre }, academic year { $year }
convention-errors = Errors to correct before creation or validation:
convention-warnings = To check:
convention-delete-question = Do you want to delete the agreement? This cannot be undone.
convention-delete-confirm = Yes, delete the agreement
status-draft = Draft
status-created = Created
status-rejected = Sent back to the student
status-in-validation = Being validated
status-validated = Validated
status-terminated-early = Terminated early
actions-title = Actions on the agreement
action-recap = Summary
action-edit = Edit
action-print = Print the agreement
action-certificate = Internship certificate
action-validate = Validate
action-amendments = Amendments
action-delete = Delete
recap-title = Summary
recap-empty = Not entered.
recap-name = Name
recap-dates = Dates
recap-from-to = from { $start } to { $end }
recap-schedule = Hours
recap-weekly = { $hours } a week
recap-irregular = Irregular hours ({ $count ->
    [one] one period
   *[other] { $count } periods
})
recap-stipend = Stipend
recap-no-stipend = No stipend
rejection-title = Agreement sent back on { $date }; reason:
rejection-reason = Reason for sending it back
rejection-reason-required = Give the reason for sending it back.
rejection-submit = Send back to the student
validation-title = Validation
level-pedagogical = Academic validation
level-administrative-check = Administrative check
level-administrative = Administrative validation
level-given = given
level-not-given = pending
validate-level = Give: { $level }
validate-withdraw = Withdraw

## Internship figures

figures-title = Duration and stipend
figures-incomplete = Enter the dates and hours to compute the internship's duration.
figures-presence = Effective presence
figures-duration = Duration
figures-breakdown = { $months } months, { $days } days and { $hours } (months of 22 days of 7 hours)
figures-working-days = Days of presence
figures-stipend = Stipend
figures-stipend-mandatory = Mandatory: the internship exceeds 308 hours of presence.
figures-stipend-optional = Optional: the internship does not exceed 308 hours of presence.
figures-minimum = Legal minimum for the whole internship
figures-rate-unknown = the year's hourly rate is unknown
figures-hourly = Stipend entered, per hour

## Creation wizard

wizard-title-new = Create an agreement
wizard-title-draft = Agreement being entered
wizard-title-number = Agreement { $number }
wizard-steps = Steps of the agreement
wizard-step = Step
wizard-step-complete = (complete)
wizard-progress = Step { $step } of 8; { $complete ->
    [0] no step complete
    [one] one step complete
   *[other] { $complete } steps complete
} out of 7.
wizard-next = Next
wizard-validate = Validate
wizard-confirm = Confirm
wizard-recap-title = Summary of the step
wizard-recap-intro = Check this information, then confirm.
wizard-select-continue = Select and continue
wizard-save-draft = Save the draft
wizard-draft-saved = Draft saved.
wizard-back-to-convention = Back to the agreement
wizard-go-to-step = Go to that step
step-student = Student
step-organisation = Host organisation
step-host-service = Host department
step-tutor = Workplace tutor
step-internship = Internship information
step-supervisor = Academic supervisor
step-signatory = Signatory
step-summary = Summary
step-needs-organisation = First choose the host organisation (step 2).
step-needs-service = First choose the host department (step 3).
step-organisation-intro = Find the host organisation by its company name, possibly with its department number, or by its SIRET number (more precise), activity, phone number, address or one of its departments. If it does not exist yet, create it.
step-host-service-intro = Select the department of the organisation where the internship takes place, or create it.
step-tutor-intro = Select the workplace tutor among the department's contacts, or create them.
step-supervisor-intro = Find the academic supervisor in the university's directory: type at least two letters of their name.
step-signatory-intro = The signatory is the organisation's legal representative, who signs the agreement on behalf of the host.
step-summary-intro = Check all the data, then create the agreement: it gets a number.
instructions-title = Before you start
instructions-intro = Have the following information at hand; the agreement is entered in 8 steps and each step is saved.
instructions-student = your address during the internship, a personal e-mail address and your health insurance fund;
instructions-organisation = the host's company name, SIRET number, headcount, NAF code, address and phone number;
instructions-tutor = the name, position, e-mail address and phone number of the workplace tutor and of the signatory;
instructions-internship = the internship's subject, tasks, skills, dates, hours and stipend;
instructions-supervisor = the name of your academic supervisor;
instructions-signatory = the department and contact who sign for the host.
instructions-notice = For help, read the notice for entering the agreement in
instructions-steps = The 8 steps: Student, Host organisation, Host department, Workplace tutor, Internship information, Academic supervisor, Signatory, Summary.

## Step 1

student-registry = Your enrolment details
student-search-intro = Type the student's number or their name.
student-search = Student number or name
student-none = No student found.
student-number = Student number
student-ine = INE
student-university-email = University e-mail address
student-enrolment = Framework of the internship (academic year and programme)
student-academic-year = Academic year
student-programme = Programme
student-faculty = Faculty
student-address-title = Address during the internship
student-address = Address
student-personal-email = Personal e-mail address
student-personal-email-help = Your university address may expire before the internship ends: give one you will read until the internship's evaluation.
student-phone = Phone
student-mobile = Mobile phone
student-insurance-title = Social security affiliation
student-guardian-title = Legal representative
student-guardian-help = The student will be a minor on the first day of the internship: their legal representative signs the agreement with them.
student-guardian-capacity = Capacity (mother, father, guardian)
student-insurance-fund = Health insurance fund
student-insurance-help = The health insurance fund (CPAM) you are affiliated with. Your social security number is not asked for.
student-insurance-region = Region of the fund
student-insurance-address = Address of the fund

## Step 2 and organisations

organisations-title = Host organisations
organisations-intro = Find a host organisation, read its record, its departments and contacts, or create it.
org-search-title = Find an organisation
org-search-name = Company name
org-search-department = Department (number)
org-search-more = Other criteria: SIRET, activity, phone, address, department
org-search-naf = Activity (NAF code)
org-search-address = Address
org-search-service = Department
org-search-none = No organisation matches.
org-results = Organisations found
org-create-offer = The organisation does not exist yet? To create it:
org-create = Create an organisation
org-create-title = New organisation
org-edit-title = Edit the organisation
org-create-submit = Create
org-chosen = Selected organisation
org-report-error = Report an error in this record
org-name = Company name
org-siret = SIRET number
org-siret-help = 14 digits, required for an organisation located in France (printed on the company's documents and on annuaire-entreprises.data.gouv.fr).
org-headcount = Headcount
org-headcount-help = The number of people of the organisation: it sets how many interns it may host at once.
org-kind = Type of organisation
org-kind-help = A public-law organisation pays the stipend at exactly the legal rate.
org-legal-status = Legal status
org-naf = NAF code
org-naf-help = The main activity code (APE), for example 62.01Z; otherwise describe the activity.
org-activity = Main activity
org-activity-or-naf = Activity (NAF)
org-address = Address
org-phone = Phone
org-email = E-mail address
org-website = Website
org-services = Departments
org-show-contacts = Show the contacts
org-contacts-of = Contacts of the department { $service }

## Steps 3, 4, 7: departments and contacts

service-name = Department name
service-address = Address
service-phone = Department phone
service-list = Departments of the organisation
service-none = No department has been recorded yet.
service-create = Create a department
service-create-title = New department
service-edit-title = Edit the department
service-create-submit = Create the department
contact-list = Contacts of the department
contact-none = No contact has been recorded for this department yet.
contact-create = Add a contact
contact-create-title = New contact
contact-edit-title = Edit the contact
contact-create-submit = Create the contact
contact-civility = Title
contact-last-name = Last name
contact-first-name = First name
contact-position = Position
contact-email = E-mail address
contact-phone = Phone
civility-ms = Ms
civility-mr = Mr
signatory-current = Current signatory:
signatory-choose = Choose a signatory
signatory-services = Departments of the organisation
signatory-show-contacts = Show the contacts
signatory-contacts-of = Contacts of the department { $service }

## Step 5

internship-section-content = The internship
internship-section-dates = Dates and hours
internship-section-leave = Leave and absences
internship-section-stipend = Stipend and benefits
internship-section-supervision = Supervision and assessment
internship-convention-type = Type of agreement
internship-convention-type-help = A gap-year internship does not require 200 teaching hours in the year; in continuing education, a public body pays no indemnity.
internship-theme = Theme
internship-language = Language of the agreement
internship-language-help = The agreement is printed in this language: French, English, German, Spanish or Italian.
internship-subject = Subject of the internship
internship-tasks = Tasks entrusted
internship-tasks-help = A mandatory mention of the agreement (article D124-4 of the French education code); at most 1,000 characters.
internship-skills = Skills to acquire or develop
internship-skills-help = A mandatory mention of the agreement; at most 1,000 characters. See the skills sheet in the useful documents.
internship-details = Details
internship-start = Start date
internship-start-help = Every party must sign the agreement before the internship's first day.
internship-end = End date
internship-end-help = The internship ends on 31 December of the calendar year in which the academic year ends at the latest; it may not exceed 6 months (924 hours) at the same host in the year.
internship-interruptions = Interruptions of the internship
internship-interruptions-help = The periods during which the internship stops (they do not count in its duration).
internship-regular-schedule = Hours
internship-regular = Regular
internship-irregular = Irregular
internship-weekly-hours = Hours of presence a week
internship-weekly-hours-help = Above 48 hours a week, the maximum working time of employees is exceeded; 84 hours is an absolute maximum. A minor intern works at most 35 hours.
internship-days-per-week = Days worked a week
internship-schedule-periods = Periods and hours a day
internship-schedule-periods-help = For irregular hours, give each period and its daily presence.
internship-working-time = Working time
internship-part-time = Part-time percentage (%)
internship-presence-type = Presence
internship-working-time-comment = Comment on working time
internship-night-work = Presence at night, on Sundays or public holidays
internship-night-work-help = A mandatory mention of the agreement when the intern is present at night, on a Sunday or on a public holiday.
internship-at-night = Does the intern work at night (between 10 pm and 6 am)?
internship-at-night-help = Required for a minor intern, who may not work at night.
internship-host-cover = Does the host insure the intern against work accidents?
internship-host-cover-help = Abroad, the French cover follows the intern only for an internship of 6 months at most, extensions included, paid at most 15 % of the hourly social-security ceiling; beyond that, the host must insure the intern.
internship-leave-days = Days of leave
internship-leave-help = Beyond two months of internship (308 hours), the agreement provides for leave and authorised absences.
internship-leave-terms = Terms of leave and authorised absences
internship-stipend-paid = Is a stipend paid?
internship-stipend-help = The stipend is mandatory from the first day when presence exceeds 308 hours; its hourly amount may not be below the legal minimum.
internship-stipend-amount = Amount
internship-stipend-currency = Currency
internship-stipend-unit = Unit
internship-stipend-basis = Gross or net
internship-stipend-payment = Payment method
internship-benefits = Benefits (meals, transport, housing)
internship-benefits-help = A mandatory mention of the agreement: the benefits the intern receives.
internship-supervision = Supervision arrangements
internship-supervision-help = A mandatory mention: how the academic supervisor and the tutor follow the intern.
internship-work-to-deliver = Work to hand in
internship-validation-mode = Assessment
internship-confidentiality = Confidentiality of the subject
internship-confidentiality-help = A confidential subject is not disclosed, nor are the report and the defence.
internship-found-through = How the internship was found
presence-continuous = Continuous
presence-discontinuous = Discontinuous (work-study)
period-start = Start
period-end = End
period-hours-per-day = Hours a day
period-add = Add a period
period-remove = Remove
period-remove-label = Remove period { $number }

## Steps 6 and 8

supervisor-search = Teacher's name
supervisor-search-too-short = Type at least two letters of the name.
supervisor-none = No teacher matches.
supervisor-results = Teachers found
supervisor-current = Current academic supervisor:
supervisor-department = Department
summary-create = Create the agreement
summary-created = The agreement is created with the number { $number }.
summary-number = Agreement { $number }.
summary-open = Open the agreement
summary-blocking = To complete before creating the agreement:
summary-warnings = To check:

## Amendments

amendments-title = Amendments
amendments-none = No amendment.
amendment-create = Create an amendment
amendment-heading = Amendment { $position }: { $title }
amendment-validated-on = Validated on { $date }.
amendment-not-validated = Waiting for the management centre's validation.
amendment-validate = Validate the amendment
amendment-print = Print the amendment
amendment-delete = Delete the amendment
amendment-new-title = New amendment to agreement { $number }
amendment-new-intro = Give the amendment a title and its reason, then its changes. It can be printed and signed only once the management centre has validated it.
amendment-title = Title
amendment-reason = Reason for the amendment
amendment-changes = Changes
amendment-change = Change
amendment-add-kind = Kind of change
amendment-add-change = Add the change
amendment-remove-change = Remove this change
amendment-submit = Create the amendment
change-dates = New dates
change-termination = Early termination
change-interruptions = Interruptions
change-host-service = New host department
change-tutor = New workplace tutor
change-supervisor = New academic supervisor
change-subject = New subject
change-stipend = Stipend
change-other = Other change
change-accident-cover = Work-accident cover
change-accident-cover-host = The host insures the intern against work accidents.
change-accident-cover-french = The French work-accident cover applies.
change-new-start = New start date
change-new-end = New end date
change-termination-date = Last day of presence
change-termination-comment = Circumstances of the termination
change-termination-initiator = At the initiative of
termination-by-intern = the student
termination-by-host = the host organisation
termination-by-school = the school
change-supervisor-none = No teacher chosen yet: find them below.
change-dates-text = Internship from { $start } to { $end }.
change-termination-text = Terminated on { $date } at the initiative of { $initiator }: { $comment }
change-interruptions-text = { $count ->
    [0] No more interruption.
    [one] One interruption.
   *[other] { $count } interruptions.
}
change-host-service-text = New department: { $name }.
change-subject-text = New subject: { $subject }
change-supervisor-text = New academic supervisor: { $name }.
change-tutor-text = New tutor: { $name }.
change-stipend-text = Stipend of { $amount }.
change-no-stipend-text = No more stipend.

## Useful documents

documents-title = Useful documents
documents-intro = The notices for entering the agreement, the skills sheet and the application's user guide.
documents-download = Download
doc-notice-fr = Notice de saisie de la convention (French)
doc-notice-fr-text = What to gather before entering an agreement, step by step, in French.
doc-notice-en = Notice for entering the internship agreement (English)
doc-notice-en-text = The notice in English, for students and foreign hosts.
doc-skills = Skills sheet
doc-skills-text = How to write the tasks entrusted and the skills to acquire (in French).
doc-guide = Stages user guide
doc-guide-text = Every function of the application for students, teachers and managers (in French).

## Report a problem

report-title = Report a problem
report-intro = Describe the problem; the internship office will answer here.
report-page = Page concerned: { $page }
report-subject = Subject
report-body = Description
report-submit = Send
report-sent = Your report no. { $id } is recorded.
report-mine = My reports
report-none = No report.
ticket-open = open
ticket-answered = answered
ticket-closed = closed

## Management centres

centres-title = Management centres
centres-intro = The management centres, their validation levels and their print condition.
centre-name = Name
centre-level = Level
centre-level-establishment = Establishment
centre-level-faculty = Faculty
centre-level-programme = Programme
centre-details = Contact details
centre-email = E-mail address
centre-phone = Phone
centre-signatory-name = Signatory for the university
centre-signatory-position = Signatory's position
centre-settings = Settings
centre-validation-levels = Validation levels, in order
centre-validation-levels-help = The levels the centre uses, in the order they are given; the last one validates the agreement.
centre-level-up = Move up
centre-level-down = Move down
centre-level-remove = Stop using
centre-level-add = Use: { $level }
centre-print-condition = Printing by students and teachers
centre-print-help = Managers may always print; students and teachers only once this condition is met.
centre-students-may-create = Students may create their agreement
centre-overlaps-allowed = A student may have internships whose dates overlap
centre-signature-circuit = Signature circuit
centre-signature-help = The student, the host's signatory, the academic supervisor and the school always sign; a minor student's legal representative signs right after the student. The official model has the tutor sign too.
centre-tutor-signs = The tutor signs the agreement
centre-signing-order = Order of signatures
centre-signing-sequential = One after the other, in the agreement's order
centre-signing-parallel = Every party at once
centre-logo = Logo
centre-logo-alt = Logo of the management centre
centre-logo-none = No logo.
centre-logo-upload = Replace the logo (PNG)
centre-staff = Managers
centre-staff-remove = Remove
centre-staff-intro = Each manager acts in this centre within their rights: the validation levels they give, printing before validation, evaluations, tickets, statistics and alert mails.
centre-staff-add = Add a manager
centre-staff-new-rights = Rights of the new manager
centre-staff-add-button = Add as manager
staff-right-pedagogical = Pedagogical validation
staff-right-administrative-check = Administrative check
staff-right-administrative = Administrative validation
staff-right-print = Printing before validation
staff-right-evaluations = Evaluations
staff-right-tickets = Tickets
staff-right-statistics = Statistics
staff-right-alerts = Alert mails
staff-right-yes = Yes
staff-right-no = No
centre-routes = Programmes managed
centre-route-remove = Remove
centre-route-add = Add
route-kind = Kind
route-code = Code
route-programme = Programme
route-faculty = Faculty
print-always = As soon as created
print-after-pedagogical = After the academic validation
print-after-administrative = After the administrative validation
print-after-both = After the academic and administrative validations
print-after-administrative-check = After the administrative check

## Reference tables

nomenclatures-title = Reference tables
nomenclatures-intro = The reference lists the forms offer. A value is never deleted: it is deactivated.
nomenclatures-back = All tables
nomenclature-table = Table
nomenclature-values = Values
nomenclature-system = System table
nomenclature-search = Find a code or label
nomenclature-include-inactive = Show deactivated values
nomenclature-code = Code
nomenclature-label = Label
nomenclature-label-en = English label
nomenclature-active = Active
nomenclature-add = Add a value
nomenclature-add-submit = Add

## Minimum hourly stipend rates

rates-title = Minimum hourly stipend rates
rates-intro = The legal minimum stipend: 15 % of the hourly social-security ceiling, year by year. The conventions' checks and the figures shown while typing read this table; a year not entered yet is checked at the latest year's rate, since the minimum has never gone down.
rates-link = Minimum hourly stipend rates (by year)
rates-year = Year
rates-rate = Hourly rate (€)
rates-source = Source
rates-add = Enter a year's rate
rates-add-submit = Save the rate
rates-remove = Remove
rates-remove-confirm = Remove the rate of { $year }? The checks will take the previous year's as a floor.
rates-remove-yes = Yes, remove

## Linked offer

offer-question = Do you want to link an internship offer to this agreement?
offer-question-help = If you found this internship through an offer published in Stages, its number brings in the host organisation.
offer-number = Offer number
offer-number-help = The number is printed on the offer, as OF-2026-0001.
offer-link = Link the offer
offer-skip = Continue without an offer

## Internship and job offers
offers-title = Internship and job offers
offers-intro = The offers the management centres publish. Type an offer's number in your agreement to take its host organisation.
offer-create = New offer
offer-search-title = Search offers
offer-search-text = Keywords
offer-search-text-help = Words of the title, the description or the host organisation's name.
offer-search-place = Place
offer-search-place-help = A town, a postcode, a French department (25) or a country code (DE).
offer-search-from = Available from
offer-search-until = Starting at the latest on
offer-search-none = No offer matches.
offer-kind = Kind of offer
offer-status = Status
offer-title = Title
offer-host = Host organisation
offer-place = Place
offer-dates = Period
offer-kind-internship = Internship
offer-kind-apprenticeship = Apprenticeship
offer-kind-job = Job
offer-kind-volunteering = International volunteering
offer-status-draft = Draft
offer-status-published = Published
offer-status-filled = Filled
offer-status-withdrawn = Withdrawn
offer-contract = Contract type
offer-contract-help = For a job or an apprenticeship; an internship is not an employment contract.
offer-contract-fixed-term = Fixed-term contract
offer-contract-permanent = Permanent contract
offer-contract-temporary = Temporary work
offer-contract-apprenticeship = Apprenticeship contract
offer-contract-professionalisation = Professionalisation contract
offer-details = The offer
offer-description = Description
offer-paid = Paid
offer-conventions = Agreements that link it
offer-disability-friendly = Open and given priority to disabled applicants (RQTH)
offer-contact-name = Contact person
offer-contact-email = Application e-mail
offer-contact-email-help = Where students send their application; needed to publish the offer.
offer-start = Expected start
offer-end = Expected end
offer-link-help = To link this offer to your agreement, type the number { $number } in the "Student" step when the application offers it.
offer-missing = To publish the offer, complete:
offer-actions-title = Actions on the offer
offer-publish = Publish
offer-unpublish = Unpublish
offer-close-filled = Close: filled
offer-close-withdrawn = Close: withdrawn
offer-close-question = A closed offer can no longer be changed or published. Close this offer?
offer-close-confirm = Close the offer
offer-create-title = New offer
offer-edit-title = Edit the offer
offer-create-submit = Save the draft
offer-host-required = Choose the host organisation.
offer-host-change = Change the organisation

## Internship evaluations
menu-statistics = Statistics
export-csv = Export as CSV
export-xlsx = Export as XLSX
evaluations-title = Internship evaluations
evaluation-search-title = Search evaluations
evaluation-search-none = No validated agreement matches.
evaluation-kind = Questionnaire
evaluation-kind-student = Evaluation by the student
evaluation-kind-supervisor = Evaluation by the academic supervisor
evaluation-kind-tutor = Evaluation by the workplace tutor
evaluation-status = Status
evaluation-status-help = To filter on the status, choose the questionnaire too.
evaluation-status-not-started = Not started
evaluation-status-draft = Draft
evaluation-status-submitted = Submitted
evaluation-end = End of the internship
evaluation-export-title = Export the answers
evaluation-export-help = To export the answers, search with a management centre, an academic year and a questionnaire.
evaluations-of = Evaluations of agreement { $number }
evaluations-list = The three questionnaires
evaluation-convention-link = see the agreement
evaluation-disabled = The centre does not ask for this questionnaire.
evaluation-fill = Fill in
evaluation-read = Read
evaluation-back = Back to the agreement's evaluations
evaluation-pdf = Download the PDF
evaluation-save = Save the draft
evaluation-submit = Submit
evaluation-submit-help = Once submitted, the answers can no longer be changed.
evaluation-draft-saved = Draft saved.
evaluation-submitted-on = Questionnaire submitted on { $date }: the answers can no longer be changed.
evaluation-closed = You cannot fill in this questionnaire:
evaluation-scale-1 = { $n } — excellent
evaluation-scale-5 = { $n } — insufficient
evaluation-scale-n = { $n }
evaluation-tutor-title = Evaluation of the intern by the workplace tutor
evaluation-intern = Intern
evaluation-link-refused = This evaluation link is no longer valid.
evaluation-link-refused-help = It has expired or the management centre withdrew it. Ask the university's management centre for a new link.
evaluation-tutor-link = Workplace tutor's link
evaluation-tutor-link-help = The tutor fills in their evaluation without an account, through a personal link mailed at the end of the internship, at an address the centre vouched for (a contact staff entered, or an address confirmed on the signature circuit): otherwise nothing is mailed. You may make a new one here and hand it over, or withdraw those in circulation.
evaluation-tutor-address-unvouched = The centre has not checked the tutor's address yet ({ $address }): no link is mailed there.
evaluation-tutor-link-create = Make a link
evaluation-tutor-link-made = Link valid until { $date } (it will not be shown again):
evaluation-tutor-link-open = Open the link
evaluation-tutor-link-revoke = Withdraw the links
evaluation-tutor-link-revoke-question = The links already sent to the tutor will stop working. Withdraw them?
evaluation-tutor-link-revoke-confirm = Withdraw the links
evaluation-tutor-link-revoked = The tutor's links were withdrawn.

## Statistics
stats-title = Statistics
stats-centre-help = With no centre chosen: the whole university (administrators).
stats-submit = Show
stats-scope-centre = The management centre in { $year }
stats-scope-university = The university in { $year }
stats-total = Agreements (drafts excluded)
stats-duration-mean = Mean presence
stats-duration-median = Median presence
stats-stipend-share = Share of paid internships
stats-stipend-median = Median hourly stipend
stats-unpaid-though-due = Unpaid above 308 hours
stats-conventions = Agreements
chart-value = Value
stats-by-status = By status
stats-by-host = By host organisation
stats-other-hosts = Other organisations
stats-by-country = By country
stats-by-department = By department
stats-by-programme = By programme
stats-durations = By presence
stats-duration-up-to-two-months = Up to 2 months
stats-duration-two-to-four-months = 2 to 4 months
stats-duration-four-to-six-months = 4 to 6 months
stats-duration-over-six-months = Over 6 months
stats-stipends = Stipend
stats-stipend-paid = Paid
stats-stipend-unpaid = Unpaid
stats-stipend-unknown = Not stated
stats-stipend-bands = Hourly stipend against the legal minimum
stats-stipend-below-minimum = Below the minimum
stats-stipend-at-minimum = At the minimum
stats-stipend-up-to-quarter-above = Up to 25 % above
stats-stipend-more-than-quarter-above = More than 25 % above
stats-evaluations = Evaluations' progress

## A centre's evaluation questionnaires
form-editor-title = Evaluation questionnaires
form-editor-intro = The national questionnaires, which the centre may not ask for, reorder and complete with its own questions. Agreements already evaluated keep the questionnaire of their answers.
form-editor-enabled = The centre asks for this questionnaire
form-editor-up = Move up
form-editor-down = Move down
form-editor-remove = Remove
form-editor-required = required
form-editor-new-section = New section
form-editor-add-section = Add the section
form-editor-add-question = Add a question
form-editor-code = Question code
form-editor-code-help = A code unique in the questionnaire, used in the exports (for example CENTRE-1).
form-editor-type = Kind of answer
form-editor-type-yes-no = Yes or no
form-editor-type-single = One of the options
form-editor-type-multi = Several of the options
form-editor-type-scale = Scale from 1 to 5
form-editor-type-text = Free text
form-editor-text = Question
form-editor-options = Options
form-editor-options-help = One option per line.
form-editor-add = Add the question
form-editor-save = Save the questionnaire

## Waiting period (DUR-03)

post-review-title = The same post as another intern?
post-review-intro = Another intern is hosted in this service or with this tutor shortly before or after this internship (see the reason above). If this is the same post, a waiting period of one third of the length of the internship that comes first applies between the two. Say so, with the reason, before validation.
post-review-question = Is this internship on the same post?
post-review-reason = Reason
post-review-submit = Save the answer
post-review-same = same post
post-review-other = another post
post-review-answer = Answer recorded on { $date }: { $answer } ({ $reason }).

## Vouched addresses (SIG-17)

menu-vouched = Vouched addresses
vouched-title = Vouched addresses
vouched-intro = The addresses the centres' staff checked: signing links for host signatories, tutors and legal representatives, and tutors' evaluation links, only go to one of them. Withdrawing an address vouched for by mistake cuts the links that went there and are not used yet.
vouched-search = Part of the address
vouched-address = Address
vouched-by = Vouched for by
vouched-at = On
vouched-none = No vouched address matches.
vouched-withdraw = Withdraw
vouched-withdraw-question = Withdraw this address from the vouched ones? No link will go there any more, for any convention, and those that went stop working.
vouched-withdraw-confirm = Yes, withdraw the address
vouched-withdrawn = { $address } is no longer vouched for; its unused links are revoked.

## Accounts

menu-accounts = Accounts and rights
accounts-title = Accounts and rights
accounts-intro = The people who sign in to Stages. An account is never deleted: conventions and histories name it; it is deactivated instead.
accounts-search = Name or username
accounts-username = Username
accounts-name = Name
accounts-sign-in = Sign-in
accounts-roles = Roles
accounts-state = State
accounts-sign-in-password = Stages password
accounts-sign-in-directory = Directory (LDAP)
accounts-sign-in-cas = University portal (CAS)
accounts-sign-in-oidc = Identity provider (OpenID Connect)
accounts-active = Active
accounts-inactive = Deactivated
accounts-must-change = Active, password to change
accounts-deactivate = Deactivate
accounts-reactivate = Reactivate
accounts-grant-admin = Make administrator
accounts-revoke-admin = Revoke administrator rights
accounts-reset-password = Reset the password
accounts-temporary-password = Temporary password of { $username }, shown this once: give it to its owner, who must change it at the next sign-in:

## API tokens

menu-tokens = API tokens
tokens-title = API tokens
tokens-intro = An API token lets a script or an application of the university call Stages on your behalf (see the API documentation). It always expires (730 days at most) and can be revoked here at any time.
tokens-mine = My tokens
tokens-none = You have no token.
tokens-all = All tokens
tokens-new = New token (for your account)
tokens-name = Name
tokens-owner = Account
tokens-account = account no. { $id }
tokens-scopes = Rights
tokens-scope-read = read
tokens-scope-write = write
tokens-expires = Expires on
tokens-last-used = Last used
tokens-active = Active
tokens-revoked = Revoked
tokens-expired = Expired
tokens-revoke = Revoke
tokens-create = Create the token
tokens-created = Token created, shown this once: copy it now.

# Signature circuit (issue 17).
signature-title = Signatures
signature-amendment-title = Signatures of amendment no. { $position }: { $title }
signature-download-signed-amendment = Signed amendment (sealed PDF)
signature-status-not-sent = Not sent for signature yet
signature-status-out = Out for signature
signature-status-signed = Signed by every party
signature-sent-on = Sent for signature on { $date }.
signature-hash = SHA-256 fingerprint of the document to sign: { $sha }
signature-col-party = Party
signature-col-name = Signatory
signature-col-state = Signature
signature-col-action = Action
signature-party-student = Student
signature-party-legal-representative = Legal representative
signature-party-host-signatory = Host organisation's signatory
signature-party-tutor = Workplace tutor
signature-party-supervisor = Academic supervisor
signature-party-school = School
signature-electronic = Signed electronically on { $date }
signature-paper = Signed on paper on { $date }
signature-awaited = Signature awaited
signature-waiting = Waiting for the earlier signatures
signature-send = Send for signature
signature-renew-link = Send a new link
signature-link-renewed = A new link was sent; the earlier ones no longer work.
signature-address-unvouched = Address not yet checked by the centre: no signing link goes there.
signature-vouch-address = Confirm the address
signature-vouch-question = Did you check with the host (or the family) that the address shown is this person's? Signing links will go there from now on, for every convention.
signature-vouch-confirm = Yes, the address is checked
signature-download-sent = Document sent for signature
signature-download-signed = Signed agreement (sealed PDF)
signature-download-scan = Signed scan
signature-date = Signature date
signature-scan = Signed scan (PDF)
signature-record = Record the paper signature
signature-date-required = Give the date of the signature.
signature-scan-required = Choose the signed scan (PDF).
signing-title = Signing the internship agreement
signing-agreement = Agreement
signing-amendment = Amendment to sign
signing-amendment-name = no. { $position }: { $title }
signing-as = You sign as
signing-read = Read the agreement (PDF)
signing-read-amendment = Read the amendment (PDF)
signing-confirm-title = Sign
signing-code-help = To sign, ask for a code: it is sent to { $email } and is valid for 10 minutes.
signing-ask-code = Get a code
signing-code-sent = A code was sent to { $email }.
signing-code = Code received by e-mail
signing-consent = By signing, you declare that you have read the agreement and accept its terms.
signing-consent-amendment = By signing, you declare that you have read the amendment and accept its terms.
signing-submit = Sign the agreement
signing-submit-amendment = Sign the amendment
signing-done = Your signature is recorded. Thank you!
signing-closed = This agreement is no longer out for signature: its validation was withdrawn.
signing-not-your-turn = The parties sign in order: an e-mail will tell you when it is your turn.
signing-link-refused = This signing link does not work.
signing-link-refused-help = It may have expired, been used or been withdrawn: ask the management centre for a new link.
centre-reminder-days = Remind signatories after (days)
centre-reminder-days-help = A signatory who has not signed gets their link again after this delay, at most three times; 0: never.
search-unsigned = Not signed by every party before the internship's start
search-unsigned-badge = Unsigned at the start
