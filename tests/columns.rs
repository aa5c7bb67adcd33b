//! Tables whose header is in the vendor's language, names the wrong things,
//! or is missing: each read into the model (or refused with the pins that
//! would read it), from test articles of our own in `tests/articles/columns/`.

use codegen::model::Code;
use codegen::read::pins::ColumnPin;
use codegen::read::{Article, ColumnPins};
use workspace_tests::{code_texts, codes, root};

fn read_with(name: &str, pins: &ColumnPins) -> Result<Article, codegen::Error> {
    let path = root().join("tests/articles/columns").join(name);
    let bytes = std::fs::read(&path).unwrap();
    codegen::read::read(name, &bytes, None, pins)
}

fn read(name: &str) -> Article {
    read_with(name, &ColumnPins::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn headers_in_the_vendors_language_name_the_columns() {
    let vi = read("tram-vi.md");
    assert_eq!(codes(&vi), ["1001", "1002", "2001", "2002", "5000"]);
    assert_eq!(vi.rows[0].description, "Khóa truy cập không hợp lệ.");
    assert_eq!(vi.rows[4].solution, "Thử lại sau vài giây.");
    assert!(vi.rows.iter().all(|r| r.extra.is_empty()));
    assert!(
        vi.warnings.is_empty(),
        "named, not guessed: {:?}",
        vi.warnings
    );
    let ko = read("hanul-ko.html");
    assert_eq!(codes(&ko), ["E1001", "E1002", "E2001", "E3001"]);
    assert_eq!(ko.rows[1].description, "인증 토큰이 만료되었습니다.");
    assert_eq!(ko.rows[1].solution, "새 토큰을 발급받으세요.");
    assert!(ko.warnings.is_empty(), "{:?}", ko.warnings);
}

/// One header per language the vocabulary covers, over the same rows, in
/// every form whose header the readers find by its words.
#[test]
fn every_listed_language_reads_in_markdown_tsv_and_html() {
    let headers = [
        ["错误码", "错误信息", "解决方法"],
        ["エラーコード", "説明", "対処方法"],
        ["오류 코드", "메시지", "조치 방법"],
        ["Mã lỗi", "Thông báo", "Giải pháp"],
        ["รหัสข้อผิดพลาด", "คำอธิบาย", "วิธีแก้ไข"],
        ["Kode kesalahan", "Keterangan", "Solusi"],
        ["Código de error", "Descripción", "Solución"],
        ["Código de erro", "Mensagem", "Solução"],
        ["Code d'erreur", "Signification", "Résolution"],
        ["Fehlercode", "Beschreibung", "Lösung"],
    ];
    let rows = [
        ["31", "First thing.", "Do one."],
        ["32", "Second thing.", "Do two."],
    ];
    for [code, description, solution] in headers {
        let md = format!(
            "| {code} | {description} | {solution} |\n|---|---|---|\n{}",
            rows.map(|r| format!("| {} |\n", r.join(" | "))).concat()
        );
        let tsv = format!(
            "{code}\t{description}\t{solution}\n{}",
            rows.map(|r| format!("{}\n", r.join("\t"))).concat()
        );
        let html = format!(
            "<table><tr><th>{code}</th><th>{description}</th><th>{solution}</th></tr>{}</table>",
            rows.map(|r| format!("<tr><td>{}</td></tr>", r.join("</td><td>")))
                .concat()
        );
        for (file, text) in [("a.md", md), ("a.tsv", tsv), ("a.html", html)] {
            let article = codegen::read::read(file, text.as_bytes(), None, &ColumnPins::default())
                .unwrap_or_else(|e| panic!("{code}: {e}"));
            let read = code_texts(&article);
            assert_eq!(
                read,
                [
                    ("31".into(), "First thing.", "Do one."),
                    ("32".into(), "Second thing.", "Do two.")
                ],
                "{code} in {file}"
            );
            assert!(
                article.warnings.is_empty(),
                "{code} in {file}: {:?}",
                article.warnings
            );
        }
    }
}

#[test]
fn a_headerless_table_keeps_its_first_row_as_data_in_every_form() {
    for (name, first, count) in [
        ("skiff-no-header.tsv", "401", 5),
        ("skiff-no-header.md", "401", 3),
        ("skiff-no-header.html", "SKF_01", 3),
    ] {
        let article = read(name);
        assert_eq!(article.rows.len(), count, "{name}");
        assert_eq!(article.rows[0].code.to_string(), first, "{name}");
        assert_eq!(
            article.rows[0].description, "The sign-in token is missing.",
            "{name}"
        );
        let [warning] = article.warnings.as_slice() else {
            panic!("{name}: one warning, the guess: {:?}", article.warnings)
        };
        assert!(
            warning.contains("has no header row (its first row is read as data)")
                && warning.contains("code = column 1, description = column 2")
                && warning.contains("--code-column 1 --description-column 2"),
            "{name}: {warning}"
        );
    }
    let tsv = read("skiff-no-header.tsv");
    assert_eq!(
        tsv.rows[0].solution,
        "Send the token in the Authorization header."
    );
    assert_eq!(tsv.rows[0].line, Some(3), "the first row keeps its line");
    assert!(tsv.rows.iter().all(|r| r.extra.is_empty()));
}

#[test]
fn a_headerless_first_row_of_another_code_kind_is_data_beside_a_sentence() {
    // A slug first over `E1001`s, and an `E1001` first over slugs.
    for (name, first) in [
        ("headerless-mixed-kinds.txt", "invalid_token"),
        ("headerless-mixed-kinds.html", "E1001"),
    ] {
        let article = read(name);
        assert_eq!(article.rows.len(), 3, "{name}: {:?}", codes(&article));
        assert_eq!(codes(&article)[0], first, "{name}");
    }
    // A label of the other kind, beside labels, is still a header.
    let text = "ref | note\n---|---\n401 | The token is missing.\n402 | The credit ran out.\n";
    let article =
        codegen::read::read("a.md", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    assert_eq!(codes(&article), ["401", "402"]);
}

#[test]
fn a_lone_table_of_fields_is_no_error_table() {
    // Its type column reads as slugs, but value types are not codes.
    for text in [
        "| Param | Type | Notes |\n|---|---|---|\n| code | integer | The error code. |\n| message | string | The message text. |\n",
        "Field\tKind\tWhat it holds\nretry_at\t`timestamp`\tWhen to try again.\nerrors\tobject[]\tEach problem found.\n",
    ] {
        let name = if text.contains('\t') { "a.tsv" } else { "a.md" };
        let error = codegen::read::read(name, text.as_bytes(), None, &ColumnPins::default())
            .map(|a| codes(&a))
            .unwrap_err()
            .to_string();
        assert!(error.contains("no error table found"), "{error}");
    }
}

#[test]
fn a_wrong_header_over_codes_is_read_by_content_and_the_field_table_ignored() {
    let article = read("wrong-header.md");
    let codes: Vec<&Code> = article.rows.iter().map(|r| &r.code).collect();
    assert_eq!(
        codes,
        [
            &Code::Numeric(-1),
            &Code::Text("0042".into()),
            &Code::Numeric(7001)
        ]
    );
    assert_eq!(
        article.rows[1].description,
        "The upload is larger than the plan allows."
    );
    assert_eq!(
        article.rows[2].solution,
        "Make sure the address is reachable from outside."
    );
    let guessed: Vec<&String> = article
        .warnings
        .iter()
        .filter(|w| w.contains("chosen by their content"))
        .collect();
    assert_eq!(guessed.len(), 1, "{:?}", article.warnings);
    assert!(
        guessed[0].starts_with("table at line 13 has a header that does not name its columns")
            && guessed[0].contains("code = column 1 \"Param\", description = column 2 \"Type\", solution = column 3 \"Notes\"")
            && guessed[0].contains("--code-column 1 --description-column 2 --solution-column 3"),
        "{}",
        guessed[0]
    );
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.starts_with("ignored table at line 5 with header \"Key\"")),
        "{:?}",
        article.warnings
    );
}

#[test]
fn pins_by_position_or_header_read_what_detection_would_not() {
    let pin = |text: &str| Some(text.parse::<ColumnPin>().unwrap());
    // Swapped by pins: the solution column read as the description.
    let pins = ColumnPins {
        description: pin("3"),
        solution: pin("Notes"),
        ..ColumnPins::default()
    };
    let err = read_with("wrong-header.md", &pins).unwrap_err().to_string();
    assert!(err.contains("pinned as both"), "{err}");
    let pins = ColumnPins {
        code: pin("1"),
        description: pin("3"),
        solution: pin("2"),
        ..ColumnPins::default()
    };
    let article = read_with("wrong-header.md", &pins).unwrap();
    assert_eq!(
        article.rows[0].description,
        "Write to support with the trace id."
    );
    assert!(
        article.warnings.iter().all(|w| !w.contains("chosen by")),
        "{:?}",
        article.warnings
    );
    assert_eq!(
        article.rows.len(),
        3,
        "the field table is not read as codes"
    );
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.starts_with("ignored table at line 5")
                && w.contains("(its column 1 (the pinned code column) holds words")),
        "{:?}",
        article.warnings
    );
    // A header pin says the first row is a header: a headerless table's
    // first row then is one, and no column is named so.
    let pins = ColumnPins {
        code: Some(ColumnPin::Header("401".into())),
        ..ColumnPins::default()
    };
    let article = read_with("skiff-no-header.tsv", &pins).unwrap();
    assert_eq!(
        article.rows.len(),
        4,
        "the row pinned as the header is the header"
    );
}

