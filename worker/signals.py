"""Job records and dead letters, kept from Celery's task signals.

Keeping them here, rather than in the tasks, is what lets a task ignore where it
sits in the pipeline: a job is "processing" while any of its tasks runs, "done"
when a task finishes with no further task in its chain, and "failed" when a task
fails for good, at which point its input goes to the dead-letter list. A done job
stays done when the broker redelivers one of its tasks, whatever that copy does.
Every task of one submission shares the chain's root id, which is the job id.

Bookkeeping must never fail the work itself: if Redis is briefly away the task's
own outcome stands and the record catches up with the next transition.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Task
from celery.signals import task_failure, task_prerun, task_retry, task_success, worker_process_init

from crosswire.dead_letters import make_letter
from worker import resources

log = logging.getLogger(__name__)


def _job_id(task: Task) -> str | None:
    req = task.request
    return str(req.root_id or req.id) if (req.root_id or req.id) else None


def _safely(action: str, fn: Any, *args: Any, **kwargs: Any) -> None:
    try:
        fn(*args, **kwargs)
    except Exception:
        log.warning("could not record %s", action, exc_info=True)


@worker_process_init.connect
def _fresh_resources(**_: Any) -> None:
    resources.reset()


@task_prerun.connect
def _processing(task: Task | None = None, **_: Any) -> None:
    if task is not None and (job_id := _job_id(task)):
        _safely("job start", resources.jobs().start, job_id, task.name)


@task_retry.connect
def _retrying(
    sender: Task | None = None, request: Any = None, reason: Any = None, **_: Any
) -> None:
    job_id = getattr(request, "root_id", None) or getattr(request, "id", None)
    if job_id:
        _safely("job retry", resources.jobs().add_retry, str(job_id), str(reason)[:2000])


@task_success.connect
def _succeeded(sender: Task | None = None, result: Any = None, **_: Any) -> None:
    if sender is None or sender.request.chain:
        return  # more tasks follow in this chain
    if job_id := _job_id(sender):
        story_id = result.get("story_id") if isinstance(result, dict) else None
        _safely(
            "job done",
            resources.jobs().update,
            job_id,
            status="done",
            stage=None,
            error=None,
            story_id=story_id,
        )


@task_failure.connect
def _failed(
    sender: Task | None = None, exception: BaseException | None = None, args: Any = None, **_: Any
) -> None:
    if sender is None:
        return
    job_id = _job_id(sender) or ""
    record = args[0] if args else {}
    article = record.get("article", record) if isinstance(record, dict) else {}
    reason = exception if exception is not None else "unknown failure"
    letter = make_letter(job_id, sender.name, reason, article)
    # The dead letter first: it is what keeps the article; the job record only reports.
    _safely("dead letter", resources.dead_letters().push, letter)
    if job_id:
        _safely("job failure", resources.jobs().fail, job_id, letter.error)
