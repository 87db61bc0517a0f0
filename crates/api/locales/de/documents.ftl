# Gedruckte Dokumente: Praktikumsvertrag, Änderungsvereinbarung, Praktikumsbescheinigung.
# Zahlen, Beträge und Daten kommen bereits formatiert an.

## Kopf- und Fußzeile

header-number = Vertrag Nr. { $number }
footer-page = Seite { $page } / { $pages }

## Formate

date = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
hours = { $hours } Std.
hours-minutes = { $hours } Std. { $minutes } Min.
duration-breakdown = { $months } { $months ->
        [one] Monat
       *[other] Monate
    }, { $days } { $days ->
        [one] Tag
       *[other] Tage
    } und { $rest }
from-to = vom { $start } bis zum { $end }
counting-rule = Die Dauer wird nach tatsächlicher Anwesenheit berechnet: Je 7 Stunden Anwesenheit, zusammenhängend oder nicht, zählen als ein Tag und je 22 Tage als ein Monat (Artikel L124-18 und D124-6 des französischen Bildungsgesetzbuchs).
civility-ms = Frau
civility-mr = Herr

## Bezeichnungen

label-name = Name:
label-represented-by = Vertreten durch:
label-position = Funktion:
label-address = Anschrift:
label-phone = Telefon:
label-email = E-Mail:
label-student-number = Matrikelnummer:
label-ine = INE:
label-birth-date = Geburtsdatum:
label-usage-name = Gebrauchsname:
label-health-insurance = Krankenversicherung:
label-siret = SIRET:
label-activity = Tätigkeit:
label-legal-status = Rechtsform:
label-website = Website:
label-department = Fachbereich:
label-supervisor = Betreuende/r Lehrende/r:
label-tutor = Praktikumsbetreuer/in:
label-institution = Hochschule:
label-centre = Verwaltungsstelle:
label-programme = Studiengang:
label-academic-year = Studienjahr:
label-faculty = Fakultät:
label-teaching-hours = Lehrumfang:
label-teaching-element = Lehreinheit:
label-convention-type = Art des Praktikums:
label-subject = Thema:
label-theme = Themenbereich:
label-tasks = Übertragene Tätigkeiten:
label-details = Erläuterungen:
label-confidentiality = Vertraulichkeit:
label-skills = Zu erwerbende oder zu vertiefende Kompetenzen:
label-start = Beginn des Praktikums:
label-end = Ende des Praktikums:
label-interruptions = Unterbrechungen:
label-effective-presence = Tatsächliche Anwesenheit:
label-weekly-hours = Wöchentliche Anwesenheit:
label-days-per-week = Arbeitstage:
label-schedule = Arbeitszeiten:
label-working-time = Arbeitszeit:
label-presence-type = Rhythmus:
label-working-time-comment = Anmerkung:
label-night-sunday-holiday = Anwesenheit nachts, sonntags oder an Feiertagen:
label-supervision-mode = Art der Betreuung:
label-stipend-paid = Praktikumsvergütung:
label-stipend-amount = Betrag:
label-payment-mode = Zahlungsweise:
label-stipend-total = Betrag für die vorgesehene Anwesenheit:
label-legal-minimum = Gesetzliches Minimum für diese Anwesenheit:
label-leave-days = Urlaub und genehmigte Abwesenheiten:
label-leave-terms = Regelung:
label-validation-mode = Leistungsnachweis:
label-work-to-deliver = Abzugebende Arbeit:
label-benefits = Leistungen:
label-period = Zeitraum:
label-duration = Tatsächliche Dauer:
label-stipend-paid-total = Insgesamt gezahlte Vergütung:

## Werte

