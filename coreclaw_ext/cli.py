"""``coreclaw-py``: a small command line for the CoreClaw API v2, built on ``coreclaw_ext``.

    coreclaw-py [--base-url URL] [--auth MODE] [--json] [--http-timeout S] [--max-retries N]
        rerun-last WORKER [--sync] [--limit N] [--offset N] [--callback-url URL]
                          [--wait [--timeout S]]
        worker run WORKER [--input @FILE|-|JSON] [--version V] [--sync] [--wait [--timeout S]]
        worker list [--keyword K] [--all]
        run get RUN
        run log RUN
        run results RUN [--all] [--page-size N] [--page N] [--format json|jsonl|csv]
        run list [--worker W] [--status S] [--all]
        run abort RUN
        run export RUN [--format F] [--filter-keys K1,K2]
        api --list
        completion bash|zsh|fish
        api OPERATION [ID ...] [--param NAME=VALUE ...] [--body @FILE|-|JSON] [--wait]

The API key is read from ``CORECLAW_API_KEY`` only: there is no flag, so it never lands in
shell history or process listings, and it is never printed. ``--base-url`` defaults to
``CORECLAW_BASE_URL``, then the production host. ``--json`` prints one JSON document on
stdout (strict JSON; see ``coreclaw_ext._cli_output``). ``CORECLAW_LOG=debug`` (or ``info``)
writes the ``coreclaw_ext`` log to stderr. Text from the server is printed with control
characters escaped (``\\x1b``), so an answer cannot drive the terminal.

A failure prints one ``error: ...`` line on stderr (with ``--json``, one line holding the
JSON document ``{"error": {"type": ..., "message": ..., ...}}`` instead), and the command
exits with a code that names its kind:

  0    success
  1    any other API error (CoreClawError, APIError: HTTP 403, 409, ...)
  2    usage or configuration error (bad option or value, missing CORECLAW_API_KEY)
  3    authentication failed (AuthenticationError)
  4    not found (NotFoundError)
  5    request rejected (BadRequestError, UnprocessableEntityError)
  6    rate limited (RateLimitError)
  7    server error (InternalServerError)
  8    no connection (APIConnectionError)
  9    timed out (APITimeoutError)
  10   unexpected response (UnexpectedResponseError)
  11   --wait budget spent (RunWaitTimeout)
  12   --wait: the run finished, but its status is not 'succeeded'
  13   a run was started, then the command failed (RunStartedError): do not start it again
  130  interrupted (Ctrl-C)
  141  stdout was closed before the output was written (a reader such as 'head' left)
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal, cast

import httpx

import coreclaw_ext as cc

from ._cli_api import add_parser as add_api_parser
from ._cli_commands import add_run_parser, add_worker_parser, started_outcome
from ._cli_completion import GLOBAL_OPTIONS, SHELLS, _walk
from ._cli_output import (
    Outcome,
    Problem,
    SafeFormatter,
    UsageError,
    deliver,
    exited,
    failed,
    format_fields,
    note,
    safe,
    stdout_closed,
)
from ._cli_workflows import add_parsers as add_workflow_parsers
from ._cli_workflows import add_run_actions as add_workflow_run_actions

if TYPE_CHECKING:
    from coreclaw_api.models import RunRecord

API_KEY_ENV = "CORECLAW_API_KEY"
BASE_URL_ENV = "CORECLAW_BASE_URL"
LOG_ENV = "CORECLAW_LOG"
INSECURE_ENV = "CORECLAW_ALLOW_INSECURE_HTTP"
# Not documented on purpose: comma-separated seconds between --wait polls, so that tests need
# not sleep through the real schedule (2, 5, 10, then 15 s).
POLL_ENV = "CORECLAW_POLL_INTERVALS"
LOGGER_NAME = "coreclaw_ext"
LOG_LEVELS = ("debug", "info", "warning", "error")

AUTH_MODES = ("bearer", "api-key", "query")
AuthMode = Literal["bearer", "api-key", "query"]
DEFAULT_WAIT_TIMEOUT = 3600.0

EXIT_USAGE = 2
EXIT_NOT_SUCCEEDED = 12
EXIT_INTERRUPTED = 130

# First match wins, so every subclass comes before its base class.
ERROR_EXITS: tuple[tuple[type[cc.CoreClawError], int], ...] = (
    (cc.AuthenticationError, 3),
    (cc.NotFoundError, 4),
    (cc.BadRequestError, 5),
    (cc.UnprocessableEntityError, 5),
    (cc.RateLimitError, 6),
    (cc.InternalServerError, 7),
    (cc.APITimeoutError, 9),
    (cc.APIConnectionError, 8),
    (cc.UnexpectedResponseError, 10),
    (cc.RunWaitTimeout, 11),
    (cc.RunStartedError, 13),
    (cc.CoreClawError, 1),
)

EXIT_CODES_HELP = "exit codes:\n" + (__doc__ or "").split("names its kind:\n\n", 1)[1].rstrip()
"""The table of the module docstring, for ``--help`` (a test keeps the two equal)."""


def exit_code_for(err: cc.CoreClawError) -> int:
    """The exit code of an error raised by ``coreclaw_ext`` (see ``ERROR_EXITS``).

    One that is also a ``ValueError`` (a setting or an input refused before anything was
    sent, such as ``ConfigurationError``) is a usage error, 2, like a plain ``ValueError``.
    """
    if isinstance(err, ValueError):
        return EXIT_USAGE
    return next(code for cls, code in ERROR_EXITS if isinstance(err, cls))


def _final_run(record: RunRecord) -> Outcome:
    data = record.to_dict()
    if record.status == "succeeded":
        return Outcome(data, format_fields(data))
    reason = f": {record.err_msg}" if isinstance(record.err_msg, str) and record.err_msg else ""
    text = f"run {record.slug} finished with status {record.status!r}{reason}"
    details = {"message": text, "run_slug": record.slug, "status": record.status}
    problem = Problem("RunNotSucceeded", text, EXIT_NOT_SUCCEEDED, details)
    return Outcome(data, format_fields(data), EXIT_NOT_SUCCEEDED, problem)


# --- commands -------------------------------------------------------------------------------


def _progress(run: RunRecord, elapsed: float) -> None:
    # One line per poll on stderr, on a terminal or not: CI logs show a wait is alive, and the
    # run's slug is there from the first poll (right after the start) should the job be killed.
    note(f"[{elapsed:6.1f} s] {safe(run.slug)} {safe(run.status)}")


def _poll_intervals() -> dict[str, Any]:
    raw = os.environ.get(POLL_ENV)
    if not raw:
        return {}
    try:
        intervals = [float(part) for part in raw.split(",")]
    except ValueError:
        raise UsageError(f"{POLL_ENV} must be comma-separated seconds, got {raw!r}") from None
    return {"poll_intervals": intervals}


def _wait_options(args: argparse.Namespace) -> dict[str, Any]:
    """The wait settings of a ``--wait`` command: budget, progress on a terminal, schedule."""
    return {
        "wait_timeout": DEFAULT_WAIT_TIMEOUT if args.timeout is None else args.timeout,
        # Under --json a program reads stderr for one error document: no heartbeat lines then,
        # unless a person watches a terminal.
        "on_status": _progress if sys.stderr.isatty() or not args.json else None,
        **_poll_intervals(),
    }


def cmd_rerun_last(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    is_async = False if args.sync else None
    if args.wait:
        record = cc.rerun_worker_last_run(
            client,
            args.worker,
            callback_url=args.callback_url,
            is_async=is_async,
            limit=args.limit,
            offset=args.offset,
            wait=True,
            **_wait_options(args),
        )
        return _final_run(record)
    started = cc.rerun_worker_last_run(
        client,
        args.worker,
        callback_url=args.callback_url,
        is_async=is_async,
        limit=args.limit,
        offset=args.offset,
    )
    return started_outcome(started)


# --- arguments ------------------------------------------------------------------------------


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text!r}")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coreclaw-py",
        description="Start CoreClaw Workers, read, abort and export their runs, and call any "
        "other operation of the CoreClaw API v2 ('api'). "
        f"The API key is read from the {API_KEY_ENV} environment variable.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=f"API base URL (default: ${BASE_URL_ENV}, then https://openapi.coreclaw.com)",
    )
    parser.add_argument(
        "--auth",
        choices=AUTH_MODES,
        default="bearer",
        help="how the key is sent: Authorization header (default), api-key header, or "
        "?token= (last resort: URLs end up in logs)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument(
        "--allow-insecure-http",
        action="store_true",
        default=_env_flag(INSECURE_ENV),
        help=f"allow plain http:// to a host that is not loopback (or ${INSECURE_ENV}=1)",
    )
    parser.add_argument(
        "--http-timeout",
        type=_positive_float,
        metavar="S",
        help="read timeout of each HTTP call in seconds (default 30; a --sync rerun gets at "
        "least 330, as the server may wait 300)",
    )
    parser.add_argument(
        "--max-retries",
        type=_non_negative_int,
        metavar="N",
        help="retries per HTTP call (default 2; a rerun is only retried when it cannot have "
        "started a run)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {cc.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rerun = commands.add_parser(
        "rerun-last",
        help="rerun the latest run of a Worker",
        description="Rerun the latest run of a Worker; prints the new run's slug.",
        epilog="example: coreclaw-py rerun-last coreclaw/google-maps-scraper --wait --timeout 1800",
    )
    rerun.add_argument("worker", metavar="WORKER", help="owner/name, owner~name or a slug")
    rerun.add_argument(
        "--sync", action="store_true", help="let the server wait for the run (up to 5 minutes)"
    )
    rerun.add_argument("--limit", type=int, metavar="N", help="--sync: result rows (1-100)")
    rerun.add_argument("--offset", type=int, metavar="N", help="--sync: result page (from 1)")
    rerun.add_argument("--callback-url", metavar="URL", help="URL the server calls when done")
    rerun.add_argument(
        "--wait", action="store_true", help="poll the run until it finishes; print its record"
    )
    rerun.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="S",
        help=f"--wait: seconds to keep polling (default {DEFAULT_WAIT_TIMEOUT:.0f})",
    )
    rerun.set_defaults(handler=cmd_rerun_last)

    run_actions = add_run_parser(commands)
    add_workflow_run_actions(run_actions, _positive_float, _final_run, _wait_options)
    add_worker_parser(commands, _positive_float, _final_run, _wait_options)
    add_workflow_parsers(commands, _positive_float, _final_run, _wait_options)
    add_api_parser(commands)
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for bash, zsh or fish, built from this "
        "command line's own options.",
        epilog="example: coreclaw-py completion bash > "
        "~/.local/share/bash-completion/completions/coreclaw-py",
    )
    completion.add_argument("shell", choices=tuple(SHELLS))
    completion.set_defaults(handler=cmd_completion, needs_client=lambda _args: False)
    return parser


# Per command, the integer options checked before anything is sent: (option, dest, low, high),
# so that an error names the option typed rather than the library's argument.
Command = tuple[str, str | None]
PAGE_RANGES = (("--page-size", "page_size", 1, 100), ("--page", "page", 1, None))
FLAG_RANGES: dict[Command, tuple[tuple[str, str, int, int | None], ...]] = {
    ("rerun-last", None): (("--limit", "limit", 1, 100), ("--offset", "offset", 0, None)),
    ("run", "results"): PAGE_RANGES,
    ("run", "list"): PAGE_RANGES,
    ("worker", "list"): (("--page", "page", 1, None),),
}
# Per command, the library's argument names and the options they come from: a ValueError or
# TypeError the library raises later is reworded with the option (``limit`` -> ``--page-size``).
LIBRARY_NAMES: dict[Command, dict[str, str]] = {
    ("rerun-last", None): {
        "limit": "--limit",
        "offset": "--offset",
        "callback_url": "--callback-url",
    },
    ("run", "results"): {"limit": "--page-size", "page_size": "--page-size", "offset": "--page"},
    ("run", "list"): {"limit": "--page-size", "offset": "--page", "worker_id": "--worker"},
    ("worker", "list"): {"offset": "--page", "keyword": "--keyword"},
    ("worker", "run"): {
        "version": "--version",
        "input": "--input",
        "callback_url": "--callback-url",
    },
    ("queue", "add"): {"version": "--version", "input": "--input"},
}


def _command_of(args: argparse.Namespace) -> Command:
    action = getattr(args, "action", None) or getattr(args, "queue_action", None)
    return args.command, action if isinstance(action, str) else None


def check_ranges(args: argparse.Namespace) -> None:
    """Refuse an integer option out of range, naming it as typed (``--page-size``)."""
    for flag, dest, low, high in FLAG_RANGES.get(_command_of(args), ()):
        value = getattr(args, dest, None)
        if value is None or (low <= value and (high is None or value <= high)):
            continue
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise UsageError(f"{flag} must be {bounds}, got {value}")


def reword(err: Exception, command: Command) -> Exception:
    """``err`` with the library's argument names replaced by this command's options."""
    names = LIBRARY_NAMES.get(command)
    if not names or type(err) not in (ValueError, TypeError) or len(err.args) != 1:
        return err
    text = str(err)
    for name, flag in names.items():
        text = re.sub(rf"(^|omit ){re.escape(name)}(?![\w-])", rf"\g<1>{flag}", text)
    return err if text == str(err) else type(err)(text)


def completion_script(shell: str) -> str:
    """The completion script for ``shell``, built by walking ``build_parser()``."""
    return SHELLS[shell](_walk(build_parser()))


def cmd_completion(_client: Any, args: argparse.Namespace) -> Outcome:
    return Outcome(
        {"shell": args.shell, "script": completion_script(args.shell)},
        completion_script(args.shell),
    )


def _check_combinations(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command == "rerun-last" and args.timeout is not None and not args.wait:
        parser.error("rerun-last: --timeout needs --wait")
    if args.command == "worker" and args.action == "run" and args.timeout and not args.wait:
        parser.error("worker run: --timeout needs --wait")
    if args.command == "run" and args.action == "results" and args.all and args.page is not None:
        parser.error("run results: --page and --all exclude each other")


# --- running --------------------------------------------------------------------------------


@contextmanager
def _log_to_stderr() -> Iterator[None]:
    """With ``CORECLAW_LOG=<level>``, send the ``coreclaw_ext`` log to stderr for the call."""
    name = os.environ.get(LOG_ENV, "").strip().lower()
    if not name:
        yield
        return
    if name not in LOG_LEVELS:
        raise UsageError(f"{LOG_ENV} must be one of {', '.join(LOG_LEVELS)}; got {name!r}")
    logger = logging.getLogger(LOGGER_NAME)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(name.upper())
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _client(args: argparse.Namespace) -> cc.CoreClawClient:
    if not os.environ.get(API_KEY_ENV, "").strip():
        raise UsageError(f"no API key: set the {API_KEY_ENV} environment variable")
    options: dict[str, Any] = {}
    if args.http_timeout is not None:
        base = cc.DEFAULT_TIMEOUT
        options["timeout"] = httpx.Timeout(
            connect=base.connect, read=args.http_timeout, write=base.write, pool=base.pool
        )
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    return cc.create_client(
        base_url=args.base_url,
        auth=cast(AuthMode, args.auth),
        allow_insecure_http=args.allow_insecure_http,
        **options,
    )


def _run(args: argparse.Namespace) -> Outcome:
    handler: Callable[[Any, argparse.Namespace], Outcome] = args.handler
    needs_client = getattr(args, "needs_client", None)
    check_ranges(args)
    with _log_to_stderr():
        if needs_client is not None and not needs_client(args):
            return handler(None, args)  # e.g. ``api --list``: no key, nothing sent
        client = _client(args)
        try:
            return handler(client, args)
        except (ValueError, TypeError) as err:
            reworded = reword(err, _command_of(args))
            if reworded is err:
                raise
            raise reworded from None
        finally:
            client.close()


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def hoist_globals(argv: list[str]) -> list[str]:
    """``argv`` with the global options moved before the command (``... run get R --json``)."""
    front: list[str] = []
    rest: list[str] = []
    items = iter(argv)
    for item in items:
        if item == "--":
            rest += [item, *items]
            break
        name = item.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            front.append(item)
            if GLOBAL_OPTIONS[name] and "=" not in item:
                value = next(items, None)
                if value is not None:
                    front.append(value)
            continue
        rest.append(item)
    return front + rest


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(hoist_globals(list(sys.argv[1:] if argv is None else argv)))
        _check_combinations(parser, args)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has printed
        return exited(exc.code)
    except BrokenPipeError:  # --help into a closed pipe
        return stdout_closed()
    try:
        outcome = _run(args)
    except cc.CoreClawError as err:
        outcome = failed(err, exit_code_for(err))
    except (UsageError, ValueError, TypeError) as err:  # bad input, refused before sending
        outcome = failed(err, EXIT_USAGE)
    except OSError as err:  # a local file the command was to read or write
        outcome = failed(UsageError(str(err)), EXIT_USAGE)
    except cc.WaitInterrupted as err:  # Ctrl-C while waiting: the run itself goes on
        outcome = failed(
            KeyboardInterrupt(
                f"interrupted; run {err.run_slug} goes on: "
                f"coreclaw-py run wait {err.run_slug} to wait again"
            ),
            EXIT_INTERRUPTED,
        )
    except KeyboardInterrupt:
        outcome = failed(KeyboardInterrupt("interrupted"), EXIT_INTERRUPTED)
    return deliver(outcome, args.json)


if __name__ == "__main__":
    sys.exit(main())
