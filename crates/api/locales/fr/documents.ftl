# Documents imprimés : convention, avenant, attestation de stage.
# Langue de référence. Les nombres, montants et dates arrivent déjà formatés.

## Bandeau et pied de page

header-number = Convention n° { $number }
footer-page = Page { $page } / { $pages }

## Formats

date = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
hours = { $hours } h
hours-minutes = { $hours } h { $minutes } min
duration-breakdown = { $months } mois, { $days } { $days ->
        [one] jour
       *[other] jours
    } et { $rest }
from-to = du { $start } au { $end }
counting-rule = La durée est comptée en présence effective : chaque période de 7 heures de présence, consécutives ou non, compte pour un jour et chaque période de 22 jours pour un mois (articles L124-18 et D124-6 du code de l’éducation).
civility-ms = Mme
civility-mr = M.

## Libellés

label-name = Nom :
label-represented-by = Représenté par :
label-position = Qualité :
label-address = Adresse :
label-phone = Téléphone :
label-email = Courriel :
label-student-number = N° étudiant :
label-ine = INE :
label-birth-date = Date de naissance :
label-usage-name = Nom d’usage :
label-health-insurance = Assurance maladie :
label-siret = SIRET :
label-activity = Activité :
label-legal-status = Statut juridique :
label-website = Site web :
label-department = Affectation :
label-supervisor = Enseignant référent :
label-tutor = Tuteur de stage :
label-institution = Établissement :
label-centre = Centre de gestion :
label-programme = Formation :
label-academic-year = Année universitaire :
label-faculty = Composante :
label-teaching-hours = Volume pédagogique :
label-teaching-element = Élément pédagogique :
label-convention-type = Type de stage :
label-subject = Sujet :
label-theme = Thématique :
label-tasks = Activités confiées :
label-details = Précisions :
label-confidentiality = Confidentialité :
label-skills = Compétences à acquérir ou à développer :
label-start = Début du stage :
label-end = Fin du stage :
label-interruptions = Interruptions :
label-effective-presence = Durée de présence effective :
label-weekly-hours = Présence hebdomadaire :
label-days-per-week = Jours travaillés :
label-schedule = Horaires :
label-working-time = Temps de travail :
label-presence-type = Rythme :
label-working-time-comment = Commentaire :
label-night-sunday-holiday = Présence de nuit, le dimanche ou un jour férié :
label-supervision-mode = Modalités d’encadrement :
label-stipend-paid = Gratification :
label-stipend-amount = Montant :
label-payment-mode = Modalité de versement :
label-stipend-total = Montant pour la présence prévue :
label-legal-minimum = Minimum légal pour cette présence :
label-leave-days = Congés et autorisations d’absence :
label-leave-terms = Modalités :
label-validation-mode = Modalités de validation :
label-work-to-deliver = Travail à rendre :
label-benefits = Avantages :
label-period = Période :
label-duration = Durée effective :
label-stipend-paid-total = Gratification totale versée :

## Valeurs

teaching-hours-value = { $hours } d’enseignement par an, stage non compris
type-initial-mandatory = formation initiale, stage obligatoire
type-initial-recommended = formation initiale, stage conseillé
type-continuing-education = formation continue
type-gap-year = période de césure
type-reorientation = réorientation ou insertion professionnelle
confidentiality-none = aucune
confidentiality-total = sujet et rapport confidentiels
confidentiality-free = diffusion libre
schedule-irregular = horaires irréguliers, par période :
schedule-period = { $start } – { $end } : { $hours } par jour
days-per-week-value = { $days } jours par semaine
working-time-full = temps plein
working-time-part = temps partiel ({ $percentage } %)
presence-continuous = présence continue
presence-discontinuous = présence discontinue (alternance)
stipend-none = aucune gratification n’est versée
stipend-amount-value = { $amount } { $basis } par { $unit }
basis-gross = brut
basis-net = net
unit-hour = heure
unit-day = jour
unit-week = semaine
unit-month = mois
payment-bank-transfer = virement bancaire
payment-cheque = chèque
payment-cash = espèces
legal-minimum-value = { $amount } ({ $rates })
hourly-rate = { $rate } de l’heure en { $year }
hourly-rate-floor = au moins { $rate } de l’heure en { $year } (taux de { $rate_year }, le dernier connu)
legal-minimum-unknown = taux horaire minimal inconnu pour { $year }
stipend-mandatory = La présence dépasse 308 heures : la gratification est obligatoire et due dès la première heure (article L124-6 du code de l’éducation).
stipend-optional = La présence ne dépasse pas 308 heures : la gratification est facultative.
stipend-abroad = Le stage se déroule à l’étranger : le minimum légal français ne s’applique pas.
stipend-continuing-education = Stage de formation continue : le régime de la gratification ne s’applique pas.
leave-days-value = { $days } jours
duration-value = { $hours }, soit { $breakdown }

