from typing import Literal

ExportWorkerRunResultsFormat = Literal["csv", "html", "json", "jsonl", "rss", "xls", "xlsx", "xml"]

EXPORT_WORKER_RUN_RESULTS_FORMAT_VALUES: set[ExportWorkerRunResultsFormat] = {
    "csv",
    "html",
    "json",
    "jsonl",
    "rss",
    "xls",
    "xlsx",
    "xml",
}


def check_export_worker_run_results_format(value: str) -> ExportWorkerRunResultsFormat:
    if value in EXPORT_WORKER_RUN_RESULTS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPORT_WORKER_RUN_RESULTS_FORMAT_VALUES!r}"
    )