#[test]
fn under_position_pins_a_table_with_no_rows_is_not_the_error_table() {
    // A one-row breadcrumb table reads as a header with no rows; the error
    // table after it, headerless, is the one with rows.
    let pin = |text: &str| Some(text.parse::<ColumnPin>().unwrap());
    let pins = ColumnPins {
        code: pin("1"),
        description: pin("2"),
        ..ColumnPins::default()
    };
    for name in ["crumbs-then-headerless.html", "crumbs-then-headerless.md"] {
        let article = read_with(name, &pins).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(codes(&article), ["601", "602", "603"], "{name}");
        assert!(
            article.warnings.iter().any(|w| w.contains(
                "with header \"Home\" | \"Docs\" | \"Errors\" (it has a header but no rows)"
            )),
            "{name}: {:?}",
            article.warnings
        );
    }
}

#[test]
fn a_table_nothing_reads_is_refused_with_the_pins_that_would() {
    let text = "| Name | Value |\n|---|---|\n| Size | Large |\n| Colour | Blue |\n";
    let err = codegen::read::read("a.md", text.as_bytes(), None, &ColumnPins::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("a.md: no error table found")
            && err.contains("table at line 1: \"Name\" | \"Value\" (no code (")
            && err.contains("to read it, pin its columns: --code-column 1 --description-column 2, or [columns] code = 1, description = 2)"),
        "{err}"
    );
    // Two code columns: the pin that picks one, and no other guess.
    let text = "| Status code | Error code | Description |\n|---|---|---|\n| 401 | 40001 | Token expired. |\n";
    let err = codegen::read::read("b.md", text.as_bytes(), None, &ColumnPins::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("pin one: --code-column 2") && !err.contains("to read it"),
        "{err}"
    );
}
