/* test-site-program.c: the program's calendar and conference-app files
 * in the site export
 *
 * The export into a copy of the real 2023 site writes schedule.ics,
 * schedule.xml and schedule.json in assets/schedule/, the same as the
 * standalone exports; an export with nothing new writes nothing, even a
 * second later (the calendar's events keep their stamps); a moved slot
 * changes its own event, stamp and times, and no other; the folder is a
 * setting, checked, and empty for none; a workshop with no schedule yet
 * writes none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "lectern-exporter.h"
#include "lectern-site-frab.h"
#include "lectern-site-ical.h"
#include "lectern-site-program.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

static char *
plan_changes (LecternStore *store,
              const char   *site)
{
  g_autoptr(GError) error = NULL;
  char *changes = lectern_test_plan_changes (store, site, &error);

  g_assert_no_error (error);
  return changes;
}

/* uid -> "DTSTAMP|the rest of the event" */
static GHashTable *
read_events (const char *text)
{
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalcomponent *copy = icalcomponent_new_clone (e);
      icalproperty *stamp = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY);
      g_autofree char *stamp_text = NULL;
      char *rest;

      g_assert_nonnull (stamp);
      stamp_text = g_strdup (icaltime_as_ical_string (icalproperty_get_dtstamp (stamp)));
      icalcomponent_remove_property (copy, stamp);
      icalproperty_free (stamp);
      rest = icalcomponent_as_ical_string_r (copy);
      g_hash_table_insert (events, g_strdup (icalcomponent_get_uid (e)),
                           g_strdup_printf ("%s|%s", stamp_text, rest));
      free (rest);
      icalcomponent_free (copy);
    }
  icalcomponent_free (calendar);

  return events;
}

static LecternSlot *
find_slot (LecternStore *store,
           const char   *title)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);

  for (guint d = 0; d < g_list_model_get_n_items (days); d++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, d);
      g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), NULL);

      for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

          if (g_strcmp0 (lectern_slot_get_title (slot), title) == 0)
            return g_steal_pointer (&slot);
        }
    }

  g_assert_not_reached ();
}

static void
set_folder (LecternStore *store,
            const char   *folder)
{
  g_autoptr(LecternEvent) event = lectern_store_get_event (store, NULL);
  g_autoptr(GError) error = NULL;

  lectern_event_set_program_folder (event, folder);
  g_assert_true (lectern_store_update_event (store, event, &error));
  g_assert_no_error (error);
}

/* The site gets the three files, as the standalone exports write them;
 * a second export, a second later, finds nothing to write */
static void
test_written_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL, *json = NULL, *site_xml = NULL, *site_json = NULL;
  g_autofree char *ics = NULL, *site_ics = NULL, *again = NULL, *changes = NULL;
  g_autoptr(GHashTable) rendered = NULL;
  g_autoptr(GHashTable) written = NULL;
  GHashTableIter iter;
  gpointer uid, value;

  changes = plan_changes (f->store, f->site);
  g_assert_nonnull (strstr (changes, "assets/schedule/schedule.ics assets/schedule/schedule.xml "
                                     "assets/schedule/schedule.json"));
  lectern_test_export (f->store, f->site);

  g_assert_true (lectern_site_render_frab (f->store, &xml, &json, &error));
  g_assert_no_error (error);
  site_xml = lectern_test_read_file (f->site, "assets/schedule/schedule.xml");
  site_json = lectern_test_read_file (f->site, "assets/schedule/schedule.json");
  g_assert_cmpstr (site_xml, ==, xml);
  g_assert_cmpstr (site_json, ==, json);

  /* the same events as the standalone calendar, stamps aside */
  ics = lectern_site_render_ical (f->store, LECTERN_ICAL_DEFAULT, &error);
  g_assert_no_error (error);
  site_ics = lectern_test_read_file (f->site, "assets/schedule/schedule.ics");
  rendered = read_events (ics);
  written = read_events (site_ics);
  g_assert_cmpuint (g_hash_table_size (written), ==, 16);
  g_assert_cmpuint (g_hash_table_size (rendered), ==, g_hash_table_size (written));
  g_hash_table_iter_init (&iter, rendered);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    {
      const char *there = g_hash_table_lookup (written, uid);

      g_assert_nonnull (there);
      g_assert_cmpstr (strchr (there, '|'), ==, strchr (value, '|'));
    }

  /* later, with nothing new: nothing to write, the bytes as they were */
  g_usleep (1100 * 1000);
  g_clear_pointer (&changes, g_free);
  changes = plan_changes (f->store, f->site);
  g_assert_cmpstr (changes, ==, "");
  lectern_test_export (f->store, f->site);
  again = lectern_test_read_file (f->site, "assets/schedule/schedule.ics");
  g_assert_cmpstr (again, ==, site_ics);
}

