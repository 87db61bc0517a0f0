//! The rules a request obeys before its content reaches a business rule:
//! a body that parses (JSON-01), text without control characters
//! (TEXT-01) and printable scripts (TEXT-02), bounded query strings (QUERY-01/02), pages (PAGE-01/02) and
//! searches (SEARCH-01..04), credentials of a sane length (AUTH-01/02),
//! API tokens (SCOPE-01..03), uploads (CSV-01, CSV-02, FMT-04) and the records a
//! request names (REF-06, REF-07, NOM-02).
//!
//! They live here with every other rule so that a rule id and its message
//! are written once: the API supplies what it saw, the domain names the
//! rule and the Fluent message, and the API renders it in the caller's
//! language.

use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::violation::Violation;

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// JSON-01: the body could not be read at all (`detail` from the reader).
pub fn body_unreadable(detail: impl Into<String>) -> Violation {
    Violation::error("JSON-01", "", MessageKey::Json01Unreadable).with_arg("detail", detail.into())
}

/// JSON-01: the body is not the JSON the operation takes; `detail` is the
/// parser's own description, `field` the path where it stopped.
pub fn body_invalid(field: &str, detail: impl Into<String>) -> Violation {
    Violation::error("JSON-01", field, MessageKey::Json01Invalid).with_arg("detail", detail.into())
}

/// PATH-01: a path parameter of the wrong type.
pub fn path_invalid(detail: impl Into<String>) -> Violation {
    Violation::error("PATH-01", "path", MessageKey::Path01Invalid).with_arg("detail", detail.into())
}

