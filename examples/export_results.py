"""Save a run's results to a file: the server's export, or the rows written locally.

    CORECLAW_API_KEY=... python examples/export_results.py RUN_ID -o results.csv
    CORECLAW_API_KEY=... python examples/export_results.py RUN_ID --format jsonl -o rows.jsonl
    CORECLAW_API_KEY=... python examples/export_results.py RUN_ID --from-rows -o rows.csv

By default the API prepares an export and the file is downloaded from its link (the API key
is never sent to the download host; the link itself is never printed, since a signed link is
a secret too). With --from-rows the rows are read page by page and written here, streamed.
Either way the file appears only when complete, and an existing file is kept unless
--overwrite is given. CORECLAW_BASE_URL points the client at another API host.
"""

from __future__ import annotations

import argparse
import sys

import coreclaw_ext as cc
from coreclaw_ext import download_results, write_results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("run_id", help="the run's slug")
    parser.add_argument("-o", "--output", required=True, help="file to write")
    parser.add_argument(
        "--format",
        default="csv",
        help="csv (default), json, jsonl; the server's export also offers xlsx, xls, xml, html",
    )
    parser.add_argument("--from-rows", action="store_true", help="write the rows locally")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)

    with cc.create_client() as client:
        try:
            if args.from_rows:
                rows = cc.iter_worker_run_results(client, args.run_id)
                count = write_results(
                    rows, args.output, format=args.format, overwrite=args.overwrite
                )
                print(f"wrote {count} rows to {args.output}")
                return 0
            terminal = sys.stderr.isatty()

            def show(done: int, total: int | None) -> None:
                if terminal:
                    of = f" of {total}" if total is not None else ""
                    print(f"\r  {done}{of} bytes", end="", file=sys.stderr, flush=True)

            saved = download_results(
                client, args.run_id, args.output, format=args.format,
                overwrite=args.overwrite, on_progress=show,
            )  # fmt: skip
            if terminal:
                print(file=sys.stderr)
        except FileExistsError:
            print(f"error: {args.output} exists (pass --overwrite to replace it)", file=sys.stderr)
            return 1
        except (cc.CoreClawError, ValueError, OSError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        print(f"saved {saved.bytes} bytes from {saved.url_host} to {saved.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
