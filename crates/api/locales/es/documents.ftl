# Documentos impresos: convenio de prácticas, adenda, certificado de prácticas.
# Los números, importes y fechas llegan ya formateados.

## Encabezado y pie de página

header-number = Convenio n.º { $number }
footer-page = Página { $page } / { $pages }

## Formatos

date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
hours = { $hours } h
hours-minutes = { $hours } h { $minutes } min
duration-breakdown = { $months } { $months ->
        [one] mes
       *[other] meses
    }, { $days } { $days ->
        [one] día
       *[other] días
    } y { $rest }
from-to = del { $start } al { $end }
counting-rule = La duración se cuenta en presencia efectiva: cada 7 horas de presencia, consecutivas o no, cuentan como un día y cada 22 días como un mes (artículos L124-18 y D124-6 del Código de Educación francés).
civility-ms = Sra.
civility-mr = Sr.

## Etiquetas

label-name = Nombre:
label-represented-by = Representado por:
label-position = Cargo:
label-address = Dirección:
label-phone = Teléfono:
label-email = Correo electrónico:
label-student-number = N.º de estudiante:
label-ine = INE:
label-birth-date = Fecha de nacimiento:
label-usage-name = Apellido de uso:
label-health-insurance = Seguro de enfermedad:
label-siret = SIRET:
label-activity = Actividad:
label-legal-status = Forma jurídica:
label-website = Sitio web:
label-department = Departamento:
label-supervisor = Profesor tutor:
label-tutor = Tutor de prácticas:
label-institution = Centro de enseñanza:
label-centre = Centro de gestión:
label-programme = Estudios:
label-academic-year = Curso académico:
label-faculty = Facultad:
label-teaching-hours = Volumen docente:
label-teaching-element = Asignatura:
label-convention-type = Tipo de prácticas:
label-subject = Tema:
label-theme = Temática:
label-tasks = Actividades encomendadas:
label-details = Precisiones:
label-confidentiality = Confidencialidad:
label-skills = Competencias que adquirir o desarrollar:
label-start = Inicio de las prácticas:
label-end = Fin de las prácticas:
label-interruptions = Interrupciones:
label-effective-presence = Presencia efectiva:
label-weekly-hours = Presencia semanal:
label-days-per-week = Días trabajados:
label-schedule = Horario:
label-working-time = Jornada:
label-presence-type = Ritmo:
label-working-time-comment = Comentario:
label-night-sunday-holiday = Presencia nocturna, en domingo o en día festivo:
label-supervision-mode = Modalidades de tutela:
label-stipend-paid = Gratificación:
label-stipend-amount = Importe:
label-payment-mode = Forma de pago:
label-stipend-total = Importe para la presencia prevista:
label-legal-minimum = Mínimo legal para esta presencia:
label-leave-days = Vacaciones y permisos:
label-leave-terms = Condiciones:
label-validation-mode = Evaluación:
label-work-to-deliver = Trabajo que entregar:
label-benefits = Ventajas:
label-period = Período:
label-duration = Duración efectiva:
label-stipend-paid-total = Gratificación total abonada:

## Valores

teaching-hours-value = { $hours } de docencia al año, sin contar las prácticas
type-initial-mandatory = formación inicial, prácticas obligatorias
type-initial-recommended = formación inicial, prácticas recomendadas
type-continuing-education = formación continua
type-gap-year = año sabático (césure)
type-reorientation = reorientación o inserción profesional
confidentiality-none = ninguna
confidentiality-total = tema e informe confidenciales
confidentiality-free = difusión libre
schedule-irregular = horario irregular, por período:
schedule-period = { $start } – { $end }: { $hours } al día
days-per-week-value = { $days } días por semana
working-time-full = jornada completa
working-time-part = jornada parcial ({ $percentage } %)
presence-continuous = presencia continua
presence-discontinuous = presencia discontinua (alternancia)
stipend-none = no se abona ninguna gratificación
stipend-amount-value = { $amount } { $basis } por { $unit }
basis-gross = brutos
basis-net = netos
unit-hour = hora
unit-day = día
unit-week = semana
unit-month = mes
payment-bank-transfer = transferencia bancaria
payment-cheque = cheque
payment-cash = efectivo
legal-minimum-value = { $amount } ({ $rates })
hourly-rate = { $rate } por hora en { $year }
hourly-rate-floor = al menos { $rate } por hora en { $year } (tarifa de { $rate_year }, la última conocida)
legal-minimum-unknown = tarifa horaria mínima desconocida para { $year }
stipend-mandatory = La presencia supera las 308 horas: la gratificación es obligatoria y se debe desde la primera hora (artículo L124-6 del Código de Educación francés).
stipend-optional = La presencia no supera las 308 horas: la gratificación es opcional.
stipend-abroad = Las prácticas se realizan en el extranjero: no se aplica el mínimo legal francés.
stipend-continuing-education = Prácticas de formación continua: no se aplica el régimen de gratificación.
leave-days-value = { $days } días
duration-value = { $hours }, es decir, { $breakdown }