/* A moved talk: its event changes (times and stamp), the others keep
 * theirs to the byte; the apps' files change too, and the site's
 * schedule, and nothing else */
static void
test_moved_slot (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LecternSlot) tim = find_slot (f->store, "The Case for 4-bit Inference");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *changes = NULL;
  g_autofree char *tim_uid = NULL;
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GHashTable) now = NULL;
  GHashTableIter iter;
  gpointer uid, value;
  guint n_changed = 0;

  lectern_test_export (f->store, f->site);
  before = lectern_test_read_file (f->site, "assets/schedule/schedule.ics");

  g_usleep (1100 * 1000);
  lectern_slot_set_start (tim, 17 * 60);
  g_assert_true (lectern_store_update_slot (f->store, tim, &error));
  g_assert_no_error (error);

  changes = plan_changes (f->store, f->site);
  g_assert_cmpstr (changes, ==, "_pages/about.md _data/schedule.yml assets/schedule/schedule.ics "
                                "assets/schedule/schedule.xml assets/schedule/schedule.json");
  lectern_test_export (f->store, f->site);
  after = lectern_test_read_file (f->site, "assets/schedule/schedule.ics");

  old = read_events (before);
  now = read_events (after);
  g_assert_cmpuint (g_hash_table_size (now), ==, g_hash_table_size (old));
  tim_uid = g_strdup_printf ("slot-%" G_GINT64_FORMAT "-", lectern_slot_get_id (tim));
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    {
      const char *there = g_hash_table_lookup (now, uid);

      g_assert_nonnull (there);
      if (g_str_has_prefix (uid, tim_uid))
        {
          /* a new stamp, new times */
          g_assert_cmpstr (there, !=, value);
          g_assert_false (strncmp (there, value, strchr (value, '|') - (char *) value) == 0);
          g_assert_nonnull (strstr (there, "T170000"));
          n_changed++;
        }
      else
        g_assert_cmpstr (there, ==, value);
    }
  g_assert_cmpuint (n_changed, ==, 1);
}

