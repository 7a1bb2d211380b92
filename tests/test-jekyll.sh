#!/usr/bin/env bash
# A real Jekyll build of a small al-folio-style site (tests/jekyll-site)
# over files written by `lectern export`: the cards come out in the
# workshop's order, hostile text is shown literally, the schedule table
# renders as a table, and _data/schedule.yml renders through Liquid with
# the same talks at the same times; the site serves the program's
# calendar and conference-app files; the call for papers renders in the
# call page (dates and topics) and the home page (its announcement).
set -euo pipefail

BIN=${LECTERN_BIN:?}
SRC=${LECTERN_SOURCE_DIR:?}

if ! command -v jekyll >/dev/null; then
  if [ "${LECTERN_REQUIRE_JEKYLL:-0}" = 1 ]; then
    echo "jekyll is not installed (apt-get install jekyll)" >&2
    exit 1
  fi
  echo "jekyll is not installed: skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
site=$tmp/site
file=$tmp/workshop.lectern
cp -r "$SRC/tests/jekyll-site" "$site"

"$BIN" demo "$file" >/dev/null

# Everything YAML, Markdown, HTML or Liquid could misread, at once.
HOSTILE="Ann \"the #1\" O'Neil: <script>alert(1)</script> {{ site.title }} {% raw %} | x -- y ... \$\$z\$\$ & 🔥 שלום"
export HOSTILE
"$BIN" person add "$file" --name "$HOSTILE" --affiliation "$HOSTILE" \
  --url "https://example.org/?a=1&b=<2>" --role speaker >/dev/null

