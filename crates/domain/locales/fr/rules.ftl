# Messages des règles de Stages — français (référence).
# Une entrée par clé émise par le crate stages-domain ; les arguments sont
# ceux que la règle fournit. Les montants et heures arrivent en décimal
# exact (« 1417.50 ») ; les dates au format AAAA-MM-JJ.

field-required = Ce champ est obligatoire.
text-too-long = Ce texte dépasse { $max } caractères.

## Identifiants

id-siret-format = Le numéro SIRET compte 14 chiffres.
id-siret-all-zero = Un numéro SIRET ne peut pas être composé uniquement de zéros.
id-siret-checksum = Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte).
id-siret-siren-checksum = Ce numéro SIRET n'est pas valide : ses neuf premiers chiffres (le SIREN) ont une clé de contrôle incorrecte.
id-siren-format = Le numéro SIREN compte 9 chiffres.
id-siren-all-zero = Un numéro SIREN ne peut pas être composé uniquement de zéros.
id-siren-checksum = Ce numéro SIREN n'est pas valide (clé de contrôle incorrecte).
id-naf-format = Le code NAF s'écrit sous la forme 62.01Z (NAF rév. 2) ou 62.10Y (NAF 2025).
id-postal-code-format = Un code postal français compte 5 chiffres et commence par un numéro de département.
id-ine-format = L'INE compte 11 caractères (9 chiffres et 2 lettres, 10 chiffres et une lettre, ou 10 caractères et un chiffre).
id-ine-checksum = Cet INE n'est pas valide (clé de contrôle incorrecte).
id-phone-format = Numéro de téléphone invalide : 10 chiffres commençant par 0, ou format international (+33…).
fmt-email = Adresse électronique invalide.
fmt-country = Le pays s'indique par son code ISO à deux lettres (FR, DE…).
fmt-currency = La devise s'indique par son code ISO à trois lettres (EUR, CHF…).
fmt-academic-year = L'année universitaire s'écrit sous la forme 2025-2026.
fmt-convention-number = Le numéro de convention s'écrit sous la forme 2026-000123.
fmt-days-per-week = Le nombre de jours travaillés par semaine va de 0,5 à 6, par demi-journée.
fmt-validation-order = Un niveau de validation ne peut figurer qu'une fois.

## Règles de la convention

