# Documenti stampati: convenzione di tirocinio, atto aggiuntivo, attestato di tirocinio.
# Numeri, importi e date arrivano già formattati.

## Intestazione e piè di pagina

header-number = Convenzione n. { $number }
footer-page = Pagina { $page } / { $pages }

## Formati

date = { $day } { $month } { $year }
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre
hours = { $hours } h
hours-minutes = { $hours } h { $minutes } min
duration-breakdown = { $months } { $months ->
        [one] mese
       *[other] mesi
    }, { $days } { $days ->
        [one] giorno
       *[other] giorni
    } e { $rest }
from-to = dal { $start } al { $end }
counting-rule = La durata è calcolata in presenza effettiva: ogni 7 ore di presenza, consecutive o meno, valgono un giorno e ogni 22 giorni un mese (articoli L124-18 e D124-6 del Codice dell’istruzione francese).
civility-ms = Sig.ra
civility-mr = Sig.

## Etichette

label-name = Nome:
label-represented-by = Rappresentato da:
label-position = Qualifica:
label-address = Indirizzo:
label-phone = Telefono:
label-email = E-mail:
label-student-number = Matricola:
label-ine = INE:
label-birth-date = Data di nascita:
label-usage-name = Cognome d’uso:
label-health-insurance = Assicurazione sanitaria:
label-siret = SIRET:
label-activity = Attività:
label-legal-status = Forma giuridica:
label-website = Sito web:
label-department = Afferenza:
label-supervisor = Tutor accademico:
label-tutor = Tutor aziendale:
label-institution = Ateneo:
label-centre = Centro di gestione:
label-programme = Corso di studi:
label-academic-year = Anno accademico:
label-faculty = Facoltà:
label-teaching-hours = Volume didattico:
label-teaching-element = Insegnamento:
label-convention-type = Tipo di tirocinio:
label-subject = Argomento:
label-theme = Tematica:
label-tasks = Attività affidate:
label-details = Precisazioni:
label-confidentiality = Riservatezza:
label-skills = Competenze da acquisire o sviluppare:
label-start = Inizio del tirocinio:
label-end = Fine del tirocinio:
label-interruptions = Interruzioni:
label-effective-presence = Presenza effettiva:
label-weekly-hours = Presenza settimanale:
label-days-per-week = Giorni lavorati:
label-schedule = Orario:
label-working-time = Orario di lavoro:
label-presence-type = Ritmo:
label-working-time-comment = Commento:
label-night-sunday-holiday = Presenza notturna, di domenica o nei giorni festivi:
label-supervision-mode = Modalità di tutoraggio:
label-stipend-paid = Indennità:
label-stipend-amount = Importo:
label-payment-mode = Modalità di pagamento:
label-stipend-total = Importo per la presenza prevista:
label-legal-minimum = Minimo legale per questa presenza:
label-leave-days = Ferie e permessi:
label-leave-terms = Modalità:
label-validation-mode = Valutazione:
label-work-to-deliver = Elaborato da consegnare:
label-benefits = Agevolazioni:
label-period = Periodo:
label-duration = Durata effettiva:
label-stipend-paid-total = Indennità totale versata:

## Valori

teaching-hours-value = { $hours } di didattica all’anno, tirocinio escluso
type-initial-mandatory = formazione iniziale, tirocinio obbligatorio
type-initial-recommended = formazione iniziale, tirocinio consigliato
type-continuing-education = formazione continua
type-gap-year = anno di pausa (césure)
type-reorientation = riorientamento o inserimento professionale
confidentiality-none = nessuna
confidentiality-total = argomento e relazione riservati
confidentiality-free = diffusione libera
schedule-irregular = orario irregolare, per periodo:
schedule-period = { $start } – { $end }: { $hours } al giorno
days-per-week-value = { $days } giorni alla settimana
working-time-full = tempo pieno
working-time-part = tempo parziale ({ $percentage } %)
presence-continuous = presenza continuativa
presence-discontinuous = presenza discontinua (alternanza)
stipend-none = non è prevista alcuna indennità
stipend-amount-value = { $amount } { $basis } per { $unit }
basis-gross = lordi
basis-net = netti
unit-hour = ora
unit-day = giorno
unit-week = settimana
unit-month = mese
payment-bank-transfer = bonifico bancario
payment-cheque = assegno
payment-cash = contanti
legal-minimum-value = { $amount } ({ $rates })
hourly-rate = { $rate } all’ora nel { $year }
hourly-rate-floor = almeno { $rate } all’ora nel { $year } (tariffa del { $rate_year }, l’ultima nota)
legal-minimum-unknown = tariffa oraria minima sconosciuta per il { $year }
stipend-mandatory = La presenza supera le 308 ore: l’indennità è obbligatoria e dovuta dalla prima ora (articolo L124-6 del Codice dell’istruzione francese).
stipend-optional = La presenza non supera le 308 ore: l’indennità è facoltativa.
stipend-abroad = Il tirocinio si svolge all’estero: il minimo legale francese non si applica.
stipend-continuing-education = Tirocinio di formazione continua: il regime dell’indennità non si applica.
leave-days-value = { $days } giorni
duration-value = { $hours }, ossia { $breakdown }