# A talk with that title and presenter, written straight into the file.
sql_title=${HOSTILE//\'/\'\'}
sqlite3 "$file" "
  INSERT INTO slot (day_id, start, duration, kind, title)
    VALUES ((SELECT MIN(id) FROM day), 1200, 10, 'talk', '$sql_title');
  INSERT INTO appearance (slot_id, person_id, role, position)
    VALUES (last_insert_rowid(), (SELECT MAX(id) FROM person), 'speaker', 0);"

# The call for papers, published: a deadline a month away (23:59 AoE),
# a notification still to be announced, two groups of topics.
deadline=$(date -u -d '+30 days' +%Y-%m-%d)
"$BIN" cfp link "$file" "https://openreview.net/group?id=TEST&a=<1>" >/dev/null
"$BIN" cfp date "$file" --label "Submission deadline" --date "$deadline" --time 23:59 --zone AoE >/dev/null
"$BIN" cfp date "$file" --label "Acceptance notification" --tbd >/dev/null
"$BIN" cfp topic "$file" --group "Training and inference" --item "Training of large models" >/dev/null
"$BIN" cfp topic "$file" --group "Training and inference" --item "Low-precision training" >/dev/null
"$BIN" cfp topic "$file" --group "Systems" --item "Compilers" >/dev/null
"$BIN" cfp publish "$file" >/dev/null
"$BIN" export "$file" --site "$site" >/dev/null
"$BIN" check "$file" --site "$site" >/dev/null

(cd "$site" && jekyll build --quiet --safe -s . -d _site)

# The call page renders its dates and topics as lists, the organizers'
# text untouched, _data/cfp.yml through Liquid; the home page has the
# announcement.
DEADLINE=$deadline /usr/bin/python3 - "$site/_site" <<'PY'
import datetime, html.parser, os, re, sys
root = sys.argv[1]
deadline = os.environ["DEADLINE"]

class Lists(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.items, self.text = [], None
    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.text = ""
    def handle_endtag(self, tag):
        if tag == "li" and self.text is not None:
            self.items.append(" ".join(self.text.split()))
            self.text = None
    def handle_data(self, data):
        if self.text is not None:
            self.text += data

call = open(os.path.join(root, "call", "index.html"), encoding="utf-8").read()
lists = Lists()
lists.feed(call)
shown = deadline.replace("-", "/")
expected = [f"Submission deadline: {shown}, 11:59PM AoE;", "Acceptance notification: TBD",
            "Training of large models;", "Low-precision training.", "Compilers."]
for item in expected:
    assert any(i.startswith(item) for i in lists.items), (item, lists.items)
assert re.search(r"<strong><code[^>]*>" + re.escape(shown) + "</code></strong>", call), "the day is bold code"
assert "This paragraph is written by the organizers" in call
assert "Placeholder" not in call and "replaced by Lectern" not in call
# the data, through Liquid: 23:59 AoE is 11:59 UTC the next day
next_day = (datetime.date.fromisoformat(deadline) + datetime.timedelta(days=1)).isoformat()
assert f"Submission deadline: {next_day}T11:59:00Z" in call, "cfp.yml through Liquid"
home = open(os.path.join(root, "index.html"), encoding="utf-8").read()
assert "Submissions are open!" in home and "11:59PM AoE" in home, "the announcement"
assert "openreview.net/group?id=TEST&amp;a=" in home, "the link, escaped"
print("jekyll: the call page shows", len(expected), "dates and topics; the home page announces the call")
PY

python3 - "$tmp/expected.json" <<'PY'
import json, os, sys
h = os.environ["HOSTILE"]
first, family = h.split(" ", 1)
expected = {
  "cards": {
    "speakers": ["Deepak Narayanan", "Ce Zhang", "Natalia Vassilieva", "Tim Dettmers",
                 "Aakanksha Chowdhery", "Natalia Gimelshein", "Philippe Tillet", first + " " + family],
    "panelists": ["Anna Goldie", "Rishi Bommasani", "Susan Zhang", "Emily Webber",
                  "James Bradbury", "Abhi Venigalla", "Dylan Patel"],
    "organizers": ["Julien Launay", "Dan Fu", "Tri Dao", "Daniel Hesslow", "Beidi Chen",
                   "Percy Liang", "Azalia Mirhoseini", "Hand Made"],
    "sponsors": ["Together"],
  },
  "descriptions": [h, "Microsoft Research", "Stanford University, Princeton University, Together"],
  "table_rows": [
    ["", "Topic", "Speaker"],
    ["8:55am", "Opening remarks", ""],
    ["9:00am", "🔥 Session I: Large-Scale Distributed Pretraining", ""],
    ["", "Using Megatron to Train Large Language Models", "Deepak Narayanan (Microsoft Research)"],
    ["", "Anna Goldie (Anthropic), Rishi Bommasani (Stanford University), Susan Zhang, Emily Webber (AWS), James Bradbury (Google DeepMind)", ""],
    ["6:00pm", "🎉 Post-workshop happy hour", "sponsored by Together"],
    ["8:00pm", h, h + " (" + h + ")"],
  ],
  "talks": ["Opening remarks", "Using Megatron to Train Large Language Models",
            "The Case for 4-bit Inference", "Memory-Efficient Selective Finetuning",
            "High-Performance Kernel Programming with Triton", h],
  "n_slots": 20,
}
json.dump(expected, open(sys.argv[1], "w"), ensure_ascii=False)
PY

python3 "$SRC/tests/jekyll-check.py" "$site/_site/index.html" "$tmp/expected.json"

# The program's files, as the built site serves them (copied as they
# are: no front matter): the calendar reads back with Python's icalendar
# with each talk once, the hostile title literal; the apps' JSON too.
/usr/bin/python3 - "$site/_site/assets/schedule" <<'PY'
import json, os, sys
import icalendar
folder = sys.argv[1]
h = os.environ["HOSTILE"]
calendar = icalendar.Calendar.from_ical(open(os.path.join(folder, "schedule.ics"), "rb").read())
summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
assert summaries.count(h) == 1, summaries
assert summaries.count("The Case for 4-bit Inference") == 1, summaries
program = json.load(open(os.path.join(folder, "schedule.json"), encoding="utf-8"))
titles = [e["title"] for day in program["schedule"]["conference"]["days"]
          for room in day["rooms"].values() for e in room]
assert titles.count(h) == 1, titles
assert open(os.path.join(folder, "schedule.xml"), encoding="utf-8").read().startswith("<?xml")
print("jekyll: the site serves the calendar and the apps' files, with", len(summaries), "events")
PY

# The demo's schedule rearranged with the schedule's own operations: a
# talk moved with ripple (its session now resumes later, under its
# heading again), a talk placed from the pool with ripple. The table
# shows the new times, and the data agrees with it.
site2=$tmp/site2
file2=$tmp/rearranged.lectern
cp -r "$SRC/tests/jekyll-site" "$site2"
"$BIN" demo "$file2" >/dev/null
tim=$("$BIN" slot list "$file2" | awk -F'\t' '$7 == "The Case for 4-bit Inference" { print $1 }')
"$BIN" slot move "$file2" "$tim" --start 09:00 --ripple >/dev/null
lightning=$("$BIN" slot add "$file2" --title "Lightning talks" --kind talk --duration 20 --person tri:speaker)
"$BIN" slot move "$file2" "$lightning" --start 13:00 --ripple >/dev/null
"$BIN" export "$file2" --site "$site2" >/dev/null
(cd "$site2" && jekyll build --quiet --safe -s . -d _site)

python3 - "$tmp/expected2.json" <<'PY'
import json, sys
expected = {
  "cards": {
    "speakers": ["Deepak Narayanan", "Ce Zhang", "Natalia Vassilieva", "Tim Dettmers",
                 "Aakanksha Chowdhery", "Natalia Gimelshein", "Philippe Tillet"],
    "sponsors": ["Together"],
  },
  "descriptions": ["Microsoft Research"],
  "table_rows": [
    ["8:55am", "Opening remarks", ""],
    ["9:00am", "🚀 Session II: Efficient Inference", ""],
    ["", "The Case for 4-bit Inference", "Tim Dettmers (University of Washington)"],
    ["9:30am", "🔥 Session I: Large-Scale Distributed Pretraining", ""],
    ["", "Using Megatron to Train Large Language Models", "Deepak Narayanan (Microsoft Research)"],
    ["10:40am", "Coffee break", ""],
    ["11:25am", "🚀 Session II: Efficient Inference", ""],
    ["", "Efficienly Scaling Transformer Inference", "Aakanksha Chowdhery (Google DeepMind)"],
    ["1:00pm", "Lightning talks", "Tri Dao (Stanford University, Princeton University, Together)"],
    ["1:20pm", "🧑‍🎓 Poster Session", ""],
  ],
  "talks": ["Opening remarks", "The Case for 4-bit Inference", "Using Megatron to Train Large Language Models",
            "Efficienly Scaling Transformer Inference", "Lightning talks"],
  "n_slots": 20,
}
json.dump(expected, open(sys.argv[1], "w"), ensure_ascii=False)
PY

python3 "$SRC/tests/jekyll-check.py" "$site2/_site/index.html" "$tmp/expected2.json"

# The hand-made card is Lectern's to leave alone.
cmp -s "$SRC/tests/jekyll-site/_projects/handmade.md" "$site/_projects/handmade.md"
echo "jekyll: site built and checked"
