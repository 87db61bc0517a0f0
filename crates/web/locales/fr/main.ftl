## Application et menus

app-name = Stages
app-tagline = Conventions de stage
menu-home = Accueil
menu-report-problem = Signaler un problème
menu-sign-out = Déconnexion
menu-language = English
menu-language-title = Switch to English
menu-top-title = Menu principal
menu-side-title = Menu
menu-conventions = Conventions de stage
menu-organisations = Établissements d'accueil
menu-offers = Offres de stage et d'emploi
menu-evaluations = Évaluations des stages
menu-documents = Documents utiles
menu-centres = Centres de gestion
menu-nomenclatures = Tables de nomenclature
password-title = Mon mot de passe
password-intro = Pour un compte propre à Stages (pas celui de l'annuaire de l'université) : saisissez le mot de passe actuel puis le nouveau. Vos autres sessions ouvertes seront fermées.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-new-help = Au moins 12 caractères, et difficile à deviner : par exemple quatre mots sans rapport entre eux.
password-again = Nouveau mot de passe, une seconde fois
password-mismatch = Les deux saisies du nouveau mot de passe diffèrent.
password-submit = Changer le mot de passe
password-changed = Mot de passe changé.
demo-banner = Données de démonstration : ce compte et ces conventions sont fictifs.
footer-text = Stages, logiciel libre de gestion des conventions de stage

## Accueil et connexion

home-title = Accueil
home-welcome = Bienvenue sur l'application de gestion des conventions et des offres de stage.
home-signed-in-as = Connecté en tant que { $name }
home-privacy-title = Données personnelles
home-privacy = Les données personnelles recueillies par l'université font l'objet d'un traitement informatique nécessaire à la gestion des stages de ses étudiants. Conformément au règlement général sur la protection des données et à la loi « Informatique et Libertés », vous bénéficiez d'un droit d'accès aux données vous concernant, d'un droit de rectification et d'un droit d'effacement des données saisies dans cette application. Pour exercer ces droits, adressez-vous au délégué à la protection des données de l'université.
role-student = Étudiant
role-supervisor = Enseignant référent
role-manager = Gestionnaire
role-admin = Administrateur
login-title = Connexion
login-intro = Connectez-vous avec votre compte de l'université.
login-username = Identifiant
login-password = Mot de passe
login-submit = Se connecter
login-pending = Connexion…
login-failed = Identifiant ou mot de passe incorrect.
login-cas = Se connecter avec l'ENT
login-oidc = Se connecter avec le compte de l'université
login-or-password = ou avec un identifiant et un mot de passe Stages :
sso-error-ticket = La connexion par l'université n'a pas abouti : sa réponse a expiré, a déjà servi, n'était pas destinée à Stages ou n'a pas été demandée par ce navigateur. Cliquez de nouveau sur le bouton de connexion de l'université.
sso-error-unavailable = Le service d'authentification de l'université ne répond pas. Réessayez dans quelques minutes.
sso-error-identity = Votre compte de l'université ne transmet pas d'identifiant utilisable par Stages. Contactez le service informatique.
sso-error-busy = Trop de connexions par l'université ont été demandées depuis votre adresse, ou sont en cours : réessayez dans une minute.
sso-error-no-access = Votre compte de l'université ne donne pas accès à Stages : aucune affiliation (étudiant, enseignant, personnel) ne vous ouvre un rôle, ou votre compte a été désactivé. Contactez votre centre de gestion.
sso-error-reserved = Ce nom de compte est réservé à un compte local de Stages et ne peut pas être utilisé par l'ENT. Contactez l'administrateur de Stages.
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas.
not-found-back = Retour à l'accueil

## États et erreurs

loading = Chargement…
error-network = Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.
error-retry = Réessayer
error-not-found = Introuvable : cet élément n'existe pas ou vous n'y avez pas accès.
error-stale = Quelqu'un a modifié ces données pendant que vous les lisiez : rechargez la page puis recommencez.
download-done = Fichier téléchargé : { $name } ({ $size } Ko).

## Formulaires

form-errors-title = Corrigez les erreurs suivantes :
form-required-note = Les champs marqués d'un astérisque (*) sont obligatoires.
form-choose = — Choisir —
form-yes = Oui
form-no = Non
form-cancel = Annuler
form-edit = Modifier
form-save = Enregistrer
form-saved = Modifications enregistrées.
form-select = Sélectionner
form-open = Voir la fiche
form-not-a-date = Saisissez une date.
form-not-a-number = Saisissez un nombre.
form-not-an-amount = Saisissez un montant, par exemple 600,50.
help-about = Aide : { $field }
table-actions = Actions
address-street = Numéro et voie
address-building = Complément d'adresse
address-postal-code = Code postal
address-city = Commune
address-country = Pays
address-country-code = Code pays (FR, DE…)

## Recherche

search-title = Rechercher une convention
search-text = N° de convention, n° ou nom de l'étudiant
search-text-help = Un numéro de convention (2026-000123), un numéro d'étudiant, ou le nom et le prénom de l'étudiant.
search-centre = Centre de gestion
search-academic-year = Année universitaire
search-status = État
search-submit = Rechercher
search-results = Résultats
search-none = Aucune convention ne correspond.
search-more = Résultats suivants
search-next-page = Page suivante

## Conventions

