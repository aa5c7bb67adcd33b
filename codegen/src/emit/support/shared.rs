// Every crate's: the shared runtime's `VendorCode` for the code type, so
// that one policy, log line or dashboard takes any channel's codes through
// `&dyn channel_errors::VendorCode`. `quote!` writes `VENDOR` and
// `Category::shared`; the shape's file the conversion to
// `channel_errors::Code` and `FromVendorCode`. Each method calls the
// inherent one by path: `self.action()` here would be this trait's.

impl ::channel_errors::VendorCode for ErrorCode {
    fn vendor(&self) -> ::channel_errors::Vendor {
        VENDOR
    }

    fn code(&self) -> ::channel_errors::Code {
        ::channel_errors::Code::from(*self)
    }

    fn stable_id(&self) -> &'static str {
        ErrorCode::as_str(*self)
    }

    fn action(&self) -> ::channel_errors::Action {
        ErrorCode::action(*self)
    }

    fn category(&self) -> ::channel_errors::Category {
        ErrorCode::category(*self).shared()
    }

    fn description(&self) -> Option<&'static str> {
        ErrorCode::description(*self)
    }

    fn solution(&self) -> Option<&'static str> {
        ErrorCode::solution(*self)
    }

    fn article_url(&self) -> &'static str {
        ErrorCode::ARTICLE_URL
    }

    fn is_known(&self) -> bool {
        ErrorCode::is_known(*self)
    }
}