## Convention

convention-title = Convention de stage
convention-subtitle = n° { $number } – année universitaire { $year }
parties-title = Entre les soussignés
party-institution = L’établissement d’enseignement
party-student = Le stagiaire
party-host = L’organisme d’accueil
party-service = Le service d’accueil et le lieu du stage
party-tutor = Le tuteur de stage
party-supervisor = L’enseignant référent
agreed-intro = Il a été convenu ce qui suit.
article-heading = Article { $number } – { $title }
art-programme = Formation suivie
art-subject = Objet du stage et activités confiées
art-skills = Compétences à acquérir
art-dates = Dates et durée du stage
art-hours = Présence hebdomadaire, travail de nuit, le dimanche et les jours fériés
art-supervision = Encadrement et suivi du stagiaire
art-stipend = Gratification et modalités de versement
art-social = Protection sociale
art-leave = Congés et absences
art-termination = Suspension et résiliation
art-validation = Validation du stage en cas d’interruption
art-benefits = Avantages
art-rules = Règlement intérieur de l’organisme d’accueil
art-certificate = Attestation de stage
clause-hours = La durée de présence, la présence de nuit, le repos quotidien et hebdomadaire et les jours fériés suivent les règles applicables aux salariés de l’organisme d’accueil, qui tient un décompte de la présence du stagiaire (article L124-14 du code de l’éducation).
clause-supervision = L’enseignant référent s’assure à plusieurs reprises, auprès du tuteur, du bon déroulement du stage et propose si besoin une redéfinition des missions. Le tuteur accueille et accompagne le stagiaire dans l’organisme.
clause-stipend = La gratification est versée mensuellement. En cas de suspension ou de résiliation, elle est due au prorata de la durée de présence effective.
clause-social = Le stagiaire reste affilié à son régime de sécurité sociale. Il bénéficie de la protection contre les accidents du travail et les maladies professionnelles (article L412-8 du code de la sécurité sociale) ; l’organisme d’accueil déclare tout accident et en informe l’établissement. Le stagiaire et l’organisme d’accueil déclarent être couverts au titre de la responsabilité civile.
clause-leave = Le stagiaire peut s’absenter pour les obligations attestées par l’établissement. Il bénéficie des congés et autorisations d’absence prévus à l’article L124-13 du code de l’éducation ; toute autre absence est signalée à l’établissement.
clause-termination = Le stage peut être suspendu ou résilié d’un commun accord ou à l’initiative de l’une des parties, après information des autres parties et concertation avec l’enseignant référent et le tuteur. Toute modification fait l’objet d’un avenant.
clause-validation = Lorsque le stage est interrompu pour maladie, accident, grossesse, paternité, adoption ou, avec l’accord de l’établissement, pour non-respect des stipulations pédagogiques ou en cas de rupture à l’initiative de l’organisme d’accueil, l’établissement valide le stage même s’il n’a pas atteint la durée prévue ou propose une modalité alternative de validation (article L124-15 du code de l’éducation).
clause-benefits = Le stagiaire a accès au restaurant d’entreprise ou aux titres-restaurant et à la prise en charge des frais de transport dans les mêmes conditions que les salariés de l’organisme d’accueil.
clause-rules = Le stagiaire respecte le règlement intérieur, les règles d’hygiène et de sécurité et les obligations de confidentialité de l’organisme d’accueil. Seul l’établissement peut prendre une sanction disciplinaire.
clause-certificate = À la fin du stage, l’organisme d’accueil remet au stagiaire une attestation indiquant la durée effective du stage et, le cas échéant, le montant total de la gratification versée (article D124-9 du code de l’éducation).

## Signatures

signatures-title = Signatures
done-at = Fait à { $place }, le { $date }.
sign-student = Le stagiaire
sign-institution = Pour l’établissement
sign-host = Pour l’organisme d’accueil
sign-tutor = Le tuteur de stage
sign-supervisor = L’enseignant référent
sign-date-signature = Date et signature :

## Avenant

amendment-title = Avenant à la convention de stage
amendment-subtitle = Avenant n° { $index } à la convention n° { $number }
amendment-intro = Les parties conviennent de modifier la convention comme suit ; ses autres stipulations demeurent inchangées.
label-convention = Convention :
label-student = Stagiaire :
label-host = Organisme d’accueil :
label-amendment-title = Objet :
label-reason = Motif :
changes-title = Modifications
no-changes = Aucune modification.
label-before = Avant :
label-after = Après :
change-termination = Fin anticipée du stage
change-dates = Dates du stage
change-interruptions = Interruptions
change-host-service = Service d’accueil et lieu du stage
change-subject = Sujet du stage
change-supervisor = Enseignant référent
change-tutor = Tuteur de stage
change-stipend = Gratification
change-other = Autre modification
planned-end = fin prévue le { $date }
termination-value = fin le { $date } à l’initiative { $initiator } : { $comment }
initiated-by-intern = de l’étudiant
initiated-by-host = de l’organisme d’accueil
initiated-by-school = de l’établissement d’enseignement