## Convenzione

convention-title = Convenzione di tirocinio
convention-subtitle = n. { $number } – anno accademico { $year }
parties-title = Tra i sottoscritti
party-institution = L’istituto di istruzione
party-student = Il tirocinante
party-host = Il soggetto ospitante
party-service = La struttura ospitante e il luogo del tirocinio
party-tutor = Il tutor aziendale
party-supervisor = Il tutor accademico
agreed-intro = Si conviene quanto segue.
article-heading = Articolo { $number } – { $title }
art-programme = Corso di studi
art-subject = Oggetto del tirocinio e attività affidate
art-skills = Competenze da acquisire
art-dates = Date e durata del tirocinio
art-hours = Presenza settimanale, lavoro notturno, domenicale e festivo
art-supervision = Tutoraggio e monitoraggio del tirocinante
art-stipend = Indennità e modalità di pagamento
art-social = Tutela previdenziale
art-leave = Ferie e assenze
art-termination = Sospensione e risoluzione
art-validation = Riconoscimento di un tirocinio interrotto
art-benefits = Agevolazioni
art-rules = Regolamento interno del soggetto ospitante
art-certificate = Attestato di tirocinio
clause-hours = La durata della presenza, la presenza notturna, il riposo giornaliero e settimanale e i giorni festivi seguono le regole applicabili ai dipendenti del soggetto ospitante, che registra la presenza del tirocinante (articolo L124-14 del Codice dell’istruzione francese).
clause-supervision = Il tutor accademico verifica più volte con il tutor aziendale il buon andamento del tirocinio e propone, se necessario, una ridefinizione delle attività. Il tutor aziendale accoglie e accompagna il tirocinante nella struttura.
clause-stipend = L’indennità è versata mensilmente. In caso di sospensione o risoluzione è dovuta in proporzione alla presenza effettiva.
clause-social = Il tirocinante resta iscritto al proprio regime di previdenza sociale ed è tutelato contro gli infortuni sul lavoro e le malattie professionali (articolo L412-8 del Codice della previdenza sociale francese); il soggetto ospitante denuncia ogni infortunio e ne informa l’istituto. Il tirocinante e il soggetto ospitante dichiarano di essere assicurati per la responsabilità civile.
clause-leave = Il tirocinante può assentarsi per gli obblighi attestati dall’istituto e beneficia delle ferie e dei permessi previsti dall’articolo L124-13 del Codice dell’istruzione francese; ogni altra assenza è segnalata all’istituto.
clause-termination = Il tirocinio può essere sospeso o risolto di comune accordo o su iniziativa di una delle parti, dopo averne informato le altre e aver consultato il tutor accademico e il tutor aziendale. Ogni modifica è oggetto di un atto aggiuntivo.
clause-validation = Quando il tirocinio è interrotto per malattia, infortunio, gravidanza, paternità, adozione o, con l’accordo dell’istituto, per mancato rispetto delle condizioni didattiche o per risoluzione da parte del soggetto ospitante, l’istituto riconosce il tirocinio anche se di durata inferiore a quella prevista o propone un’altra modalità di riconoscimento (articolo L124-15 del Codice dell’istruzione francese).
clause-benefits = Il tirocinante ha accesso alla mensa aziendale o ai buoni pasto e al rimborso delle spese di trasporto alle stesse condizioni dei dipendenti del soggetto ospitante.
clause-rules = Il tirocinante rispetta il regolamento interno, le norme di igiene e sicurezza e gli obblighi di riservatezza del soggetto ospitante. Solo l’istituto può adottare sanzioni disciplinari.
clause-certificate = Al termine del tirocinio il soggetto ospitante rilascia al tirocinante un attestato che indica la durata effettiva del tirocinio e, se del caso, l’importo totale dell’indennità versata (articolo D124-9 del Codice dell’istruzione francese).

## Firme

signatures-title = Firme
done-at = Fatto a { $place }, il { $date }.
sign-student = Il tirocinante
sign-institution = Per l’istituto
sign-host = Per il soggetto ospitante
sign-tutor = Il tutor aziendale
sign-supervisor = Il tutor accademico
sign-date-signature = Data e firma:

## Atto aggiuntivo

amendment-title = Atto aggiuntivo alla convenzione di tirocinio
amendment-subtitle = Atto aggiuntivo n. { $index } alla convenzione n. { $number }
amendment-intro = Le parti convengono di modificare la convenzione come segue; le altre clausole restano invariate.
label-convention = Convenzione:
label-student = Tirocinante:
label-host = Soggetto ospitante:
label-amendment-title = Oggetto:
label-reason = Motivo:
changes-title = Modifiche
no-changes = Nessuna modifica.
label-before = Prima:
label-after = Dopo:
change-termination = Conclusione anticipata del tirocinio
change-dates = Date del tirocinio
change-interruptions = Interruzioni
change-host-service = Struttura ospitante e luogo del tirocinio
change-subject = Argomento del tirocinio
change-supervisor = Tutor accademico
change-tutor = Tutor aziendale
change-stipend = Indennità
change-other = Altra modifica
planned-end = fine prevista il { $date }
termination-value = fine il { $date } su iniziativa { $initiator }: { $comment }
initiated-by-intern = dello studente
initiated-by-host = dell’ente ospitante
initiated-by-school = dell’istituto