conventions-title = Conventions de stage
convention-create = Créer une convention
convention-number = N° de convention
convention-student = Étudiant
convention-organisation = Établissement d'accueil
convention-dates = Dates
convention-status = État
convention-draft = Brouillon
convention-title = Convention n° { $number }
convention-title-draft = Convention en cours de saisie
convention-meta = { $centre }, année universitaire { $year }
convention-errors = Erreurs à corriger avant la création ou la validation :
convention-warnings = À vérifier :
convention-delete-question = Voulez-vous supprimer la convention ? Cette action est définitive.
convention-delete-confirm = Oui, supprimer la convention
status-draft = Brouillon
status-created = Créée
status-rejected = Renvoyée à l'étudiant
status-in-validation = En cours de validation
status-validated = Validée
status-terminated-early = Rompue
actions-title = Actions sur la convention
action-recap = Récapitulatif
action-edit = Modifier
action-print = Imprimer la convention
action-certificate = Attestation de stage
action-validate = Valider
action-amendments = Avenants
action-delete = Supprimer
recap-title = Récapitulatif
recap-empty = Non renseigné.
recap-name = Nom
recap-dates = Dates
recap-from-to = du { $start } au { $end }
recap-schedule = Horaires
recap-weekly = { $hours } par semaine
recap-irregular = Horaires irréguliers ({ $count ->
    [one] une période
   *[other] { $count } périodes
})
recap-stipend = Gratification
recap-no-stipend = Pas de gratification
rejection-title = Convention renvoyée le { $date } ; motif :
rejection-reason = Motif du refus
rejection-reason-required = Indiquez le motif du refus.
rejection-submit = Refuser et renvoyer à l'étudiant
validation-title = Validation
level-pedagogical = Validation pédagogique
level-administrative-check = Vérification administrative
level-administrative = Validation administrative
level-given = donnée
level-not-given = en attente
validate-level = Donner : { $level }
validate-withdraw = Retirer

## Chiffres du stage

figures-title = Durée et gratification
figures-incomplete = Renseignez les dates et les horaires pour calculer la durée du stage.
figures-presence = Présence effective
figures-duration = Durée
figures-breakdown = { $months } mois, { $days } jours et { $hours } (mois de 22 jours de 7 heures)
figures-working-days = Jours de présence
figures-stipend = Gratification
figures-stipend-mandatory = Obligatoire : le stage dépasse 308 heures de présence.
figures-stipend-optional = Facultative : le stage ne dépasse pas 308 heures de présence.
figures-minimum = Minimum légal pour toute la durée
figures-rate-unknown = taux horaire de l'année inconnu
figures-hourly = Gratification indiquée, par heure

## Assistant de création

wizard-title-new = Créer une convention
wizard-title-draft = Convention en cours de saisie
wizard-title-number = Convention n° { $number }
wizard-steps = Étapes de la convention
wizard-step = Étape
wizard-step-complete = (complète)
wizard-progress = Étape { $step } sur 8 ; { $complete ->
    [0] aucune étape complète
    [one] une étape complète
   *[other] { $complete } étapes complètes
} sur 7.
wizard-next = Suivant
wizard-validate = Valider
wizard-confirm = Confirmer
wizard-recap-title = Récapitulatif de l'étape
wizard-recap-intro = Vérifiez ces informations, puis confirmez.
wizard-select-continue = Sélectionner et continuer
wizard-save-draft = Enregistrer le brouillon
wizard-draft-saved = Brouillon enregistré.
wizard-back-to-convention = Retour à la convention
wizard-go-to-step = Aller à cette étape
step-student = Étudiant
step-organisation = Établissement d'accueil
step-host-service = Service d'accueil
step-tutor = Tuteur professionnel
step-internship = Informations stage
step-supervisor = Enseignant référent
step-signatory = Signataire
step-summary = Récapitulatif
step-needs-organisation = Choisissez d'abord l'établissement d'accueil (étape 2).
step-needs-service = Choisissez d'abord le service d'accueil (étape 3).
step-organisation-intro = Recherchez l'établissement d'accueil par sa raison sociale, éventuellement avec le numéro du département, ou par son numéro SIRET (plus précis), son activité, son téléphone, son adresse ou un de ses services. S'il n'existe pas encore, créez-le.
step-host-service-intro = Sélectionnez le service de l'établissement où se déroule le stage, ou créez-le.
step-tutor-intro = Sélectionnez le tuteur professionnel parmi les contacts du service, ou créez-le.
step-supervisor-intro = Recherchez l'enseignant référent dans l'annuaire de l'université : saisissez au moins deux lettres de son nom.
step-signatory-intro = Le signataire est le représentant légal de l'organisme : il signe la convention au nom de l'organisme d'accueil.
step-summary-intro = Contrôlez l'ensemble des données, puis créez la convention : un numéro lui est attribué.
instructions-title = Avant de commencer
instructions-intro = Munissez-vous des informations suivantes ; la saisie se fait en 8 étapes et chaque étape est enregistrée.
instructions-student = votre adresse pendant le stage, une adresse électronique personnelle et votre caisse d'assurance maladie ;
instructions-organisation = la raison sociale, le numéro SIRET, l'effectif, le code NAF, l'adresse et le téléphone de l'établissement d'accueil ;
instructions-tutor = le nom, la fonction, l'adresse électronique et le téléphone du tuteur professionnel et du signataire ;
instructions-internship = le sujet, les activités confiées, les compétences visées, les dates, les horaires et la gratification du stage ;
instructions-supervisor = le nom de votre enseignant référent ;
instructions-signatory = le service et le contact qui signeront pour l'organisme.
instructions-notice = Pour vous aider, consultez la notice de saisie de la convention dans
instructions-steps = Les 8 étapes : Étudiant, Établissement d'accueil, Service d'accueil, Tuteur professionnel, Informations stage, Enseignant référent, Signataire, Récapitulatif.

## Étape 1