## Convenio

convention-title = Convenio de prácticas
convention-subtitle = n.º { $number } – curso académico { $year }
parties-title = Entre los abajo firmantes
party-institution = El centro de enseñanza
party-student = El estudiante en prácticas
party-host = La entidad de acogida
party-service = El servicio de acogida y el lugar de las prácticas
party-tutor = El tutor de prácticas
party-supervisor = El profesor tutor
agreed-intro = Se ha convenido lo siguiente.
article-heading = Artículo { $number } – { $title }
art-programme = Estudios cursados
art-subject = Objeto de las prácticas y actividades encomendadas
art-skills = Competencias que adquirir
art-dates = Fechas y duración de las prácticas
art-hours = Presencia semanal, trabajo nocturno, en domingo y en días festivos
art-supervision = Tutela y seguimiento del estudiante
art-stipend = Gratificación y forma de pago
art-social = Protección social
art-leave = Vacaciones y ausencias
art-termination = Suspensión y rescisión
art-validation = Validación de unas prácticas interrumpidas
art-benefits = Ventajas
art-rules = Reglamento interno de la entidad de acogida
art-certificate = Certificado de prácticas
clause-hours = La duración de la presencia, la presencia nocturna, el descanso diario y semanal y los días festivos siguen las normas aplicables a los empleados de la entidad de acogida, que lleva un registro de la presencia del estudiante (artículo L124-14 del Código de Educación francés).
clause-supervision = El profesor tutor comprueba varias veces con el tutor de prácticas que estas se desarrollan correctamente y propone, si es necesario, redefinir las tareas. El tutor de prácticas acoge y acompaña al estudiante en la entidad.
clause-stipend = La gratificación se abona mensualmente. En caso de suspensión o rescisión, se debe en proporción a la presencia efectiva.
clause-social = El estudiante sigue afiliado a su régimen de seguridad social y está protegido contra los accidentes de trabajo y las enfermedades profesionales (artículo L412-8 del Código de la Seguridad Social francés); la entidad de acogida declara cualquier accidente e informa al centro de enseñanza. El estudiante y la entidad de acogida declaran estar cubiertos por un seguro de responsabilidad civil.
clause-leave = El estudiante puede ausentarse por las obligaciones que certifique el centro de enseñanza y disfruta de las vacaciones y permisos del artículo L124-13 del Código de Educación francés; cualquier otra ausencia se comunica al centro.
clause-termination = Las prácticas pueden suspenderse o rescindirse de común acuerdo o a iniciativa de una de las partes, tras informar a las demás y consultar al profesor tutor y al tutor de prácticas. Toda modificación se formaliza mediante una adenda.
clause-validation = Cuando las prácticas se interrumpen por enfermedad, accidente, embarazo, paternidad, adopción o, con el acuerdo del centro, por incumplimiento de las condiciones pedagógicas o rescisión por la entidad de acogida, el centro valida las prácticas aunque no hayan alcanzado la duración prevista o propone otra forma de validación (artículo L124-15 del Código de Educación francés).
clause-benefits = El estudiante tiene acceso al comedor de empresa o a los vales de comida y al reembolso de los gastos de transporte en las mismas condiciones que los empleados de la entidad de acogida.
clause-rules = El estudiante respeta el reglamento interno, las normas de higiene y seguridad y las obligaciones de confidencialidad de la entidad de acogida. Solo el centro de enseñanza puede imponer una sanción disciplinaria.
clause-certificate = Al final de las prácticas, la entidad de acogida entrega al estudiante un certificado que indica la duración efectiva de las prácticas y, en su caso, el importe total de la gratificación abonada (artículo D124-9 del Código de Educación francés).

## Firmas

signatures-title = Firmas
done-at = Hecho en { $place }, el { $date }.
sign-student = El estudiante en prácticas
sign-institution = Por el centro de enseñanza
sign-host = Por la entidad de acogida
sign-tutor = El tutor de prácticas
sign-supervisor = El profesor tutor
sign-date-signature = Fecha y firma:

## Adenda

amendment-title = Adenda al convenio de prácticas
amendment-subtitle = Adenda n.º { $index } al convenio n.º { $number }
amendment-intro = Las partes acuerdan modificar el convenio como sigue; sus demás cláusulas no cambian.
label-convention = Convenio:
label-student = Estudiante:
label-host = Entidad de acogida:
label-amendment-title = Objeto:
label-reason = Motivo:
changes-title = Modificaciones
no-changes = Ninguna modificación.
label-before = Antes:
label-after = Después:
change-termination = Finalización anticipada de las prácticas
change-dates = Fechas de las prácticas
change-interruptions = Interrupciones
change-host-service = Servicio de acogida y lugar de las prácticas
change-subject = Tema de las prácticas
change-supervisor = Profesor tutor
change-tutor = Tutor de prácticas
change-stipend = Gratificación
change-other = Otra modificación
planned-end = fin previsto el { $date }
termination-value = fin el { $date } por iniciativa { $initiator }: { $comment }
initiated-by-intern = del estudiante
initiated-by-host = del organismo de acogida
initiated-by-school = del centro de enseñanza