teaching-hours-value = { $hours } Lehre pro Jahr, ohne Praktikum
type-initial-mandatory = Erstausbildung, Pflichtpraktikum
type-initial-recommended = Erstausbildung, empfohlenes Praktikum
type-continuing-education = Weiterbildung
type-gap-year = Auszeit (césure)
type-reorientation = Neuorientierung oder berufliche Eingliederung
confidentiality-none = keine
confidentiality-total = Thema und Bericht vertraulich
confidentiality-free = freie Verbreitung
schedule-irregular = unregelmäßige Arbeitszeiten, nach Zeitraum:
schedule-period = { $start } – { $end }: { $hours } pro Tag
days-per-week-value = { $days } Tage pro Woche
working-time-full = Vollzeit
working-time-part = Teilzeit ({ $percentage } %)
presence-continuous = durchgehende Anwesenheit
presence-discontinuous = abwechselnde Anwesenheit (dual)
stipend-none = es wird keine Vergütung gezahlt
stipend-amount-value = { $amount } { $basis } pro { $unit }
basis-gross = brutto
basis-net = netto
unit-hour = Stunde
unit-day = Tag
unit-week = Woche
unit-month = Monat
payment-bank-transfer = Überweisung
payment-cheque = Scheck
payment-cash = bar
legal-minimum-value = { $amount } ({ $rates })
hourly-rate = { $rate } pro Stunde im Jahr { $year }
hourly-rate-floor = mindestens { $rate } pro Stunde im Jahr { $year } (Satz von { $rate_year }, der zuletzt bekannte)
legal-minimum-unknown = Mindeststundensatz für { $year } unbekannt
stipend-mandatory = Die Anwesenheit übersteigt 308 Stunden: Die Vergütung ist verpflichtend und ab der ersten Stunde geschuldet (Artikel L124-6 des französischen Bildungsgesetzbuchs).
stipend-optional = Die Anwesenheit übersteigt 308 Stunden nicht: Die Vergütung ist freiwillig.
stipend-abroad = Das Praktikum findet im Ausland statt: Das französische gesetzliche Minimum gilt nicht.
stipend-continuing-education = Praktikum der Weiterbildung: Die Vergütungsregelung gilt nicht.
leave-days-value = { $days } Tage
duration-value = { $hours }, das heißt { $breakdown }

## Vertrag

convention-title = Praktikumsvertrag
convention-subtitle = Nr. { $number } – Studienjahr { $year }
parties-title = Zwischen den Unterzeichnenden
party-institution = Die Hochschule
party-student = Der/die Praktikant/in
party-host = Die aufnehmende Einrichtung
party-service = Die aufnehmende Abteilung und der Ort des Praktikums
party-tutor = Der/die Praktikumsbetreuer/in
party-supervisor = Der/die betreuende Lehrende
agreed-intro = Es wird Folgendes vereinbart.
article-heading = Artikel { $number } – { $title }
art-programme = Studiengang
art-subject = Gegenstand des Praktikums und übertragene Tätigkeiten
art-skills = Zu erwerbende Kompetenzen
art-dates = Daten und Dauer des Praktikums
art-hours = Wöchentliche Anwesenheit, Nacht-, Sonntags- und Feiertagsarbeit
art-supervision = Betreuung und Begleitung
art-stipend = Vergütung und Zahlungsweise
art-social = Sozialversicherung
art-leave = Urlaub und Abwesenheiten
art-termination = Aussetzung und Kündigung
art-validation = Anerkennung eines unterbrochenen Praktikums
art-benefits = Leistungen
art-rules = Hausordnung der aufnehmenden Einrichtung
art-certificate = Praktikumsbescheinigung
clause-hours = Anwesenheitszeiten, Nachtarbeit, tägliche und wöchentliche Ruhezeiten und Feiertage folgen den Regeln für die Beschäftigten der aufnehmenden Einrichtung, die die Anwesenheit des Praktikanten erfasst (Artikel L124-14 des französischen Bildungsgesetzbuchs).
clause-supervision = Der/die betreuende Lehrende vergewissert sich mehrmals beim Praktikumsbetreuer, dass das Praktikum ordnungsgemäß verläuft, und schlägt bei Bedarf eine Anpassung der Aufgaben vor. Der/die Praktikumsbetreuer/in empfängt und begleitet den Praktikanten in der Einrichtung.
clause-stipend = Die Vergütung wird monatlich gezahlt. Bei Aussetzung oder Kündigung ist sie anteilig zur tatsächlichen Anwesenheit geschuldet.
clause-social = Der Praktikant bleibt in seinem Sozialversicherungssystem versichert und ist gegen Arbeitsunfälle und Berufskrankheiten geschützt (Artikel L412-8 des französischen Sozialversicherungsgesetzbuchs); die aufnehmende Einrichtung meldet jeden Unfall und unterrichtet die Hochschule. Der Praktikant und die aufnehmende Einrichtung erklären, haftpflichtversichert zu sein.
clause-leave = Der Praktikant darf für von der Hochschule bescheinigte Verpflichtungen abwesend sein und hat Anspruch auf Urlaub und genehmigte Abwesenheiten nach Artikel L124-13 des französischen Bildungsgesetzbuchs; jede andere Abwesenheit wird der Hochschule gemeldet.
clause-termination = Das Praktikum kann einvernehmlich oder auf Initiative einer Partei ausgesetzt oder beendet werden, nachdem die anderen Parteien informiert und der/die betreuende Lehrende sowie der/die Praktikumsbetreuer/in angehört wurden. Jede Änderung erfolgt durch eine Änderungsvereinbarung.
clause-validation = Wird das Praktikum wegen Krankheit, Unfall, Schwangerschaft, Vaterschaft, Adoption oder, mit Zustimmung der Hochschule, wegen Nichteinhaltung der pädagogischen Bestimmungen oder Beendigung durch die aufnehmende Einrichtung unterbrochen, erkennt die Hochschule das Praktikum auch bei kürzerer Dauer an oder bietet eine andere Form der Anerkennung an (Artikel L124-15 des französischen Bildungsgesetzbuchs).
clause-benefits = Der Praktikant hat zu denselben Bedingungen wie die Beschäftigten der aufnehmenden Einrichtung Zugang zur Kantine oder zu Essensgutscheinen und zur Erstattung der Fahrtkosten.
clause-rules = Der Praktikant beachtet die Hausordnung, die Regeln zu Gesundheit und Sicherheit und die Vertraulichkeitspflichten der aufnehmenden Einrichtung. Nur die Hochschule kann Disziplinarmaßnahmen verhängen.
clause-certificate = Am Ende des Praktikums stellt die aufnehmende Einrichtung dem Praktikanten eine Bescheinigung über die tatsächliche Dauer des Praktikums und gegebenenfalls den Gesamtbetrag der gezahlten Vergütung aus (Artikel D124-9 des französischen Bildungsgesetzbuchs).

