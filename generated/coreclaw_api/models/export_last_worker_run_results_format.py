from typing import Literal

ExportLastWorkerRunResultsFormat = Literal[
    "csv", "html", "json", "jsonl", "rss", "xls", "xlsx", "xml"
]

EXPORT_LAST_WORKER_RUN_RESULTS_FORMAT_VALUES: set[ExportLastWorkerRunResultsFormat] = {
    "csv",
    "html",
    "json",
    "jsonl",
    "rss",
    "xls",
    "xlsx",
    "xml",
}


def check_export_last_worker_run_results_format(value: str) -> ExportLastWorkerRunResultsFormat:
    if value in EXPORT_LAST_WORKER_RUN_RESULTS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPORT_LAST_WORKER_RUN_RESULTS_FORMAT_VALUES!r}"
    )
