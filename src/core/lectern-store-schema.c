/* lectern-store-schema.c: the workshop file's tables, as a history of
 * steps (migrate() in lectern-store.c runs them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include "lectern-store-private.h"

/* The schema history: _lectern_store_migrations[v] takes a file from version v to v + 1.
 * Never edit a released step; add one.
 *
 * A step that changes the columns of a table that the history records
 * makes the stored changesets of that table unusable (SQLite applies a
 * changeset only to a table of the same shape): such a step must also
 * empty the history (DELETE FROM history), which undo then reports as
 * nothing to undo rather than half-applying a step.
 */
const char *const _lectern_store_migrations[LECTERN_SCHEMA_VERSION] = {
  /* 0 -> 1: the workshop, its people, cards, sponsors and schedule */
  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  conference TEXT NOT NULL DEFAULT '',"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  start_date TEXT NOT NULL DEFAULT '',"
  "  end_date TEXT NOT NULL DEFAULT '',"
  "  timezone TEXT NOT NULL DEFAULT 'UTC',"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  room TEXT NOT NULL DEFAULT '',"
  "  room_map_url TEXT NOT NULL DEFAULT '',"
  "  contact_email TEXT NOT NULL DEFAULT '',"
  "  site_url TEXT NOT NULL DEFAULT '',"
  "  openreview_url TEXT NOT NULL DEFAULT '',"
  "  plan_heading TEXT NOT NULL DEFAULT '## 📆 the plan');"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  affiliation TEXT NOT NULL DEFAULT '',"
  "  homepage TEXT NOT NULL DEFAULT '',"
  "  image_path TEXT NOT NULL DEFAULT '',"
  "  photo BLOB,"
  "  bio TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE card ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('speaker', 'panelist', 'moderator', 'organizer')),"
  "  slug TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (person_id, role));"
  "CREATE TABLE sponsor ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  url TEXT NOT NULL DEFAULT '',"
  "  logo BLOB,"
  "  logo_path TEXT NOT NULL DEFAULT '',"
  "  tier TEXT NOT NULL DEFAULT '',"
  "  slug TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  /* Cards and sponsors share the site's _projects/ folder. */
  "CREATE TRIGGER card_slug_free BEFORE INSERT ON card"
  "  WHEN EXISTS (SELECT 1 FROM sponsor WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a sponsor'); END;"
  "CREATE TRIGGER card_slug_free_update BEFORE UPDATE OF slug ON card"
  "  WHEN EXISTS (SELECT 1 FROM sponsor WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a sponsor'); END;"
  "CREATE TRIGGER sponsor_slug_free BEFORE INSERT ON sponsor"
  "  WHEN EXISTS (SELECT 1 FROM card WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a card'); END;"
  "CREATE TRIGGER sponsor_slug_free_update BEFORE UPDATE OF slug ON sponsor"
  "  WHEN EXISTS (SELECT 1 FROM card WHERE slug = NEW.slug)"
  "  BEGIN SELECT RAISE (ABORT, 'slug already used by a card'); END;"
  "CREATE TABLE day ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  date TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE room ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  name TEXT NOT NULL,"
  "  map_url TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  emoji TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE slot ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,"
  "  room_id INTEGER REFERENCES room (id) ON DELETE SET NULL,"
  "  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,"
  "  start INTEGER NOT NULL CHECK (start >= 0 AND start < 1440),"
  "  duration INTEGER NOT NULL CHECK (duration >= 0 AND start + duration <= 1440),"
  "  kind TEXT NOT NULL,"
  "  emoji TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  abstract TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  note_link_text TEXT NOT NULL DEFAULT '',"
  "  note_url TEXT NOT NULL DEFAULT '',"
  "  sponsor_id INTEGER REFERENCES sponsor (id) ON DELETE SET NULL);"
  "CREATE INDEX slot_by_day ON slot (day_id, start);"
  "CREATE TABLE appearance ("
  "  slot_id INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('speaker', 'panelist', 'moderator', 'author')),"
  "  position INTEGER NOT NULL,"
  "  affiliation TEXT,"
  "  PRIMARY KEY (slot_id, position));"
  "CREATE INDEX appearance_by_person ON appearance (person_id);"
  "CREATE TABLE slot_link ("
  "  slot_id INTEGER NOT NULL REFERENCES slot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  PRIMARY KEY (slot_id, position));",

  /* 1 -> 2: the organizers' private fields, which never reach the site */
  "ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN status TEXT NOT NULL DEFAULT ''"
  "  CHECK (status IN ('', 'invited', 'confirmed', 'declined'));"
  "ALTER TABLE person ADD COLUMN notes TEXT NOT NULL DEFAULT '';",

  /* 2 -> 3: undo history in the file; never-reused revs and ids */
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  actor TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  changeset BLOB NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL);"
  "CREATE INDEX history_by_actor ON history (actor, undone, id);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value);"
  /* above every rev in the file, and above the DEFAULT 1 of a new row */
  "INSERT INTO meta (key, value)"
  "  SELECT 'rev', COALESCE (MAX (r), 0) + 1 FROM ("
  "    SELECT MAX (rev) AS r FROM event UNION ALL SELECT MAX (rev) FROM person"
  "    UNION ALL SELECT MAX (rev) FROM card UNION ALL SELECT MAX (rev) FROM sponsor"
  "    UNION ALL SELECT MAX (rev) FROM day UNION ALL SELECT MAX (rev) FROM room"
  "    UNION ALL SELECT MAX (rev) FROM session UNION ALL SELECT MAX (rev) FROM slot);"
  "INSERT INTO meta (key, value)"
  "  SELECT 'last_id', COALESCE (MAX (i), 0) FROM ("
  "    SELECT MAX (id) AS i FROM person UNION ALL SELECT MAX (id) FROM card"
  "    UNION ALL SELECT MAX (id) FROM sponsor UNION ALL SELECT MAX (id) FROM day"
  "    UNION ALL SELECT MAX (id) FROM room UNION ALL SELECT MAX (id) FROM session"
  "    UNION ALL SELECT MAX (id) FROM slot);",

  /* 3 -> 4: the schedule editor. A slot may be unscheduled (in the
   * pool: no day, no start); the workshop's grid step and changeover,
   * each day's visible hours, the checks' severities, the people's
   * availability. The slot table is rebuilt (its constraints change),
   * with foreign keys off (migrate() turns them off around the steps
   * and checks them before the commit); the history of the reshaped
   * tables cannot be applied any more, so it is emptied.
   */
  "CREATE TABLE slot_v4 ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  day_id INTEGER REFERENCES day (id) ON DELETE CASCADE,"
  "  room_id INTEGER REFERENCES room (id) ON DELETE SET NULL,"
  "  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,"
  "  start INTEGER CHECK (start >= 0 AND start < 1440),"
  "  duration INTEGER NOT NULL CHECK (duration >= 0 AND duration <= 1440"
  "    AND (start IS NULL OR start + duration <= 1440)),"
  "  kind TEXT NOT NULL,"
  "  emoji TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  abstract TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  note_link_text TEXT NOT NULL DEFAULT '',"
  "  note_url TEXT NOT NULL DEFAULT '',"
  "  sponsor_id INTEGER REFERENCES sponsor (id) ON DELETE SET NULL,"
  "  CHECK ((day_id IS NULL) = (start IS NULL)));"
  "INSERT INTO slot_v4 SELECT id, rev, day_id, room_id, session_id, start, duration, kind, emoji,"
  "  title, abstract, note, note_link_text, note_url, sponsor_id FROM slot;"
  "DROP TABLE slot;"
  "ALTER TABLE slot_v4 RENAME TO slot;"
  "CREATE INDEX slot_by_day ON slot (day_id, start);"
  "ALTER TABLE event ADD COLUMN grid_step INTEGER NOT NULL DEFAULT 5"
  "  CHECK (grid_step IN (5, 10, 15));"
  "ALTER TABLE event ADD COLUMN changeover INTEGER NOT NULL DEFAULT 0"
  "  CHECK (changeover >= 0 AND changeover <= 240);"
  "ALTER TABLE day ADD COLUMN visible_start INTEGER NOT NULL DEFAULT 480"
  "  CHECK (visible_start >= 0 AND visible_start < 1440);"
  "ALTER TABLE day ADD COLUMN visible_end INTEGER NOT NULL DEFAULT 1080"
  "  CHECK (visible_end > 0 AND visible_end <= 1440);"
  "CREATE TABLE check_severity ("
  "  name TEXT PRIMARY KEY,"
  "  severity TEXT NOT NULL CHECK (severity IN ('ignore', 'warn', 'block')));"
  "CREATE TABLE availability ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  day_id INTEGER NOT NULL REFERENCES day (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL CHECK (start >= 0 AND start < 1440),"
  "  end INTEGER NOT NULL CHECK (end > start AND end <= 1440),"
  "  timezone TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX availability_by_person ON availability (person_id);"
  LECTERN_FIT_DAY_HOURS_SQL ";"
  "DELETE FROM history;",

  /* 4 -> 5: what the site had when Lectern last wrote or imported it
   * (lectern-store-site.c): bookkeeping, never an undo step */
  "CREATE TABLE site_file ("
  "  path TEXT PRIMARY KEY,"
  "  sha1 TEXT NOT NULL,"
  "  category TEXT,"
  "  position INTEGER,"
  "  contents BLOB);",

  /* 5 -> 6: the workshop's own identifier, for the ids the calendar and
   * conference-app exports give its slots (stable across exports) */
  "INSERT OR IGNORE INTO meta (key, value) SELECT 'workshop_uuid',"
  "  lower (substr (h, 1, 8) || '-' || substr (h, 9, 4) || '-4' || substr (h, 14, 3) || '-'"
  "         || substr ('89ab', 1 + (abs (random ()) % 4), 1) || substr (h, 18, 3) || '-' || substr (h, 21, 12))"
  "  FROM (SELECT hex (randomblob (16)) AS h);",

  /* 6 -> 7: the folder of the site where the export writes the
   * program's calendar and conference-app files ('' for none) */
  "ALTER TABLE event ADD COLUMN program_folder TEXT NOT NULL DEFAULT 'assets/schedule';",

  /* 7 -> 8: the call for papers (lectern-store-cfp.c): where to submit
   * and its text, the important dates, the topics in groups */
  "CREATE TABLE cfp ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  submission_url TEXT NOT NULL DEFAULT '',"
  "  submission_venue TEXT NOT NULL DEFAULT 'OpenReview',"
  "  intro TEXT NOT NULL DEFAULT '',"
  "  details TEXT NOT NULL DEFAULT '',"
  "  published INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO cfp (id) VALUES (1);"
  "CREATE TABLE cfp_date ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  kind TEXT NOT NULL DEFAULT 'other'"
  "    CHECK (kind IN ('submission', 'notification', 'camera-ready', 'workshop', 'other')),"
  "  label TEXT NOT NULL DEFAULT '',"
  "  date TEXT NOT NULL DEFAULT '',"
  "  time TEXT NOT NULL DEFAULT '',"
  "  zone TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  extended_from TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE cfp_topic ("
  "  id INTEGER PRIMARY KEY,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  parent_id INTEGER REFERENCES cfp_topic (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX cfp_topic_by_parent ON cfp_topic (parent_id, position);",
};