/// TEXT-01: the first character a stored text may not hold: control
/// characters (NUL, escape, DEL, C1…), which PostgreSQL refuses (NUL) or
/// which hide text from the reader. Tabs and line breaks are text.
pub fn forbidden_character(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// TEXT-01: a control character in a text (`character` as `U+001B`).
pub fn control_character(field: &str, character: char) -> Violation {
    Violation::error("TEXT-01", field, MessageKey::Text01ControlCharacter)
        .with_arg("character", format!("U+{:04X}", u32::from(character)))
}

/// TEXT-02: the first character of `text` from a script the documents
/// cannot print as written: right-to-left scripts (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko…), which need reordering, and scripts whose letters change
/// shape or combine with their neighbours (Arabic again, the Indic
/// scripts, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, conjoining
/// Hangul jamo…). Agreements are legal documents signed by the people they
/// name: printing such a name with its letters unjoined or reversed would
/// alter it, so it is refused where it is typed, with the character named,
/// rather than printed wrong. Latin, Greek, Cyrillic, Armenian, Georgian,
/// Chinese, Japanese and Korean syllables print as typed.
pub fn unprintable_script(text: &str) -> Option<char> {
    text.chars().find(|&c| needs_shaping(c))
}

/// TEXT-02: whether `c` belongs to a script [`unprintable_script`] refuses.
pub fn needs_shaping(c: char) -> bool {
    matches!(u32::from(c),
            0x0590..=0x08FF // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
            | 0x0900..=0x0DFF // Devanagari … Sinhala
            | 0x0E00..=0x0FFF // Thai, Lao, Tibetan
            | 0x1000..=0x109F // Myanmar
            | 0x1100..=0x11FF // conjoining Hangul jamo
            | 0x1700..=0x18AF // Philippine scripts, Khmer, Mongolian
            | 0x1900..=0x1C7F // Limbu … Ol Chiki
            | 0x1CC0..=0x1CFF // Sundanese supplement, Vedic extensions
            | 0xA800..=0xA82F // Syloti Nagri
            | 0xA840..=0xA8FF // Phags-pa, Saurashtra, Devanagari extended
            | 0xA900..=0xAAFF // Kayah Li … Tai Viet
            | 0xABC0..=0xABFF // Meetei Mayek
            | 0xD7B0..=0xD7FF // Hangul jamo extended-B
            | 0xFB1D..=0xFDFF // Hebrew and Arabic presentation forms
            | 0xFE70..=0xFEFE // Arabic presentation forms-B
            | 0x10800..=0x10FFF // historic right-to-left scripts
            | 0x11000..=0x11FFF // Brahmi and the historic Indic scripts
            | 0x1E800..=0x1EFFF // Mende Kikakui, Adlam, Arabic mathematical
    )
}

/// TEXT-02: a character of a script the documents cannot print.
pub fn unprintable_character(field: &str, character: char) -> Violation {
    Violation::error("TEXT-02", field, MessageKey::Text02Script)
        .with_arg("character", format!("U+{:04X}", u32::from(character)))
}

/// QUERY-01: a query string that does not parse.
pub fn query_invalid(field: &str, detail: impl Into<String>) -> Violation {
    Violation::error("QUERY-01", field, MessageKey::Query01Invalid)
        .with_arg("detail", detail.into())
}

/// QUERY-01: a parameter outside its list of values.
pub fn query_one_of(field: &str, allowed: &[&str]) -> Violation {
    Violation::error("QUERY-01", field, MessageKey::Query01OneOf)
        .with_arg("allowed", allowed.join(", "))
}

/// QUERY-01: a student asked for offers that are not published.
pub fn query_published_only(field: &str) -> Violation {
    Violation::error("QUERY-01", field, MessageKey::Query01PublishedOnly)
}

/// QUERY-01: two parameters of which exactly one is expected.
pub fn query_one_of_two(field: &str, other: &str) -> Violation {
    Violation::error("QUERY-01", field, MessageKey::Query01OneOfTwo).with_arg("other", other)
}

/// QUERY-01: the parameter `field`, needed by the filter `other`.
pub fn query_needs(field: &str, other: &str) -> Violation {
    Violation::error("QUERY-01", field, MessageKey::Query01Needs).with_arg("other", other)
}

/// QUERY-02: the whole query string is longer than `max_bytes`.
pub fn query_too_long(max_bytes: usize) -> Violation {
    Violation::error("QUERY-02", "", MessageKey::Query02TooLong).with_arg("max", count(max_bytes))
}

/// QUERY-02: one parameter is longer than `max_chars`.
pub fn parameter_too_long(field: &str, max_chars: usize) -> Violation {
    Violation::error("QUERY-02", field, MessageKey::Query02ParameterTooLong)
        .with_arg("max", count(max_chars))
}

/// PAGE-01: a page size outside 1..=`max`.
pub fn page_limit(max: i64) -> Violation {
    Violation::error("PAGE-01", "limit", MessageKey::Page01Limit).with_arg("max", max)
}

/// PAGE-02: a cursor this server did not hand out.
pub fn page_cursor() -> Violation {
    Violation::error("PAGE-02", "cursor", MessageKey::Page02Cursor)
}

/// SEARCH-01: a SIRET criterion that is neither a valid SIRET nor nine
/// digits of a SIREN.
pub fn criterion_siret(field: &str) -> Violation {
    Violation::error("SEARCH-01", field, MessageKey::Search01Siret)
}

/// SEARCH-01: a NAF criterion that is neither a code nor its first digits.
pub fn criterion_naf(field: &str) -> Violation {
    Violation::error("SEARCH-01", field, MessageKey::Search01Naf)
}

/// SEARCH-01: a phone criterion that is not a phone number.
pub fn criterion_phone(field: &str) -> Violation {
    Violation::error("SEARCH-01", field, MessageKey::Search01Phone)
}

/// SEARCH-02: too few characters to search the directory.
pub fn search_too_short(field: &str, min: usize) -> Violation {
    Violation::error("SEARCH-02", field, MessageKey::Search02TooShort).with_arg("min", count(min))
}

/// Longest search text, in characters (SEARCH-03).
pub const MAX_SEARCH_CHARS: usize = 200;

/// Most words in a search (SEARCH-03): each word is one more condition of
/// the query, and a name or a title needs a handful.
pub const MAX_SEARCH_WORDS: usize = 8;

/// SEARCH-03: a search text within [`MAX_SEARCH_CHARS`].
pub fn check_search_text(field: &str, text: &str) -> Result<(), Violation> {
    if text.chars().count() > MAX_SEARCH_CHARS {
        Err(search_too_long(field, MAX_SEARCH_CHARS))
    } else {
        Ok(())
    }
}

/// SEARCH-03, SEARCH-04: the words found in a search text: at least one
/// (punctuation alone must not become "everything"), at most
/// [`MAX_SEARCH_WORDS`].
pub fn check_search_words(field: &str, words: usize) -> Result<(), Violation> {
    if words > MAX_SEARCH_WORDS {
        Err(search_too_many_words(field, MAX_SEARCH_WORDS, words))
    } else if words == 0 {
        Err(search_empty(field))
    } else {
        Ok(())
    }
}

/// SEARCH-03: a search longer than `max` characters.
pub fn search_too_long(field: &str, max: usize) -> Violation {
    Violation::error("SEARCH-03", field, MessageKey::Search03TooLong).with_arg("max", count(max))
}

/// SEARCH-03: a search of more than `max` words.
pub fn search_too_many_words(field: &str, max: usize, given: usize) -> Violation {
    Violation::error("SEARCH-03", field, MessageKey::Search03TooManyWords)
        .with_arg("max", count(max))
        .with_arg("given", count(given))
}

/// SEARCH-04: a search with nothing to look for.
pub fn search_empty(field: &str) -> Violation {
    Violation::error("SEARCH-04", field, MessageKey::Search04Empty)
}

/// AUTH-01: a username of 1 to `max` characters.
pub fn username_length(max: usize) -> Violation {
    Violation::error("AUTH-01", "username", MessageKey::Auth01Username).with_arg("max", count(max))
}

/// AUTH-02: a password of 1 to `max` characters.
pub fn password_length(max: usize) -> Violation {
    Violation::error("AUTH-02", "password", MessageKey::Auth02Password).with_arg("max", count(max))
}

/// AUTH-03: a new local password too short (`min` characters).
pub fn password_too_short(field: &str, min: usize) -> Violation {
    Violation::error("AUTH-03", field, MessageKey::Auth03PasswordShort).with_arg("min", count(min))
}

/// AUTH-03: a new local password too long (`max` characters).
pub fn password_too_long(field: &str, max: usize) -> Violation {
    Violation::error("AUTH-03", field, MessageKey::Auth03PasswordLong).with_arg("max", count(max))
}

/// AUTH-03: a new local password easy to guess.
pub fn password_guessable(field: &str) -> Violation {
    Violation::error("AUTH-03", field, MessageKey::Auth03PasswordGuessable)
}

/// AUTH-04: the current password given to change it is wrong.
pub fn wrong_current_password() -> Violation {
    Violation::error(
        "AUTH-04",
        "current_password",
        MessageKey::Auth04WrongCurrentPassword,
    )
}

/// AUTH-05: only a local account has a password Stages may change.
pub fn not_a_local_account() -> Refusal {
    Refusal::new("AUTH-05", MessageKey::Auth05NotALocalAccount)
}

/// SCOPE-01: a read-only API token tried to write.
pub fn token_read_only() -> Violation {
    Violation::error("SCOPE-01", "", MessageKey::Scope01ReadOnly)
}

/// SCOPE-02: a token without any scope.
pub fn token_without_scope() -> Violation {
    Violation::error("SCOPE-02", "scopes", MessageKey::Scope02NoScope)
}

/// SCOPE-03: a token lives 1 to `max_days` days.
pub fn token_lifetime(max_days: i64) -> Violation {
    Violation::error("SCOPE-03", "expires_in_days", MessageKey::Scope03Lifetime)
        .with_arg("max", max_days)
}

/// FORM-01: a required value is missing.
pub fn required(field: &str) -> Violation {
    Violation::error("FORM-01", field, MessageKey::FieldRequired)
}

/// FORM-01: a required text of 1 to `max` characters.
pub fn length(field: &str, max: usize) -> Violation {
    Violation::error("FORM-01", field, MessageKey::Form01Length).with_arg("max", count(max))
}

/// FMT-03: a text longer than `max` characters.
pub fn too_long(field: &str, max: usize) -> Violation {
    Violation::error("FMT-03", field, MessageKey::TextTooLong).with_arg("max", count(max))
}

/// FORM-02: an id in a list names no user.
pub fn unknown_user_in_list(field: &str) -> Violation {
    Violation::error("FORM-02", field, MessageKey::Form02UnknownUser)
}

/// FORM-03: a list of more than `max` items.
pub fn list_too_long(field: &str, max: usize) -> Violation {
    Violation::error("FORM-03", field, MessageKey::Form03ListTooLong).with_arg("max", count(max))
}

/// FORM-04: a list names the same item twice.
pub fn duplicate_in_list(field: &str) -> Violation {
    Violation::error("FORM-04", field, MessageKey::Form04Duplicate)
}

/// FMT-02: an academic year written otherwise than `2026-2027`.
pub fn academic_year_format(field: &str) -> Violation {
    Violation::error("FMT-02", field, MessageKey::FmtAcademicYear)
}

/// FMT-04: an image that is neither PNG nor JPEG.
pub fn image_format(field: &str) -> Violation {
    Violation::error("FMT-04", field, MessageKey::Fmt04Image)
}

/// FMT-05: a signed scan that is not a readable PDF.
pub fn scan_format(field: &str) -> Violation {
    Violation::error("FMT-05", field, MessageKey::Fmt05Scan)
}

/// CSV-01: a file that is not UTF-8 CSV text (`detail` says where).
pub fn csv_invalid(detail: impl Into<String>) -> Violation {
    Violation::error("CSV-01", "", MessageKey::Csv01Invalid).with_arg("detail", detail.into())
}

/// CSV-02: a student number of letters and digits, at most `max`.
pub fn student_number(field: &str, max: usize) -> Violation {
    Violation::error("CSV-02", field, MessageKey::Csv02StudentNumber).with_arg("max", count(max))
}

/// CSV-02: a number of teaching hours between 0 and `max`.
pub fn teaching_hours(field: &str, max: i32) -> Violation {
    Violation::error("CSV-02", field, MessageKey::Csv02TeachingHours)
        .with_arg("max", i64::from(max))
}

/// CSV-02: a birth date as the student information systems export it,
/// `YYYY-MM-DD` or `DD/MM/YYYY`, between 1900 and `today` (the registry
/// is the source of SAF-07's minors).
pub fn parse_birth_date(
    field: &str,
    text: &str,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, Violation> {
    let text = text.trim();
    let parsed = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
        .filter(|d| {
            use chrono::Datelike;
            d.year() >= 1900 && *d <= today
        });
    parsed.ok_or_else(|| Violation::error("CSV-02", field, MessageKey::Csv02BirthDate))
}

/// CSV-01: a line the CSV reader could not read.
pub fn csv_line_unreadable(detail: impl Into<String>) -> Violation {
    Violation::error("CSV-01", "", MessageKey::Csv01Line).with_arg("detail", detail.into())
}

/// BATCH-01: more than `max` documents in one download.
pub fn batch_too_large(field: &str, max: usize) -> Violation {
    Violation::error("BATCH-01", field, MessageKey::Batch01TooLarge).with_arg("max", count(max))
}

/// REF-01: an organisation id that names no organisation.
pub fn no_such_organisation(field: &str) -> Violation {
    Violation::error("REF-01", field, MessageKey::Ref01NoSuchHost)
}

/// REF-06: a convention id that names no convention the caller sees.
pub fn no_such_convention(field: &str) -> Violation {
    Violation::error("REF-06", field, MessageKey::Ref06NoSuchConvention)
}

/// REF-07: a user id that names no user.
pub fn no_such_user(field: &str) -> Violation {
    Violation::error("REF-07", field, MessageKey::Ref07NoSuchUser)
}

/// NOM-02: a code that is not an active value of its reference table.
pub fn not_in_table(field: &str, code: &str) -> Violation {
    Violation::error("NOM-02", field, MessageKey::Nom02Unknown).with_arg("code", code)
}

/// DB-UNIQUE: the record would repeat the key of one that exists (two
/// requests creating the same record at once: the second is refused).
pub fn duplicate_record() -> Refusal {
    Refusal::new("DB-UNIQUE", MessageKey::DbDuplicate)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The registry's birth dates: ISO or French, real calendar days,
    /// after 1900 and not after today.
    #[test]
    fn birth_dates_are_read_in_both_formats() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            parse_birth_date("b", "2008-04-14", today),
            Ok(day(2008, 4, 14))
        );
        assert_eq!(
            parse_birth_date("b", " 14/04/2008 ", today),
            Ok(day(2008, 4, 14))
        );
        assert_eq!(parse_birth_date("b", "2026-12-04", today), Ok(today));
        for bad in [
            "2026-12-05",
            "1899-12-31",
            "31/02/2008",
            "14-04-2008",
            "2008",
            "",
        ] {
            let refused = parse_birth_date("birth_date", bad, today).unwrap_err();
            assert_eq!(
                (refused.rule.as_str(), refused.field.as_str()),
                ("CSV-02", "birth_date"),
                "{bad}"
            );
        }
    }

    #[test]
    fn scripts_that_need_shaping_or_reordering_are_found() {
        for printable in [
            "Łucja Nguyễn",
            "北京科技有限公司",
            "Ελληνικά Кириллица Հայերեն ქართული",
            "한국 さくら",
        ] {
            assert_eq!(unprintable_script(printable), None, "{printable}");
        }
        assert_eq!(unprintable_script("Ali مرحبا"), Some('م'));
        assert_eq!(unprintable_script("שלום"), Some('ש'));
        assert_eq!(unprintable_script("नमस्ते"), Some('न'));
        assert_eq!(unprintable_script("ไทย"), Some('ไ'));
        let v = unprintable_character("student.last_name", 'م');
        assert_eq!(
            (v.rule.as_str(), v.field.as_str()),
            ("TEXT-02", "student.last_name")
        );
    }

    #[test]
    fn control_characters_are_found_but_not_line_breaks() {
        assert_eq!(forbidden_character("a\tb\r\nc"), None);
        assert_eq!(forbidden_character("rue\0"), Some('\0'));
        assert_eq!(forbidden_character("\u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(forbidden_character("a\u{85}"), Some('\u{85}'));
        assert_eq!(forbidden_character("Cœur — «ok»"), None);
    }

    #[test]
    fn searches_are_bounded_in_characters_and_words() {
        assert!(check_search_text("q", &"a".repeat(MAX_SEARCH_CHARS)).is_ok());
        assert_eq!(
            check_search_text("q", &"a".repeat(MAX_SEARCH_CHARS + 1))
                .unwrap_err()
                .rule,
            "SEARCH-03"
        );
        assert!(check_search_words("q", MAX_SEARCH_WORDS).is_ok());
        assert_eq!(
            check_search_words("q", MAX_SEARCH_WORDS + 1)
                .unwrap_err()
                .rule,
            "SEARCH-03"
        );
        assert_eq!(check_search_words("q", 0).unwrap_err().rule, "SEARCH-04");
    }

    #[test]
    fn control_characters_are_named_by_code_point() {
        let v = control_character("q", '\u{1b}');
        assert_eq!(v.rule, "TEXT-01");
        assert_eq!(v.field, "q");
        assert_eq!(
            v.args.get("character"),
            Some(&crate::violation::ArgValue::Text("U+001B".into()))
        );
    }

    #[test]
    fn every_message_carries_the_placeables_its_key_declares() {
        let all = [
            body_unreadable("x"),
            body_invalid("a", "x"),
            path_invalid("x"),
            control_character("a", '\0'),
            query_invalid("a", "x"),
            query_one_of("a", &["b", "c"]),
            query_published_only("a"),
            query_one_of_two("a", "b"),
            query_needs("a", "b"),
            query_too_long(1),
            parameter_too_long("a", 1),
            page_limit(1),
            page_cursor(),
            criterion_siret("a"),
            criterion_naf("a"),
            criterion_phone("a"),
            search_too_short("a", 1),
            search_too_long("a", 1),
            search_too_many_words("a", 1, 2),
            search_empty("a"),
            username_length(1),
            password_length(1),
            token_read_only(),
            token_without_scope(),
            token_lifetime(1),
            required("a"),
            length("a", 1),
            too_long("a", 1),
            unknown_user_in_list("a"),
            academic_year_format("a"),
            image_format("a"),
            csv_invalid("x"),
            student_number("a", 1),
            teaching_hours("a", 1),
            csv_line_unreadable("x"),
            batch_too_large("a", 1),
            no_such_organisation("a"),
            no_such_convention("a"),
            no_such_user("a"),
            not_in_table("a", "b"),
        ];
        for v in all {
            let key = MessageKey::from_id(&v.message_key).expect("a declared key");
            let given: Vec<&str> = v.args.keys().map(String::as_str).collect();
            assert_eq!(given, key.args(), "{}", v.message_key);
        }
    }
}
