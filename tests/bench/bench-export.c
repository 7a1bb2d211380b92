/* bench-export.c: how long the export takes on a large workshop
 *
 * A synthetic workshop of 2,000 people (each with a card), 1,500 slots
 * over 3 days and rooms, and 100 sponsors. Reports the time of the first
 * export (every file written), of `cp -r` of the same output tree (the
 * floor for writing those bytes), and of an export with nothing changed
 * (which must write nothing).
 *
 * usage: bench-export [N_PEOPLE N_SLOTS N_SPONSORS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "lectern-exporter.h"
#include "lectern-store.h"
#include "lectern-test-util.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
die (GError *error)
{
  g_printerr ("bench-export: %s\n", error->message);
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  int n_people = argc > 3 ? atoi (argv[1]) : 2000;
  int n_slots = argc > 3 ? atoi (argv[2]) : 1500;
  int n_sponsors = argc > 3 ? atoi (argv[3]) : 100;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lectern-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *pages = g_build_filename (site, "_pages", NULL);
  g_autofree char *page = g_build_filename (pages, "about.md", NULL);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(LecternExportResult) again = NULL;
  g_autoptr(GListModel) days = NULL;
  gint64 room_ids[10];
  g_autofree char *cmd = NULL;
  double t0, t_fill, t_export, t_cp, t_noop;
  int status;

  if (dir == NULL)
    die (error);

  g_mkdir_with_parents (pages, 0755);
  g_file_set_contents (page, "---\nlayout: about\n---\n\n## 📆 the plan\n\n<br>\n", -1, NULL);

  t0 = now ();
  store = lectern_store_create (path, "Benchmark workshop", &error);
  if (store == NULL || !lectern_store_begin (store, &error))
    die (error);

  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(LecternPerson) p = lectern_person_new ();
      g_autofree char *name = g_strdup_printf ("Person%d Family%d", i, i);
      g_autofree char *url = g_strdup_printf ("https://example.org/~p%d", i);
      g_autoptr(LecternCard) card = NULL;

      lectern_person_set_name (p, name);
      lectern_person_set_affiliation (p, i % 3 ? "University of Somewhere" : "Lab, Inc.");
      lectern_person_set_homepage (p, url);
      if (!lectern_store_add_person (store, p, &error))
        die (error);
      card = lectern_store_add_card (store, p, (LecternRole) (i % LECTERN_N_ROLES), NULL, &error);
      if (card == NULL)
        die (error);
      g_ptr_array_add (people, g_steal_pointer (&p));
    }

  for (int i = 0; i < n_sponsors; i++)
    {
      g_autoptr(LecternSponsor) s = lectern_sponsor_new ();
      g_autofree char *name = g_strdup_printf ("Sponsor %d", i);

      lectern_sponsor_set_name (s, name);
      lectern_sponsor_set_url (s, "https://sponsor.example");
      if (!lectern_store_add_sponsor (store, s, &error))
        die (error);
    }

  for (int d = 0; d < 3; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-07-%02d", 20 + d);
      g_autoptr(LecternDay) day = lectern_store_add_day (store, date, &error);

      if (day == NULL)
        die (error);
    }
  for (int r = 0; r < 10; r++)
    {
      g_autofree char *name = g_strdup_printf ("Room %d", r);
      g_autoptr(LecternRoom) room = lectern_store_add_room (store, name, NULL, &error);

      if (room == NULL)
        die (error);
      room_ids[r] = lectern_room_get_id (room);
    }

  days = lectern_store_list_days (store, &error);
  for (int i = 0; i < n_slots; i++)
    {
      g_autoptr(LecternSlot) slot = lectern_slot_new ();
      g_autoptr(LecternDay) day = g_list_model_get_item (days, i % 3);
      g_autofree char *title = g_strdup_printf ("Talk %d: on things | and {{ stuff }}", i);
      int in_day = i / 3;

      lectern_slot_set_day_id (slot, lectern_day_get_id (day));
      lectern_slot_set_room_id (slot, room_ids[in_day % 10]);
      lectern_slot_set_start (slot, 8 * 60 + (in_day / 10) * 5 % (14 * 60));
      lectern_slot_set_duration (slot, 5);
      lectern_slot_set_kind (slot, LECTERN_SLOT_TALK);
      lectern_slot_set_title (slot, title);
      lectern_slot_add_appearance (slot, lectern_person_get_id (g_ptr_array_index (people, i % n_people)),
                                   LECTERN_APPEARANCE_SPEAKER, NULL);
      if (!lectern_store_add_slot (store, slot, &error))
        die (error);
    }

  if (!lectern_store_commit (store, &error))
    die (error);
  t_fill = now () - t0;

  exporter = lectern_exporter_new (store, site);

  t0 = now ();
  plan = lectern_exporter_plan (exporter, &error);
  if (plan == NULL || !lectern_exporter_write (exporter, plan, &error))
    die (error);
  t_export = now () - t0;

  cmd = g_strdup_printf ("cp -r '%s' '%s/copy'", site, dir);
  t0 = now ();
  if (!g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error))
    die (error);
  t_cp = now () - t0;

  t0 = now ();
  again = lectern_exporter_plan (exporter, &error);
  if (again == NULL || !lectern_exporter_write (exporter, again, &error))
    die (error);
  t_noop = now () - t0;

  {
    guint changed = lectern_export_result_count_changes (again);

    g_print ("workshop: %d people (one card each), %d slots, %d sponsors; %u files\n",
             n_people, n_slots, n_sponsors, lectern_export_result_get_files (plan)->len);
    g_print ("fill the file (one transaction):  %8.3f s\n", t_fill);
    g_print ("first export (all files written):  %8.3f s\n", t_export);
    g_print ("cp -r of the same output tree:     %8.3f s\n", t_cp);
    g_print ("re-export, nothing changed:        %8.3f s  (%u files written)\n", t_noop, changed);
  }

  lectern_test_rm_rf (dir);

  return 0;
}