## Attestation

certificate-title = Attestation de stage
certificate-legal-basis = Articles L124-18 et D124-9 du code de l’éducation
certificate-host = L’organisme d’accueil
certificate-certifies = certifie que le stagiaire ci-dessous
certificate-internship = a effectué un stage dans le cadre de la formation suivante
certificate-terminated-early = Le stage a pris fin de manière anticipée.
certificate-no-stipend = aucune gratification n’a été versée
certificate-pension = Le stagiaire peut demander la prise en compte de cette période de stage au titre de l’assurance vieillesse, dans la limite de deux trimestres, dans les deux ans suivant la fin du stage (article L351-17 du code de la sécurité sociale).
certificate-representative = Le représentant de l’organisme d’accueil

## Evaluation sheets

evaluation-title-student = Évaluation du stage par l'étudiant
evaluation-title-supervisor = Évaluation du stage par l'enseignant référent
evaluation-title-tutor = Évaluation du stage par le tuteur professionnel
evaluation-about = Stage de { $student } chez { $host }, du { $start } au { $end }
evaluation-submitted = Questionnaire envoyé le { $date }
evaluation-draft = Questionnaire en cours de saisie (brouillon)
evaluation-yes = Oui
evaluation-no = Non
evaluation-unanswered = (sans réponse)
evaluation-scale = { $value } sur 5

## Minors (SAF-07) and internships abroad (ABR-01, ABR-02, ABR-03)

label-legal-representative = Représentant légal :
label-night-work = Travail de nuit (22 h – 6 h) :
night-work-yes = oui
night-work-no = non
clause-social-abroad = Le stagiaire reste affilié à son régime de sécurité sociale. Pour un stage à l’étranger, il souscrit une assurance assistance (rapatriement) et une assurance individuelle accident ; l’organisme d’accueil informe l’établissement par écrit de tout accident dans les 48 heures. Le stagiaire et l’organisme d’accueil déclarent être couverts au titre de la responsabilité civile.
label-accident-cover = Accidents du travail :
accident-cover-french = protection française (article L412-8 2° du code de la sécurité sociale), maintenue tant que le stage dure au plus { $months } mois prolongations comprises (ici du { $start } au { $end }), que la gratification ne dépasse pas { $limit } de l’heure (15 % du plafond horaire de la sécurité sociale) et que le stage se déroule exclusivement dans l’organisme signataire ({ $host }) et exclusivement dans le pays cité ({ $country }). Si l’une de ces conditions cesse d’être remplie, l’organisme d’accueil assure le stagiaire.
accident-cover-host = l’organisme d’accueil assure le stagiaire contre le risque d’accident du travail selon la législation du pays d’accueil.
accident-cover-to-declare = à préciser : la protection française ne s’applique pas, l’organisme d’accueil doit assurer le stagiaire.
accident-cover-french-short = protection française (article L412-8 du code de la sécurité sociale)
clause-leave-abroad = Les congés et absences suivent les usages de l’organisme d’accueil. Le stagiaire peut s’absenter pour les obligations attestées par l’établissement ; toute autre absence est signalée à l’établissement.
annexes-title = Annexes
annex-country-sheet = Fiche d’information sur les droits et devoirs du stagiaire dans le pays d’accueil ({ $country }), publiée par le ministère des affaires étrangères (diplomatie.gouv.fr) et le CLEISS (cleiss.fr).
sign-legal-representative = Le représentant légal du stagiaire mineur
change-accident-cover = Protection contre les accidents du travail

# Signature page of the signed agreement.
signature-page-title = Page des signatures
signatures-intro = Cette page récapitule les signatures de la convention { $number }. Toutes portent sur le document dont l’empreinte SHA-256 est :
signatures-seal = Document scellé électroniquement par { $institution } le { $date }.
signatures-party-student = Le stagiaire
signatures-party-legal-representative = Le représentant légal
signatures-party-host-signatory = Le signataire de l’organisme d’accueil
signatures-party-tutor = Le tuteur de stage
signatures-party-supervisor = L’enseignant référent
signatures-party-school = L’établissement d’enseignement
signatures-method-electronic = Signature électronique (lien personnel et code à usage unique)
signatures-method-paper = Signature manuscrite, scan enregistré par le centre de gestion
label-signer = Signataire
label-signed-on = Signée le
label-method = Mode
label-recorded-by = Enregistrée par
label-network-address = Adresse réseau
label-user-agent = Navigateur
label-recorded-at = Horodatage
label-scan-hash = Empreinte du scan
