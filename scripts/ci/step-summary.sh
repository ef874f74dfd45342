#!/usr/bin/env bash
# Appends a Markdown report to the GitHub Actions job summary (ci.yml's spec gate).
# Outside GitHub Actions ($GITHUB_STEP_SUMMARY unset), or when the report was not
# written (the gate skipped), it says so in one line and succeeds.
set -euo pipefail

report="${1:?usage: step-summary.sh <report.md>}"
if [ -z "${GITHUB_STEP_SUMMARY:-}" ]; then
  echo "ci: no job summary outside GitHub Actions (GITHUB_STEP_SUMMARY is unset)"
elif [ ! -f "$report" ]; then
  echo "ci: no report at $report (the gate skipped or failed before writing it)"
else
  cat "$report" >> "$GITHUB_STEP_SUMMARY"
fi