id-03-siret-required = Le numéro SIRET est obligatoire pour un organisme situé en France.
id-04-naf-or-activity-required = Indiquez le code NAF ou, à défaut, l'activité principale de l'organisme.
id-10-amount-not-positive = Le montant de la gratification doit être positif.
id-10-daily-hours-range = Le nombre d'heures par jour doit être compris entre 0 et { $max } heures.
id-10-part-time-percentage = La quotité de temps partiel doit être comprise entre { $min } % et { $max } %.
conv-03-start-not-in-future = Le stage commence le { $start } : la convention doit être signée par toutes les parties avant le premier jour, faute de quoi le stagiaire n'est pas couvert.
conv-03-not-signed-before-start = La convention n'a pas été signée par toutes les parties avant le premier jour du stage ({ $start }) : le stagiaire ne doit pas commencer.
conv-04-teaching-hours = La formation doit comporter au moins { $min } heures d'enseignement par an ({ $hours } h indiquées).
conv-07-end-after-academic-year = Pour l'année universitaire { $academic_year }, le stage doit se terminer au plus tard le { $limit }.
dur-02-max-hours-per-host = Le stage ne peut dépasser { $max } heures (6 mois) dans le même organisme au cours de l'année d'enseignement : { $hours } h au total, dont { $other_hours } h dans d'autres conventions.
dur-03-waiting-period = Un délai de carence d'un tiers de la durée du stage précédent sur ce poste ({ $days } jours) s'impose : début possible à partir du { $earliest }.
dur-03-same-post-to-review = Un stagiaire a été accueilli dans ce service ou avec ce tuteur du { $previous_start } au { $previous_end } : s'il s'agit du même poste, un délai de carence de { $days } jours s'impose (début possible à partir du { $earliest }). Un gestionnaire doit l'indiquer, motif à l'appui, avant la validation.
dur-03-next-intern-to-review = Un autre stagiaire est accueilli dans ce service ou avec ce tuteur du { $next_start } au { $next_end }, avant la fin du délai de carence de { $days } jours qui suivra ce stage : un gestionnaire doit indiquer, motif à l'appui, s'il s'agit du même poste avant la validation.
dur-03-next-intern-too-soon = Un stagiaire occupe le même poste à partir du { $next_start }, avant la fin du délai de carence de { $days } jours qui suit ce stage.
dur-04-weekly-hours-above-legal = { $hours } h par semaine dépassent la durée maximale de travail des salariés ({ $max } h).
dur-04-daily-hours-above-legal = { $hours } h par jour dépassent la durée quotidienne maximale des salariés ({ $max } h).
dur-05-end-before-start = La date de fin précède la date de début.
dur-05-period-inverted = La fin de cette période précède son début.
dur-05-period-outside = Cette période doit se situer entre le { $start } et le { $end }.
dur-05-periods-overlap = Cette période chevauche une période précédente.
dur-05-weekly-hours-above-cap = { $hours } h par semaine : la durée hebdomadaire ne peut dépasser { $max } h.
saf-07-minor-weekly-hours = Le stagiaire est mineur : sa présence est limitée à { $max } h par semaine ({ $hours } h indiquées).
saf-07-minor-daily-hours = Un stagiaire mineur ne peut être présent plus de { $max } h par jour ({ $hours } h ici).
saf-07-minor-night-work = Un stagiaire mineur ne peut pas travailler la nuit (entre 22 h et 6 h).
abr-03-too-long = Le stage à l'étranger dure plus de { $months } mois, prolongations comprises (jusqu'au { $end }, la limite étant le { $last_covered }) : la protection française contre les accidents du travail ne s'applique pas, l'organisme d'accueil doit assurer le stagiaire.
abr-03-paid-above-limit = La gratification équivaut à { $hourly } € de l'heure, au-delà de 15 % du plafond horaire de la sécurité sociale ({ $limit } € en { $year }) : la protection française contre les accidents du travail ne s'applique pas, l'organisme d'accueil doit assurer le stagiaire.
abr-03-foreign-currency = La gratification est versée en { $currency } : la protection française contre les accidents du travail ne continue que si elle ne dépasse pas { $limit } € de l'heure ; sinon l'organisme d'accueil doit assurer le stagiaire.
ovl-01-overlap = Les dates chevauchent { $count ->
    [one] une autre convention
   *[other] { $count } autres conventions
} de l'étudiant.
grat-01-stipend-mandatory = Au-delà de { $threshold } heures de présence dans le même organisme ({ $hours } h), la gratification est obligatoire dès le premier jour.
grat-02-below-minimum = La gratification équivaut à { $hourly } € de l'heure, sous le minimum légal de { $minimum } € pour { $year }.
grat-02-below-known-minimum = La gratification équivaut à { $hourly } € de l'heure : le minimum légal de { $year }, pas encore connu de l'application, ne peut être inférieur à celui de { $rate_year } ({ $minimum } €), le dernier connu.
grat-02-rate-unknown = Le taux horaire minimal de { $year } n'est pas encore connu de l'application ; vérifiez le montant.
grat-02-rate-year = Les années du barème se suivent : saisissez une année entre { $min } et { $max }.
grat-02-rate-amount = Le taux horaire est compris entre { $min } € et { $max } €.
grat-02-rate-decreases = Le minimum n'a jamais baissé : ce taux est inférieur à celui de { $year } ({ $rate } €).
grat-02-rate-increases = Le minimum n'a jamais baissé : ce taux dépasse celui de { $year } ({ $rate } €), une année plus récente.
grat-02-rate-gap = Seule la dernière année du barème ({ $last }) peut être retirée, et le barème garde au moins une année : les conventions des années passées gardent leur minimum.
grat-02-rate-exists = Le taux de { $year } est déjà saisi : corrigez-le plutôt.
grat-04-stipend-now-mandatory = Avec cet avenant, la présence atteint { $hours } h, au-delà de { $threshold } h : la gratification devient obligatoire, avec rappel depuis le premier jour.
grat-04-catch-up-from-first-day = Avec cet avenant, la présence atteint { $hours } h, au-delà de { $threshold } h : la gratification est due depuis le premier jour (rappel à verser).
grat-05-public-host-above-rate = Un organisme public ne peut verser plus que le taux légal : { $hourly } € de l'heure pour un taux de { $rate } €.
grat-05-public-host-below-rate = Un organisme public verse la gratification au taux légal ({ $rate } € de l'heure) ; { $hourly } € indiqués.
grat-11-public-host-indemnity = En formation continue, un organisme public ne peut pas verser d'indemnité sauf texte particulier.
abs-02-leave-required = Pour un stage de plus de { $threshold } heures ({ $hours } h), la convention doit prévoir des congés et autorisations d'absence.
enc-01-supervisor-overloaded = Cet enseignant référent suit déjà { $ongoing } stagiaires ; la limite est de { $max }.
enc-02-tutor-overloaded = Ce tuteur encadre déjà { $ongoing } stagiaires ; la limite est de { $max }.
enc-03-host-quota = L'organisme ({ $headcount } personnes) accueille déjà { $ongoing } stagiaires la semaine du { $week } ; son quota est de { $quota } par semaine civile.
eval-01-answer-type = Cette réponse ne correspond pas à la question.
eval-01-scale-range = La note doit être comprise entre { $min } et { $max }.
eval-03-submitted = Ces réponses ont été transmises : elles ne peuvent plus être modifiées.
ofr-01-internship-contract = Un stage fait l'objet d'une convention, pas d'un contrat de travail.
ofr-01-apprenticeship-contract = Une offre d'alternance relève d'un contrat d'apprentissage ou de professionnalisation.
ofr-02-already-published = Cette offre est déjà publiée.
ofr-02-not-published = Cette offre n'est pas publiée.
ofr-02-closed = Cette offre est clôturée : elle ne peut plus changer d'état.
avn-02-no-change = Un avenant doit comporter au moins une modification.
avn-02-duplicate-change = Cette modification ({ $kind }) figure déjà dans l'avenant.
avn-02-termination-outside = La date de rupture doit se situer entre le { $start } et le { $end }.
avn-02-service-needs-tutor = Un changement de service d'accueil impose de désigner un tuteur.
avn-02-another-host = Le nouveau lieu doit être un service du même établissement d'accueil ; changer d'établissement demande une nouvelle convention.
enr-01-not-the-students = Cette inscription n'est pas celle de l'étudiant pour cette année universitaire.
enr-02-fixed = L'inscription d'une convention créée ne change plus.
route-02-taken = { $code } est déjà géré par un autre centre.
ref-01-no-such-host = Cet établissement d'accueil n'existe pas ou n'est plus actif.
ref-02-no-such-offer = Aucune offre publiée ne porte ce numéro.
ref-02-not-a-service-of-the-host = Choisissez un service de l'établissement d'accueil de la convention.
ref-03-not-a-contact-of-the-service = Choisissez un contact du service d'accueil de la convention.
ref-04-not-a-teacher = Cette personne ne figure pas parmi les enseignants de l'annuaire.
ref-05-not-a-contact-of-the-host = Choisissez un contact de l'établissement d'accueil de la convention.
att-01-incomplete = L'attestation ne peut être établie : dates, horaires ou gratification incomplets.

## Cycle de vie

wf-01-already-created = Cette convention a déjà été créée.
wf-02-steps-incomplete = Étapes à compléter avant la création : { $steps }.
wf-03-out-of-order = Les validations suivent l'ordre du centre de gestion : { $expected ->
    [pedagogical] la validation pédagogique
    [administrative_check] la vérification administrative
   *[administrative] la validation administrative
} doit être donnée d'abord.
wf-04-level-not-enabled = Ce niveau de validation ({ $level }) n'est pas utilisé par le centre de gestion.
wf-05-level-already-given = Ce niveau de validation ({ $level }) a déjà été donné.
wf-06-blocking-violations = { $count ->
    [one] Une erreur bloque
   *[other] { $count } erreurs bloquent
} la validation.
wf-07-not-last-level = Seule la dernière validation donnée peut être retirée ({ $last }).
wf-08-level-not-given = Ce niveau de validation ({ $level }) n'a pas été donné.
wf-09-reason-required = Indiquez le motif du refus.
wf-10-already-validated = La convention est validée : toute modification passe par un avenant.
wf-11-not-created = La convention n'est pas encore créée.
wf-12-terminated = Le stage a été interrompu par un avenant de rupture.
wf-14-certificate-before-end = L'attestation de stage sera disponible après la fin du stage ({ $end }).
wf-15-validation-given = Une validation a été donnée : la convention ne peut plus être supprimée. Retirez d'abord la validation.
not-validated = La convention n'est pas encore validée.
amendment-exists = La convention a un avenant : elle ne peut plus être dévalidée ni supprimée.
amendment-validated = Cet avenant est validé : il ne peut plus être modifié ni supprimé.

