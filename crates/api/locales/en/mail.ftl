# Mail sent by Stages (English).

signature = — Stages, internship agreements

convention-created-subject = Internship agreement { $number } created
convention-created-body =
    Hello,

    The internship agreement { $number } of { $student } at { $host } has been created.
    It now awaits the validations of the management centre "{ $centre }".

    See it: { $link }

convention-to-validate-subject = Internship agreement { $number } to validate
convention-to-validate-body =
    Hello,

    { $student } created the internship agreement { $number } (host: { $host }).
    It awaits your validation.

    See it: { $link }

validation-given-subject = Agreement { $number }: { $level } given
validation-given-body =
    Hello,

    The { $level } of the agreement { $number } has been given.

    See it: { $link }

validation-withdrawn-subject = Agreement { $number }: { $level } withdrawn
validation-withdrawn-body =
    Hello,

    The { $level } of the agreement { $number } has been withdrawn.

    See it: { $link }

convention-rejected-subject = Agreement { $number } to correct
convention-rejected-body =
    Hello,

    Your agreement { $number } is sent back for correction, for this reason:

    "{ $reason }"

    Correct it, then ask for its validation again: { $link }

amendment-created-subject = Amendment to the agreement { $number }
amendment-created-body =
    Hello,

    An amendment "{ $title }" was entered for the agreement { $number } of { $student }.
    It awaits your validation.

    See it: { $link }

amendment-validated-subject = Amendment to the agreement { $number } validated
amendment-validated-body =
    Hello,

    The amendment "{ $title }" to the agreement { $number } has been validated: it can be printed and signed.

    See it: { $link }

evaluation-requested-subject = Evaluation of { $student }'s internship
evaluation-requested-body =
    Hello,

    { $student }'s internship at { $host } (agreement { $number }) is over.
    Please fill in the evaluation form:

    { $link }

evaluation-reminder-subject = Reminder: evaluation of { $student }'s internship
evaluation-reminder-body =
    Hello,

    The evaluation form of { $student }'s internship (agreement { $number }) is not filled in yet.
    It awaits you here:

    { $link }

signature-voided-subject = Agreement { $number }: your signature is void
signature-voided-body =
    Hello { $name },

    The validation of agreement { $number } ({ $student }, { $host }) was withdrawn so that it can be changed: the signature you gave no longer counts. The agreement will be sent to you again once validated.

    See it: { $link }

signature-requested-subject = Agreement { $number }: your signature is awaited
signature-requested-body =
    Hello { $name },

    Internship agreement { $number } ({ $student }, { $host }) awaits your signature.

    Read and sign it here (a code will be sent to this address to confirm):
    { $link }

    This link is yours alone: do not pass it on.

signature-code-subject = Agreement { $number }: your signing code
signature-code-body =
    Hello,

    Your code to sign agreement { $number }: { $code }

    It is valid for 10 minutes. If you asked for nothing, ignore this message.

signature-reminder-subject = Reminder: agreement { $number } awaits your signature
signature-reminder-body =
    Hello { $name },

    Internship agreement { $number } ({ $student }, { $host }) still awaits your signature.

    Read and sign it here:
    { $link }

    This link is yours alone: do not pass it on.
