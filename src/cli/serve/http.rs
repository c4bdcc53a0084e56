//! The page and the four JSON endpoints of API.md, over axum. The page
//! (`editors/web/dist/`) is embedded: the binary needs neither Node nor a
//! network.

use super::session::{Edit, Session};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use scorecard::i18n;
use scorecard::t;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

const INDEX: &str = include_str!("../../../editors/web/dist/index.html");
const APP_JS: &str = include_str!("../../../editors/web/dist/app.js");
const APP_CSS: &str = include_str!("../../../editors/web/dist/app.css");
const LICENSES: &str = include_str!("../../../editors/web/dist/licenses.txt");

type Shared = Arc<Mutex<Session>>;

pub fn router(session: Session) -> Router {
    let shared: Shared = Arc::new(Mutex::new(session));
    Router::new()
        .route("/", get(|| file(INDEX, "text/html; charset=utf-8")))
        .route(
            "/app.js",
            get(|| file(APP_JS, "text/javascript; charset=utf-8")),
        )
        .route("/app.css", get(|| file(APP_CSS, "text/css; charset=utf-8")))
        .route(
            "/licenses.txt",
            get(|| file(LICENSES, "text/plain; charset=utf-8")),
        )
        .route("/api/state", get(state))
        .route("/api/update", post(update))
        .route("/api/explain", post(explain))
        .route("/api/save", post(save))
        .fallback(|| async { (StatusCode::NOT_FOUND, "404") })
        .with_state(shared)
}

async fn file(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

fn answer(status: StatusCode, value: &Value) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        value.to_string(),
    )
        .into_response()
}

/// Runs `f` on the session, in the session's language; a body that is not
/// an edit is a 400 with `{"error": …}`.
fn with_session(
    shared: &Shared,
    body: Option<&Bytes>,
    f: impl FnOnce(&mut Session, &Edit) -> Value,
) -> Response {
    let mut session = match shared.lock() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    let lang = session.lang;
    i18n::with_lang(lang, || {
        let edit = match body {
            None => Edit {
                seq: None,
                text: String::new(),
                readonly_ranges: Vec::new(),
                id: None,
            },
            Some(bytes) => match serde_json::from_slice::<Edit>(bytes) {
                Ok(edit) => edit,
                Err(e) => {
                    let message = t!("serve-bad-request", error = e.to_string());
                    return answer(StatusCode::BAD_REQUEST, &json!({ "error": message }));
                }
            },
        };
        answer(StatusCode::OK, &f(&mut session, &edit))
    })
}

async fn state(State(shared): State<Shared>) -> Response {
    with_session(&shared, None, |s, _| s.state())
}

async fn update(State(shared): State<Shared>, body: Bytes) -> Response {
    with_session(&shared, Some(&body), |s, edit| s.update(edit))
}

async fn explain(State(shared): State<Shared>, body: Bytes) -> Response {
    with_session(&shared, Some(&body), |s, edit| s.explain(edit))
}

async fn save(State(shared): State<Shared>, body: Bytes) -> Response {
    with_session(&shared, Some(&body), |s, edit| s.save(edit))
}
