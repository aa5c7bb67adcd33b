//! HTTP dates (RFC 9110 §5.6.7) as seconds since the Unix epoch, both ways,
//! without a clock or a date library.

/// Reads an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form every
/// current server sends, and the two obsolete forms recipients must accept:
/// RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`, two-digit years read as in
/// RFC 9110: more than 50 years ahead is the previous century, taken here as
/// 1970-2069) and asctime (`Sun Nov  6 08:49:37 1994`). Dates before 1970 are
/// refused. The weekday is checked to be a weekday name, not against the date.
pub(crate) fn parse(value: &str) -> Option<u64> {
    let (weekday, rest) = value.split_once([',', ' '])?;
    let (day, month, year, time) = if value.as_bytes().get(weekday.len()) == Some(&b',') {
        let rest = rest.strip_prefix(' ')?;
        let rest = rest.strip_suffix(" GMT")?;
        if WEEKDAYS.contains(&weekday) {
            // IMF-fixdate: `06 Nov 1994 08:49:37`.
            let mut parts = rest.split(' ');
            let day = two_digits(parts.next()?)?;
            let month = month(parts.next()?)?;
            let year = four_digits(parts.next()?)?;
            let time = parts.next()?;
            if parts.next().is_some() {
                return None;
            }
            (day, month, year, time)
        } else if LONG_WEEKDAYS.contains(&weekday) {
            // RFC 850: `06-Nov-94 08:49:37`.
            let (date, time) = rest.split_once(' ')?;
            let mut parts = date.split('-');
            let day = two_digits(parts.next()?)?;
            let month = month(parts.next()?)?;
            let year = two_digits(parts.next()?)?;
            if parts.next().is_some() {
                return None;
            }
            let year = if year < 70 { 2000 + year } else { 1900 + year };
            (day, month, year, time)
        } else {
            return None;
        }
    } else {
        // asctime: `Nov  6 08:49:37 1994`.
        if !WEEKDAYS.contains(&weekday) {
            return None;
        }
        let (month_name, rest) = rest.split_once(' ')?;
        let month = month(month_name)?;
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let (day, rest) = rest.split_once(' ')?;
        let day = match day.len() {
            1 => digits(day)?,
            2 if !day.starts_with('0') => digits(day)?,
            _ => return None,
        };
        let (time, year) = rest.split_once(' ')?;
        (day, month, four_digits(year)?, time)
    };
    let mut clock = time.split(':');
    let hour = two_digits(clock.next()?)?;
    let minute = two_digits(clock.next()?)?;
    let second = two_digits(clock.next()?)?;
    // 60: a leap second, as the grammar allows.
    if clock.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if year < 1970 || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// Writes `seconds` since the epoch as an IMF-fixdate.
pub(crate) fn write(seconds: u64, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
    let days = seconds / 86_400;
    let time = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[((days + 3) % 7) as usize];
    write!(
        f,
        "{weekday}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
        MONTHS[(month - 1) as usize],
        time / 3_600,
        time / 60 % 60,
        time % 60
    )
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(name: &str) -> Option<u64> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u64 + 1)
}

fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn two_digits(text: &str) -> Option<u64> {
    (text.len() == 2).then(|| digits(text)).flatten()
}

fn four_digits(text: &str) -> Option<u64> {
    (text.len() == 4).then(|| digits(text)).flatten()
}

fn is_leap(year: u64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date in or after 1970 (Howard Hinnant's
/// `days_from_civil`, for non-negative days).
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year / 400;
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12; // March is 0
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::String;

    struct Date(u64);

    impl core::fmt::Display for Date {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            write(self.0, f)
        }
    }

    fn show(seconds: u64) -> String {
        std::format!("{}", Date(seconds))
    }

    #[test]
    fn the_three_forms_of_rfc_9110_s_example() {
        // RFC 9110's example date, 1994-11-06 08:49:37 UTC.
        let expected = 784_111_777;
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(expected));
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(expected));
        assert_eq!(parse("Sun Nov  6 08:49:37 1994"), Some(expected));
        assert_eq!(show(expected), "Sun, 06 Nov 1994 08:49:37 GMT");
    }

    #[test]
    fn epoch_leap_days_and_far_dates() {
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse("Tue, 29 Feb 2000 12:00:00 GMT"), Some(951_825_600));
        assert_eq!(parse("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480));
        assert_eq!(
            parse("Fri, 31 Dec 9999 23:59:59 GMT"),
            Some(253_402_300_799)
        );
        assert_eq!(
            parse("Sun, 01 Jan 2069 00:00:00 GMT"),
            parse("Sunday, 01-Jan-69 00:00:00 GMT")
        );
        assert_eq!(parse("Thursday, 01-Jan-70 00:00:00 GMT"), Some(0));
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in [
            "",
            "30",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 November 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 30 Feb 2000 00:00:00 GMT",
            "Sun, 29 Feb 1900 00:00:00 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Wed, 31 Dec 1969 23:59:59 GMT",
            "Sunday, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun Nov 06 08:49:37 1994",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn writes_what_it_reads_over_centuries() {
        let mut seconds = 0u64;
        while seconds < 253_402_300_799 {
            assert_eq!(parse(&show(seconds)), Some(seconds), "{}", show(seconds));
            seconds += 7_777_777; // about 90 days, every time of day and weekday
        }
    }
}
