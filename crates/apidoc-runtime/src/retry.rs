//! When a failed attempt is tried again, and how long to wait first: the
//! [`RetryPolicy`] of [`ClientBuilder::retry`](crate::ClientBuilder::retry).
//!
//! Retried by default: connection failures, timeouts, `429 Too Many
//! Requests` and `5xx` answers, for the idempotent methods `GET`, `HEAD`,
//! `PUT`, `DELETE` (and `OPTIONS`). `POST` and `PATCH` only when the caller
//! opts in with [`RetryPolicy::retry_non_idempotent`]. The wait is an
//! exponential backoff with full jitter, never above the ceiling; a
//! `Retry-After` answer header (seconds or an HTTP date) is honoured when it
//! is within the ceiling, and ends the retries when it is beyond.

use std::time::{Duration, SystemTime};

use reqwest::Method;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Attempts per call unless [`RetryPolicy::max_attempts`] says otherwise.
const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// Wait before the first retry (before jitter) unless [`RetryPolicy::base_delay`] says otherwise.
const DEFAULT_BASE_DELAY: Duration = Duration::from_millis(200);
/// Longest wait between attempts unless [`RetryPolicy::max_delay`] says otherwise.
const DEFAULT_MAX_DELAY: Duration = Duration::from_secs(20);

/// How calls are retried. The default makes up to 3 attempts, waiting a
/// random time up to 200 ms, then up to 400 ms (doubling, at most 20 s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    jitter: bool,
    non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            base_delay: DEFAULT_BASE_DELAY,
            max_delay: DEFAULT_MAX_DELAY,
            jitter: true,
            non_idempotent: false,
        }
    }
}

/// Why an attempt may be worth repeating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// No connection, a timeout, or the connection broke.
    Transport,
    /// An answer with this status.
    Status(u16),
}

impl RetryPolicy {
    /// A single attempt: nothing is retried.
    pub fn none() -> Self {
        Self::default().max_attempts(1)
    }

    /// Attempts per call, the first included (at least 1; default 3). The
    /// official SDK's `retry_times` is this number minus one.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry, doubled for each further one
    /// (default 200 ms).
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The ceiling of every wait (default 20 s). A `Retry-After` beyond it
    /// ends the retries: the answer is returned as it is.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Whether each wait is a random time between zero and the backoff
    /// ("full jitter", the default) or the backoff itself.
    pub fn jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// Also retries `POST` and `PATCH` (default: no). Only for operations
    /// that are safe to repeat: a request that timed out may have been
    /// carried out.
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.non_idempotent = retry;
        self
    }

    /// The attempts per call.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt`
    /// (1-based) failed, or `None` when the call ends here.
    pub(crate) fn delay(
        &self,
        method: &Method,
        attempt: u32,
        failure: Failure,
        headers: Option<&HeaderMap>,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts || !self.retries(method, failure) {
            return None;
        }
        match headers.and_then(retry_after) {
            Some(wanted) if wanted > self.max_delay => None,
            Some(wanted) => Some(wanted),
            None => Some(self.backoff(attempt)),
        }
    }

    fn retries(&self, method: &Method, failure: Failure) -> bool {
        let retryable = match failure {
            Failure::Transport => true,
            Failure::Status(status) => status == 429 || (500..=599).contains(&status),
        };
        retryable && (self.non_idempotent || is_idempotent(method))
    }

    /// `base · 2^(attempt-1)`, capped at the ceiling, then jittered.
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        let backoff = self.base_delay.saturating_mul(factor).min(self.max_delay);
        if self.jitter {
            backoff.mul_f64(fastrand::f64())
        } else {
            backoff
        }
    }
}

fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
    ]
    .contains(method)
}

/// `Retry-After` as delay-seconds or an HTTP date (a date in the past is
/// no wait).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date =
        time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc2822).ok()?;
    let at = SystemTime::from(date);
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn exact() -> RetryPolicy {
        RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350))
            .jitter(false)
            .max_attempts(6)
    }

    #[test]
    fn backoff_doubles_up_to_the_ceiling() {
        let waits: Vec<_> = (1..6)
            .map(|attempt| exact().delay(&Method::GET, attempt, Failure::Status(503), None))
            .collect();
        let ms = |ms| Some(Duration::from_millis(ms));
        assert_eq!(waits, [ms(100), ms(200), ms(350), ms(350), ms(350)]);
        assert_eq!(
            exact().delay(&Method::GET, 6, Failure::Transport, None),
            None
        );
    }

    #[test]
    fn jitter_stays_within_the_backoff() {
        let policy = exact().jitter(true);
        for _ in 0..100 {
            let wait = policy.delay(&Method::GET, 3, Failure::Transport, None);
            assert!(wait.is_some_and(|wait| wait <= Duration::from_millis(350)));
        }
    }

    #[test]
    fn only_idempotent_methods_and_transient_failures_retry_by_default() {
        let policy = exact();
        assert!(
            policy
                .delay(&Method::POST, 1, Failure::Status(503), None)
                .is_none()
        );
        assert!(
            policy
                .delay(&Method::PATCH, 1, Failure::Transport, None)
                .is_none()
        );
        assert!(
            policy
                .delay(&Method::DELETE, 1, Failure::Status(429), None)
                .is_some()
        );
        for status in [400, 401, 404, 409] {
            assert!(
                policy
                    .delay(&Method::GET, 1, Failure::Status(status), None)
                    .is_none()
            );
        }
        let opted_in = policy.retry_non_idempotent(true);
        assert!(
            opted_in
                .delay(&Method::POST, 1, Failure::Status(503), None)
                .is_some()
        );
    }

    #[test]
    fn retry_after_is_honoured_within_the_ceiling_only() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("0"));
        let policy = exact();
        assert_eq!(
            policy.delay(&Method::GET, 1, Failure::Status(429), Some(&headers)),
            Some(Duration::ZERO)
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static("5"));
        assert_eq!(
            policy.delay(&Method::GET, 1, Failure::Status(429), Some(&headers)),
            None
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(
            policy.delay(&Method::GET, 1, Failure::Status(503), Some(&headers)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn none_makes_one_attempt() {
        assert_eq!(RetryPolicy::none().attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }
}
