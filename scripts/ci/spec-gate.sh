#!/usr/bin/env bash
# CI's spec pull-request gate (CONTRIBUTING.md, "CI"), run by .ci/run from the repository
# root: `npm run spec:check` against the merge base with the default branch. On the
# default branch itself (a fresh clone of main: HEAD is that merge base), without a
# default branch, or without shared history, there is no change to gate: one line says so.
# SPEC_CHECK_BASE overrides the base (e.g. the pull request's target branch); a value that
# names no commit fails, since skipping would let a misconfigured CI pass every change.
set -euo pipefail

default_branch="${SPEC_CHECK_BASE:-$(git symbolic-ref --quiet --short refs/remotes/origin/HEAD || true)}"
if [ -z "$default_branch" ]; then
  echo "ci: spec:check skipped: no default branch to compare with (no origin/HEAD; set SPEC_CHECK_BASE)"
  exit 0
fi
if ! git rev-parse --verify --quiet "$default_branch^{commit}" >/dev/null; then
  if [ -n "${SPEC_CHECK_BASE:-}" ]; then
    echo "ci: SPEC_CHECK_BASE='$SPEC_CHECK_BASE' names no commit in this clone: fetch that branch, or set SPEC_CHECK_BASE to a ref git knows (e.g. origin/main)" >&2
    exit 1
  fi
  echo "ci: spec:check skipped: origin/HEAD points to $default_branch, which this clone has not fetched"
  exit 0
fi
merge_base="$(git merge-base HEAD "$default_branch" 2>/dev/null || true)"
if [ -z "$merge_base" ]; then
  echo "ci: spec:check skipped: no merge base of HEAD and $default_branch (unrelated or shallow history)"
elif [ "$merge_base" = "$(git rev-parse HEAD)" ]; then
  echo "ci: spec:check skipped: HEAD is the merge base with $default_branch (nothing to compare)"
else
  mkdir -p artifacts
  npm run spec:check -- --base "$default_branch" --out artifacts/spec-check.md
fi
