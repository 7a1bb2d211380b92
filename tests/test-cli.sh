#!/usr/bin/env bash
# The command line as a script or a git hook uses it: no display, clear
# errors on stderr with a non-zero exit, and nothing lost on bad input.
set -uo pipefail

BIN=${LECTERN_BIN:?}
SRC=${LECTERN_SOURCE_DIR:?}
FIX=${LECTERN_FIXTURES:-$SRC/tests/fixtures}
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

sum () { sha256sum "$1" | cut -d' ' -f1; }

# help everywhere
expect "lectern --help"            0 "Commands:"    -- "$BIN" --help
expect "lectern export --help"     0 "--dry-run"    -- "$BIN" export --help
expect "lectern person --help"     0 "--affiliation" -- "$BIN" person --help
expect "lectern check --help"      0 "--site"       -- "$BIN" check --help
expect "lectern --version"         0 "lectern [0-9]" -- "$BIN" --version

expect "a mistyped command"        2 "unknown command" -- "$BIN" exprot "$tmp/demo.lectern"

# demo and new
expect "demo writes the workshop"  0 "demo workshop" -- "$BIN" demo "$tmp/demo.lectern"
expect "demo refuses to overwrite" 1 "already exists" -- "$BIN" demo "$tmp/demo.lectern"

# ical: the program for attendees' calendars, read back by Python's icalendar
expect "ical writes the calendar" 0 "" -- "$BIN" ical "$tmp/demo.lectern" -o "$tmp/program.ics"
expect "ical needs -o" 2 "needs -o" -- "$BIN" ical "$tmp/demo.lectern"
/usr/bin/python3 - "$tmp/program.ics" <<'PY' && ok "the calendar reads back in Python's icalendar" || fail "the calendar reads back in Python's icalendar"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = list(cal.walk('VEVENT'))
assert len(events) == 16, len(events)
talk = [e for e in events if str(e['SUMMARY']) == 'The Case for 4-bit Inference'][0]
start = talk['DTSTART'].dt
assert (start.hour, start.minute) == (10, 55) and start.utcoffset().total_seconds() == -36000, start
assert talk['DTEND'].dt.utcoffset().total_seconds() == -36000
assert str(talk['UID']).startswith('slot-') and str(talk['UID']).endswith('@lectern')
assert 'Tim Dettmers (University of Washington)' in str(talk['DESCRIPTION'])
PY

# frab: the program for conference apps, valid against the c3voc schemas
expect "frab writes schedule.xml and schedule.json" 0 "" -- \
  "$BIN" frab "$tmp/demo.lectern" --xml "$tmp/schedule.xml" --json "$tmp/schedule.json"
expect "frab needs an output" 2 "needs --xml" -- "$BIN" frab "$tmp/demo.lectern"
xmllint --noout --schema "$FIX/c3voc/schedule.xml.xsd" "$tmp/schedule.xml" 2>/dev/null \
  && ok "schedule.xml validates against the XSD" || fail "schedule.xml validates against the XSD"
/usr/bin/python3 "$SRC/tests/validate-schedule-json.py" "$FIX/c3voc/schedule.schema.json" "$tmp/schedule.json" \
  && ok "schedule.json validates against the JSON Schema" || fail "schedule.json validates against the JSON Schema"

# print: the printed program as a PDF, read back with pdftotext
expect "print writes the PDF" 0 "" -- "$BIN" print "$tmp/demo.lectern" --pdf "$tmp/program.pdf" --paper a4
expect "print refuses an unknown paper" 2 "a4 or letter" -- "$BIN" print "$tmp/demo.lectern" --pdf "$tmp/x.pdf" --paper a3
pdftotext -raw "$tmp/program.pdf" - | grep -q "9:00am–9:25am Using Megatron to Train Large Language Models" \
  && ok "the PDF lists the talks with their times" || fail "the PDF lists the talks with their times"
expect "new with a title"          0 "Created"      -- "$BIN" new "$tmp/new.lectern" --title "WANT 2026"
[ "$(sqlite3 "$tmp/new.lectern" 'SELECT name FROM event')" = "WANT 2026" ] && ok "new stores the title" || fail "new stores the title"
expect "new without FILE"          2 "expected 1 argument" -- "$BIN" new
expect "unknown option"            2 "Unknown option" -- "$BIN" new "$tmp/x.lectern" --colour

