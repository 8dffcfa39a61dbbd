//! Waiting for an asynchronous job: the poll loop of every generated
//! `wait`, compiled once here. An operation whose answer carries a job id
//! is followed by the service's job query until the job's status is one
//! the job query's page lists as an end, with a growing, jittered delay
//! between queries and a deadline.

use std::future::Future;
use std::time::Duration;

use crate::Error;

/// How long and how often to poll.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaitOptions {
    /// Time allowed from the first query; past it, [`Error::WaitTimeout`].
    pub timeout: Duration,
    /// The delay after the first query that finds the job running.
    pub initial_delay: Duration,
    /// The longest delay between two queries.
    pub max_delay: Duration,
    /// What each delay is multiplied by for the next one.
    pub multiplier: f64,
    /// Whether each delay is drawn at random between half of it and all of
    /// it, so that many waiters do not poll in step.
    pub jitter: bool,
}

impl Default for WaitOptions {
    /// Ten minutes, polling after 2 s, then up to every 30 s.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(600),
            initial_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(30),
            multiplier: 2.0,
            jitter: true,
        }
    }
}

impl WaitOptions {
    /// These options with another deadline.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// These options with other delays between queries.
    pub fn delays(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_delay = initial;
        self.max_delay = max;
        self
    }

    fn next_delay(&self, delay: Duration) -> Duration {
        delay.mul_f64(self.multiplier).min(self.max_delay)
    }

    fn jittered(&self, delay: Duration) -> Duration {
        if self.jitter {
            delay.mul_f64(0.5 + fastrand::f64() / 2.0)
        } else {
            delay
        }
    }
}

/// The statuses a job query's page lists as the end of a job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobStatuses {
    /// The job ended well.
    pub success: &'static [&'static str],
    /// The job ended badly.
    pub failure: &'static [&'static str],
}

/// One answer of a job query, as a waiter reads it.
pub trait Job {
    /// The job's status, where the answer has one.
    fn status(&self) -> Option<&str>;
    /// The answer as text for [`Error::JobFailed`] (its JSON body).
    fn describe(&self) -> String;
}

/// Queries the job `job_id` with `query` until its status is one of
/// `statuses`: the final answer where the job ended well,
/// [`Error::JobFailed`] where it ended badly, [`Error::WaitTimeout`] where
/// it is still running at the deadline; an error of a query ends the wait.
pub async fn wait_for_job<J, F, Fut>(
    job_id: &str,
    statuses: JobStatuses,
    options: WaitOptions,
    mut query: F,
) -> Result<J, Error>
where
    J: Job,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<J, Error>>,
{
    let start = tokio::time::Instant::now();
    let mut delay = options.initial_delay;
    loop {
        let job = query().await?;
        let status = job.status().unwrap_or_default().to_owned();
        if statuses.success.contains(&status.as_str()) {
            return Ok(job);
        }
        if statuses.failure.contains(&status.as_str()) {
            return Err(Error::JobFailed {
                job_id: job_id.to_owned(),
                status,
                job: job.describe(),
            });
        }
        let pause = options.jittered(delay);
        let waited = start.elapsed();
        if waited + pause > options.timeout {
            return Err(Error::WaitTimeout {
                job_id: job_id.to_owned(),
                status,
                waited,
            });
        }
        tokio::time::sleep(pause).await;
        delay = options.next_delay(delay);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    struct Answer(&'static str);

    impl Job for Answer {
        fn status(&self) -> Option<&str> {
            Some(self.0)
        }
        fn describe(&self) -> String {
            format!("{{\"status\":\"{}\"}}", self.0)
        }
    }

    const STATUSES: JobStatuses = JobStatuses {
        success: &["SUCCESS"],
        failure: &["FAIL"],
    };

    fn quick() -> WaitOptions {
        WaitOptions::default()
            .timeout(Duration::from_millis(200))
            .delays(Duration::from_millis(1), Duration::from_millis(4))
    }

    #[tokio::test]
    async fn a_job_that_ends_well_gives_its_final_answer() {
        let polls = Cell::new(0);
        let job = wait_for_job("j1", STATUSES, quick(), || {
            polls.set(polls.get() + 1);
            let status = if polls.get() < 3 {
                "RUNNING"
            } else {
                "SUCCESS"
            };
            async move { Ok(Answer(status)) }
        })
        .await
        .expect("the job ends well");
        assert_eq!((job.0, polls.get()), ("SUCCESS", 3));
    }

    #[tokio::test]
    async fn a_failed_job_is_job_failed() {
        let result = wait_for_job("j2", STATUSES, quick(), || async { Ok(Answer("FAIL")) }).await;
        match result {
            Err(Error::JobFailed {
                job_id,
                status,
                job,
            }) => {
                assert_eq!((job_id.as_str(), status.as_str()), ("j2", "FAIL"));
                assert!(job.contains("FAIL"), "{job}");
            }
            other => panic!("expected JobFailed, got {:?}", other.map(|answer| answer.0)),
        }
    }

    #[tokio::test]
    async fn a_job_that_never_ends_times_out() {
        let result =
            wait_for_job("j3", STATUSES, quick(), || async { Ok(Answer("RUNNING")) }).await;
        match result {
            Err(Error::WaitTimeout {
                job_id,
                status,
                waited,
            }) => {
                assert_eq!((job_id.as_str(), status.as_str()), ("j3", "RUNNING"));
                // Never a sleep past the deadline (a sleep may overrun it a little).
                assert!(waited < Duration::from_millis(400), "{waited:?}");
            }
            other => panic!(
                "expected WaitTimeout, got {:?}",
                other.map(|answer| answer.0)
            ),
        }
    }

    #[test]
    fn delays_grow_to_their_limit() {
        let options = quick();
        let delays: Vec<u128> = std::iter::successors(Some(options.initial_delay), |delay| {
            Some(options.next_delay(*delay))
        })
        .take(5)
        .map(|delay| delay.as_millis())
        .collect();
        assert_eq!(delays, [1, 2, 4, 4, 4]);
        let jittered = options.jittered(Duration::from_millis(100));
        assert!((50..=100).contains(&jittered.as_millis()), "{jittered:?}");
    }
}
