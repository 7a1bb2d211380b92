/* test-site-memo.c: an export that changes nothing, known without
 * rendering, and never when something changed
 *
 * On the demo workshop and a copy of the real 2023 site: the second
 * export reads the memo, and every kind of change makes the next export
 * render again (an edit in the file, by this connection or another one
 * during the export; a hand edit in the site; a removed file; the call's
 * deadline passing; another language; other zone rules). The memo never
 * lets a folder lead outside the site. And LECTERN_SITE_MEMO=verify (the
 * setting of every test) catches a memo that lies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lectern-cfp-deadline.h"
#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-site-memo.h"
#include "lectern-store-cfp.h"
#include "lectern-store-site.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

/* Plans an export, and writes it too when asked; says whether the plan
 * rendered, and how many files it changes */
static gboolean
run_export (LecternStore *store,
            const char   *site,
            gboolean      write,
            guint        *n_changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (store, site);
  g_autoptr(LecternExportResult) result = lectern_exporter_plan (exporter, &error);

  g_assert_no_error (error);
  *n_changes = lectern_export_result_count_changes (result);
  if (write)
    {
      g_assert_true (lectern_exporter_write (exporter, result, &error));
      g_assert_no_error (error);
    }

  return lectern_exporter_get_rendered (exporter);
}

#define export_rendered(store, site, n) run_export ((store), (site), TRUE, (n))
#define plan_rendered(store, site, n) run_export ((store), (site), FALSE, (n))

/* A person's name and first name: on their card and in the schedule */
static void
rename_person (LecternStore *store,
               const char   *from,
               const char   *to,
               const char   *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) person = lectern_test_find_person (store, from);

  lectern_person_set_name (person, to);
  lectern_person_set_first_name (person, first);
  g_assert_true (lectern_store_update_person (store, person, &error));
  g_assert_no_error (error);
}

static void
test_second_export (Fixture       *f,
                    gconstpointer  data)
{
  guint n = 0;
  g_autofree char *card_path = g_build_filename (f->site, "_projects", "tri.md", NULL);
  g_autofree char *leftover = g_build_filename (f->site, "_projects", ".tri.md.lectern-a1b2c3~", NULL);
  GStatBuf before, after;

  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, >, 0);

  /* nothing changed: the memo says so, and nothing is written */
  g_assert_cmpint (g_stat (card_path, &before), ==, 0);
  g_assert_false (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (export_rendered (f->store, f->site, &n));
  g_assert_cmpint (g_stat (card_path, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);

  /* a temporary file an interrupted export left is still found, and removed */
  lectern_test_write_file (f->site, "_projects/.tri.md.lectern-a1b2c3~", "---\nlayout: page\n---\n");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
    g_autoptr(LecternExportResult) result = lectern_exporter_plan (exporter, &error);

    g_assert_no_error (error);
    g_assert_false (lectern_exporter_get_rendered (exporter));
    g_assert_cmpuint (lectern_export_result_get_leftovers (result)->len, ==, 1);
    g_assert_true (lectern_exporter_write (exporter, result, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  /* an edit of the file: rendered, written, then known again */
  rename_person (f->store, "Tim Dettmers", "Timothy Dettmers", "Timothy");
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, >, 0);
  g_assert_false (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 0);

  /* an edit that changes nothing in the site still renders: the file changed */
  lectern_test_add_person (f->store, "Ada Example", "Example University");
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (plan_rendered (f->store, f->site, &n));

  /* Undo: the file is as it was, and so is the key */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lectern_store_undo (f->store, &error));
    g_assert_no_error (error);
  }
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_site_edited (Fixture       *f,
                  gconstpointer  data)
{
  guint n = 0;
  g_autofree char *card = NULL;
  g_autofree char *card_path = g_build_filename (f->site, "_projects", "tri.md", NULL);

  g_assert_true (export_rendered (f->store, f->site, &n));

  /* a hand edit of a card Lectern owns: rendered, and the card put back */
  card = lectern_test_read_file (f->site, "_projects/tri.md");
  lectern_test_write_file (f->site, "_projects/tri.md", "---\nlayout: page\ntitle: by hand\n---\n");
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 1);
  {
    g_autofree char *back = lectern_test_read_file (f->site, "_projects/tri.md");

    g_assert_cmpstr (back, ==, card);
  }

  /* a file removed: rendered, and written anew */
  g_assert_cmpint (g_unlink (card_path), ==, 0);
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_test (card_path, G_FILE_TEST_IS_REGULAR));

  /* the schedule's page edited outside Lectern's block: rendered, the
   * organizers' text kept */
  lectern_test_replace_in_file (f->site, LECTERN_SITE_PAGE, "## ", "## Our ");
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (export_rendered (f->store, f->site, &n));
}

