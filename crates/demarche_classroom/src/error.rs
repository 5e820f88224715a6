//! The host's errors, typed, each with the HTTP status and the JSON body it answers with.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What can go wrong in the host.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No teacher key and no team session came with the request.
    #[error("sign in first: open the teacher's link, or join with a code")]
    Unauthenticated,
    /// The caller is known but may not do this (a team on another team's or the teacher's route).
    #[error("not yours: this belongs to another team, another group or the teacher")]
    Forbidden,
    /// No such class, group, team, code or inject.
    #[error("{0}")]
    NotFound(String),
    /// The request is malformed or its values are out of range.
    #[error("{0}")]
    Invalid(String),
    /// Orders that cannot be given now, each with its reason.
    #[error("{} order(s) refused", .0.len())]
    Refused(Vec<String>),
    /// The request does not fit the class's state (paused, ended, already resolved…).
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts from this client: try again later.
    #[error("too many requests; wait a little and try again")]
    TooMany,
    /// The database failed.
    #[error("database: {0}")]
    Store(#[from] rusqlite::Error),
    /// A file could not be read or written.
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    /// The stored game does not replay to its recorded hashes, or does not fit the scenario.
    #[error("stored game: {0}")]
    Corrupt(String),
    /// A background task failed (it panicked or was cancelled).
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::Unauthenticated => StatusCode::UNAUTHORIZED,
            Error::Forbidden => StatusCode::FORBIDDEN,
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::Invalid(_) | Error::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooMany => StatusCode::TOO_MANY_REQUESTS,
            Error::Store(_) | Error::Io(_) | Error::Corrupt(_) | Error::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// A short machine code (`forbidden`, `refused`…), the `error` field of the body.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Unauthenticated => "unauthenticated",
            Error::Forbidden => "forbidden",
            Error::NotFound(_) => "not_found",
            Error::Invalid(_) => "invalid",
            Error::Refused(_) => "refused",
            Error::Conflict(_) => "conflict",
            Error::TooMany => "too_many_requests",
            Error::Store(_) | Error::Io(_) | Error::Corrupt(_) | Error::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let reasons = match &self {
            Error::Refused(why) => why.clone(),
            _ => Vec::new(),
        };
        let body = json!({ "error": self.code(), "message": self.to_string(), "reasons": reasons });
        (self.status(), Json(body)).into_response()
    }
}

/// A result of the host.
pub type Result<T, E = Error> = std::result::Result<T, E>;
