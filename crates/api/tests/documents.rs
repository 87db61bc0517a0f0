//! The document renderer end to end: the library functions produce PDF
//! bytes, and poppler's `pdftotext` and `pdfinfo` read them back as a
//! reader's viewer would.
//!
//! Rendering is slow in debug builds, so each test renders few documents:
//! one agreement per language, one with maximal texts, one amendment, one
//! certificate, and a handful of random inputs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "documents/fixture.rs"]
mod fixture;

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use fixture::{convention_document, date, demo_convention, letterhead, number};
use proptest::prelude::*;
use stages_api::documents::seal::Seal;
use stages_api::documents::{
    AmendmentDocument, CertificateDocument, ConventionDocument, DocumentError, Letterhead, Logo,
    LogoType, Signatory, render_amendment, render_certificate, render_convention,
};
use stages_domain::amendment::{Amendment, AmendmentChange};
use stages_domain::ids::Currency;
use stages_domain::model::{
    AcademicYear, AgreementLanguage, Civility, Contact, Convention, PaymentMode, StipendBasis,
    StipendTerms, StipendUnit,
};

/// A PDF read back by poppler.
struct Read {
    text: String,
    pages: usize,
}

impl Read {
    fn new(pdf: &[u8]) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path: PathBuf = std::env::temp_dir().join(format!(
            "stages-documents-{}-{}.pdf",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, pdf).unwrap();
        let text = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed");
        assert!(text.status.success(), "pdftotext failed");
        let info = Command::new("pdfinfo").arg(&path).output().unwrap();
        assert!(info.status.success(), "pdfinfo failed");
        std::fs::remove_file(&path).unwrap();
        let pages = String::from_utf8(info.stdout)
            .unwrap()
            .lines()
            .find_map(|line| line.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .unwrap();
        Self {
            text: String::from_utf8(text.stdout).unwrap(),
            pages,
        }
    }

    /// The text with line breaks and runs of spaces as single spaces.
    fn flat(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Each page's text (pdftotext ends pages with a form feed).
    fn page_texts(&self) -> Vec<String> {
        self.text
            .split('\u{c}')
            .filter(|page| !page.trim().is_empty())
            .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }
}

fn assert_contains(text: &str, expected: &[&str], what: &str) {
    let missing: Vec<_> = expected.iter().filter(|e| !text.contains(*e)).collect();
    assert!(missing.is_empty(), "{what}: missing {missing:?} in\n{text}");
}

fn assert_every_page_is_numbered(read: &Read, header: &str) {
    let pages = read.page_texts();
    assert_eq!(pages.len(), read.pages);
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("{} / {}", i + 1, read.pages);
        assert!(
            page.contains(header) && page.contains(&footer),
            "page {} lacks its header {header:?} or footer {footer:?}: {page}",
            i + 1
        );
    }
}

#[test]
fn the_agreement_prints_in_each_language_with_accents_and_domain_figures() {
    let expected: [(AgreementLanguage, [&str; 5]); 5] = [
        (
            AgreementLanguage::Fr,
            [
                "Convention de stage",
                "315 h, soit 2 mois, 1 jour et 0 h",
                "1 417,50 € (4,50 € de l’heure en 2026)",
                "5 janvier 2026",
                "Fait à Besançon, le 1 décembre 2025.",
            ],
        ),
        (
            AgreementLanguage::En,
            [
                "Internship agreement",
                "315 h, that is 2 months, 1 day and 0 h",
                "€1,417.50 (€4.50 per hour in 2026)",
                "January 5, 2026",
                "Done at Besançon on December 1, 2025.",
            ],
        ),
        (
            AgreementLanguage::De,
            [
                "Praktikumsvertrag",
                "315 Std., das heißt 2 Monate, 1 Tag und 0 Std.",
                "1.417,50 € (4,50 € pro Stunde im Jahr 2026)",
                "5. Januar 2026",
                "Ausgefertigt in Besançon am 1. Dezember 2025.",
            ],
        ),
        (
            AgreementLanguage::Es,
            [
                "Convenio de prácticas",
                "315 h, es decir, 2 meses, 1 día y 0 h",
                "1417,50 € (4,50 € por hora en 2026)",
                "5 de enero de 2026",
                "Hecho en Besançon, el 1 de diciembre de 2025.",
            ],
        ),
        (
            AgreementLanguage::It,
            [
                "Convenzione di tirocinio",
                "315 h, ossia 2 mesi, 1 giorno e 0 h",
                "1.417,50 € (4,50 € all’ora nel 2026)",
                "5 gennaio 2026",
                "Fatto a Besançon, il 1 dicembre 2025.",
            ],
        ),
    ];
    for (language, localised) in expected {
        let pdf = render_convention(&convention_document(language, demo_convention())).unwrap();
        let read = Read::new(&pdf);
        let text = read.flat();
        let what = format!("{language:?}");
        assert_contains(
            &text,
            &[
                "Camille Martin",
                "Société Générale d'Ingénierie",
                "Besançon",
                "Pôle Cœur de réseau",
                "Königstraße 5, 70173 Stuttgart, DE",
                "señor García",
                "« temps réel »",
                "œuvre collective",
                "Élodie Faure",
                "Géraldine Baviere",
                "2026-000123",
                "M1 Informatique",
                "UFR Sciences et techniques",
            ],
            &what,
        );
        assert_contains(&text, &localised, &what);
        assert_every_page_is_numbered(&read, "2026-000123");
        assert!(read.pages <= 8, "{what}: {} pages", read.pages);
        eprintln!("{what}: {} bytes, {} pages", pdf.len(), read.pages);
        assert!(pdf.len() <= 300 * 1024, "{what}: {} bytes", pdf.len());
    }
}

/// The installation's rate table prints: a year it lacks takes the
/// latest rate as a floor, and says so (GRAT-02); the registry's birth date
/// prints (SAF-07).
#[test]
fn the_agreement_prints_the_installations_rates_and_the_birth_date() {
    let document = ConventionDocument {
        rates: stages_domain::stipend::RateTable::new([(2024, 435), (2025, 435)]),
        ..convention_document(AgreementLanguage::Fr, demo_convention())
    };
    let text = Read::new(&render_convention(&document).unwrap()).flat();
    assert_contains(
        &text,
        &[
            "au moins 4,35 € de l’heure en 2026 (taux de 2025, le dernier connu)",
            "12 avril 2003",
        ],
        "the agreement",
    );
}

/// SAF-07: a minor's agreement names the legal representative among the
/// parties, gives them a signature box, and states the night-work answer.
#[test]
fn a_minors_agreement_is_signed_by_the_legal_representative() {
    let mut convention = demo_convention();
    // 17 on the first day, 5 January 2026.
    convention.student.student.birth_date = Some(date(2008, 6, 1));
    convention.student.legal_representative = Some(Contact {
        civility: Some(Civility::Ms),
        last_name: "Martin".into(),
        first_name: "Sophie".into(),
        email: Some(stages_domain::ids::Email::parse("sophie.martin@example.org").unwrap()),
        phone: None,
        position: "Mère".into(),
    });
    convention.internship.night_work = Some(false);
    let document = convention_document(AgreementLanguage::Fr, convention.clone());
    let text = Read::new(&render_convention(&document).unwrap()).flat();
    assert_contains(
        &text,
        &[
            "Représentant légal : Mme Sophie Martin, Mère, sophie.martin@example.org",
            "Le représentant légal du stagiaire mineur",
            "Travail de nuit (22 h – 6 h) : non",
        ],
        "a minor's agreement",
    );
    // An adult signs alone, whatever the form still holds.
    convention.student.student.birth_date = Some(date(2003, 4, 12));
    let document = convention_document(AgreementLanguage::Fr, convention);
    let text = Read::new(&render_convention(&document).unwrap()).flat();
    assert!(!text.contains("représentant légal"), "{text}");
}

/// ABR-01…03: an agreement with a host abroad annexes the country's
/// information sheet, leaves out the French employee benefits and leave
/// clauses, and says who covers work accidents: the French cover with its
/// conditions, or the host once it insures the intern.
#[test]
fn an_agreement_abroad_states_the_accident_cover_and_annexes_the_country_sheet() {
    let mut convention = demo_convention();
    for address in [
        &mut convention.organisation.as_mut().unwrap().address,
        &mut convention.host_service.as_mut().unwrap().address,
    ] {
        address.country = Some(stages_domain::ids::Country::parse("DE").unwrap());
        address.postal_code = "10115".into();
    }
    convention.internship.stipend_paid = Some(false);
    let document = convention_document(AgreementLanguage::Fr, convention.clone());
    let text = Read::new(&render_convention(&document).unwrap()).flat();
    assert_contains(
        &text,
        &[
            "Accidents du travail : protection française (article L412-8 2° du code de la sécurité sociale)",
            "au plus 6 mois prolongations comprises (ici du 5 janvier 2026 au 6 mars 2026)",
            "ne dépasse pas 4,50 € de l’heure",
            "exclusivement dans l’organisme signataire (Société Générale d'Ingénierie)",
            "exclusivement dans le pays cité (DE)",
            "assurance assistance (rapatriement)",
            "Annexes",
            "dans le pays d’accueil (DE)",
        ],
        "the agreement abroad",
    );
    for french_only in ["titres-restaurant et à la prise en charge", "L124-13"] {
        assert!(!text.contains(french_only), "{french_only} printed abroad");
    }
    convention.internship.host_accident_cover = Some(true);
    let document = convention_document(AgreementLanguage::En, convention);
    let text = Read::new(&render_convention(&document).unwrap()).flat();
    assert_contains(
        &text,
        &["Work accidents: the host organisation insures the intern"],
        "the host's cover",
    );
}

/// `pdffonts`' table: one line per font, after two header lines.
fn fonts_of(pdf: &[u8]) -> Vec<String> {
    let path = std::env::temp_dir().join(format!("stages-fonts-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdffonts").arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(out.status.success(), "pdffonts failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn names_of_every_alphabet_print_exactly_in_embedded_subset_fonts() {
    let mut convention = demo_convention();
    convention.student.student.first_name = "Łucja".into();
    convention.student.student.last_name = "Nguyễn".into();
    if let Some(organisation) = convention.organisation.as_mut() {
        organisation.name = "北京科技有限公司".into();
    }
    convention.internship.subject = "Ελληνικά, Кириллица, Dvořák, Ğüşİ".into();
    let pdf = render_convention(&convention_document(AgreementLanguage::Fr, convention)).unwrap();
    let read = Read::new(&pdf);
    assert_contains(
        &read.flat(),
        &[
            "Łucja Nguyễn",
            "北京科技有限公司",
            "Ελληνικά, Кириллица, Dvořák, Ğüşİ",
        ],
        "names",
    );
    let fonts = fonts_of(&pdf);
    assert!(!fonts.is_empty());
    for font in &fonts {
        // name type encoding emb sub uni object ID
        let columns: Vec<&str> = font.split(' ').collect();
        assert!(
            columns[0].len() > 7 && columns[0].as_bytes()[6] == b'+',
            "not named as a subset: {font}"
        );
        assert!(
            font.contains("Identity-H yes yes yes"),
            "not an embedded subset: {font}"
        );
    }
    assert!(
        fonts.iter().any(|font| font.contains("+DejaVuSans ")),
        "{fonts:?}"
    );
    assert!(
        fonts
            .iter()
            .any(|font| font.contains("+DroidSansFallback ")),
        "{fonts:?}"
    );
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
}

/// What a poppler tool prints of `pdf`, standard output and error.
fn poppler(tool: &str, pdf: &[u8]) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "stages-{tool}-{}-{}.pdf",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool).arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The parts of PDF/A-2b that can be checked here without a validator:
/// header comment, identifier, XMP identification agreeing with the
/// information dictionary, an RGB output intent, every font embedded, the
/// seal valid.
#[test]
fn the_sealed_agreement_is_archival_and_valid() {
    let mut convention = demo_convention();
    convention.student.student.first_name = "Łucja".into();
    convention.student.student.last_name = "Nguyễn".into();
    let pdf = render_convention(&convention_document(AgreementLanguage::Fr, convention)).unwrap();
    let seal = Seal::generate("Université de démonstration").unwrap();
    let sealed = seal
        .seal(&pdf, "Convention signée", chrono::Utc::now())
        .unwrap();
    assert!(sealed.starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
    let doc = lopdf::Document::load_mem(&sealed).unwrap();
    assert!(
        doc.trailer
            .get(b"ID")
            .and_then(lopdf::Object::as_array)
            .is_ok_and(|id| id.len() == 2)
    );
    let catalog = doc.catalog().unwrap();
    let metadata = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(lopdf::Object::as_stream)
        .unwrap();
    assert!(
        !metadata.dict.has(b"Filter"),
        "the XMP packet is not filtered"
    );
    let xmp = String::from_utf8(metadata.content.clone()).unwrap();
    for part in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "Convention de stage 2026-000123",
    ] {
        assert!(xmp.contains(part), "{part} missing in {xmp}");
    }
    let intent = catalog
        .get(b"OutputIntents")
        .and_then(lopdf::Object::as_array)
        .unwrap()[0]
        .as_dict()
        .unwrap();
    assert_eq!(
        intent.get(b"S").and_then(lopdf::Object::as_name).unwrap(),
        b"GTS_PDFA1"
    );
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(lopdf::Object::as_stream)
        .unwrap();
    assert_eq!(
        profile
            .dict
            .get(b"N")
            .and_then(lopdf::Object::as_i64)
            .unwrap(),
        3
    );
    let info = poppler("pdfinfo", &sealed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        info.contains("Title: Convention de stage 2026-000123"),
        "{info}"
    );
    assert!(info.contains("PDF version: 1.7"), "{info}");
    let fonts = fonts_of(&sealed);
    assert!(!fonts.is_empty());
    assert!(
        fonts.iter().all(|font| font.contains(" yes yes yes ")),
        "{fonts:?}"
    );
    let report = poppler("pdfsig", &sealed);
    assert!(report.contains("Signature is Valid."), "{report}");
}

/// An installation configures an RSA key and certificate by path: the
/// seal is the same, signed with RSA PKCS#1 v1.5. The pair is a test
/// fixture made with `openssl req -x509 -newkey rsa:2048 -nodes`, not a
/// secret.
#[test]
fn an_rsa_seal_from_pem_files_is_valid() {
    let key = include_str!("documents/seal-rsa.key.pem");
    let certificate = include_str!("documents/seal-rsa.crt.pem");
    let seal = Seal::from_pem(key, certificate).unwrap();
    let pdf = render_convention(&convention_document(
        AgreementLanguage::Fr,
        demo_convention(),
    ))
    .unwrap();
    let sealed = seal
        .seal(&pdf, "Convention signée", chrono::Utc::now())
        .unwrap();
    let report = poppler("pdfsig", &sealed);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("RSA"), "{report}");
}

#[test]
fn missing_data_prints_as_dashes() {
    let mut convention = Convention::default();
    convention.student.student.first_name = "Camille".into();
    let document = ConventionDocument {
        letterhead: Letterhead::default(),
        institution_signatory: Signatory::default(),
        programme: String::new(),
        ..convention_document(AgreementLanguage::Fr, convention)
    };
    let read = Read::new(&render_convention(&document).unwrap());
    let text = read.flat();
    assert_contains(
        &text,
        &[
            "Sujet : —",
            "Début du stage : —",
            "Minimum légal pour cette présence : —",
        ],
        "empty",
    );
    assert_every_page_is_numbered(&read, "2026-000123");
}

/// Text of `len` characters in words of 1 to 14 letters, with paragraph
/// breaks now and then.
fn long_text(len: usize) -> String {
    let words = [
        "ingénierie",
        "réseau",
        "Straße",
        "œuvre",
        "a",
        "déploiement",
        "€",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < len {
        text.push_str(words[i % words.len()]);
        text.push(if i % 97 == 96 { '\n' } else { ' ' });
        i += 1;
    }
    text.chars().take(len).collect()
}

#[test]
fn maximal_texts_flow_over_a_sane_number_of_pages() {
    let mut convention = demo_convention();
    convention.internship.subject = long_text(30_000);
    convention.internship.tasks = long_text(1_000);
    convention.internship.skills = long_text(1_000);
    convention.internship.details = Some(long_text(1_000));
    let pdf = render_convention(&convention_document(AgreementLanguage::Fr, convention)).unwrap();
    let read = Read::new(&pdf);
    assert!((5..=40).contains(&read.pages), "{} pages", read.pages);
    assert_every_page_is_numbered(&read, "2026-000123");
    // The end of the subject made it to the page, and what follows it too.
    assert_contains(
        &read.flat(),
        &["Activités confiées", "Le tuteur de stage"],
        "long",
    );
    eprintln!("maximal texts: {} bytes, {} pages", pdf.len(), read.pages);
}

#[test]
fn an_amendment_shows_each_change_against_the_convention_as_previously_amended() {
    let earlier = Amendment {
        title: "Prolongation".into(),
        reason: "Projet en retard".into(),
        changes: vec![AmendmentChange::Dates {
            start: date(2026, 1, 5),
            end: date(2026, 3, 13),
        }],
        validated_on: Some(date(2026, 2, 1)),
    };
    let amendment = Amendment {
        title: "Nouvelle prolongation et changement de tutrice".into(),
        reason: "Départ de la tutrice ; le señor García prolonge sa mission.".into(),
        changes: vec![
            AmendmentChange::Dates {
                start: date(2026, 1, 5),
                end: date(2026, 3, 20),
            },
            AmendmentChange::Tutor {
                tutor: Contact {
                    civility: Some(Civility::Mr),
                    last_name: "Noël".into(),
                    first_name: "François".into(),
                    position: "Chef de projet".into(),
                    ..Contact::default()
                },
            },
            AmendmentChange::Stipend {
                paid: true,
                terms: StipendTerms {
                    amount_cents: Some(80_000),
                    currency: Some(Currency::euro()),
                    basis: Some(StipendBasis::Gross),
                    unit: Some(StipendUnit::Month),
                    payment_mode: Some(PaymentMode::BankTransfer),
                },
            },
            AmendmentChange::Other {
                description: "Télétravail le vendredi.".into(),
            },
        ],
        validated_on: None,
    };
    let document = AmendmentDocument {
        number: number(),
        index: 2,
        convention: demo_convention(),
        previous: vec![earlier],
        amendment,
        letterhead: letterhead(),
        institution_signatory: Signatory {
            name: "Géraldine Baviere".into(),
            position: "Directrice de l'UFR".into(),
        },
        language: AgreementLanguage::Fr,
        today: date(2026, 3, 2),
    };
    let read = Read::new(&render_amendment(&document).unwrap());
    assert_contains(
        &read.flat(),
        &[
            "Avenant n° 2 à la convention n° 2026-000123",
            "Camille Martin",
            "Société Générale d'Ingénierie",
            "Objet : Nouvelle prolongation et changement de tutrice",
            "le señor García prolonge",
            "1. Dates du stage Avant : du 5 janvier 2026 au 13 mars 2026 \
             Après : du 5 janvier 2026 au 20 mars 2026",
            "Avant : Mme Élodie Faure, Responsable technique Après : M. François Noël, Chef de projet",
            "Avant : 693,00 € brut par mois, virement bancaire \
             Après : 800,00 € brut par mois, virement bancaire",
            "4. Autre modification Avant : — Après : Télétravail le vendredi.",
            "Le tuteur de stage M. François Noël",
        ],
        "amendment",
    );
    assert_every_page_is_numbered(&read, "2026-000123");
}

fn certificate_document(convention: Convention, amendments: Vec<Amendment>) -> CertificateDocument {
    CertificateDocument {
        number: number(),
        convention,
        amendments,
        letterhead: letterhead(),
        academic_year: AcademicYear::starting(2025),
        programme: "M1 Informatique".into(),
        language: AgreementLanguage::Fr,
        today: date(2026, 3, 2),
    }
}

#[test]
fn the_certificate_prints_the_domain_totals_after_an_early_termination() {
    let termination = Amendment {
        title: "Rupture".into(),
        reason: "Fin anticipée d'un commun accord".into(),
        changes: vec![AmendmentChange::Termination {
            date: date(2026, 2, 27),
            comment: "D'un commun accord".into(),
            initiated_by: Some(stages_domain::amendment::TerminationInitiator::School),
        }],
        validated_on: Some(date(2026, 2, 20)),
    };
    let document = certificate_document(demo_convention(), vec![termination]);
    let read = Read::new(&render_certificate(&document).unwrap());
    // Eight weeks of 35 h: 280 h, 40 days of 7 h; 693 € × 280 / 154.
    assert_contains(
        &read.flat(),
        &[
            "Attestation de stage",
            "Société Générale d'Ingénierie",
            "Camille Martin",
            "M1 Informatique",
            "Université de Franche-Comté",
            "du 5 janvier 2026 au 27 février 2026",
            "Le stage a pris fin de manière anticipée.",
            "Durée effective : 280 h, soit 1 mois, 18 jours et 0 h",
            "7 heures de présence",
            "22 jours pour un mois",
            "Gratification totale versée : 1 260,00 €",
            "Fait à Besançon, le 2 mars 2026.",
            "M. Jean-Luc Perrin",
        ],
        "certificate",
    );
    assert_every_page_is_numbered(&read, "2026-000123");
}

#[test]
fn the_domain_refuses_a_certificate_without_dates() {
    let mut convention = demo_convention();
    convention.internship.end = None;
    match render_certificate(&certificate_document(convention, Vec::new())) {
        Err(DocumentError::Refused(refusal)) => assert_eq!(refusal.rule, "ATT-01"),
        other => panic!("expected the ATT-01 refusal, got {other:?}"),
    }
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter),
        "[\\PC \n\t\u{202E}\u{200F}😀مرحباשלום]{0,3000}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_renders(
        subject in any_text(30_000),
        tasks in any_text(30_000),
        skills in any_text(30_000),
        name in any_text(300),
        logo_bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut convention = demo_convention();
        convention.internship.subject = subject;
        convention.internship.tasks = tasks;
        convention.internship.skills = skills;
        convention.student.student.last_name = name.clone();
        let mut document = convention_document(AgreementLanguage::De, convention);
        document.letterhead.centre = name;
        document.letterhead.logo = Some(Logo { bytes: logo_bytes, media_type: LogoType::Jpeg });
        let pdf = render_convention(&document).unwrap();
        let read = Read::new(&pdf);
        prop_assert!(read.pages <= 200, "{} pages", read.pages);
        assert_every_page_is_numbered(&read, "2026-000123");
    }
}