# person add
expect "person add with a card"    0 "speaker card \(ann\)" -- "$BIN" person add "$tmp/new.lectern" --name "Ann Example" --affiliation "MIT" --url https://ann.example --role speaker
expect "person add, second card of a namesake" 0 "\(ann_other\)" -- "$BIN" person add "$tmp/new.lectern" --name "Ann Other" --role organizer
expect "person add without --name" 2 "needs --name" -- "$BIN" person add "$tmp/new.lectern"
expect "person add, bad role"      2 "unknown role" -- "$BIN" person add "$tmp/new.lectern" --name X --role keynote
expect "person add, unsafe slug"   1 "file name"    -- "$BIN" person add "$tmp/new.lectern" --name "Eve" --role speaker --slug "../../etc/passwd"
[ "$(sqlite3 "$tmp/new.lectern" "SELECT COUNT(*) FROM person WHERE name = 'Eve'")" = 0 ] \
  && ok "a refused card leaves no half-added person" || fail "a refused card leaves no half-added person"

# foreign and newer files
printf 'not a database\n' > "$tmp/notes.lectern"
before=$(sum "$tmp/notes.lectern")
expect "a text file is refused"    1 "not a Lectern workshop file" -- "$BIN" check "$tmp/notes.lectern"
[ "$(sum "$tmp/notes.lectern")" = "$before" ] && ok "the text file is untouched" || fail "the text file is untouched"
sqlite3 "$tmp/places.sqlite" "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"
before=$(sum "$tmp/places.sqlite")
expect "another program's database is refused" 1 "another program" -- "$BIN" person add "$tmp/places.sqlite" --name X
[ "$(sum "$tmp/places.sqlite")" = "$before" ] && ok "the foreign database is untouched" || fail "the foreign database is untouched"
expect "a missing file"            1 "No such file" -- "$BIN" check "$tmp/missing.lectern"
cp "$tmp/demo.lectern" "$tmp/future.lectern"
sqlite3 "$tmp/future.lectern" "PRAGMA user_version = 99"
expect "a newer file opens read-only" 1 "read-only.*newer version" -- "$BIN" person add "$tmp/future.lectern" --name X

# check and export
expect "check a sound file"        0 "is sound"     -- "$BIN" check "$tmp/demo.lectern"
cp -r "$FIX/es-fomo-2023" "$tmp/site"
expect "dry run lists the changes" 0 "changed +_pages/about.md" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site" --dry-run
cmp -s "$FIX/es-fomo-2023/_pages/about.md" "$tmp/site/_pages/about.md" && ok "dry run writes nothing" || fail "dry run writes nothing"
expect "check finds the site out of date" 1 "_pages/about.md differs" -- "$BIN" check "$tmp/demo.lectern" --site "$tmp/site"
expect "export writes the site"    0 "new +_data/schedule.yml" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site"
expect "check: site matches"       0 "is sound"     -- "$BIN" check "$tmp/demo.lectern" --site "$tmp/site"
expect "export again: up to date"  0 "up to date"   -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site"
expect "export needs --site"       2 "needs --site" -- "$BIN" export "$tmp/demo.lectern"
expect "export into a non-site"    1 "does not look like the workshop" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp"

# a hand edit of an owned card is caught (as the pre-commit hook will)
sed -i 's/^description: .*/description: Hand-edited/' "$tmp/site/_projects/tri.md"
expect "check catches a hand edit" 1 "_projects/tri.md differs" -- "$BIN" check "$tmp/demo.lectern" --site "$tmp/site"

# a page without the plan heading: clear error, nothing written
cp -r "$FIX/es-fomo-2023" "$tmp/site2"
sed -i 's/^## 📆 the plan$/## the program/' "$tmp/site2/_pages/about.md"
before=$(sum "$tmp/site2/_pages/about.md")
expect "no place for the schedule" 1 "neither Lectern’s schedule markers nor the heading" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site2"
[ "$(sum "$tmp/site2/_pages/about.md")" = "$before" ] && [ ! -e "$tmp/site2/_data/schedule.yml" ] \
  && ok "nothing written after the error" || fail "nothing written after the error"

