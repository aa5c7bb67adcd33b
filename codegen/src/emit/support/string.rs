// String codes (slugs): the texts that differ from integer codes'.

const NOT_A_CODE: &str = "not a VENDOR error code: expected a known code or an identifier";
const TOO_LARGE: &str = "VENDOR error code too long: expected at most 63 bytes";
const UNKNOWN_DEBUG: &str = r#""code""#;
