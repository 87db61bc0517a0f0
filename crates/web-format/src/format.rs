//! How dates, hours and amounts read in each language. The domain keeps
//! them exact (dates, minutes, cents); only their display lives here.

use crate::Lang;
use chrono::NaiveDate;
use stages_domain::violation::Decimal;

pub fn date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%d %b %Y").to_string(),
    }
}

/// A decimal written the reader's way: `1 417,50` in French, `1,417.50`
/// in English.
fn decimal(lang: Lang, exact: &str) -> String {
    let (sign, unsigned) = match exact.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", exact),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

/// Minutes as hours: `315 h`, `924,5 h`.
pub fn hours(lang: Lang, minutes: u64) -> String {
    format!(
        "{} h",
        decimal(lang, Decimal::hours_from_minutes(minutes).as_str())
    )
}

/// Cents as euros: `1 417,50 €`, `€1,417.50`.
pub fn euros(lang: Lang, cents: i64) -> String {
    let amount = decimal(lang, Decimal::from_cents(cents).as_str());
    match lang {
        Lang::Fr => format!("{amount} €"),
        Lang::En => format!("€{amount}"),
    }
}

/// An amount in another currency: `600,00 CHF`.
pub fn money(lang: Lang, cents: i64, currency: &str) -> String {
    if currency == "EUR" {
        euros(lang, cents)
    } else {
        format!(
            "{} {currency}",
            decimal(lang, Decimal::from_cents(cents).as_str())
        )
    }
}

/// Cents typed as euros (`600`, `600,5`, `1 417.50`); `None` when the text
/// is not an amount.
pub fn parse_cents(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Minutes typed as hours (`35`, `35,5`, `7.25`); `None` when the text is
/// not a number of hours.
pub fn parse_minutes(text: &str) -> Option<u32> {
    let cents_of_hour = parse_cents(text)?;
    u32::try_from(cents_of_hour * 60 / 100).ok()
}

/// Cents as the text of an amount field (`600,00` / `600.00`).
pub fn cents_input(lang: Lang, cents: i64) -> String {
    let exact = Decimal::from_cents(cents).as_str().to_owned();
    match lang {
        Lang::Fr => exact.replace('.', ","),
        Lang::En => exact,
    }
}

/// Minutes as the text of an hours field (`35`, `35,5`).
pub fn minutes_input(lang: Lang, minutes: u32) -> String {
    let exact = Decimal::hours_from_minutes(u64::from(minutes))
        .as_str()
        .to_owned();
    match lang {
        Lang::Fr => exact.replace('.', ","),
        Lang::En => exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NNBSP: char = '\u{202f}';

    #[test]
    fn dates_read_the_way_each_language_writes_them() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date");
        assert_eq!(date(Lang::Fr, d), "01/03/2027");
        assert_eq!(date(Lang::En, d), "01 Mar 2027");
    }

    #[test]
    fn amounts_are_grouped_by_thousands_with_the_language_s_marks() {
        assert_eq!(euros(Lang::Fr, 141_750), format!("1{NNBSP}417,50 €"));
        assert_eq!(euros(Lang::En, 141_750), "€1,417.50");
        assert_eq!(
            euros(Lang::Fr, 123_456_789),
            format!("1{NNBSP}234{NNBSP}567,89 €")
        );
        assert_eq!(euros(Lang::Fr, -50), "-0,50 €");
        assert_eq!(money(Lang::Fr, 60_000, "CHF"), "600,00 CHF");
        assert_eq!(money(Lang::En, 60_000, "EUR"), "€600.00");
    }

    #[test]
    fn hours_drop_trailing_zeros() {
        assert_eq!(hours(Lang::Fr, 55_470), "924,5 h");
        assert_eq!(hours(Lang::En, 55_470), "924.5 h");
        assert_eq!(hours(Lang::Fr, 18_900), "315 h");
        assert_eq!(hours(Lang::Fr, 18_481), "308,02 h");
    }

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_cents("600"), Some(60_000));
        assert_eq!(parse_cents("600,5"), Some(60_050));
        assert_eq!(parse_cents("1 417.50"), Some(141_750));
        assert_eq!(parse_cents(&format!("1{NNBSP}417,50")), Some(141_750));
        for bad in ["", ",5", "12,345", "1e3", "-5", "douze", "1.2.3"] {
            assert_eq!(parse_cents(bad), None, "{bad:?}");
        }
        assert_eq!(parse_cents("999999999999999999999"), None);
    }

    #[test]
    fn hours_are_read_as_minutes() {
        assert_eq!(parse_minutes("35"), Some(2_100));
        assert_eq!(parse_minutes("35,5"), Some(2_130));
        assert_eq!(parse_minutes("7.25"), Some(435));
        assert_eq!(parse_minutes("sept"), None);
    }

    proptest! {
        /// What a field shows is read back as the same amount.
        #[test]
        fn an_amount_field_reads_back_what_it_shows(cents in 0i64..10_000_000_000) {
            for lang in [Lang::Fr, Lang::En] {
                prop_assert_eq!(parse_cents(&cents_input(lang, cents)), Some(cents));
            }
        }

        /// Hours shown with two decimals at most come back to the minute
        /// when they are whole quarters of an hour or tenths (what forms
        /// offer), and never drift by more than a minute otherwise.
        #[test]
        fn an_hours_field_reads_back_what_it_shows(minutes in 0u32..1_000_000) {
            for lang in [Lang::Fr, Lang::En] {
                let back = parse_minutes(&minutes_input(lang, minutes)).expect("a number");
                prop_assert!(back.abs_diff(minutes) <= 1, "{} → {}", minutes, back);
            }
        }
    }
}
