#!/usr/bin/env python3
"""Reads the HTML Jekyll built from Lectern's export and checks what a
visitor sees: the cards in the workshop's order, hostile text shown
literally, the schedule table rendered as a table, and the schedule data
rendered through Liquid with the same talks at the same times.

usage: jekyll-check.py SITE_HTML EXPECTED.json
"""
import json
import re
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.cards = {}          # category div id -> [(title text, description text)]
        self.section = None
        self.field = None
        self.current = None
        self.scripts = 0
        self.tables = []         # [[cells…], …] per table
        self.cell = None
        self.row = None
        self.data_items = []     # schedule data <li>
        self.li = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "div" and a.get("id") in ("speakers", "panelists", "organizers", "sponsors"):
            self.section = a["id"]
            self.cards[self.section] = []
        if tag == "div" and "card" == a.get("class") and self.section:
            self.current = {"title": "", "description": ""}
            self.cards[self.section].append(self.current)
        if tag == "h2" and a.get("class") == "card-title":
            self.field = "title"
        if tag == "p" and a.get("class") == "card-text":
            self.field = "description"
        if tag == "br" and self.field == "title":
            self.current["title"] += " "
        if tag == "table":
            self.tables.append([])
        if tag == "tr" and self.tables:
            self.row = []
            self.tables[-1].append(self.row)
        if tag in ("td", "th") and self.row is not None:
            self.cell = ""
        if tag == "br" and self.cell is not None:
            self.cell += " "
        if tag == "li" and "data-time" in a:
            self.li = dict(a)
            self.li["title"] = ""
            self.data_items.append(self.li)

    def handle_endtag(self, tag):
        if tag in ("h2", "p"):
            self.field = None
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        if tag == "tr":
            self.row = None
        if tag == "li":
            self.li = None
        if tag == "div" and self.section and self.current is None:
            pass

    def handle_data(self, data):
        if self.field and self.current is not None:
            self.current[self.field] += data
        if self.cell is not None:
            self.cell += data
        if self.li is not None:
            self.li["title"] += data


def norm(s):
    return " ".join(s.split())


def main():
    html = open(sys.argv[1], encoding="utf-8").read()
    expected = json.load(open(sys.argv[2], encoding="utf-8"))
    page = Page()
    page.feed(html)
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    # cards, in the workshop's order, text shown literally
    for section, names in expected["cards"].items():
        got = [norm(c["title"]) for c in page.cards.get(section, [])]
        check(got == [norm(n) for n in names],
              f"{section}: cards are {got}, expected {names}")

    for desc in expected["descriptions"]:
        check(any(norm(c["description"]) == norm(desc)
                  for cs in page.cards.values() for c in cs),
              f"no card shows the description {desc!r} literally")

    check(page.scripts == 0, f"{page.scripts} <script> element(s) made it into the page")

    # the schedule table is a table (kramdown rendered it)
    check(len(page.tables) == 1, f"{len(page.tables)} tables in the page, expected 1")
    rows = page.tables[0] if page.tables else []
    for row in expected["table_rows"]:
        check([norm(c) for c in row] in rows, f"table row {row} not found in {rows}")

    # the same talks at the same times in the data rendered by Liquid
    table_times = {}
    time = None
    session_time = {}
    current_session = None
    for row in rows[1:]:
        if len(row) < 3:
            continue
        if row[0]:
            time = row[0]
            current_session = row[1]
            session_time[current_session] = time
            table_times.setdefault(row[1], time)
        elif row[1] and row[2]:
            table_times.setdefault(row[1], time)
    data = {norm(li["title"]): li for li in page.data_items}
    check(len(page.data_items) == expected["n_slots"],
          f"{len(page.data_items)} slots in the data, expected {expected['n_slots']}")
    for title in expected["talks"]:
        t = norm(title)
        check(t in data, f"talk {title!r} missing from the data list")
        check(t in table_times, f"talk {title!r} missing from the table")
        if t in data and t in table_times:
            li = data[t]
            if li.get("data-session"):
                # the table gives a session's time where a run of its
                # slots begins (a session split by another slot is headed
                # again where it resumes): the first slot of this run
                i = page.data_items.index(li)
                while i > 0 and page.data_items[i - 1].get("data-session") == li["data-session"]:
                    i -= 1
                first = page.data_items[i]
                check(first["data-time"] == table_times[t],
                      f"{title!r}: session starts at {first['data-time']} in the data, {table_times[t]} in the table")
            else:
                check(li["data-time"] == table_times[t],
                      f"{title!r}: {li['data-time']} in the data, {table_times[t]} in the table")

    for f in failures:
        print("FAIL:", f)
    print(f"jekyll-check: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
