# Printed documents: internship agreement, amendment, certificate.
# Numbers, amounts and dates arrive already formatted.

## Header and footer

header-number = Agreement no. { $number }
footer-page = Page { $page } / { $pages }

## Formats

date = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
hours = { $hours } h
hours-minutes = { $hours } h { $minutes } min
duration-breakdown = { $months } { $months ->
        [one] month
       *[other] months
    }, { $days } { $days ->
        [one] day
       *[other] days
    } and { $rest }
from-to = from { $start } to { $end }
counting-rule = The duration is counted in effective presence: every 7 hours of presence, consecutive or not, count as one day and every 22 days as one month (articles L124-18 and D124-6 of the French Education Code).
civility-ms = Ms
civility-mr = Mr

## Labels

label-name = Name:
label-represented-by = Represented by:
label-position = Position:
label-address = Address:
label-phone = Phone:
label-email = E-mail:
label-student-number = Student number:
label-ine = INE:
label-birth-date = Date of birth:
label-usage-name = Usual name:
label-health-insurance = Health insurance:
label-siret = SIRET:
label-activity = Activity:
label-legal-status = Legal status:
label-website = Website:
label-department = Department:
label-supervisor = Academic supervisor:
label-tutor = Internship tutor:
label-institution = Institution:
label-centre = Management centre:
label-programme = Programme:
label-academic-year = Academic year:
label-faculty = Faculty:
label-teaching-hours = Teaching hours:
label-teaching-element = Course unit:
label-convention-type = Type of internship:
label-subject = Subject:
label-theme = Theme:
label-tasks = Activities entrusted:
label-details = Details:
label-confidentiality = Confidentiality:
label-skills = Skills to acquire or develop:
label-start = Start of the internship:
label-end = End of the internship:
label-interruptions = Interruptions:
label-effective-presence = Effective presence:
label-weekly-hours = Weekly presence:
label-days-per-week = Days worked:
label-schedule = Hours:
label-working-time = Working time:
label-presence-type = Rhythm:
label-working-time-comment = Comment:
label-night-sunday-holiday = Presence at night, on Sundays or on public holidays:
label-supervision-mode = Supervision arrangements:
label-stipend-paid = Stipend:
label-stipend-amount = Amount:
label-payment-mode = Payment method:
label-stipend-total = Amount for the planned presence:
label-legal-minimum = Legal minimum for this presence:
label-leave-days = Leave and authorised absences:
label-leave-terms = Terms:
label-validation-mode = Assessment:
label-work-to-deliver = Work to hand in:
label-benefits = Benefits:
label-period = Period:
label-duration = Effective duration:
label-stipend-paid-total = Total stipend paid:

## Values

teaching-hours-value = { $hours } of teaching per year, internship excluded
type-initial-mandatory = initial training, compulsory internship
type-initial-recommended = initial training, recommended internship
type-continuing-education = continuing education
type-gap-year = gap year
type-reorientation = reorientation or professional integration
confidentiality-none = none
confidentiality-total = confidential subject and report
confidentiality-free = free distribution
schedule-irregular = irregular hours, by period:
schedule-period = { $start } – { $end }: { $hours } per day
days-per-week-value = { $days } days a week
working-time-full = full time
working-time-part = part time ({ $percentage } %)
presence-continuous = continuous presence
presence-discontinuous = discontinuous presence (work-study)
stipend-none = no stipend is paid
stipend-amount-value = { $amount } { $basis } per { $unit }
basis-gross = gross
basis-net = net
unit-hour = hour
unit-day = day
unit-week = week
unit-month = month
payment-bank-transfer = bank transfer
payment-cheque = cheque
payment-cash = cash
legal-minimum-value = { $amount } ({ $rates })
hourly-rate = { $rate } per hour in { $year }
hourly-rate-floor = at least { $rate } per hour in { $year } ({ $rate_year } rate, the latest known)
legal-minimum-unknown = minimum hourly rate unknown for { $year }
stipend-mandatory = The presence exceeds 308 hours: the stipend is compulsory and due from the first hour (article L124-6 of the French Education Code).
stipend-optional = The presence does not exceed 308 hours: the stipend is optional.
stipend-abroad = The internship takes place abroad: the French legal minimum does not apply.
stipend-continuing-education = Continuing-education internship: the stipend regime does not apply.
leave-days-value = { $days } days
duration-value = { $hours }, that is { $breakdown }