# a truncated workshop file is called what it is, and left alone
head -c 40000 "$tmp/demo.lectern" > "$tmp/cut.lectern"
before=$(sum "$tmp/cut.lectern")
expect "a truncated file is reported as such" 1 "damaged or truncated" -- "$BIN" check "$tmp/cut.lectern"
[ "$(sum "$tmp/cut.lectern")" = "$before" ] && ok "the truncated file is untouched" || fail "the truncated file is untouched"

# a file from a newer Lectern is not exported: the site stays as it is
cp -r "$FIX/es-fomo-2023" "$tmp/site3"
before=$(cd "$tmp/site3" && find . -type f -exec sha256sum {} + | sort | sha256sum)
expect "export of a newer file is refused" 1 "newer version of Lectern.*Nothing was written" -- "$BIN" export "$tmp/future.lectern" --site "$tmp/site3"
expect "dry run of a newer file is refused" 1 "newer version of Lectern" -- "$BIN" export "$tmp/future.lectern" --site "$tmp/site3" --dry-run
[ "$(cd "$tmp/site3" && find . -type f -exec sha256sum {} + | sort | sha256sum)" = "$before" ] \
  && ok "the site is unchanged" || fail "the site is unchanged"

# a _projects folder that is a link out of the site: refused, nothing written there
mkdir "$tmp/elsewhere"
printf 'my notes\n' > "$tmp/elsewhere/tri.md"
rm -rf "$tmp/site3/_projects"
ln -s "$tmp/elsewhere" "$tmp/site3/_projects"
expect "export through a link out of the site is refused" 1 "“_projects” in the site is a link to .*outside the site folder" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site3"
[ "$(ls "$tmp/elsewhere")" = "tri.md" ] && [ "$(cat "$tmp/elsewhere/tri.md")" = "my notes" ] \
  && ok "nothing written outside the site" || fail "nothing written outside the site"
expect "check --site reports the link" 1 "outside the site folder" -- "$BIN" check "$tmp/demo.lectern" --site "$tmp/site3"

# a temporary file of an interrupted export: check reports it, export removes it
printf -- '---\nlayout: page\n---\n' > "$tmp/site/_projects/.tri.md.lectern-0a1b2c~"
expect "check --site reports a leftover" 1 "temporary file left by an interrupted export" -- "$BIN" check "$tmp/demo.lectern" --site "$tmp/site"
expect "export removes it" 0 "removed +_projects/.tri.md.lectern-0a1b2c~" -- "$BIN" export "$tmp/demo.lectern" --site "$tmp/site"
[ ! -e "$tmp/site/_projects/.tri.md.lectern-0a1b2c~" ] && ok "the leftover is gone" || fail "the leftover is gone"

# the schedule: slot list, add, move, resize, swap, unschedule, remove
"$BIN" demo "$tmp/slots.lectern" >/dev/null
slot_id () { "$BIN" slot list "$tmp/slots.lectern" | awk -F'\t' -v t="$1" '$7 == t { print $1 }'; }
slot_at () { "$BIN" slot list "$tmp/slots.lectern" | awk -F'\t' -v t="$1" '$7 == t { print $2 " " $3 " " $4 }'; }
expect "slot --help" 0 "--ripple" -- "$BIN" slot --help
expect "slot list" 0 "Using Megatron to Train Large Language Models" -- "$BIN" slot list "$tmp/slots.lectern"
[ "$("$BIN" slot list "$tmp/slots.lectern" | wc -l)" -eq 19 ] && ok "slot list: one line per slot" || fail "slot list: one line per slot"
tim=$(slot_id "The Case for 4-bit Inference")
deepak=$(slot_id "Using Megatron to Train Large Language Models")
ce=$(slot_id "Distributed Systems for Decentralized AI")
[ "$(slot_at "The Case for 4-bit Inference")" = "1 10:55 30" ] && ok "slot list: day, start, duration" || fail "slot list: day, start, duration"
expect "slot move --ripple" 0 "Move “The Case for 4-bit Inference” to 9:00am, shifting 6 slots" -- \
  "$BIN" slot move "$tmp/slots.lectern" "$tim" --start 09:00 --ripple
