#!/usr/bin/env python3
"""Fills many blank templates at once with `Tests/Fixtures/forms/fill_template.py` (one Python start for all).

usage: fill_batch.py OUTDIR TEMPLATE.xlsx…    — writes OUTDIR/<template name> for each, filled as a department would.
"""
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "forms"))
import fill_template  # noqa: E402


def main(out, templates):
    os.makedirs(out, exist_ok=True)
    for template in templates:
        sys.argv = ["fill_template.py", template, os.path.join(out, os.path.basename(template))]
        with contextlib.redirect_stdout(io.StringIO()):
            fill_template.main()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