## Unterschriften

signatures-title = Unterschriften
done-at = Ausgefertigt in { $place } am { $date }.
sign-student = Der/die Praktikant/in
sign-institution = Für die Hochschule
sign-host = Für die aufnehmende Einrichtung
sign-tutor = Der/die Praktikumsbetreuer/in
sign-supervisor = Der/die betreuende Lehrende
sign-date-signature = Datum und Unterschrift:

## Änderungsvereinbarung

amendment-title = Änderungsvereinbarung zum Praktikumsvertrag
amendment-subtitle = Änderung Nr. { $index } zum Vertrag Nr. { $number }
amendment-intro = Die Parteien vereinbaren, den Vertrag wie folgt zu ändern; seine übrigen Bestimmungen bleiben unverändert.
label-convention = Vertrag:
label-student = Praktikant/in:
label-host = Aufnehmende Einrichtung:
label-amendment-title = Gegenstand:
label-reason = Grund:
changes-title = Änderungen
no-changes = Keine Änderung.
label-before = Bisher:
label-after = Neu:
change-termination = Vorzeitige Beendigung des Praktikums
change-dates = Daten des Praktikums
change-interruptions = Unterbrechungen
change-host-service = Aufnehmende Abteilung und Ort des Praktikums
change-subject = Thema des Praktikums
change-supervisor = Betreuende/r Lehrende/r
change-tutor = Praktikumsbetreuer/in
change-stipend = Vergütung
change-other = Sonstige Änderung
planned-end = vorgesehenes Ende am { $date }
termination-value = Ende am { $date } auf Initiative { $initiator }: { $comment }
initiated-by-intern = des Studierenden
initiated-by-host = der Aufnahmeeinrichtung
initiated-by-school = der Hochschule

## Bescheinigung

certificate-title = Praktikumsbescheinigung
certificate-legal-basis = Artikel L124-18 und D124-9 des französischen Bildungsgesetzbuchs
certificate-host = Die aufnehmende Einrichtung
certificate-certifies = bescheinigt, dass der/die nachstehende Praktikant/in
certificate-internship = im Rahmen des folgenden Studiengangs ein Praktikum absolviert hat
certificate-terminated-early = Das Praktikum wurde vorzeitig beendet.
certificate-no-stipend = es wurde keine Vergütung gezahlt
certificate-pension = Der Praktikant kann innerhalb von zwei Jahren nach Ende des Praktikums beantragen, dass dieser Zeitraum bis zu zwei Quartalen für die Rente berücksichtigt wird (Artikel L351-17 des französischen Sozialversicherungsgesetzbuchs).
certificate-representative = Der/die Vertreter/in der aufnehmenden Einrichtung

## Evaluation sheets

