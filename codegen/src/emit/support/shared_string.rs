// String codes and the shared runtime: the code as its text `Code`, and
// the code type from a `Code` read off the wire.

impl From<ErrorCode> for ::channel_errors::Code {
    /// The code's text (an unknown code's as it was kept).
    fn from(code: ErrorCode) -> ::channel_errors::Code {
        ::channel_errors::Code::from_str_lossy(code.code())
    }
}

impl ::channel_errors::FromVendorCode for ErrorCode {
    /// Any text, an unknown one kept; `None` for a number, which is not a
    /// code of an API whose codes are strings.
    fn from_vendor_code(code: &::channel_errors::Code) -> Option<ErrorCode> {
        code.as_text().map(ErrorCode::from_code)
    }
}