## Attestato

certificate-title = Attestato di tirocinio
certificate-legal-basis = Articoli L124-18 e D124-9 del Codice dell’istruzione francese
certificate-host = Il soggetto ospitante
certificate-certifies = attesta che il tirocinante indicato di seguito
certificate-internship = ha svolto un tirocinio nell’ambito del seguente corso di studi
certificate-terminated-early = Il tirocinio si è concluso anticipatamente.
certificate-no-stipend = non è stata versata alcuna indennità
certificate-pension = Il tirocinante può chiedere che questo periodo sia computato ai fini pensionistici, fino a due trimestri, entro due anni dalla fine del tirocinio (articolo L351-17 del Codice della previdenza sociale francese).
certificate-representative = Il rappresentante del soggetto ospitante

## Evaluation sheets

evaluation-title-student = Valutazione del tirocinio da parte dello studente
evaluation-title-supervisor = Valutazione del tirocinio da parte del tutor accademico
evaluation-title-tutor = Valutazione del tirocinio da parte del tutor aziendale
evaluation-about = Tirocinio di { $student } presso { $host }, dal { $start } al { $end }
evaluation-submitted = Questionario inviato il { $date }
evaluation-draft = Questionario in compilazione (bozza)
evaluation-yes = Sì
evaluation-no = No
evaluation-unanswered = (nessuna risposta)
evaluation-scale = { $value } su 5

## Minors (SAF-07) and internships abroad (ABR-01, ABR-02, ABR-03)

label-legal-representative = Rappresentante legale:
label-night-work = Lavoro notturno (22 – 6):
night-work-yes = sì
night-work-no = no
clause-social-abroad = Il tirocinante resta iscritto al proprio regime di sicurezza sociale. Per un tirocinio all’estero, stipula un’assicurazione di assistenza (rimpatrio) e un’assicurazione individuale contro gli infortuni; il soggetto ospitante informa per iscritto l’istituto di ogni infortunio entro 48 ore. Il tirocinante e il soggetto ospitante dichiarano di essere coperti per la responsabilità civile.
label-accident-cover = Infortuni sul lavoro:
accident-cover-french = tutela francese (articolo L412-8 2° del codice francese della sicurezza sociale), mantenuta finché il tirocinio dura al massimo { $months } mesi proroghe comprese (qui dal { $start } al { $end }), l’indennità non supera { $limit } l’ora (15 % del massimale orario della sicurezza sociale) e il tirocinio si svolge esclusivamente presso il soggetto firmatario ({ $host }) ed esclusivamente nel paese indicato ({ $country }). Se una di queste condizioni non è più soddisfatta, il soggetto ospitante assicura il tirocinante.
accident-cover-host = il soggetto ospitante assicura il tirocinante contro gli infortuni sul lavoro secondo la legislazione del paese ospitante.
accident-cover-to-declare = da precisare: la tutela francese non si applica, il soggetto ospitante deve assicurare il tirocinante.
accident-cover-french-short = tutela francese (articolo L412-8 del codice francese della sicurezza sociale)
clause-leave-abroad = Ferie e assenze seguono gli usi del soggetto ospitante. Il tirocinante può assentarsi per gli obblighi attestati dall’istituto; ogni altra assenza è segnalata all’istituto.
annexes-title = Allegati
annex-country-sheet = Scheda informativa sui diritti e doveri del tirocinante nel paese ospitante ({ $country }), pubblicata dal Ministero francese degli affari esteri (diplomatie.gouv.fr) e dal CLEISS (cleiss.fr).
sign-legal-representative = Il rappresentante legale del tirocinante minorenne
change-accident-cover = Tutela contro gli infortuni sul lavoro

# Signature page of the signed agreement.
signature-page-title = Pagina delle firme
signatures-intro = Questa pagina riepiloga le firme della convenzione { $number }. Tutte si riferiscono al documento la cui impronta SHA-256 è:
signatures-seal = Documento sigillato elettronicamente da { $institution } il { $date }.
signatures-party-student = Il tirocinante
signatures-party-legal-representative = Il rappresentante legale
signatures-party-host-signatory = Il firmatario del soggetto ospitante
signatures-party-tutor = Il tutor aziendale
signatures-party-supervisor = Il tutor accademico
signatures-party-school = L’istituto di istruzione
signatures-method-electronic = Firma elettronica (link personale e codice monouso)
signatures-method-paper = Firma autografa, scansione registrata dal centro di gestione
label-signer = Firmatario
label-signed-on = Firmata il
label-method = Modalità
label-recorded-by = Registrata da
label-network-address = Indirizzo di rete
label-user-agent = Browser
label-recorded-at = Marca temporale
label-scan-hash = Impronta della scansione
