# The server's own sentences (problem details, export labels). Rule
# messages are the domain's.

problem-token-missing = Send an access token: Authorization: Bearer …
problem-token-scheme = The Authorization scheme must be Bearer.
problem-token-invalid = The access token is invalid or expired.
problem-api-token-invalid = The API token is invalid, expired or revoked.
problem-account-gone = The account no longer exists.
problem-account-disabled = The account is disabled.
problem-wrong-credentials = Unknown user or wrong password.
problem-no-session = No session: sign in.
problem-session-ended = The session ended: sign in again.
problem-evaluation-link-invalid = This evaluation link is invalid, expired or withdrawn.
problem-try-again-in = Try again in { $seconds } s.
problem-unsupported-media-type = Send the body as application/json.
problem-payload-too-large = The body must not exceed { $limit } bytes.
problem-if-match-required = Send the ETag of the version you read in an If-Match header.
problem-if-match-unreadable = Unreadable If-Match header.
problem-version-unknown = Unknown version { $version }.
problem-version-changed = The record changed since you read it (version { $expected }, now { $current }): reload it.
problem-changed-while-saving = The record changed while you were saving it: reload it.
problem-created-while-saving = The record was created while you were saving it: reload it.
problem-keeps-changing = A convention of the centre keeps changing: try again.
problem-database-late = The database does not answer in time. If you were saving a change, it may still be applied: reload before sending it again.
problem-database-busy = The database is busy: send the request again.
problem-database-conflict = The database met a conflict: send the request again.
problem-database-slow = The database took too long to answer: try again shortly.
problem-database-lost = The database connection was lost: send the request again.
problem-database-down = The database does not answer.
problem-searches-busy = Too many searches at once: try again in a moment.
problem-directory-down = The university directory does not answer; try again in a few minutes.

status-draft = Draft
status-created = Created
status-rejected = Sent back
status-in-validation = Being validated
status-validated = Validated
status-terminated-early = Terminated early

table-convention-type = Convention types
table-theme = Internship themes
table-language = Agreement languages
table-country = Countries
table-department = French departments
table-naf = NAF activity codes
table-legal-status = Legal statuses
table-headcount-band = Headcount bands
table-organisation-type = Organisation types
table-working-time = Working time
table-stipend-unit = Stipend units
table-stipend-basis = Gross or net
table-payment-mode = Payment modes
table-currency = Currencies
table-internship-origin = How the internship was found
table-confidentiality = Subject confidentiality
table-work-to-deliver = Work to deliver
table-validation-mode = Validation modes