[ "$(slot_at "Using Megatron to Train Large Language Models")" = "1 09:30 25" ] && ok "ripple shifted the next talk" || fail "ripple shifted the next talk"
expect "slot resize" 0 "Make .* 40 minutes long, shifting" -- "$BIN" slot resize "$tmp/slots.lectern" "$tim" --duration 40 --ripple
[ "$(slot_at "Using Megatron to Train Large Language Models")" = "1 09:40 25" ] && ok "resize rippled" || fail "resize rippled"
expect "slot swap" 0 "Swap" -- "$BIN" slot swap "$tmp/slots.lectern" "$deepak" "$ce"
[ "$(slot_at "Distributed Systems for Decentralized AI")" = "1 09:40 20" ] && ok "swap: neighbours trade places" || fail "swap: neighbours trade places"
expect "slot unschedule" 0 "Unschedule" -- "$BIN" slot unschedule "$tmp/slots.lectern" "$tim"
[ "$(slot_at "The Case for 4-bit Inference")" = "- - 40" ] && ok "unscheduled: in the pool" || fail "unscheduled: in the pool"
expect "slot add to the pool" 0 "^[0-9]+$" -- "$BIN" slot add "$tmp/slots.lectern" --title "Lightning talks" --kind talk --duration 20 --person tri:speaker
expect "slot add at a time" 0 "^[0-9]+$" -- "$BIN" slot add "$tmp/slots.lectern" --title "Closing" --kind remarks --start 17:30 --duration 10
[ "$(slot_at "Closing")" = "1 17:30 10" ] && ok "added at 17:30" || fail "added at 17:30"
"$BIN" slot list "$tmp/slots.lectern" > "$tmp/slots.txt"
grep -qF "$(printf 'Lightning talks\tTri Dao (speaker)')" "$tmp/slots.txt" && ok "the pool slot has its speaker" || fail "the pool slot has its speaker"
before=$(sum "$tmp/slots.lectern")
expect "slot move: no such slot" 1 "There is no slot 99999" -- "$BIN" slot move "$tmp/slots.lectern" 99999 --start 10:00
expect "slot move: not a time" 1 "is not a time of day" -- "$BIN" slot move "$tmp/slots.lectern" "$deepak" --start 25:00
expect "slot move: past midnight" 1 "would end after midnight" -- "$BIN" slot move "$tmp/slots.lectern" "$deepak" --start 23:50
expect "slot move: no such day" 1 "There is no day 3" -- "$BIN" slot move "$tmp/slots.lectern" "$deepak" --start 10:00 --day 3
expect "slot move: no rooms" 1 "no rooms" -- "$BIN" slot move "$tmp/slots.lectern" "$deepak" --start 10:00 --room Hall
expect "slot resize: too long" 1 "whole day" -- "$BIN" slot resize "$tmp/slots.lectern" "$deepak" --duration 2000
expect "slot add: unknown person" 1 "No one has the card “nobody”" -- "$BIN" slot add "$tmp/slots.lectern" --title X --person nobody
expect "slot add: unknown role" 1 "Unknown role" -- "$BIN" slot add "$tmp/slots.lectern" --title X --person tri:chair
expect "slot add: no title" 2 "needs --title" -- "$BIN" slot add "$tmp/slots.lectern"
expect "slot: unknown command" 2 "unknown slot command" -- "$BIN" slot frob "$tmp/slots.lectern"
expect "slot swap: with itself" 1 "itself" -- "$BIN" slot swap "$tmp/slots.lectern" "$ce" "$ce"
[ "$(sum "$tmp/slots.lectern")" = "$before" ] && ok "refused slot commands wrote nothing" || fail "refused slot commands wrote nothing"
expect "slot remove" 0 "Removed “Closing”" -- "$BIN" slot remove "$tmp/slots.lectern" "$(slot_id Closing)"
mkdir -p "$tmp/slot-site" && cp -r "$SRC/tests/jekyll-site/." "$tmp/slot-site/"
expect "the rearranged schedule exports" 0 "" -- "$BIN" export "$tmp/slots.lectern" --site "$tmp/slot-site"
# (new rows are padded to the site table's columns: compared with spaces squeezed)
tr -s ' ' < "$tmp/slot-site/_pages/about.md" \
  | grep -A1 -F "| 9:40am | 🔥 **Session I: Large-Scale Distributed Pretraining** |" \
  | grep -qF "| | Distributed Systems for Decentralized AI | Ce Zhang" \
  && ok "the table has the new times" || fail "the table has the new times"
