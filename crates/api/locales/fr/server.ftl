# Les phrases du serveur lui-même (détails des problèmes, libellés des
# exports). Les messages des règles sont ceux du domaine.

problem-token-missing = Envoyez un jeton d'accès : Authorization: Bearer …
problem-token-scheme = L'en-tête Authorization doit suivre le schéma Bearer.
problem-token-invalid = Le jeton d'accès est invalide ou expiré.
problem-api-token-invalid = Ce jeton d'API est invalide, expiré ou révoqué.
problem-account-gone = Ce compte n'existe plus.
problem-account-disabled = Ce compte est désactivé.
problem-wrong-credentials = Identifiant inconnu ou mot de passe erroné.
problem-no-session = Aucune session : connectez-vous.
problem-session-ended = La session a pris fin : connectez-vous de nouveau.
problem-evaluation-link-invalid = Ce lien d'évaluation est invalide, expiré ou retiré.
problem-try-again-in = Réessayez dans { $seconds } s.
problem-unsupported-media-type = Envoyez le corps de la requête en application/json.
problem-payload-too-large = Le corps de la requête ne doit pas dépasser { $limit } octets.
problem-if-match-required = Envoyez l'ETag de la version que vous avez lue dans un en-tête If-Match.
problem-if-match-unreadable = L'en-tête If-Match est illisible.
problem-version-unknown = Version inconnue : { $version }.
problem-version-changed = La fiche a changé depuis votre lecture (version { $expected }, désormais { $current }) : rechargez-la.
problem-changed-while-saving = La fiche a changé pendant l'enregistrement : rechargez-la.
problem-created-while-saving = La fiche a été créée pendant l'enregistrement : rechargez-la.
problem-keeps-changing = Une convention du centre ne cesse de changer : réessayez.
problem-database-late = La base de données ne répond pas à temps. Si vous enregistriez une modification, elle peut encore être appliquée : rechargez avant de l'envoyer de nouveau.
problem-database-busy = La base de données est occupée : envoyez de nouveau la requête.
problem-database-conflict = La base de données a rencontré un conflit : envoyez de nouveau la requête.
problem-database-slow = La base de données a mis trop de temps à répondre : réessayez dans un instant.
problem-database-lost = La connexion à la base de données a été perdue : envoyez de nouveau la requête.
problem-database-down = La base de données ne répond pas.
problem-searches-busy = Trop de recherches en même temps : réessayez dans un instant.
problem-directory-down = L'annuaire de l'université ne répond pas ; réessayez dans quelques minutes.

status-draft = Brouillon
status-created = Créée
status-rejected = Renvoyée pour correction
status-in-validation = En cours de validation
status-validated = Validée
status-terminated-early = Rompue

table-convention-type = Types de convention
table-theme = Thématiques de stage
table-language = Langues de la convention
table-country = Pays
table-department = Départements
table-naf = Codes NAF
table-legal-status = Statuts juridiques
table-headcount-band = Tranches d'effectif
table-organisation-type = Types d'établissement
table-working-time = Temps de travail
table-stipend-unit = Unités de gratification
table-stipend-basis = Brut ou net
table-payment-mode = Modalités de versement
table-currency = Devises
table-internship-origin = Origines du stage
table-confidentiality = Confidentialité du sujet
table-work-to-deliver = Nature du travail à fournir
table-validation-mode = Modalités de validation
