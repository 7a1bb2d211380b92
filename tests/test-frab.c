/* test-frab.c: the program for conference apps, against the schemas
 *
 * The demo's and a synthetic three-day, ten-room workshop's
 * schedule.xml validate with `xmllint --schema` against the c3voc XSD,
 * and their schedule.json with python3-jsonschema against the c3voc
 * JSON Schema (tests/fixtures/c3voc/, copied unchanged). A slot moved
 * keeps its guid; the version changes with the schedule and only then;
 * hostile text stays literal in both. UUID5 is RFC 4122's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lectern-site-frab.h"
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
  f->store = lectern_test_demo_in_tmpdir ("lectern-frab-XXXXXX", &f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* xmllint and python3-jsonschema say both files are valid */
static void
assert_valid (const char *dir,
              const char *xml,
              const char *json)
{
  g_autofree char *fixtures = lectern_test_fixture_path ("c3voc");
  g_autofree char *xsd = g_build_filename (fixtures, "schedule.xml.xsd", NULL);
  g_autofree char *schema = g_build_filename (fixtures, "schedule.schema.json", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "schedule.xml", NULL);
  g_autofree char *json_path = g_build_filename (dir, "schedule.json", NULL);
  g_autofree char *validator = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR"), "tests",
                                                 "validate-schedule-json.py", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_file_set_contents (xml_path, xml, -1, NULL));
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));

  {
    const char *argv[] = { "xmllint", "--noout", "--schema", xsd, xml_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("schedule.xml is not valid: %s", err);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { "/usr/bin/python3", validator, schema, json_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("schedule.json is not valid: %s", err);
  }
}

/* guid -> "date duration title" of every event in schedule.json */
static GHashTable *
events_of (const char  *json,
           char       **version)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *schedule;
  JsonArray *days;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  schedule = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "schedule");
  if (version != NULL)
    *version = g_strdup (json_object_get_string_member (schedule, "version"));
  days = json_object_get_array_member (json_object_get_object_member (schedule, "conference"), "days");
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonObject *rooms = json_object_get_object_member (json_array_get_object_element (days, d), "rooms");
      g_autoptr(GList) names = json_object_get_members (rooms);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonArray *list = json_object_get_array_member (rooms, l->data);

          for (guint i = 0; i < json_array_get_length (list); i++)
            {
              JsonObject *e = json_array_get_object_element (list, i);

              g_hash_table_insert (events, g_strdup (json_object_get_string_member (e, "guid")),
                                   g_strdup_printf ("%s %s %s", json_object_get_string_member (e, "date"),
                                                    json_object_get_string_member (e, "duration"),
                                                    json_object_get_string_member (e, "title")));
            }
        }
    }
  return events;
}

static void
test_uuid5 (void)
{
  g_autofree char *uuid = lectern_site_uuid5 ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");

  /* Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') */
  g_assert_cmpstr (uuid, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL, *json = NULL, *json2 = NULL, *json3 = NULL;
  g_autofree char *version = NULL, *version2 = NULL, *version3 = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autoptr(GHashTable) moved = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(LecternDay) day = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  GHashTableIter iter;
  gpointer guid, value;
  guint n_changed = 0;

  g_assert_true (lectern_site_render_frab (f->store, &xml, &json, &error));
  g_assert_no_error (error);
  assert_valid (f->dir, xml, json);
  events = events_of (json, &version);
  g_assert_cmpuint (g_hash_table_size (events), ==, 19);
  g_assert_nonnull (strstr (xml, "<time_zone_name>Pacific/Honolulu</time_zone_name>"));
  g_assert_nonnull (strstr (xml, "<date>2023-07-29T10:55:00-10:00</date>"));

  /* the same schedule, the same version */
  g_assert_true (lectern_site_render_frab (f->store, NULL, &json2, &error));
  again = events_of (json2, &version2);
  g_assert_cmpstr (version, ==, version2);

  /* a slot moved: its guid kept, its date changed, a new version */
  days = lectern_store_list_days (f->store, NULL);
  day = g_list_model_get_item (days, 0);
  slots = lectern_store_list_slots (f->store, lectern_day_get_id (day), NULL);
  slot = g_list_model_get_item (slots, g_list_model_get_n_items (slots) - 1);
  lectern_slot_set_start (slot, 19 * 60);
  g_assert_true (lectern_store_update_slot (f->store, slot, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_site_render_frab (f->store, NULL, &json3, &error));
  moved = events_of (json3, &version3);
  g_assert_cmpstr (version, !=, version3);
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &guid, &value))
    {
      g_assert_true (g_hash_table_contains (moved, guid));
      n_changed += g_strcmp0 (g_hash_table_lookup (moved, guid), value) != 0;
    }
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Three days, ten rooms, 1,500 slots */
static void
test_big (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-frab-big-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_test_create_big (path, 300, 1500, 10, &error);
  g_autofree char *xml = NULL, *json = NULL;
  g_autoptr(GHashTable) events = NULL;

  g_assert_no_error (error);
  g_assert_true (lectern_site_render_frab (store, &xml, &json, &error));
  g_assert_no_error (error);
  assert_valid (dir, xml, json);
  events = events_of (json, NULL);
  g_assert_cmpuint (g_hash_table_size (events), ==, 1500);
  g_assert_nonnull (strstr (xml, "<days>3</days>"));
  lectern_test_rm_rf (dir);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  static const char *hostile = "Quotes \" ' <b>&amp;</b> ]]> \n🔥 עברית {{ page.title }}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) days = lectern_store_list_days (f->store, NULL);
  g_autoptr(LecternDay) day = g_list_model_get_item (days, 0);
  g_autoptr(GListModel) slots = lectern_store_list_slots (f->store, lectern_day_get_id (day), NULL);
  g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, 1);
  g_autofree char *xml = NULL, *json = NULL;
  g_autoptr(GHashTable) events = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean found = FALSE;

  lectern_slot_set_title (slot, hostile);
  lectern_slot_set_abstract (slot, hostile);
  g_assert_true (lectern_store_update_slot (f->store, slot, &error));
  g_assert_no_error (error);

  g_assert_true (lectern_site_render_frab (f->store, &xml, &json, &error));
  g_assert_no_error (error);
  assert_valid (f->dir, xml, json);
  g_assert_null (strstr (xml, "<b>"));
  events = events_of (json, NULL);
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    found |= g_str_has_suffix (value, hostile);
  g_assert_true (found);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/frab/uuid5", test_uuid5);
  g_test_add ("/frab/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);
  g_test_add ("/frab/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add_func ("/frab/big", test_big);

  return g_test_run ();
}
