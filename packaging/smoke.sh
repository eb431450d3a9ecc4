#!/usr/bin/env bash
# Smoke test of a packaged Opora in a clean environment (env -i: no venv, no Python on PATH
# needed): --version, init centre, records import, records export, report attendance, and
# the GUI started offscreen for 10 s without an error.
#
#   bash packaging/smoke.sh dist/opora/opora      # or /usr/bin/opora after installing the .deb
#
# Ends with "smoke: N passed, 0 failed"; exit status 1 when a check failed.
set -uo pipefail
if [ -z "${OPORA_SMOKE_CLEAN:-}" ]; then
  exe=$1
  case "$exe" in /*) ;; */*) exe=$PWD/$exe ;; *) exe=$(command -v "$exe") ;; esac
  work=$(mktemp -d "${TMPDIR:-/tmp}/opora-smoke.XXXXXX")
  # Windows (Git Bash) only: a process cannot start without SYSTEMROOT.
  env -i OPORA_SMOKE_CLEAN=1 PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    TMPDIR="$work" ${SYSTEMROOT:+SYSTEMROOT="$SYSTEMROOT"} bash "$0" "$exe" "$work"
  status=$?
  rm -rf "$work"
  exit $status
fi

OPORA=$1
W=$2
mkdir -p "$W/home"
export OPORA_PASSWORD=smoke-secret-1
passed=0
failed=0
check() { # name, then the command; its output is kept in $W/out and $W/err
  local name=$1
  shift
  local start=$SECONDS
  if "$@" >"$W/out" 2>"$W/err" && ! grep -q Traceback "$W/err"; then
    passed=$((passed + 1))
    printf 'ok    %-22s %3ss\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1))
    printf 'FAIL  %-22s\n' "$name"
    sed 's/^/      /' "$W/out" "$W/err" | tail -n 20
  fi
}

DB=$W/centre.db
G=7a1f0000-0000-4000-8000-000000000001
cat >"$W/in.jsonl" <<EOF
{"type":"district","id":"7a1f0000-0000-4000-8000-000000000010","name":"Морозівський","community":"Малинська громада"}
{"type":"settlement","id":"7a1f0000-0000-4000-8000-000000000011","name":"Морозівка","district_id":"7a1f0000-0000-4000-8000-000000000010"}
{"type":"family","id":"7a1f0000-0000-4000-8000-000000000012","settlement_id":"7a1f0000-0000-4000-8000-000000000011","address":"вул. Шевченка, 5","categories":["single_parent"],"factors":["low_income"],"on_record_from":"2026-01-15","specialist":"Олена Коваль","restricted":false}
{"type":"person","id":"7a1f0000-0000-4000-8000-000000000013","family_id":"7a1f0000-0000-4000-8000-000000000012","surname":"Мар'яненко","given_name":"Ольга","patronymic":"Петрівна","sex":"F","birth_date":"1990-03-12","relation":"mother"}
{"type":"group","id":"$G","name":"Мами разом","target_category":"single_parent","district_id":"7a1f0000-0000-4000-8000-000000000010","place":"Будинок культури","facilitator":"Олена Коваль","start_date":"2026-02-01"}
{"type":"participant","id":"7a1f0000-0000-4000-8000-000000000014","group_id":"$G","person_id":"7a1f0000-0000-4000-8000-000000000013"}
{"type":"session","id":"7a1f0000-0000-4000-8000-000000000015","group_id":"$G","date":"2026-02-05","time":"15:00","topic":"Знайомство","format":"talk"}
{"type":"attendance","id":"7a1f0000-0000-4000-8000-000000000016","session_id":"7a1f0000-0000-4000-8000-000000000015","participant_id":"7a1f0000-0000-4000-8000-000000000014","mark":"present"}
EOF

check "--version" "$OPORA" --version
grep -q "^Опора " "$W/out" || { failed=$((failed + 1)); echo "FAIL  --version text"; }
check "init centre" "$OPORA" --db "$DB" init centre --name "ЦНСП Малинської громади" --admin admin
check "records import" "$OPORA" --db "$DB" records import "$W/in.jsonl"
check "records export" "$OPORA" --db "$DB" records export --out "$W/export.jsonl"
[ "$(grep -c '"type"' "$W/export.jsonl" 2>/dev/null)" = 8 ] \
  || { failed=$((failed + 1)); echo "FAIL  export has not the 8 records imported"; }
check "report attendance" "$OPORA" --db "$DB" report attendance --group "$G" --out "$W/journal.pdf"
head -c 5 "$W/journal.pdf" 2>/dev/null | grep -q '%PDF-' \
  || { failed=$((failed + 1)); echo "FAIL  journal.pdf is not a PDF"; }

# The GUI: offscreen, signed in from OPORA_PASSWORD, left running 10 s, then stopped.
gui() {
  QT_QPA_PLATFORM=offscreen timeout -s TERM 10 "$OPORA" --db "$DB" --user admin
  [ $? -eq 124 ] # still running after 10 s: stopped by timeout, not ended by an error
}
check "GUI offscreen 10 s" gui
if grep -v -E 'propagateSizeHints|^$' "$W/err" | grep -q -i -E 'error|cannot|could not|failed'; then
  failed=$((failed + 1))
  echo "FAIL  the GUI reported an error:"
  sed 's/^/      /' "$W/err" | head -n 20
fi

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
