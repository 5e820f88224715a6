//! Who is asking: the teacher (by the key in a cookie, or `Authorization: Bearer KEY`), a team
//! (by its session cookie), or nobody; and the client's address for rate limits.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::error::{Error, Result};
use crate::hub::Hub;
use crate::secret;

/// The teacher's cookie: the key, so that the URL on a projector shows none.
pub const TEACHER_COOKIE: &str = "dm_teacher";
/// A team's session cookie.
pub const TEAM_COOKIE: &str = "dm_team";

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The teacher.
    Teacher,
    /// A team, by id.
    Team(i64),
    /// Nobody known.
    Nobody,
}

impl Who {
    /// Who sent these headers.
    pub fn of(hub: &Hub, headers: &HeaderMap) -> Who {
        let bearer = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let key = bearer.or_else(|| cookie(headers, TEACHER_COOKIE));
        if key.is_some_and(|k| secret::same(k, hub.teacher_key())) {
            return Who::Teacher;
        }
        match cookie(headers, TEAM_COOKIE).and_then(|t| hub.session(t)) {
            Some(team) => Who::Team(team),
            None => Who::Nobody,
        }
    }

    /// Only the teacher: a team gets 403, nobody 401.
    pub fn teacher(self) -> Result<()> {
        match self {
            Who::Teacher => Ok(()),
            Who::Team(_) => Err(Error::Forbidden),
            Who::Nobody => Err(Error::Unauthenticated),
        }
    }

    /// Only this team itself (the teacher neither: a team's orders are its own).
    pub fn team(self, team: i64) -> Result<()> {
        match self {
            Who::Team(t) if t == team => Ok(()),
            Who::Team(_) | Who::Teacher => Err(Error::Forbidden),
            Who::Nobody => Err(Error::Unauthenticated),
        }
    }

    /// This team or the teacher (to read a team's view).
    pub fn team_or_teacher(self, team: i64) -> Result<()> {
        match self {
            Who::Teacher => Ok(()),
            other => other.team(team),
        }
    }
}

impl FromRequestParts<Arc<Hub>> for Who {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, hub: &Arc<Hub>) -> Result<Who, Infallible> {
        Ok(Who::of(hub, &parts.headers))
    }
}

/// A cookie's value.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, for the whole site.
pub fn set_cookie(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000")
}

/// The client's address (unspecified when the server was not given connection info).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<ClientIp, Infallible> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        Ok(ClientIp(ip))
    }
}