## Agreement

convention-title = Internship agreement
convention-subtitle = no. { $number } – academic year { $year }
parties-title = Between the undersigned
party-institution = The educational institution
party-student = The intern
party-host = The host organisation
party-service = The host department and place of the internship
party-tutor = The internship tutor
party-supervisor = The academic supervisor
agreed-intro = The following has been agreed.
article-heading = Article { $number } – { $title }
art-programme = Programme of study
art-subject = Purpose of the internship and activities entrusted
art-skills = Skills to acquire
art-dates = Dates and duration of the internship
art-hours = Weekly presence, night, Sunday and public-holiday work
art-supervision = Supervision and follow-up of the intern
art-stipend = Stipend and payment
art-social = Social protection
art-leave = Leave and absences
art-termination = Suspension and termination
art-validation = Validation of an interrupted internship
art-benefits = Benefits
art-rules = Internal rules of the host organisation
art-certificate = Internship certificate
clause-hours = Presence time, night presence, daily and weekly rest and public holidays follow the rules that apply to the host organisation's employees; the host keeps a record of the intern's presence (article L124-14 of the French Education Code).
clause-supervision = The academic supervisor checks with the tutor several times that the internship is going well and proposes to redefine the tasks if needed. The tutor welcomes and guides the intern within the organisation.
clause-stipend = The stipend is paid monthly. On suspension or termination it is due in proportion to the effective presence.
clause-social = The intern remains affiliated to their social-security scheme and is covered against work accidents and occupational diseases (article L412-8 of the French Social Security Code); the host organisation declares any accident and informs the institution. The intern and the host organisation declare that they hold civil-liability insurance.
clause-leave = The intern may be absent for obligations certified by the institution and is entitled to the leave and authorised absences of article L124-13 of the French Education Code; any other absence is reported to the institution.
clause-termination = The internship may be suspended or terminated by mutual agreement or at the initiative of one party, after informing the other parties and consulting the academic supervisor and the tutor. Any change is made by an amendment.
clause-validation = When the internship is interrupted because of illness, accident, pregnancy, paternity, adoption or, with the institution's agreement, because the educational terms were not respected or the host ended it, the institution validates the internship even if it is shorter than planned, or offers another way to validate it (article L124-15 of the French Education Code).
clause-benefits = The intern has access to the staff restaurant or meal vouchers and to the reimbursement of transport costs on the same terms as the host organisation's employees.
clause-rules = The intern follows the host organisation's internal rules, its health and safety rules and its confidentiality obligations. Only the institution may impose a disciplinary sanction.
clause-certificate = At the end of the internship the host organisation gives the intern a certificate stating the effective duration of the internship and, where applicable, the total stipend paid (article D124-9 of the French Education Code).

## Signatures

signatures-title = Signatures
done-at = Done at { $place } on { $date }.
sign-student = The intern
sign-institution = For the institution
sign-host = For the host organisation
sign-tutor = The internship tutor
sign-supervisor = The academic supervisor
sign-date-signature = Date and signature:

## Amendment

amendment-title = Amendment to the internship agreement
amendment-subtitle = Amendment no. { $index } to agreement no. { $number }
amendment-intro = The parties agree to amend the agreement as follows; its other terms remain unchanged.
label-convention = Agreement:
label-student = Intern:
label-host = Host organisation:
label-amendment-title = Subject:
label-reason = Reason:
changes-title = Changes
no-changes = No change.
label-before = Before:
label-after = After:
change-termination = Early termination of the internship
change-dates = Dates of the internship
change-interruptions = Interruptions
change-host-service = Host department and place of the internship
change-subject = Subject of the internship
change-supervisor = Academic supervisor
change-tutor = Internship tutor
change-stipend = Stipend
change-other = Other change
planned-end = planned end on { $date }
termination-value = ends on { $date } at the initiative of { $initiator }: { $comment }
initiated-by-intern = the student
initiated-by-host = the host organisation
initiated-by-school = the school