## Certificado

certificate-title = Certificado de prácticas
certificate-legal-basis = Artículos L124-18 y D124-9 del Código de Educación francés
certificate-host = La entidad de acogida
certificate-certifies = certifica que el estudiante indicado a continuación
certificate-internship = ha realizado unas prácticas en el marco de los siguientes estudios
certificate-terminated-early = Las prácticas terminaron de forma anticipada.
certificate-no-stipend = no se abonó ninguna gratificación
certificate-pension = El estudiante puede solicitar que este período se tenga en cuenta para su jubilación, hasta dos trimestres, en los dos años siguientes al final de las prácticas (artículo L351-17 del Código de la Seguridad Social francés).
certificate-representative = El representante de la entidad de acogida

## Evaluation sheets

evaluation-title-student = Evaluación de las prácticas por el estudiante
evaluation-title-supervisor = Evaluación de las prácticas por el tutor académico
evaluation-title-tutor = Evaluación de las prácticas por el tutor en la empresa
evaluation-about = Prácticas de { $student } en { $host }, del { $start } al { $end }
evaluation-submitted = Cuestionario enviado el { $date }
evaluation-draft = Cuestionario en curso (borrador)
evaluation-yes = Sí
evaluation-no = No
evaluation-unanswered = (sin respuesta)
evaluation-scale = { $value } de 5

## Minors (SAF-07) and internships abroad (ABR-01, ABR-02, ABR-03)

label-legal-representative = Representante legal:
label-night-work = Trabajo nocturno (22 h – 6 h):
night-work-yes = sí
night-work-no = no
clause-social-abroad = El estudiante sigue afiliado a su régimen de seguridad social. Para unas prácticas en el extranjero, suscribe un seguro de asistencia (repatriación) y un seguro individual de accidentes; la entidad de acogida informa por escrito al centro de cualquier accidente en un plazo de 48 horas. El estudiante y la entidad de acogida declaran estar cubiertos por un seguro de responsabilidad civil.
label-accident-cover = Accidentes de trabajo:
accident-cover-french = protección francesa (artículo L412-8 2° del código francés de la seguridad social), mantenida mientras las prácticas duren como máximo { $months } meses, prórrogas incluidas (aquí del { $start } al { $end }), la gratificación no supere { $limit } por hora (15 % del tope horario de la seguridad social) y las prácticas se realicen exclusivamente en la entidad firmante ({ $host }) y exclusivamente en el país citado ({ $country }). Si una de estas condiciones deja de cumplirse, la entidad de acogida asegura al estudiante.
accident-cover-host = la entidad de acogida asegura al estudiante contra el riesgo de accidente de trabajo según la legislación del país de acogida.
accident-cover-to-declare = por precisar: la protección francesa no se aplica, la entidad de acogida debe asegurar al estudiante.
accident-cover-french-short = protección francesa (artículo L412-8 del código francés de la seguridad social)
clause-leave-abroad = Las vacaciones y ausencias siguen los usos de la entidad de acogida. El estudiante puede ausentarse por las obligaciones certificadas por el centro; cualquier otra ausencia se comunica al centro.
annexes-title = Anexos
annex-country-sheet = Ficha informativa sobre los derechos y deberes del estudiante en el país de acogida ({ $country }), publicada por el Ministerio francés de Asuntos Exteriores (diplomatie.gouv.fr) y el CLEISS (cleiss.fr).
sign-legal-representative = El representante legal del estudiante menor de edad
change-accident-cover = Protección contra accidentes de trabajo

# Signature page of the signed agreement.
signature-page-title = Página de firmas
signatures-intro = Esta página recoge las firmas del convenio { $number }. Todas se refieren al documento cuya huella SHA-256 es:
signatures-seal = Documento sellado electrónicamente por { $institution } el { $date }.
signatures-party-student = El estudiante en prácticas
signatures-party-legal-representative = El representante legal
signatures-party-host-signatory = El firmante de la entidad de acogida
signatures-party-tutor = El tutor de la entidad
signatures-party-supervisor = El tutor académico
signatures-party-school = El centro de enseñanza
signatures-method-electronic = Firma electrónica (enlace personal y código de un solo uso)
signatures-method-paper = Firma manuscrita, escaneo registrado por el centro de gestión
label-signer = Firmante
label-signed-on = Firmado el
label-method = Modo
label-recorded-by = Registrada por
label-network-address = Dirección de red
label-user-agent = Navegador
label-recorded-at = Sello de tiempo
label-scan-hash = Huella del escaneo