! grep -q "The Case for 4-bit Inference" "$tmp/slot-site/_data/schedule.yml" && ok "a pool slot is not in the site's schedule" \
  || fail "a pool slot is not in the site's schedule"

# the schedule's checks: a warning by default; set to block, check fails and the export is refused
"$BIN" demo "$tmp/checks.lectern" >/dev/null
expect "check: the demo's schedule is sound" 0 "is sound" -- "$BIN" check "$tmp/checks.lectern"
ce=$("$BIN" slot list "$tmp/checks.lectern" | awk -F'\t' '$7 == "Distributed Systems for Decentralized AI" { print $1 }')
"$BIN" slot move "$tmp/checks.lectern" "$ce" --start 09:10 >/dev/null
expect "check: an overlap warns" 0 "warning \(room-overlap\): “Using Megatron to Train Large Language Models” and “Distributed Systems for Decentralized AI” overlap \(9:10am–9:25am\)" -- \
  "$BIN" check "$tmp/checks.lectern"
sqlite3 "$tmp/checks.lectern" "INSERT INTO check_severity VALUES ('room-overlap', 'block')"
expect "check: a blocking overlap fails" 1 "blocks export \(room-overlap\)" -- "$BIN" check "$tmp/checks.lectern"
mkdir -p "$tmp/blocked-site" && cp -r "$SRC/tests/jekyll-site/." "$tmp/blocked-site/"
before=$(find "$tmp/blocked-site" -type f | sort | xargs sha256sum | sha256sum)
expect "export refuses a blocked schedule" 1 "set to block the export:.*Nothing was written|Nothing was written" -- \
  "$BIN" export "$tmp/checks.lectern" --site "$tmp/blocked-site"
[ "$(find "$tmp/blocked-site" -type f | sort | xargs sha256sum | sha256sum)" = "$before" ] \
  && ok "the blocked export wrote nothing" || fail "the blocked export wrote nothing"
"$BIN" slot move "$tmp/checks.lectern" "$ce" --start 09:25 >/dev/null
expect "fixed, the export goes through" 0 "" -- "$BIN" export "$tmp/checks.lectern" --site "$tmp/blocked-site"

# import: a new workshop file from a site's cards, event and schedule
expect "import the 2023 site's cards" 0 "Imported 22 cards: 21 people and 1 sponsors" -- \
  "$BIN" import "$tmp/imported.lectern" --site "$FIX/es-fomo-2023"
expect "and its schedule" 0 "Imported the schedule: 1 days, 19 slots" -- \
  "$BIN" import "$tmp/imported-2.lectern" --site "$FIX/es-fomo-2023"
[ "$("$BIN" slot list "$tmp/imported-2.lectern" | wc -l)" = 19 ] && ok "the imported schedule lists 19 slots" \
  || fail "the imported schedule lists 19 slots"
expect "the imported file is sound" 0 "is sound" -- "$BIN" check "$tmp/imported.lectern"
# adopting the site: import, export, and nothing but the markers changes;
# a hand edit afterwards is told apart, with its field
cp -r "$FIX/es-fomo-2023" "$tmp/adopted"
"$BIN" import "$tmp/adopted.lectern" --site "$tmp/adopted" >/dev/null 2>&1
expect "the first export after the import" 0 "" -- "$BIN" export "$tmp/adopted.lectern" --site "$tmp/adopted"
diff -r -q "$FIX/es-fomo-2023/_projects" "$tmp/adopted/_projects" >/dev/null \
  && ok "the first export changed no card" || fail "the first export changed no card"