evaluation-title-student = Bewertung des Praktikums durch die/den Studierenden
evaluation-title-supervisor = Bewertung des Praktikums durch die betreuende Lehrkraft
evaluation-title-tutor = Bewertung des Praktikums durch die betriebliche Betreuungsperson
evaluation-about = Praktikum von { $student } bei { $host }, vom { $start } bis { $end }
evaluation-submitted = Fragebogen abgeschickt am { $date }
evaluation-draft = Fragebogen in Bearbeitung (Entwurf)
evaluation-yes = Ja
evaluation-no = Nein
evaluation-unanswered = (keine Antwort)
evaluation-scale = { $value } von 5

## Minors (SAF-07) and internships abroad (ABR-01, ABR-02, ABR-03)

label-legal-representative = Gesetzlicher Vertreter:
label-night-work = Nachtarbeit (22 – 6 Uhr):
night-work-yes = ja
night-work-no = nein
clause-social-abroad = Der Praktikant bleibt in seinem Sozialversicherungssystem versichert. Für ein Praktikum im Ausland schließt er eine Reiseassistenz- (Rücktransport) und eine private Unfallversicherung ab; die aufnehmende Einrichtung unterrichtet die Hochschule innerhalb von 48 Stunden schriftlich über jeden Unfall. Der Praktikant und die aufnehmende Einrichtung erklären, haftpflichtversichert zu sein.
label-accident-cover = Arbeitsunfälle:
accident-cover-french = französischer Versicherungsschutz (Artikel L412-8 2° des französischen Sozialversicherungsgesetzbuchs), der bestehen bleibt, solange das Praktikum einschließlich Verlängerungen höchstens { $months } Monate dauert (hier vom { $start } bis zum { $end }), die Vergütung { $limit } pro Stunde nicht übersteigt (15 % der stündlichen Beitragsbemessungsgrenze) und das Praktikum ausschließlich in der unterzeichnenden Einrichtung ({ $host }) und ausschließlich im genannten Land ({ $country }) stattfindet. Entfällt eine dieser Bedingungen, versichert die aufnehmende Einrichtung den Praktikanten.
accident-cover-host = die aufnehmende Einrichtung versichert den Praktikanten nach dem Recht des Gastlandes gegen Arbeitsunfälle.
accident-cover-to-declare = noch anzugeben: der französische Schutz gilt nicht, die aufnehmende Einrichtung muss den Praktikanten versichern.
accident-cover-french-short = französischer Versicherungsschutz (Artikel L412-8 des französischen Sozialversicherungsgesetzbuchs)
clause-leave-abroad = Urlaub und Abwesenheiten richten sich nach den Gepflogenheiten der aufnehmenden Einrichtung. Der Praktikant darf für von der Hochschule bescheinigte Verpflichtungen fehlen; jede andere Abwesenheit wird der Hochschule gemeldet.
annexes-title = Anlagen
annex-country-sheet = Informationsblatt über die Rechte und Pflichten des Praktikanten im Gastland ({ $country }), herausgegeben vom französischen Außenministerium (diplomatie.gouv.fr) und vom CLEISS (cleiss.fr).
sign-legal-representative = Der gesetzliche Vertreter des minderjährigen Praktikanten
change-accident-cover = Schutz gegen Arbeitsunfälle

# Signature page of the signed agreement.
signature-page-title = Unterschriftenseite
signatures-intro = Diese Seite führt die Unterschriften der Vereinbarung { $number } auf. Alle beziehen sich auf das Dokument mit dem SHA-256-Fingerabdruck:
signatures-seal = Dokument elektronisch versiegelt von { $institution } am { $date }.
signatures-party-student = Der/die Praktikant/in
signatures-party-legal-representative = Der/die gesetzliche Vertreter/in
signatures-party-host-signatory = Der/die Unterzeichnende der aufnehmenden Einrichtung
signatures-party-tutor = Der/die Betreuer/in in der Einrichtung
signatures-party-supervisor = Der/die betreuende Lehrende
signatures-party-school = Die Hochschule
signatures-method-electronic = Elektronische Unterschrift (persönlicher Link und Einmalcode)
signatures-method-paper = Handschriftliche Unterschrift, Scan von der Verwaltungsstelle erfasst
label-signer = Unterzeichnende/r
label-signed-on = Unterzeichnet am
label-method = Art
label-recorded-by = Erfasst von
label-network-address = Netzwerkadresse
label-user-agent = Browser
label-recorded-at = Zeitstempel
label-scan-hash = Fingerabdruck des Scans
