# Messages électroniques envoyés par Stages (référence française).
# Chaque message a un objet (-subject) et un corps (-body).

signature = — Stages, gestion des conventions de stage

convention-created-subject = Convention { $number } créée
convention-created-body =
    Bonjour,

    La convention de stage { $number } de { $student } chez { $host } a été créée.
    Elle attend maintenant les validations du centre de gestion « { $centre } ».

    Consultez-la : { $link }

convention-to-validate-subject = Convention { $number } à valider
convention-to-validate-body =
    Bonjour,

    { $student } a créé la convention de stage { $number } (organisme d'accueil : { $host }).
    Elle attend votre validation.

    Consultez-la : { $link }

validation-given-subject = Convention { $number } : { $level } donnée
validation-given-body =
    Bonjour,

    La { $level } de la convention { $number } a été donnée.

    Consultez-la : { $link }

validation-withdrawn-subject = Convention { $number } : { $level } retirée
validation-withdrawn-body =
    Bonjour,

    La { $level } de la convention { $number } a été retirée.

    Consultez-la : { $link }

convention-rejected-subject = Convention { $number } à corriger
convention-rejected-body =
    Bonjour,

    Votre convention { $number } vous est renvoyée pour correction, pour la raison suivante :

    « { $reason } »

    Corrigez-la puis demandez à nouveau sa validation : { $link }

amendment-created-subject = Avenant à la convention { $number }
amendment-created-body =
    Bonjour,

    Un avenant « { $title } » a été saisi pour la convention { $number } de { $student }.
    Il attend votre validation.

    Consultez-le : { $link }

amendment-validated-subject = Avenant à la convention { $number } validé
amendment-validated-body =
    Bonjour,

    L'avenant « { $title } » à la convention { $number } a été validé : il peut être imprimé et signé.

    Consultez-le : { $link }

evaluation-requested-subject = Évaluation du stage de { $student }
evaluation-requested-body =
    Bonjour,

    Le stage de { $student } chez { $host } (convention { $number }) est terminé.
    Merci de remplir le questionnaire d'évaluation :

    { $link }

evaluation-reminder-subject = Rappel : évaluation du stage de { $student }
evaluation-reminder-body =
    Bonjour,

    Le questionnaire d'évaluation du stage de { $student } (convention { $number }) n'est pas encore rempli.
    Il vous attend ici :

    { $link }

signature-voided-subject = Convention { $number } : votre signature est annulée
signature-voided-body =
    Bonjour { $name },

    La validation de la convention { $number } ({ $student }, { $host }) a été retirée pour modification : la signature que vous aviez donnée ne compte plus. La convention vous sera de nouveau soumise une fois validée.

    Consultez-la : { $link }

signature-requested-subject = Convention { $number } : votre signature est attendue
signature-requested-body =
    Bonjour { $name },

    La convention de stage { $number } ({ $student }, { $host }) attend votre signature.

    Lisez-la et signez-la ici (un code vous sera envoyé à cette adresse pour confirmer) :
    { $link }

    Ce lien vous est personnel : ne le transmettez pas.

signature-code-subject = Convention { $number } : votre code de signature
signature-code-body =
    Bonjour,

    Votre code pour signer la convention { $number } : { $code }

    Il est valable 10 minutes. Si vous n'avez rien demandé, ignorez ce message.

signature-reminder-subject = Rappel : la convention { $number } attend votre signature
signature-reminder-body =
    Bonjour { $name },

    La convention de stage { $number } ({ $student }, { $host }) attend toujours votre signature.

    Lisez-la et signez-la ici :
    { $link }

    Ce lien vous est personnel : ne le transmettez pas.
