from typing import Literal

ExportWorkerLastRunResultsFormat = Literal[
    "csv", "html", "json", "jsonl", "rss", "xls", "xlsx", "xml"
]

EXPORT_WORKER_LAST_RUN_RESULTS_FORMAT_VALUES: set[ExportWorkerLastRunResultsFormat] = {
    "csv",
    "html",
    "json",
    "jsonl",
    "rss",
    "xls",
    "xlsx",
    "xml",
}


def check_export_worker_last_run_results_format(value: str) -> ExportWorkerLastRunResultsFormat:
    if value in EXPORT_WORKER_LAST_RUN_RESULTS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPORT_WORKER_LAST_RUN_RESULTS_FORMAT_VALUES!r}"
    )