student-registry = Vos informations d'inscription
student-search-intro = Saisissez le numéro de l'étudiant ou ses nom et prénom.
student-search = Numéro ou nom de l'étudiant
student-none = Aucun étudiant trouvé.
student-number = N° étudiant
student-ine = INE
student-university-email = Adresse électronique universitaire
student-enrolment = Cadre du stage (année universitaire et étape d'études)
student-academic-year = Année universitaire
student-programme = Étape d'études
student-faculty = Composante
student-address-title = Adresse pendant le stage
student-address = Adresse
student-personal-email = Adresse électronique personnelle
student-personal-email-help = L'adresse universitaire peut expirer avant la fin du stage : donnez une adresse que vous consulterez jusqu'à l'évaluation du stage.
student-phone = Téléphone
student-mobile = Téléphone portable
student-insurance-title = Affiliation à la sécurité sociale
student-guardian-title = Représentant légal
student-guardian-help = L'étudiant sera mineur au premier jour du stage : son représentant légal signe la convention avec lui.
student-guardian-capacity = Qualité (mère, père, tuteur)
student-insurance-fund = Caisse d'assurance maladie
student-insurance-help = La caisse primaire d'assurance maladie (CPAM) à laquelle vous êtes affilié. Le numéro de sécurité sociale n'est pas demandé.
student-insurance-region = Région de la caisse
student-insurance-address = Adresse de la caisse

## Étape 2 et établissements

organisations-title = Établissements d'accueil
organisations-intro = Recherchez un organisme d'accueil, consultez sa fiche, ses services et ses contacts, ou créez-le.
org-search-title = Rechercher un établissement
org-search-name = Raison sociale
org-search-department = Département (numéro)
org-search-more = Autres critères : SIRET, activité, téléphone, adresse, service
org-search-naf = Activité (code NAF)
org-search-address = Adresse
org-search-service = Service
org-search-none = Aucun établissement ne correspond.
org-results = Établissements trouvés
org-create-offer = L'établissement n'existe pas encore ? Pour le créer :
org-create = Créer un établissement
org-create-title = Création d'un établissement
org-edit-title = Modification de l'établissement
org-create-submit = Créer
org-chosen = Établissement sélectionné
org-report-error = Signaler une erreur sur cette fiche
org-name = Raison sociale
org-siret = Numéro SIRET
org-siret-help = 14 chiffres, obligatoire pour un établissement situé en France (figure sur les documents de l'entreprise et sur annuaire-entreprises.data.gouv.fr).
org-headcount = Effectif
org-headcount-help = Le nombre de personnes de l'établissement : il fixe le nombre de stagiaires qu'il peut accueillir en même temps.
org-kind = Type d'établissement
org-kind-help = Un établissement de droit public verse la gratification au taux légal exactement.
org-legal-status = Statut juridique
org-naf = Code NAF
org-naf-help = Le code d'activité principale (APE), par exemple 62.01Z ; à défaut, décrivez l'activité.
org-activity = Activité principale
org-activity-or-naf = Activité (NAF)
org-address = Adresse
org-phone = Téléphone
org-email = Adresse électronique
org-website = Site web
org-services = Services
org-show-contacts = Voir les contacts
org-contacts-of = Contacts du service { $service }

## Étapes 3, 4, 7 : services et contacts

service-name = Nom du service
service-address = Adresse
service-phone = Téléphone du service
service-list = Services de l'établissement
service-none = Aucun service n'est encore enregistré.
service-create = Créer un service
service-create-title = Nouveau service
service-edit-title = Modification du service
service-create-submit = Créer le service
contact-list = Contacts du service
contact-none = Aucun contact n'est encore enregistré pour ce service.
contact-create = Ajouter un contact
contact-create-title = Nouveau contact
contact-edit-title = Modification du contact
contact-create-submit = Créer le contact
contact-civility = Civilité
contact-last-name = Nom
contact-first-name = Prénom
contact-position = Fonction
contact-email = Adresse électronique
contact-phone = Téléphone
civility-ms = Madame
civility-mr = Monsieur
signatory-current = Signataire actuel :
signatory-choose = Sélectionner un signataire
signatory-services = Services de l'établissement
signatory-show-contacts = Voir les contacts
signatory-contacts-of = Contacts du service { $service }

## Étape 5

internship-section-content = Le stage
internship-section-dates = Dates et horaires
internship-section-leave = Congés et absences
internship-section-stipend = Gratification et avantages
internship-section-supervision = Encadrement et évaluation
internship-convention-type = Type de convention
internship-convention-type-help = Un stage de césure n'exige pas 200 heures d'enseignement dans l'année ; en formation continue, un organisme public ne verse pas d'indemnité.
internship-theme = Thématique
internship-language = Langue de la convention
internship-language-help = La convention est imprimée dans cette langue : français, anglais, allemand, espagnol ou italien.
internship-subject = Sujet du stage
internship-tasks = Activités confiées
internship-tasks-help = Mention obligatoire de la convention (article D124-4 du code de l'éducation) ; 1 000 caractères au plus.
internship-skills = Compétences à acquérir ou à développer
internship-skills-help = Mention obligatoire de la convention ; 1 000 caractères au plus. Voir la fiche rubrique compétences dans les documents utiles.
internship-details = Précisions
internship-start = Date de début
internship-start-help = La convention doit être signée par toutes les parties avant le premier jour du stage.
internship-end = Date de fin
internship-end-help = Le stage se termine au plus tard le 31 décembre de l'année civile où s'achève l'année universitaire ; il ne peut dépasser 6 mois (924 heures) dans le même organisme au cours de l'année.
internship-interruptions = Interruptions du stage
internship-interruptions-help = Les périodes pendant lesquelles le stage s'interrompt (elles ne comptent pas dans la durée).
internship-regular-schedule = Horaires
internship-regular = Réguliers
internship-irregular = Irréguliers
internship-weekly-hours = Heures de présence par semaine
internship-weekly-hours-help = Au-delà de 48 heures par semaine, la durée maximale de travail des salariés est dépassée ; 84 heures est un maximum absolu. Un stagiaire mineur ne dépasse pas 35 heures.
internship-days-per-week = Jours travaillés par semaine
internship-schedule-periods = Périodes et heures par jour
internship-schedule-periods-help = Pour des horaires irréguliers, indiquez chaque période et sa présence quotidienne.
internship-working-time = Temps de travail
internship-part-time = Quotité de temps partiel (%)
internship-presence-type = Présence
internship-working-time-comment = Commentaire sur le temps de travail
internship-night-work = Présence la nuit, le dimanche ou les jours fériés
internship-night-work-help = Mention obligatoire de la convention lorsque le stagiaire est présent la nuit, le dimanche ou un jour férié.
internship-at-night = Le stagiaire travaille-t-il la nuit (entre 22 h et 6 h) ?
internship-at-night-help = Obligatoire pour un stagiaire mineur, à qui le travail de nuit est interdit.
internship-host-cover = L'organisme d'accueil assure-t-il le stagiaire contre les accidents du travail ?
internship-host-cover-help = À l'étranger, la protection française ne suit le stagiaire que pour un stage de 6 mois au plus, prolongations comprises, et une gratification d'au plus 15 % du plafond horaire de la sécurité sociale ; au-delà, l'organisme d'accueil doit l'assurer.
internship-leave-days = Jours de congés
internship-leave-help = Au-delà de deux mois de stage (308 heures), la convention prévoit des congés et autorisations d'absence.
internship-leave-terms = Modalités de congés et d'autorisations d'absence
internship-stipend-paid = Une gratification est-elle versée ?
internship-stipend-help = La gratification est obligatoire dès le premier jour lorsque la présence dépasse 308 heures ; son montant horaire ne peut être inférieur au minimum légal.
internship-stipend-amount = Montant
internship-stipend-currency = Devise
internship-stipend-unit = Unité
internship-stipend-basis = Brut ou net
internship-stipend-payment = Modalité de versement
internship-benefits = Avantages (restauration, transport, hébergement)
internship-benefits-help = Mention obligatoire de la convention : les avantages dont bénéficie le stagiaire.
internship-supervision = Modalités d'encadrement
internship-supervision-help = Mention obligatoire : comment l'enseignant référent et le tuteur suivent le stagiaire.
internship-work-to-deliver = Nature du travail à fournir
internship-validation-mode = Modalités de validation
internship-confidentiality = Confidentialité du sujet
internship-confidentiality-help = Un sujet confidentiel n'est pas diffusé : le rapport et la soutenance le sont aussi.
internship-found-through = Origine du stage
presence-continuous = Continue
presence-discontinuous = Discontinue (alternance)
period-start = Début
period-end = Fin
period-hours-per-day = Heures par jour
period-add = Ajouter une période
period-remove = Retirer
period-remove-label = Retirer la période { $number }

## Étapes 6 et 8

supervisor-search = Nom de l'enseignant
supervisor-search-too-short = Saisissez au moins deux lettres du nom.
supervisor-none = Aucun enseignant ne correspond.
supervisor-results = Enseignants trouvés
supervisor-current = Enseignant référent actuel :
supervisor-department = Affectation
summary-create = Créer la convention
summary-created = La convention est créée sous le numéro { $number }.
summary-number = Convention n° { $number }.
summary-open = Ouvrir la convention
summary-blocking = À compléter avant de créer la convention :
summary-warnings = À vérifier :

## Avenants

amendments-title = Avenants
amendments-none = Aucun avenant.
amendment-create = Créer un avenant
amendment-heading = Avenant n° { $position } : { $title }
amendment-validated-on = Validé le { $date }.
amendment-not-validated = En attente de validation par le centre de gestion.
amendment-validate = Valider l'avenant
amendment-print = Imprimer l'avenant
amendment-delete = Supprimer l'avenant
amendment-new-title = Nouvel avenant à la convention n° { $number }
amendment-new-intro = Donnez un titre et la raison de l'avenant, puis ses modifications. L'avenant ne pourra être imprimé puis signé qu'après sa validation par le centre de gestion.
amendment-title = Titre
amendment-reason = Raison de l'avenant
amendment-changes = Modifications
amendment-change = Modification
amendment-add-kind = Type de modification
amendment-add-change = Ajouter la modification
amendment-remove-change = Retirer cette modification
amendment-submit = Créer l'avenant
change-dates = Nouvelles dates
change-termination = Rupture du stage
change-interruptions = Interruptions
change-host-service = Nouveau service d'accueil
change-tutor = Nouveau tuteur professionnel
change-supervisor = Nouvel enseignant référent
change-subject = Nouveau sujet
change-stipend = Gratification
change-other = Autre modification
change-accident-cover = Protection contre les accidents du travail
change-accident-cover-host = L'organisme d'accueil assure le stagiaire contre les accidents du travail.
change-accident-cover-french = La protection française contre les accidents du travail s'applique.
change-new-start = Nouvelle date de début
change-new-end = Nouvelle date de fin
change-termination-date = Dernier jour de présence
change-termination-comment = Circonstances de la rupture
change-termination-initiator = À l'initiative de
termination-by-intern = l'étudiant ou l'étudiante
termination-by-host = l'organisme d'accueil
termination-by-school = l'établissement d'enseignement
change-supervisor-none = Aucun enseignant choisi : recherchez-le ci-dessous.
change-dates-text = Stage du { $start } au { $end }.
change-termination-text = Rupture le { $date } à l'initiative de { $initiator } : { $comment }
change-interruptions-text = { $count ->
    [0] Plus d'interruption.
    [one] Une interruption.
   *[other] { $count } interruptions.
}
change-host-service-text = Nouveau service : { $name }.
change-subject-text = Nouveau sujet : { $subject }
change-supervisor-text = Nouvel enseignant référent : { $name }.
change-tutor-text = Nouveau tuteur : { $name }.
change-stipend-text = Gratification de { $amount }.
change-no-stipend-text = Plus de gratification.

## Documents utiles

documents-title = Documents utiles
documents-intro = Les notices de saisie de la convention, la fiche rubrique compétences et le guide d'utilisation de l'application.
documents-download = Télécharger
doc-notice-fr = Notice de saisie de la convention (français)
doc-notice-fr-text = Les informations à réunir avant de saisir sa convention, étape par étape.
doc-notice-en = Notice for entering the internship agreement (English)
doc-notice-en-text = La notice de saisie en anglais, pour les étudiants et les organismes étrangers.
doc-skills = Fiche rubrique compétences
doc-skills-text = Comment rédiger les activités confiées et les compétences à acquérir.
doc-guide = Guide d'utilisation de Stages
doc-guide-text = Toutes les fonctions de l'application pour les étudiants, les enseignants et les gestionnaires.

## Signaler un problème

report-title = Signaler un problème
report-intro = Décrivez le problème rencontré ; le service des stages vous répondra ici.
report-page = Page concernée : { $page }
report-subject = Objet
report-body = Description
report-submit = Envoyer
report-sent = Votre signalement n° { $id } est enregistré.
report-mine = Mes signalements
report-none = Aucun signalement.
ticket-open = ouvert
ticket-answered = répondu
ticket-closed = clos

## Centres de gestion

centres-title = Centres de gestion
centres-intro = Les centres de gestion, leurs niveaux de validation et leur condition d'impression.
centre-name = Nom
centre-level = Niveau
centre-level-establishment = Établissement
centre-level-faculty = Composante
centre-level-programme = Étape
centre-details = Coordonnées
centre-email = Adresse électronique
centre-phone = Téléphone
centre-signatory-name = Signataire pour l'université
centre-signatory-position = Qualité du signataire
centre-settings = Paramètres
centre-validation-levels = Niveaux de validation, dans l'ordre
centre-validation-levels-help = Les niveaux que le centre utilise, dans l'ordre où ils sont donnés ; le dernier valide la convention.
centre-level-up = Monter
centre-level-down = Descendre
centre-level-remove = Ne plus utiliser
centre-level-add = Utiliser : { $level }
centre-print-condition = Impression par les étudiants et les enseignants
centre-print-help = Les gestionnaires peuvent toujours imprimer ; les étudiants et les enseignants seulement quand cette condition est remplie.
centre-students-may-create = Les étudiants peuvent créer leur convention
centre-overlaps-allowed = Un étudiant peut avoir des stages dont les dates se chevauchent
centre-signature-circuit = Circuit de signature
centre-signature-help = L'étudiant, le signataire de l'organisme d'accueil, l'enseignant référent et l'établissement signent toujours ; le représentant légal d'un étudiant mineur signe juste après lui. Le modèle officiel fait aussi signer le tuteur.
centre-tutor-signs = Le tuteur signe la convention
centre-signing-order = Ordre des signatures
centre-signing-sequential = L'une après l'autre, dans l'ordre de la convention
centre-signing-parallel = Toutes les parties en même temps
centre-logo = Logo
centre-logo-alt = Logo du centre de gestion
centre-logo-none = Aucun logo.
centre-logo-upload = Remplacer le logo (PNG)
centre-staff = Gestionnaires
centre-staff-remove = Retirer
centre-staff-intro = Chaque gestionnaire agit dans ce centre selon ses droits : les niveaux de validation qu'il donne, l'impression avant validation, les évaluations, les signalements, les statistiques et les courriels d'alerte.
centre-staff-add = Ajouter un gestionnaire
centre-staff-new-rights = Droits du nouveau gestionnaire
centre-staff-add-button = Ajouter comme gestionnaire
staff-right-pedagogical = Validation pédagogique
staff-right-administrative-check = Vérification administrative
staff-right-administrative = Validation administrative
staff-right-print = Impression avant validation
staff-right-evaluations = Évaluations
staff-right-tickets = Signalements
staff-right-statistics = Statistiques
staff-right-alerts = Courriels d'alerte
staff-right-yes = Oui
staff-right-no = Non
centre-routes = Formations gérées
centre-route-remove = Retirer
centre-route-add = Ajouter
route-kind = Type
route-code = Code
route-programme = Étape
route-faculty = Composante
print-always = Dès la création
print-after-pedagogical = Après la validation pédagogique
print-after-administrative = Après la validation administrative
print-after-both = Après les validations pédagogique et administrative
print-after-administrative-check = Après la vérification administrative

## Tables de nomenclature

nomenclatures-title = Tables de nomenclature
nomenclatures-intro = Les listes de référence proposées dans les formulaires. Une valeur n'est jamais supprimée : elle est désactivée.
nomenclatures-back = Toutes les tables
nomenclature-table = Table
nomenclature-values = Valeurs
nomenclature-system = Table système
nomenclature-search = Rechercher un code ou un libellé
nomenclature-include-inactive = Afficher les valeurs désactivées
nomenclature-code = Code
nomenclature-label = Libellé
nomenclature-label-en = Libellé anglais
nomenclature-active = Active
nomenclature-add = Ajouter une valeur
nomenclature-add-submit = Ajouter

## Taux horaires minimaux de gratification

rates-title = Taux horaires minimaux de gratification
rates-intro = Le minimum légal de la gratification : 15 % du plafond horaire de la sécurité sociale, année par année. Les contrôles des conventions et le calcul affiché pendant la saisie lisent cette table ; une année pas encore saisie est contrôlée au taux de la dernière année connue, le minimum n'ayant jamais baissé.
rates-link = Taux horaires minimaux de gratification (par année)
rates-year = Année
rates-rate = Taux horaire (€)
rates-source = Source
rates-add = Saisir le taux d'une année
rates-add-submit = Enregistrer le taux
rates-remove = Retirer
rates-remove-confirm = Retirer le taux de { $year } ? Les contrôles prendront celui de l'année précédente comme plancher.
rates-remove-yes = Oui, retirer

## Offre liée

offer-question = Voulez-vous lier une offre de stage à cette convention ?
offer-question-help = Si vous avez trouvé ce stage par une offre publiée dans Stages, son numéro reprend automatiquement l'établissement d'accueil.
offer-number = Numéro de l'offre
offer-number-help = Le numéro figure sur l'offre, sous la forme OF-2026-0001.
offer-link = Lier l'offre
offer-skip = Continuer sans offre

## Offres de stage et d'emploi
offers-title = Offres de stage et d'emploi
offers-intro = Les offres publiées par les centres de gestion. Le numéro d'une offre se saisit dans la convention pour reprendre son établissement d'accueil.
offer-create = Nouvelle offre
offer-search-title = Rechercher une offre
offer-search-text = Mots-clés
offer-search-text-help = Des mots du titre, de la description ou du nom de l'établissement d'accueil.
offer-search-place = Lieu
offer-search-place-help = Une commune, un code postal, un département (25) ou un code pays (DE).
offer-search-from = Disponible à partir du
offer-search-until = Commençant au plus tard le
offer-search-none = Aucune offre ne correspond.
offer-kind = Type d'offre
offer-status = État
offer-title = Intitulé
offer-host = Établissement d'accueil
offer-place = Lieu
offer-dates = Période
offer-kind-internship = Stage
offer-kind-apprenticeship = Alternance
offer-kind-job = Emploi
offer-kind-volunteering = Volontariat international
offer-status-draft = Brouillon
offer-status-published = Publiée
offer-status-filled = Pourvue
offer-status-withdrawn = Retirée
offer-contract = Type de contrat
offer-contract-help = Pour un emploi ou une alternance ; un stage n'est pas un contrat de travail.
offer-contract-fixed-term = CDD
offer-contract-permanent = CDI
offer-contract-temporary = Intérim
offer-contract-apprenticeship = Contrat d'apprentissage
offer-contract-professionalisation = Contrat de professionnalisation
offer-details = L'offre
offer-description = Description
offer-paid = Rémunérée
offer-conventions = Conventions qui la lient
offer-disability-friendly = Ouverte et prioritaire aux personnes en situation de handicap (RQTH)
offer-contact-name = Personne à contacter
offer-contact-email = Courriel de candidature
offer-contact-email-help = L'adresse à laquelle les étudiants envoient leur candidature ; nécessaire pour publier l'offre.
offer-start = Début prévu
offer-end = Fin prévue
offer-link-help = Pour lier cette offre à votre convention, saisissez le numéro { $number } à l'étape « Étudiant », quand l'application vous le propose.
offer-missing = Pour publier l'offre, il reste à compléter :
offer-actions-title = Actions sur l'offre
offer-publish = Publier
offer-unpublish = Retirer de la publication
offer-close-filled = Clôturer : pourvue
offer-close-withdrawn = Clôturer : retirée
offer-close-question = Une offre clôturée ne peut plus être modifiée ni publiée. Clôturer cette offre ?
offer-close-confirm = Clôturer l'offre
offer-create-title = Nouvelle offre
offer-edit-title = Modifier l'offre
offer-create-submit = Enregistrer le brouillon
offer-host-required = Choisissez l'établissement d'accueil.
offer-host-change = Changer d'établissement

## Évaluations des stages
menu-statistics = Statistiques
export-csv = Exporter en CSV
export-xlsx = Exporter en XLSX
evaluations-title = Évaluations des stages
evaluation-search-title = Rechercher une évaluation
evaluation-search-none = Aucune convention validée ne correspond.
evaluation-kind = Questionnaire
evaluation-kind-student = Évaluation par l'étudiant
evaluation-kind-supervisor = Évaluation par l'enseignant référent
evaluation-kind-tutor = Évaluation par le tuteur professionnel
evaluation-status = État
evaluation-status-help = Pour filtrer sur l'état, choisissez aussi le questionnaire.
evaluation-status-not-started = Non commencée
evaluation-status-draft = Brouillon
evaluation-status-submitted = Soumise
evaluation-end = Fin du stage
evaluation-export-title = Exporter les réponses
evaluation-export-help = Pour exporter les réponses, recherchez avec un centre de gestion, une année universitaire et un questionnaire.
evaluations-of = Évaluations de la convention { $number }
evaluations-list = Les trois questionnaires
evaluation-convention-link = voir la convention
evaluation-disabled = Le centre ne demande pas ce questionnaire.
evaluation-fill = Remplir
evaluation-read = Consulter
evaluation-back = Retour aux évaluations de la convention
evaluation-pdf = Télécharger le PDF
evaluation-save = Enregistrer le brouillon
evaluation-submit = Soumettre
evaluation-submit-help = Une fois soumises, les réponses ne peuvent plus être modifiées.
evaluation-draft-saved = Brouillon enregistré.
evaluation-submitted-on = Questionnaire soumis le { $date } : les réponses ne peuvent plus être modifiées.
evaluation-closed = Vous ne pouvez pas remplir ce questionnaire :
evaluation-scale-1 = { $n } — excellent
evaluation-scale-5 = { $n } — insuffisant
evaluation-scale-n = { $n }
evaluation-tutor-title = Évaluation du stagiaire par le tuteur professionnel
evaluation-intern = Stagiaire
evaluation-link-refused = Ce lien d'évaluation n'est plus valable.
evaluation-link-refused-help = Il a expiré ou a été retiré par le centre de gestion. Demandez un nouveau lien au centre de gestion de l'université.
evaluation-tutor-link = Lien du tuteur professionnel
evaluation-tutor-link-help = Le tuteur remplit son évaluation sans compte, par un lien personnel envoyé par courriel à la fin du stage, à une adresse vérifiée par le centre (contact saisi par le personnel, ou adresse confirmée sur le circuit de signature) : sinon rien n'est envoyé. Vous pouvez en créer un nouveau ici et le lui transmettre, ou retirer ceux qui circulent.
evaluation-tutor-address-unvouched = Le centre n'a pas encore vérifié l'adresse du tuteur ({ $address }) : aucun lien n'y est envoyé.
evaluation-tutor-link-create = Créer un lien
evaluation-tutor-link-made = Lien valable jusqu'au { $date } (il ne sera plus affiché) :
evaluation-tutor-link-open = Ouvrir le lien
evaluation-tutor-link-revoke = Retirer les liens
evaluation-tutor-link-revoke-question = Les liens déjà envoyés au tuteur ne fonctionneront plus. Les retirer ?
evaluation-tutor-link-revoke-confirm = Retirer les liens
evaluation-tutor-link-revoked = Les liens du tuteur ont été retirés.

## Statistiques
stats-title = Statistiques
stats-centre-help = Sans centre choisi : toute l'université (administrateurs).
stats-submit = Afficher
stats-scope-centre = Le centre de gestion en { $year }
stats-scope-university = L'université en { $year }
stats-total = Conventions (hors brouillons)
stats-duration-mean = Durée moyenne de présence
stats-duration-median = Durée médiane de présence
stats-stipend-share = Part des stages gratifiés
stats-stipend-median = Gratification horaire médiane
stats-unpaid-though-due = Non gratifiés au-delà de 308 heures
stats-conventions = Conventions
chart-value = Valeur
stats-by-status = Par état
stats-by-host = Par établissement d'accueil
stats-other-hosts = Autres établissements
stats-by-country = Par pays
stats-by-department = Par département
stats-by-programme = Par formation
stats-durations = Par durée de présence
stats-duration-up-to-two-months = Jusqu'à 2 mois
stats-duration-two-to-four-months = De 2 à 4 mois
stats-duration-four-to-six-months = De 4 à 6 mois
stats-duration-over-six-months = Plus de 6 mois
stats-stipends = Gratification
stats-stipend-paid = Gratifiés
stats-stipend-unpaid = Non gratifiés
stats-stipend-unknown = Non renseigné
stats-stipend-bands = Gratification horaire par rapport au minimum légal
stats-stipend-below-minimum = Sous le minimum
stats-stipend-at-minimum = Au minimum
stats-stipend-up-to-quarter-above = Jusqu'à 25 % au-dessus
stats-stipend-more-than-quarter-above = Plus de 25 % au-dessus
stats-evaluations = Avancement des évaluations

## Questionnaires d'évaluation d'un centre
form-editor-title = Questionnaires d'évaluation
form-editor-intro = Les questionnaires nationaux, que le centre peut ne pas demander, réordonner et compléter de ses propres questions. Les conventions déjà évaluées gardent le questionnaire de leurs réponses.
form-editor-enabled = Le centre demande ce questionnaire
form-editor-up = Monter
form-editor-down = Descendre
form-editor-remove = Retirer
form-editor-required = obligatoire
form-editor-new-section = Nouvelle rubrique
form-editor-add-section = Ajouter la rubrique
form-editor-add-question = Ajouter une question
form-editor-code = Code de la question
form-editor-code-help = Un code unique dans le questionnaire, repris dans les exports (par exemple CENTRE-1).
form-editor-type = Type de réponse
form-editor-type-yes-no = Oui ou non
form-editor-type-single = Un choix parmi des options
form-editor-type-multi = Plusieurs choix parmi des options
form-editor-type-scale = Échelle de 1 à 5
form-editor-type-text = Texte libre
form-editor-text = Question
form-editor-options = Options
form-editor-options-help = Une option par ligne.
form-editor-add = Ajouter la question
form-editor-save = Enregistrer le questionnaire

## Délai de carence (DUR-03)

post-review-title = Même poste qu'un autre stagiaire ?
post-review-intro = Un autre stagiaire est accueilli dans ce service ou avec ce tuteur peu avant ou peu après ce stage (voir le motif ci-dessus). S'il s'agit du même poste, un délai de carence d'un tiers de la durée du stage qui précède s'impose entre les deux. Indiquez-le, motif à l'appui, avant la validation.
post-review-question = Ce stage porte-t-il sur le même poste ?
post-review-reason = Motif
post-review-submit = Enregistrer la réponse
post-review-same = même poste
post-review-other = autre poste
post-review-answer = Réponse enregistrée le { $date } : { $answer } ({ $reason }).

## Vouched addresses (SIG-17)

menu-vouched = Adresses vérifiées
vouched-title = Adresses vérifiées
vouched-intro = Les adresses que le personnel des centres a vérifiées : les liens de signature des signataires d'accueil, des tuteurs et des représentants légaux, et le lien d'évaluation des tuteurs, n'arrivent qu'à l'une d'elles. Retirer une adresse vérifiée par erreur coupe les liens qui y sont partis et ne sont pas encore utilisés.
vouched-search = Partie de l'adresse
vouched-address = Adresse
vouched-by = Vérifiée par
vouched-at = Le
vouched-none = Aucune adresse vérifiée ne correspond.
vouched-withdraw = Retirer
vouched-withdraw-question = Retirer cette adresse des adresses vérifiées ? Plus aucun lien n'y partira, pour aucune convention, et ceux qui y sont partis cessent de fonctionner.
vouched-withdraw-confirm = Oui, retirer l'adresse
vouched-withdrawn = { $address } n'est plus une adresse vérifiée ; ses liens non utilisés sont révoqués.

## Accounts

menu-accounts = Comptes et droits
accounts-title = Comptes et droits
accounts-intro = Les personnes qui se connectent à Stages. Un compte n'est jamais supprimé : les conventions et l'historique le nomment ; on le désactive.
accounts-search = Nom ou identifiant
accounts-username = Identifiant
accounts-name = Nom
accounts-sign-in = Connexion
accounts-roles = Rôles
accounts-state = État
accounts-sign-in-password = Mot de passe Stages
accounts-sign-in-directory = Annuaire (LDAP)
accounts-sign-in-cas = ENT (CAS)
accounts-sign-in-oidc = Fournisseur d'identité (OpenID Connect)
accounts-active = Actif
accounts-inactive = Désactivé
accounts-must-change = Actif, mot de passe à changer
accounts-deactivate = Désactiver
accounts-reactivate = Réactiver
accounts-grant-admin = Nommer administrateur
accounts-revoke-admin = Retirer les droits d'administrateur
accounts-reset-password = Réinitialiser le mot de passe
accounts-temporary-password = Mot de passe temporaire de { $username }, affiché une seule fois : communiquez-le à son titulaire, qui devra le changer à sa prochaine connexion :

## API tokens

menu-tokens = Jetons d'API
tokens-title = Jetons d'API
tokens-intro = Un jeton d'API permet à un script ou à une application de l'université d'appeler Stages en votre nom (voir la documentation de l'API). Il expire toujours (au plus 730 jours) et se révoque ici à tout moment.
tokens-mine = Mes jetons
tokens-none = Vous n'avez aucun jeton.
tokens-all = Tous les jetons
tokens-new = Nouveau jeton (pour votre compte)
tokens-name = Nom
tokens-owner = Compte
tokens-account = compte n° { $id }
tokens-scopes = Droits
tokens-scope-read = lecture
tokens-scope-write = écriture
tokens-expires = Expire le
tokens-last-used = Dernière utilisation
tokens-active = Actif
tokens-revoked = Révoqué
tokens-expired = Expiré
tokens-revoke = Révoquer
tokens-create = Créer le jeton
tokens-created = Jeton créé, affiché une seule fois : copiez-le maintenant.

# Signature circuit (issue 17).
signature-title = Signatures
signature-amendment-title = Signatures de l'avenant n° { $position } : { $title }
signature-download-signed-amendment = Avenant signé (PDF scellé)
signature-status-not-sent = Pas encore envoyée en signature
signature-status-out = En cours de signature
signature-status-signed = Signée par toutes les parties
signature-sent-on = Envoyée en signature le { $date }.
signature-hash = Empreinte SHA-256 du document à signer : { $sha }
signature-col-party = Partie
signature-col-name = Signataire
signature-col-state = Signature
signature-col-action = Action
signature-party-student = Étudiant
signature-party-legal-representative = Représentant légal
signature-party-host-signatory = Signataire de l'organisme d'accueil
signature-party-tutor = Tuteur de stage
signature-party-supervisor = Enseignant référent
signature-party-school = Établissement
signature-electronic = Signée électroniquement le { $date }
signature-paper = Signée sur papier le { $date }
signature-awaited = Signature attendue
signature-waiting = En attente des signatures précédentes
signature-send = Envoyer pour signature
signature-renew-link = Envoyer un nouveau lien
signature-link-renewed = Un nouveau lien a été envoyé ; les précédents ne fonctionnent plus.
signature-address-unvouched = Adresse pas encore vérifiée par le centre : aucun lien de signature n'y part.
signature-vouch-address = Confirmer l'adresse
signature-vouch-question = Avez-vous vérifié auprès de l'organisme (ou de la famille) que l'adresse affichée est bien celle de cette personne ? Les liens de signature y partiront désormais, pour toutes les conventions.
signature-vouch-confirm = Oui, l'adresse est vérifiée
signature-download-sent = Document envoyé en signature
signature-download-signed = Convention signée (PDF scellé)
signature-download-scan = Scan signé
signature-date = Date de signature
signature-scan = Scan signé (PDF)
signature-record = Enregistrer la signature papier
signature-date-required = Indiquez la date de la signature.
signature-scan-required = Choisissez le scan signé (PDF).
signing-title = Signature de la convention de stage
signing-agreement = Convention
signing-amendment = Avenant à signer
signing-amendment-name = n° { $position } : { $title }
signing-as = Vous signez en tant que
signing-read = Lire la convention (PDF)
signing-read-amendment = Lire l'avenant (PDF)
signing-confirm-title = Signer
signing-code-help = Pour signer, demandez un code : il est envoyé à { $email } et vaut 10 minutes.
signing-ask-code = Recevoir un code
signing-code-sent = Un code a été envoyé à { $email }.
signing-code = Code reçu par courriel
signing-consent = En signant, vous déclarez avoir lu la convention et en accepter les termes.
signing-consent-amendment = En signant, vous déclarez avoir lu l'avenant et en accepter les termes.
signing-submit = Signer la convention
signing-submit-amendment = Signer l'avenant
signing-done = Votre signature est enregistrée. Merci !
signing-closed = Cette convention n'est plus en signature : sa validation a été retirée.
signing-not-your-turn = Les parties signent dans l'ordre : un courriel vous préviendra quand ce sera votre tour.
signing-link-refused = Ce lien de signature ne fonctionne pas.
signing-link-refused-help = Il a peut-être expiré, déjà servi ou été retiré : demandez un nouveau lien au centre de gestion.
centre-reminder-days = Relancer les signataires après (jours)
centre-reminder-days-help = Un signataire qui n'a pas signé reçoit de nouveau son lien après ce délai, trois fois au plus ; 0 : jamais.
search-unsigned = Non signées par toutes les parties avant le début du stage
search-unsigned-badge = Non signée au début du stage
