/* test-ical.c: the program as an iCalendar file, read back with libical
 *
 * The demo's calendar has one VEVENT per scheduled slot but the breaks
 * (all of them with --breaks), each in the workshop's zone, whose
 * VTIMEZONE it carries; a slot moved keeps its UID and changes only its
 * times; hostile text stays literal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "lectern-site-ical.h"
#include "lectern-test-util.h"

typedef struct
{
  char         *dir;
  LecternStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = lectern_test_demo_in_tmpdir ("lectern-ical-XXXXXX", &f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* uid -> "DTSTART DTEND SUMMARY", and checks every event on the way */
static GHashTable *
read_back (LecternStore     *store,
           LecternIcalFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lectern_site_render_ical (store, flags, &error);
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  icalcomponent *calendar;
  icalcomponent *zone;
  const char *tzid;

  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  tzid = icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY));
  g_assert_true (g_str_has_suffix (tzid, "Pacific/Honolulu"));

  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *start = icalcomponent_get_first_property (e, ICAL_DTSTART_PROPERTY);
      icalparameter *zone_of_start = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);

      g_assert_cmpstr (icalparameter_get_tzid (zone_of_start), ==, tzid);
      g_assert_nonnull (icalcomponent_get_first_property (e, ICAL_DTSTAMP_PROPERTY));
      g_hash_table_insert (events, g_strdup (icalcomponent_get_uid (e)),
                           g_strdup_printf ("%s %s %s",
                                            icaltime_as_ical_string (icalcomponent_get_dtstart (e)),
                                            icaltime_as_ical_string (icalcomponent_get_dtend (e)),
                                            icalcomponent_get_summary (e)));
    }

  icalcomponent_free (calendar);
  return events;
}

static LecternSlot *
find_slot (LecternStore *store,
           const char   *title)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);
  g_autoptr(LecternDay) day = g_list_model_get_item (days, 0);
  g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      LecternSlot *slot = g_list_model_get_item (slots, i);

      if (g_str_equal (lectern_slot_get_title (slot), title))
        return slot;
      g_object_unref (slot);
    }
  return NULL;
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GHashTable) events = read_back (f->store, LECTERN_ICAL_DEFAULT);
  g_autoptr(GHashTable) with_breaks = read_back (f->store, LECTERN_ICAL_BREAKS);
  g_autoptr(GHashTable) moved = NULL;
  g_autoptr(LecternSlot) tim = find_slot (f->store, "The Case for 4-bit Inference");
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer uid, value;
  guint n_changed = 0;

  /* 19 slots: 3 breaks (2 coffee, 1 lunch) left out unless asked for */
  g_assert_cmpuint (g_hash_table_size (events), ==, 16);
  g_assert_cmpuint (g_hash_table_size (with_breaks), ==, 19);

  /* 10:55 in Honolulu, 25 minutes after the session's start */
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    if (g_str_has_suffix (value, " The Case for 4-bit Inference"))
      g_assert_cmpstr (value, ==, "20230729T105500 20230729T112500 The Case for 4-bit Inference");

  /* moved: the same UID, new times, nothing else changes */
  lectern_slot_set_start (tim, 17 * 60);
  g_assert_true (lectern_store_update_slot (f->store, tim, &error));
  g_assert_no_error (error);
  moved = read_back (f->store, LECTERN_ICAL_DEFAULT);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 16);
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    {
      const char *now = g_hash_table_lookup (moved, uid);

      g_assert_nonnull (now);
      if (g_strcmp0 (now, value) != 0)
        {
          n_changed++;
          g_assert_cmpstr (now, ==, "20230729T170000 20230729T173000 The Case for 4-bit Inference");
        }
    }
  g_assert_cmpuint (n_changed, ==, 1);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  static const char *hostile = "Quotes \" ' <b>&amp;</b> ; , \\ \n🔥 עברית {{ page.title }}";
  g_autoptr(LecternSlot) tim = find_slot (f->store, "The Case for 4-bit Inference");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  gboolean found = FALSE;

  lectern_slot_set_title (tim, hostile);
  lectern_slot_set_abstract (tim, hostile);
  g_assert_true (lectern_store_update_slot (f->store, tim, &error));
  g_assert_no_error (error);

  text = lectern_site_render_ical (f->store, LECTERN_ICAL_DEFAULT, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (e), hostile) == 0)
      {
        found = TRUE;
        g_assert_nonnull (strstr (icalcomponent_get_description (e), hostile));
      }
  icalcomponent_free (calendar);
  g_assert_true (found);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ical/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/ical/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);

  return g_test_run ();
}