## Droits

perm-01-not-related = Vous n'avez pas accès à cette convention.
perm-02-student-never-validates = Un étudiant ne valide pas sa propre convention.
perm-03-supervisor-pedagogical-only = L'enseignant référent n'intervient que sur la validation pédagogique.
perm-04-role-not-allowed = Votre rôle ne permet pas cette action.
perm-05-student-edit-until-first-validation = La validation a commencé : adressez-vous à votre centre de gestion pour modifier la convention.
perm-06-print-condition = L'impression est possible { $condition ->
    [always] dès la création
    [after_pedagogical] après la validation pédagogique
    [after_administrative] après la validation administrative
    [after_both] après les validations pédagogique et administrative
   *[after_administrative_check] après la vérification administrative
}.
perm-07-amendment-not-validated = L'avenant ne pourra être imprimé qu'après sa validation par le centre de gestion.
perm-08-evaluation-before-end = L'évaluation sera disponible après la fin du stage ({ $end }).
perm-08-evaluation-end-unknown = L'évaluation sera disponible après la fin du stage.
perm-09-evaluation-not-yours = Ce questionnaire d'évaluation est rempli par une autre personne.
perm-10-students-may-not-create = Votre centre de gestion ne permet pas aux étudiants de créer leur convention.
perm-11-admin-only = Seul un administrateur peut faire cette modification.
perm-12-staff-only = Cette action est réservée aux gestionnaires et aux administrateurs.
perm-13-not-your-record = Vous ne pouvez modifier que les fiches que vous avez créées et que personne d'autre n'a modifiées depuis : signalez l'erreur avec « Signaler un problème ».
perm-14-not-centre-manager = Vous ne gérez pas ce centre de gestion.
perm-15-named-by-submitted-convention = Une fois qu'une convention créée désigne cette fiche (organisme, service, tuteur ou signataire), seul le centre de gestion peut la modifier : signalez l'erreur avec « Signaler un problème ».
perm-16-level-not-granted = Vos droits dans ce centre de gestion ne comprennent pas ce niveau de validation : un autre gestionnaire du centre le donnera.
perm-16-print-not-granted = Vos droits dans ce centre de gestion ne comprennent pas l'impression avant validation : la convention s'imprime dès que la condition d'impression du centre est remplie.
perm-16-evaluations-not-granted = Vos droits dans ce centre de gestion ne comprennent pas la gestion des évaluations.
perm-16-tickets-not-granted = Vos droits dans ce centre de gestion ne comprennent pas la réponse aux signalements.
perm-16-statistics-not-granted = Vos droits dans ce centre de gestion ne comprennent pas la consultation des statistiques.
route-01-no-centre = Aucun centre de gestion ne gère la formation { $programme } : contactez la scolarité.
tkt-01-closed = Ce signalement est clos : déposez-en un nouveau si le problème persiste.

