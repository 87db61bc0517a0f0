//! Easter and the French public holidays (DUR-06).

use chrono::{Datelike, Days, NaiveDate};

/// Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm,
/// Meeus/Jones/Butcher). `None` only for years chrono cannot represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The 11 public holidays that DUR-06 excludes from presence, in date order:
/// 1 Jan, Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday
/// (Easter + 50), 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
///
/// Easter Sunday and Whit Sunday are Sundays, already excluded. The two
/// Alsace-Moselle days (Good Friday, 26 Dec) are left out, as in ESUP-Stage;
/// the same national calendar applies to internships abroad (ESUP issue #321).
pub fn french_public_holidays(year: i32) -> Vec<NaiveDate> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let after_easter = |days| easter.checked_add_days(Days::new(days));
    let mut days: Vec<NaiveDate> = [
        fixed(1, 1),
        after_easter(1),
        fixed(5, 1),
        fixed(5, 8),
        after_easter(39),
        after_easter(50),
        fixed(7, 14),
        fixed(8, 15),
        fixed(11, 1),
        fixed(11, 11),
        fixed(12, 25),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Ascension can fall on 1 or 8 May; keep the list sorted for the reader.
    days.sort_unstable();
    days
}

/// Whether `date` is one of the 11 French public holidays.
pub fn is_french_public_holiday(date: NaiveDate) -> bool {
    french_public_holidays(date.year()).contains(&date)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn easter_2024_to_2030() {
        let known = [
            d(2024, 3, 31),
            d(2025, 4, 20),
            d(2026, 4, 5),
            d(2027, 3, 28),
            d(2028, 4, 16),
            d(2029, 4, 1),
            d(2030, 4, 21),
        ];
        for (year, expected) in (2024..=2030).zip(known) {
            assert_eq!(easter_sunday(year), Some(expected), "{year}");
        }
    }

    #[test]
    fn holidays_2026() {
        assert_eq!(
            french_public_holidays(2026),
            vec![
                d(2026, 1, 1),
                d(2026, 4, 6),
                d(2026, 5, 1),
                d(2026, 5, 8),
                d(2026, 5, 14),
                d(2026, 5, 25),
                d(2026, 7, 14),
                d(2026, 8, 15),
                d(2026, 11, 1),
                d(2026, 11, 11),
                d(2026, 12, 25),
            ]
        );
        assert!(is_french_public_holiday(d(2025, 6, 9)), "Whit Monday 2025");
        assert!(!is_french_public_holiday(d(2025, 6, 10)));
    }
}