## Certificate

certificate-title = Internship certificate
certificate-legal-basis = Articles L124-18 and D124-9 of the French Education Code
certificate-host = The host organisation
certificate-certifies = certifies that the intern below
certificate-internship = completed an internship as part of the following programme
certificate-terminated-early = The internship ended early.
certificate-no-stipend = no stipend was paid
certificate-pension = The intern may ask for this internship to count towards their pension, up to two quarters, within two years of its end (article L351-17 of the French Social Security Code).
certificate-representative = The host organisation's representative

## Evaluation sheets

evaluation-title-student = Internship evaluation by the student
evaluation-title-supervisor = Internship evaluation by the academic supervisor
evaluation-title-tutor = Internship evaluation by the workplace tutor
evaluation-about = Internship of { $student } at { $host }, from { $start } to { $end }
evaluation-submitted = Form submitted on { $date }
evaluation-draft = Form being filled in (draft)
evaluation-yes = Yes
evaluation-no = No
evaluation-unanswered = (no answer)
evaluation-scale = { $value } out of 5

## Minors (SAF-07) and internships abroad (ABR-01, ABR-02, ABR-03)

label-legal-representative = Legal representative:
label-night-work = Night work (10 pm – 6 am):
night-work-yes = yes
night-work-no = no
clause-social-abroad = The intern remains affiliated to their social-security scheme. For an internship abroad, the intern takes out assistance (repatriation) and personal accident insurance; the host organisation informs the school in writing of any accident within 48 hours. The intern and the host organisation declare that they are covered for civil liability.
label-accident-cover = Work accidents:
accident-cover-french = French cover (article L412-8 2° of the French social-security code), maintained as long as the internship lasts at most { $months } months including extensions (here from { $start } to { $end }), the stipend does not exceed { $limit } an hour (15 % of the hourly social-security ceiling), and the internship takes place only at the signatory host ({ $host }) and only in the country named ({ $country }). Should one of these conditions cease to be met, the host organisation insures the intern.
accident-cover-host = the host organisation insures the intern against work accidents under the law of the host country.
accident-cover-to-declare = to be stated: the French cover does not apply, the host organisation must insure the intern.
accident-cover-french-short = French cover (article L412-8 of the French social-security code)
clause-leave-abroad = Leave and absences follow the host organisation’s practice. The intern may be absent for obligations certified by the school; any other absence is reported to the school.
annexes-title = Annexes
annex-country-sheet = Information sheet on the intern’s rights and duties in the host country ({ $country }), published by the French Ministry for Foreign Affairs (diplomatie.gouv.fr) and CLEISS (cleiss.fr).
sign-legal-representative = The legal representative of the minor intern
change-accident-cover = Work-accident cover

# Signature page of the signed agreement.
signature-page-title = Signature page
signatures-intro = This page lists the signatures of agreement { $number }. Each was given on the document whose SHA-256 fingerprint is:
signatures-seal = Document electronically sealed by { $institution } on { $date }.
signatures-party-student = The intern
signatures-party-legal-representative = The legal representative
signatures-party-host-signatory = The host organisation’s signatory
signatures-party-tutor = The workplace tutor
signatures-party-supervisor = The academic supervisor
signatures-party-school = The educational institution
signatures-method-electronic = Electronic signature (personal link and one-time code)
signatures-method-paper = Handwritten signature, scan recorded by the management centre
label-signer = Signatory
label-signed-on = Signed on
label-method = Method
label-recorded-by = Recorded by
label-network-address = Network address
label-user-agent = Browser
label-recorded-at = Timestamp
label-scan-hash = Scan fingerprint