json-01-unreadable = Le corps de la requête n'a pas pu être lu : { $detail }
json-01-invalid = Le corps de la requête n'est pas le JSON attendu : { $detail }
path-01-invalid = Un paramètre du chemin est invalide : { $detail }
text-01-control-character = Le texte contient un caractère de contrôle ({ $character }) : seuls les lettres, chiffres, ponctuations, tabulations et retours à la ligne sont acceptés.
text-02-script = Le texte contient { $character }, une lettre d’une écriture que les conventions ne peuvent pas imprimer telle quelle (de droite à gauche, ou à lettres liées : arabe, hébreu, écritures indiennes, thaï…) : écrivez le nom en lettres latines, comme sur le passeport.
query-01-invalid = Les paramètres de la requête sont invalides : { $detail }
query-01-one-of = Valeurs possibles : { $allowed }.
query-01-published-only = Les étudiants ne voient que les offres publiées.
query-01-one-of-two = Donnez ce paramètre ou { $other }, pas les deux.
query-01-needs = Ce paramètre est demandé avec { $other }.
query-02-too-long = Les paramètres de la requête ne doivent pas dépasser { $max } octets.
query-02-parameter-too-long = Ce paramètre ne doit pas dépasser { $max } caractères.
page-01-limit = La taille d'une page va de 1 à { $max }.
page-02-cursor = Ce curseur de pagination est inconnu : repartez de la première page.
search-01-siret = Donnez un SIRET valide (14 chiffres) ou un SIREN (9 chiffres).
search-01-naf = Donnez un code NAF (62.01Z) ou ses premiers chiffres (62).
search-01-phone = Ce n'est pas un numéro de téléphone.
search-02-too-short = Tapez au moins { $min } caractères du nom.
search-03-too-long = Une recherche ne doit pas dépasser { $max } caractères.
search-03-too-many-words = Une recherche ne doit pas dépasser { $max } mots ({ $given } donnés).
search-04-empty = Tapez des lettres ou des chiffres à rechercher.
auth-01-username = L'identifiant doit compter de 1 à { $max } caractères.
auth-02-password = Le mot de passe doit compter de 1 à { $max } caractères.
auth-03-password-short = Le nouveau mot de passe doit compter au moins { $min } caractères.
auth-03-password-long = Le nouveau mot de passe doit compter au plus { $max } caractères.
auth-03-password-guessable = Ce mot de passe est trop facile à deviner (mot de passe courant, mot ou nom à peine modifié, suite de touches, ou votre propre nom) : choisissez-en un autre, par exemple quatre mots sans rapport.
auth-04-wrong-current-password = Le mot de passe actuel n'est pas le bon.
auth-05-not-a-local-account = Ce compte se connecte par l'annuaire ou l'authentification unique de l'université : son mot de passe se change là-bas.
account-01-no-access = Votre compte ne donne pas accès à Stages (désactivé, ou ni étudiant, ni enseignant, ni personnel).
account-02-reserved-name = Votre compte de l'annuaire porte le nom d'un compte géré par Stages lui-même : adressez-vous à un administrateur.
auth-06-must-change-password = Un administrateur a réinitialisé votre mot de passe : choisissez-en un nouveau avant de continuer.
admin-01-own-account = Vous ne pouvez ni désactiver votre propre compte, ni retirer vos propres droits d'administrateur, ni réinitialiser votre propre mot de passe (changez-le depuis votre nom, en haut de la page) : pour le reste, demandez-le à un autre administrateur.
admin-02-last-admin = C'est le dernier administrateur actif : nommez-en un autre avant de le désactiver ou de lui retirer ses droits.
scope-01-read-only = Ce jeton d'API ne permet que la lecture : il n'a pas la portée « write ».
scope-02-no-scope = Donnez au moins une portée : read ou write.
scope-03-lifetime = Un jeton vit de 1 à { $max } jours.
form-01-length = Ce champ doit compter de 1 à { $max } caractères.
form-02-unknown-user = Cette liste désigne un utilisateur inconnu.
form-03-list-too-long = Cette liste dépasse { $max } éléments.
form-04-duplicate = Cette liste désigne deux fois le même élément.
sig-01-party-twice = Une partie figure deux fois dans le circuit de signature.
sig-01-representative-added = Le représentant légal n'est pas une partie du circuit du centre : il est ajouté de lui-même quand l'étudiant est mineur.
sig-01-required-parties = L'étudiant, le signataire de l'organisme d'accueil, l'enseignant référent et l'établissement signent toujours la convention.
sig-02-not-validated = Seule une convention validée part en signature.
sig-03-already-sent = Cette convention est déjà partie en signature.
sig-04-not-sent = Cette convention n'est pas encore partie en signature.
sig-05-not-a-party = Cette personne ne signe pas cette convention.
sig-06-already-signed = Cette partie a déjà signé.
sig-07-not-your-turn = Les parties signent dans l'ordre du circuit : ce n'est pas encore le tour de celle-ci.
sig-08-signature-date = La date de signature doit être comprise entre la validation de la convention ({ $from }) et aujourd'hui ({ $today }).
sig-09-signed-is-amended = Une convention signée par toutes les parties n'est plus modifiée : rédigez un avenant.
sig-10-not-signed = Toutes les parties n'ont pas signé la convention : l'attestation de stage ne peut pas être produite.
sig-12-wrong-code = Ce code est erroné ou a expiré : demandez-en un nouveau.
sig-12-link-locked = Trop de codes erronés : ce lien de signature est bloqué. Contactez le centre de gestion.
sig-13-other-document = Le document affiché n'est pas celui envoyé en signature : rechargez la page.
sig-14-reminder-days = Le délai des relances doit être compris entre 1 et { $max } jours (0 : pas de relance).
sig-15-out-for-signature = La convention ou l'un de ses avenants est en cours de signature : un nouvel avenant attend la dernière signature, ou retirez la validation pour corriger la convention (les signatures déjà données sont alors annulées).
sig-16-no-address = Cette partie n'a pas d'adresse électronique où envoyer un lien de signature : enregistrez sa signature sur papier.
sig-17-address-not-vouched = Le personnel du centre n'a pas encore vérifié cette adresse : vérifiez-la puis confirmez-la sur la page de la convention (« Confirmer l'adresse ») avant qu'un lien de signature y parte, ou enregistrez la signature sur papier.
sig-17-not-vouchable = Seules les adresses du signataire de l'organisme d'accueil, du tuteur et du représentant légal d'un mineur sont vérifiées par le personnel.
fmt-04-image = Le logo doit être une image PNG ou JPEG.
fmt-05-scan = Le scan signé doit être un fichier PDF lisible.
csv-01-invalid = Le fichier n'est pas un CSV en UTF-8 lisible : { $detail }
csv-01-line = Ligne illisible : { $detail }
csv-02-student-number = Lettres et chiffres seulement, { $max } au plus.
csv-02-teaching-hours = Un nombre d'heures, de 0 à { $max }.
csv-02-birth-date = Une date de naissance au format AAAA-MM-JJ ou JJ/MM/AAAA, après 1900 et pas dans le futur.
batch-01-too-large = Plus de { $max } conventions : exportez-les par formation.
ref-06-no-such-convention = Cette convention n'existe pas.
ref-07-no-such-user = Cet utilisateur n'existe pas.
nom-01-codes-fixed = Les codes de cette table commandent un comportement : seuls leurs libellés peuvent changer.
nom-02-unknown = « { $code } » n'est pas une valeur de la table de référence.
srv-01-has-contacts = Ce service a { $count } contact(s) : il ne peut pas être supprimé.
srv-02-named-by-conventions = { $count } convention(s) désignent ce service : il ne peut pas être supprimé.
org-01-siret-taken = Un organisme actif porte déjà le SIRET { $siret } (organisme { $existing }).
eval-02-no-question = Un questionnaire demande au moins une question.
eval-02-section-title = Une rubrique demande un titre.
eval-02-question-code = Chaque question demande son propre code.
eval-02-question-text = Une question demande un texte.
eval-02-choice-options = Un choix demande au moins deux options.
eval-02-kind-mismatch = Le type du questionnaire diffère de celui du chemin.
db-duplicate = Une fiche de même clé existe déjà.