[ "$(diff "$FIX/es-fomo-2023/_pages/about.md" "$tmp/adopted/_pages/about.md" | grep -c '^[<>] .')" = 2 ] \
  && ok "the home page gained the two markers only" || fail "the home page gained the two markers only"
expect "the adopted site checks" 0 "is sound" -- "$BIN" check "$tmp/adopted.lectern" --site "$tmp/adopted"
sed -i 's/^description: .*/description: Princeton/' "$tmp/adopted/_projects/tri.md"
expect "a hand edit since the export is told" 1 "_projects/tri.md was edited by hand since Lectern last wrote it \(affiliation\)" -- \
  "$BIN" check "$tmp/adopted.lectern" --site "$tmp/adopted"
# ... and taken back by importing into the file that exists
before=$(sum "$tmp/adopted.lectern")
expect "import --dry-run lists the hand edit" 0 "changed  _projects/tri.md: affiliation .* → “Princeton”" -- \
  "$BIN" import "$tmp/adopted.lectern" --site "$tmp/adopted" --dry-run
[ "$(sum "$tmp/adopted.lectern")" = "$before" ] && ok "import --dry-run wrote nothing" || fail "import --dry-run wrote nothing"
expect "import without --accept-all does not take it" 0 "1 changed fields were not taken" -- \
  "$BIN" import "$tmp/adopted.lectern" --site "$tmp/adopted"
expect "import --accept-all takes it" 0 "Took 1 differences" -- \
  "$BIN" import "$tmp/adopted.lectern" --site "$tmp/adopted" --accept-all
expect "a second import finds no difference" 0 "0 new, 0 changed" -- \
  "$BIN" import "$tmp/adopted.lectern" --site "$tmp/adopted" --dry-run
mkdir -p "$tmp/bad-site/_projects"
printf -- '---\ntitle: [unclosed\n---\n' > "$tmp/bad-site/_projects/x.md"
expect "a card that cannot be read is named" 1 "_projects/x.md" -- "$BIN" import "$tmp/bad.lectern" --site "$tmp/bad-site"
[ ! -e "$tmp/bad.lectern" ] && ok "a failed import leaves no file" || fail "a failed import leaves no file"

# the call for papers
"$BIN" demo "$tmp/call.lectern" >/dev/null
expect "cfp date adds a deadline" 0 "Submission deadline: 2025-05-26, 11:59PM AoE" -- \
  "$BIN" cfp date "$tmp/call.lectern" --label "Submission deadline" --date 2025-05-26 --time 23:59 --zone AoE
expect "cfp date --extend moves it later" 0 "Submission deadline: 2025-05-27, 11:59PM AoE" -- \
  "$BIN" cfp date "$tmp/call.lectern" --label "submission deadline" --date 2025-05-27 --extend --note "one more day"
expect "a zone that is none is refused" 1 "“PST” is not a time zone" -- \
  "$BIN" cfp date "$tmp/call.lectern" --label "Submission deadline" --zone PST
expect "a day that is none is refused" 1 "“2025-02-30” is not a date" -- \
  "$BIN" cfp date "$tmp/call.lectern" --label "Acceptance notification" --date 2025-02-30
expect "cfp link takes a web address" 0 "Submissions go to https://openreview.net/x" -- \
  "$BIN" cfp link "$tmp/call.lectern" https://openreview.net/x
expect "and refuses what is none" 1 "is not a web address" -- "$BIN" cfp link "$tmp/call.lectern" openreview
expect "cfp show lists the deadline, in UTC too" 0 "Submission deadline	2025-05-27	11:59PM AoE	2025-05-28 11:59 UTC	one more day" -- \
  "$BIN" cfp show "$tmp/call.lectern"
expect "an unknown cfp command is a usage error" 2 "unknown cfp command" -- "$BIN" cfp frobnicate "$tmp/call.lectern"

# no subcommand talks to a display or a bus
expect "subcommands run without a display" 0 "is sound" -- env -u DISPLAY "$BIN" check "$tmp/demo.lectern"

echo "1..$n"
[ "$fails" -eq 0 ]
