// Integer codes and the shared runtime: the value as its `Code` (sub-code
// kept), and the code type from a `Code` read off the wire. `i64` crates
// convert `i64` to itself here, hence the `allow`.

#[allow(clippy::useless_conversion)]
impl From<Code> for ::channel_errors::Code {
    /// A number, or an alphanumeric code as text.
    fn from(code: Code) -> ::channel_errors::Code {
        match code {
            Code::Numeric(n) => ::channel_errors::Code::number(i64::from(n)),
            Code::Alphanumeric(text) => ::channel_errors::Code::from_str_lossy(text),
        }
    }
}

#[allow(clippy::useless_conversion)]
impl From<ErrorCode> for ::channel_errors::Code {
    /// The code's value (with the sub-code, for a code that has one); an
    /// unknown code keeps its value.
    fn from(code: ErrorCode) -> ::channel_errors::Code {
        if SUBCODES {
            let value = ::channel_errors::Code::from(code.code());
            match code.subcode() {
                Some(subcode) => value.with_subcode(i64::from(subcode)),
                None => value,
            }
        } else {
            ::channel_errors::Code::from(code.code())
        }
    }
}

#[allow(clippy::useless_conversion)]
impl ::channel_errors::FromVendorCode for ErrorCode {
    /// A number through the lookups by value (an unknown one, and a
    /// sub-code the article does not list, kept), a known alphanumeric
    /// code by its text; `None` for a number that does not fit u32 and for
    /// text that is not a known code.
    fn from_vendor_code(code: &::channel_errors::Code) -> Option<ErrorCode> {
        match code.value() {
            ::channel_errors::CodeValue::Number(number) => {
                let number = u32::try_from(number).ok()?;
                if SUBCODES {
                    let subcode = match code.subcode() {
                        Some(subcode) => Some(u32::try_from(subcode).ok()?),
                        None => None,
                    };
                    Some(ErrorCode::from_code_and_subcode(number, subcode))
                } else {
                    Some(ErrorCode::from_code(number))
                }
            }
            ::channel_errors::CodeValue::Text(text) => ErrorCode::from_known_str(text),
        }
    }
}