/* The folder is the workshop's choice: another, checked; none */
static void
test_folder_setting (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const refused[] = {
    "../outside", "/etc", "_data", "assets/.hidden", "assets//x", "a/b~", "assets/..", "C:\\x",
  };
  g_autoptr(LecternEvent) event = lectern_store_get_event (f->store, NULL);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *path = NULL;
  LecternProgramLink *link;

  g_assert_cmpstr (lectern_event_get_program_folder (event), ==, "assets/schedule");
  links = lectern_site_program_links (event);
  g_assert_cmpuint (links->len, ==, 3);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpstr (link->path, ==, "assets/schedule/schedule.ics");
  g_assert_cmpstr (link->url, ==, "https://es-fomo.com/assets/schedule/schedule.ics");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      lectern_event_set_program_folder (event, refused[i]);
      g_assert_false (lectern_store_update_event (f->store, event, &error));
      g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i]));
    }

  set_folder (f->store, "program/files/");
  changes = plan_changes (f->store, f->site);
  g_assert_nonnull (strstr (changes, "program/files/schedule.ics program/files/schedule.xml "
                                     "program/files/schedule.json"));
  g_assert_null (strstr (changes, "assets/schedule"));
  lectern_test_export (f->store, f->site);
  path = g_build_filename (f->site, "program", "files", "schedule.json", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* none: nothing written, and the files already there left alone */
  set_folder (f->store, "");
  g_clear_pointer (&changes, g_free);
  changes = plan_changes (f->store, f->site);
  g_assert_cmpstr (changes, ==, "");
  g_clear_object (&event);
  event = lectern_store_get_event (f->store, NULL);
  g_clear_pointer (&links, g_ptr_array_unref);
  links = lectern_site_program_links (event);
  g_assert_cmpuint (links->len, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A workshop with no schedule yet: its site gets no program files */
static void
test_no_schedule_yet (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-program-empty-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "new.lectern", NULL);
  g_autofree char *site = lectern_test_copy_site (dir);
  g_autofree char *changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_store_create (path, NULL, &error);
  gboolean any = TRUE;

  g_assert_no_error (error);
  g_assert_true (lectern_site_has_program (store, &any, &error));
  g_assert_false (any);
  changes = plan_changes (store, site);
  g_assert_null (strstr (changes, "schedule.ics"));
  g_assert_null (strstr (changes, "schedule.json"));

  g_clear_object (&store);
  lectern_test_rm_rf (dir);
}

/* The calendar's stamps: kept where the event says the same */
static void
test_keep_stamps (void)
{
  static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n";
  g_autofree char *a = g_strdup_printf ("%sBEGIN:VEVENT\r\nUID:one\r\nDTSTAMP:20200101T000000Z\r\n"
                                        "DTSTART:20230729T090000Z\r\nSUMMARY:One\r\nEND:VEVENT\r\n"
                                        "BEGIN:VEVENT\r\nUID:two\r\nDTSTAMP:20200101T000000Z\r\n"
                                        "DTSTART:20230729T100000Z\r\nSUMMARY:Two\r\nEND:VEVENT\r\n"
                                        "END:VCALENDAR\r\n", head);
  g_autofree char *b = g_strdup_printf ("%sBEGIN:VEVENT\r\nUID:one\r\nDTSTAMP:20261207T120000Z\r\n"
                                        "DTSTART:20230729T090000Z\r\nSUMMARY:One\r\nEND:VEVENT\r\n"
                                        "BEGIN:VEVENT\r\nUID:two\r\nDTSTAMP:20261207T120000Z\r\n"
                                        "DTSTART:20230729T110000Z\r\nSUMMARY:Two\r\nEND:VEVENT\r\n"
                                        "END:VCALENDAR\r\n", head);
  g_autoptr(GBytes) current = g_bytes_new (a, strlen (a));
  g_autoptr(GBytes) wanted = g_bytes_new (b, strlen (b));
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a calendar", 14);
  g_autoptr(GBytes) from_garbage = NULL;
  g_autoptr(GBytes) from_nothing = lectern_site_ical_keep_stamps (wanted, NULL);
  g_autoptr(GHashTable) events = NULL;
  g_autofree char *text = NULL;

  /* nothing there: as rendered */
  g_assert_true (g_bytes_equal (from_nothing, wanted));

  /* the same but the stamps: what is there, to the byte */
  same = lectern_site_ical_keep_stamps (current, current);
  g_assert_true (same == current);

  /* "two" moved: its new stamp; "one" keeps 2020's */
  kept = lectern_site_ical_keep_stamps (wanted, current);
  text = g_strndup (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept));
  events = read_events (text);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (events, "one"), "20200101T000000Z|"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (events, "two"), "20261207T120000Z|"));
  g_assert_nonnull (strstr (g_hash_table_lookup (events, "two"), "20230729T110000Z"));

  /* a site file that is no calendar: replaced by the rendering */
  from_garbage = lectern_site_ical_keep_stamps (wanted, garbage);
  g_assert_true (g_bytes_equal (from_garbage, wanted));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add ("/site-program/written-once", Fixture, NULL, lectern_test_site_set_up, test_written_once, lectern_test_site_tear_down);
  g_test_add ("/site-program/moved-slot", Fixture, NULL, lectern_test_site_set_up, test_moved_slot, lectern_test_site_tear_down);
  g_test_add ("/site-program/folder-setting", Fixture, NULL, lectern_test_site_set_up, test_folder_setting, lectern_test_site_tear_down);
  g_test_add_func ("/site-program/no-schedule-yet", test_no_schedule_yet);
  g_test_add_func ("/site-program/keep-stamps", test_keep_stamps);

  return g_test_run ();
}
