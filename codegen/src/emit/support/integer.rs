// Integer codes (`u32`, renamed `i64` for negative ones): the texts that
// differ from string codes'.

const NOT_A_CODE: &str = "not a VENDOR error code: expected a known code or a decimal number";
const TOO_LARGE: &str = "VENDOR error code out of range: expected a number that fits u32";
const UNKNOWN_DEBUG: &str = "12345";