/* The memo checks each file as the render's compare does: a folder
 * made a link out of the site is refused all the same */
static void
test_link_out (Fixture       *f,
               gconstpointer  data)
{
  guint n = 0;
  g_autofree char *projects = g_build_filename (f->site, "_projects", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *outside_card = g_build_filename (outside, "tri.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_false (plan_rendered (f->store, f->site, &n));

  g_assert_cmpint (g_rename (projects, outside), ==, 0);
  g_assert_cmpint (symlink (outside, projects), ==, 0);
  g_file_get_contents (outside_card, &before, NULL, NULL);

  exporter = lectern_exporter_new (f->store, f->site);
  result = lectern_exporter_plan (exporter, &error);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "_projects"));

  g_file_get_contents (outside_card, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Another organizer's edit while the export runs: the memo is not
 * noted under a key that would claim the edit is in the site */
static void
test_other_connection (Fixture       *f,
                       gconstpointer  data)
{
  guint n = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) other = lectern_store_open (lectern_store_get_path (f->store), &error);
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
  g_autoptr(LecternExportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_true (export_rendered (f->store, f->site, &n));

  rename_person (f->store, "Tim Dettmers", "Timothy Dettmers", "Timothy");
  result = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_exporter_get_rendered (exporter));

  /* between the plan and the write */
  rename_person (other, "Tri Dao", "Tristan Dao", "Tristan");
  g_assert_true (lectern_exporter_write (exporter, result, &error));
  g_assert_no_error (error);

  /* the next export renders, and writes the other organizer's edit */
  g_assert_true (export_rendered (f->store, f->site, &n));
  g_assert_cmpuint (n, >, 0);
  {
    g_autofree char *card = lectern_test_read_file (f->site, "_projects/tri.md");

    g_assert_nonnull (strstr (card, "Tristan"));
  }
  g_assert_false (export_rendered (f->store, f->site, &n));
}

static char *
key_at (LecternStore *store,
        const char   *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  char *key = lectern_site_memo_key (store, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

/* What the site says by the day is in the key as of the export's
 * moment: the call's state */
static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (f->store, &error);
  g_autoptr(LecternCfpDate) deadline = NULL;
  g_autofree char *unpublished_a = key_at (f->store, "2030-05-01T00:00:00Z");
  g_autofree char *unpublished_b = key_at (f->store, "2030-06-01T00:00:00Z");
  g_autofree char *before_a = NULL, *before_b = NULL, *after = NULL, *closed = NULL;

  /* nothing in the site depends on the day */
  g_assert_cmpstr (unpublished_a, ==, unpublished_b);

  deadline = lectern_store_add_cfp_date (f->store, "submission", NULL, &error);
  g_assert_no_error (error);
  lectern_cfp_date_set_date (deadline, "2030-05-27");
  lectern_cfp_date_set_time (deadline, "23:59");
  lectern_cfp_date_set_zone (deadline, "AoE");
  g_assert_true (lectern_store_update_cfp_date (f->store, deadline, &error));
  g_assert_no_error (error);
  lectern_cfp_set_submission_url (cfp, "https://openreview.net/group?id=ICML.cc/2030/Workshop/Example");
  lectern_cfp_set_published (cfp, TRUE);
  g_assert_true (lectern_store_update_cfp (f->store, cfp, &error));
  g_assert_no_error (error);

  /* open, then open a minute before the deadline: one key; a minute
   * after 23:59 AoE (11:59 UTC the next day), closed: another */
  before_a = key_at (f->store, "2030-05-01T00:00:00Z");
  before_b = key_at (f->store, "2030-05-28T11:58:00Z");
  after = key_at (f->store, "2030-05-28T12:00:00Z");
  closed = key_at (f->store, "2030-07-01T00:00:00Z");
  g_assert_cmpstr (before_a, ==, before_b);
  g_assert_cmpstr (before_a, !=, after);
  g_assert_cmpstr (after, ==, closed);
  g_assert_cmpstr (before_a, !=, unpublished_a);
}

/* The language and the zone rules are in the key */
static void
test_environment (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternEvent) event = lectern_store_get_event (f->store, &error);
  const char *zone = lectern_event_get_timezone (event);
  g_autofree char *tzdir = g_build_filename (f->dir, "zoneinfo", NULL);
  g_autofree char *system_zone = g_build_filename ("/usr/share/zoneinfo", zone, NULL);
  g_autofree char *copy = g_build_filename (tzdir, zone, NULL);
  g_autofree char *dir = g_path_get_dirname (copy);
  g_autofree char *rules = NULL;
  g_autofree char *plain = key_at (f->store, "2030-05-01T00:00:00Z");
  g_autofree char *german = NULL, *same_rules = NULL, *other_rules = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (zone, !=, "");

  g_setenv ("LANGUAGE", "de", TRUE);
  german = key_at (f->store, "2030-05-01T00:00:00Z");
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (plain, !=, german);

  g_assert_true (g_file_get_contents (system_zone, &rules, &len, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (copy, rules, len, NULL));
  g_setenv ("TZDIR", tzdir, TRUE);
  same_rules = key_at (f->store, "2030-05-01T00:00:00Z");
  rules[len - 2] ^= 1;
  g_assert_true (g_file_set_contents (copy, rules, len, NULL));
  other_rules = key_at (f->store, "2030-05-01T00:00:00Z");
  g_unsetenv ("TZDIR");

  g_assert_cmpstr (plain, ==, same_rules);
  g_assert_cmpstr (plain, !=, other_rules);

  /* gdk-pixbuf's list of image loaders (a loader upgraded, added, removed) */
  {
    g_autofree char *cache = g_build_filename (f->dir, "loaders.cache", NULL);
    g_autofree char *listed = NULL, *same_loaders = NULL, *other_loaders = NULL;

    g_assert_true (g_file_get_contents (LECTERN_PIXBUF_CACHE_FILE, &listed, &len, NULL));
    g_assert_true (g_file_set_contents (cache, listed, len, NULL));
    g_setenv ("GDK_PIXBUF_MODULE_FILE", cache, TRUE);
    same_loaders = key_at (f->store, "2030-05-01T00:00:00Z");
    g_assert_true (g_file_set_contents (cache, "# no loaders\n", -1, NULL));
    other_loaders = key_at (f->store, "2030-05-01T00:00:00Z");
    g_unsetenv ("GDK_PIXBUF_MODULE_FILE");

    g_assert_cmpstr (plain, ==, same_loaders);
    g_assert_cmpstr (plain, !=, other_loaders);
  }
}

/* An image only one of gdk-pixbuf's loader modules reads (GIF here):
 * no key can tell, so the workshop has no memo and always renders */
static void
test_unusual_image (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) tri = lectern_test_find_person (f->store, "Tri Dao");
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\x00\x01\x00", 10);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *with_png = NULL;
  g_autofree char *with_gif = NULL;

  lectern_person_set_photo (tri, png);
  g_assert_true (lectern_store_update_person (f->store, tri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_store_count_unusual_images (f->store, &error), ==, 0);
  with_png = lectern_site_memo_key (f->store, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (with_png);

  lectern_person_set_photo (tri, gif);
  g_assert_true (lectern_store_update_person (f->store, tri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_store_count_unusual_images (f->store, &error), ==, 1);
  with_gif = lectern_site_memo_key (f->store, now, &error);
  g_assert_no_error (error);
  g_assert_null (with_gif);
}

/* The record of the site's cards reads a card's list and position from
 * its front matter, never from its text: the memo's key has the record */
static void
test_record_front_matter (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) result = lectern_export_result_new ();
  g_autoptr(GBytes) card = g_bytes_new_static ("---\nlayout: page\ntitle: Tri\nimportance: 3\ncategory: speaker\n---\n"
                                               "importance: 9\ncategory: sponsor\n", 96);
  g_autoptr(GBytes) crlf = g_bytes_new_static ("---\r\nlayout: page\r\nimportance: 4\r\ncategory: organizer\r\n---\r\n"
                                               "importance: 8\r\n", 75);
  g_autoptr(GBytes) dots = g_bytes_new_static ("---\nlayout: page\nimportance: 5\ncategory: panelist\n...\n"
                                               "importance: 7\n", 68);
  g_autoptr(GHashTable) records = NULL;
  LecternSiteRecord *record;

  lectern_export_result_add_file (result, "_projects/tri.md", card, LECTERN_SITE_FILE_CARD, LECTERN_EXPORT_CHANGED);
  lectern_export_result_add_file (result, "_projects/tim.md", crlf, LECTERN_SITE_FILE_CARD, LECTERN_EXPORT_CHANGED);
  lectern_export_result_add_file (result, "_projects/dan.md", dots, LECTERN_SITE_FILE_CARD, LECTERN_EXPORT_CHANGED);
  g_assert_true (lectern_site_record_files (f->store, lectern_export_result_get_files (result), &error));
  g_assert_no_error (error);

  records = lectern_store_get_site_positions_or_records (f->store, FALSE, &error);
  g_assert_no_error (error);
  record = g_hash_table_lookup (records, "_projects/tri.md");
  g_assert_nonnull (record);
  g_assert_cmpint (record->position, ==, 3);
  g_assert_cmpstr (record->category, ==, "speaker");
  record = g_hash_table_lookup (records, "_projects/tim.md");
  g_assert_nonnull (record);
  g_assert_cmpint (record->position, ==, 4);
  g_assert_cmpstr (record->category, ==, "organizer");
  record = g_hash_table_lookup (records, "_projects/dan.md");
  g_assert_nonnull (record);
  g_assert_cmpint (record->position, ==, 5);
  g_assert_cmpstr (record->category, ==, "panelist");
}

static void
test_format (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("hello\n", 6);
  g_autofree char *memo = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *noted = NULL;
  const char *key = "0123456789abcdef0123456789abcdef01234567";
  LecternSiteMemoFile *file;

  {
    g_autoptr(LecternExportResult) result = lectern_export_result_new ();

    lectern_export_result_add_file (result, "_projects/a b.md", bytes, LECTERN_SITE_FILE_CARD,
                                    LECTERN_EXPORT_UNCHANGED);
    lectern_export_result_add_file (result, "assets/schedule/schedule.ics", bytes, LECTERN_SITE_FILE_PROGRAM,
                                    LECTERN_EXPORT_NEW);
    g_autofree char *list = lectern_site_memo_list (lectern_export_result_get_files (result));

    memo = lectern_site_memo_format (key, list);
  }

  parsed = lectern_site_memo_parse (memo, &noted);
  g_assert_nonnull (parsed);
  g_assert_cmpstr (noted, ==, key);
  g_assert_cmpuint (parsed->len, ==, 2);
  file = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (file->path, ==, "_projects/a b.md");
  g_assert_cmpstr (file->sha1, ==, "f572d396fae9206628714fb2ce00f72e94f2258f");
  g_assert_cmpint (file->kind, ==, LECTERN_SITE_FILE_CARD);
  file = g_ptr_array_index (parsed, 1);
  g_assert_cmpint (file->kind, ==, LECTERN_SITE_FILE_PROGRAM);

  /* another format, no key, a line that does not read: no memo */
  g_assert_null (lectern_site_memo_parse (memo + 1, NULL));
  g_assert_null (lectern_site_memo_parse ("lectern-site-memo 1 0123\n0 f572d396fae9206628714fb2ce00f72e94f2258f x\n", NULL));
  g_assert_null (lectern_site_memo_parse ("lectern-site-memo 2 0123456789abcdef0123456789abcdef01234567\n", NULL));
  g_assert_null (lectern_site_memo_parse (NULL, NULL));
  {
    g_autofree char *broken = g_strconcat (memo, "9 0123 _projects/x.md\n", NULL);
    g_autofree char *no_kind = g_strconcat (memo, "card f572d396fae9206628714fb2ce00f72e94f2258f x\n", NULL);

    g_assert_null (lectern_site_memo_parse (broken, NULL));
    g_assert_null (lectern_site_memo_parse (no_kind, NULL));
  }
}

/* A memo that lies (written by hand here: no edit can make one) is
 * caught by LECTERN_SITE_MEMO=verify, the tests' setting */
static void
test_verify_catches (Fixture       *f,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      guint n = 0;
      g_autoptr(GError) error = NULL;
      g_autofree char *memo = NULL;
      g_autofree char *card = NULL;
      g_autofree char *old_sha1 = NULL;
      g_autofree char *new_sha1 = NULL;
      g_autoptr(GString) lie = NULL;

      g_setenv ("LECTERN_SITE_MEMO", "verify", TRUE);
      g_assert_true (export_rendered (f->store, f->site, &n));
      memo = lectern_store_get_site_memo (f->store);
      g_assert_nonnull (memo);

      card = lectern_test_read_file (f->site, "_projects/tri.md");
      old_sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1, card, -1);
      lectern_test_write_file (f->site, "_projects/tri.md", "---\nlayout: page\ntitle: by hand\n---\n");
      new_sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "---\nlayout: page\ntitle: by hand\n---\n", -1);
      lie = g_string_new (memo);
      g_assert_cmpuint (g_string_replace (lie, old_sha1, new_sha1, 1), ==, 1);
      g_assert_true (lectern_store_set_site_memo (f->store, lie->str, &error));
      g_assert_no_error (error);

      plan_rendered (f->store, f->site, &n);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*site memo said*_projects/tri.md*is up to date*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/site-memo/" name, Fixture, NULL, lectern_test_site_set_up, func, lectern_test_site_tear_down)

  ADD ("second-export", test_second_export);
  ADD ("site-edited", test_site_edited);
  ADD ("link-out", test_link_out);
  ADD ("other-connection", test_other_connection);
  ADD ("clock", test_clock);
  ADD ("environment", test_environment);
  ADD ("verify-catches", test_verify_catches);
  ADD ("record-front-matter", test_record_front_matter);
  ADD ("unusual-image", test_unusual_image);
  g_test_add_func ("/site-memo/format", test_format);

  return g_test_run ();
}
