/* test-site-merge.c: a site imported into an existing workshop file
 *
 * On the real 2023 site: a second import finds no difference; hand
 * edits (a new card, an affiliation, the room) are differences with both
 * values, taken only when accepted, all in one undo step; an edit made
 * in Lectern since the last export is never shown as the site's to take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-exporter.h"
#include "lectern-site-merge.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = lectern_test_make_tmpdir ("lectern-merge-XXXXXX");
  f->store = lectern_test_import_site (f->dir, &f->site);
}

static LecternSiteMerge *
merge_site (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LecternSiteMerge *merge = lectern_site_merge_new (f->store, f->site, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

static LecternMergeDifference *
find (LecternSiteMerge *merge,
      const char       *path,
      const char       *field)
{
  GPtrArray *differences = lectern_site_merge_get_differences (merge);

  for (guint i = 0; i < differences->len; i++)
    {
      LecternMergeDifference *d = g_ptr_array_index (differences, i);

      if (g_str_equal (d->path, path) && g_str_equal (d->field, field))
        return d;
    }
  return NULL;
}

/* The same site again: nothing to take */
static void
test_same_site (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LecternSiteMerge) merge = merge_site (f);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (lectern_site_merge_get_differences (merge)->len, ==, 0);
  lectern_site_merge_accept_all (merge);
  g_assert_cmpuint (lectern_site_merge_apply (merge, &error), ==, 0);
  g_assert_no_error (error);
}

/* Hand edits: differences with both values, taken only when accepted,
 * in one undo step */
static void
test_hand_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LecternSiteMerge) merge = NULL;
  g_autoptr(LecternSiteMerge) again = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternPerson) lea = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  LecternMergeDifference *d;
  g_autofree char *said = NULL;

  lectern_test_replace_in_file (f->site, "_projects/tri.md", "description: Stanford University, Princeton University, Together",
        "description: Princeton University");
  lectern_test_write_file (f->site, "_projects/lea.md",
                           "---\nlayout: page\ntitle: <b>Léa</b> <br> Dubois\ndescription: Inria\nimg:\n"
                           "redirect:\nimportance: 9\ncategory: speaker\n---\n");
  lectern_test_replace_in_file (f->site, "_pages/about.md", "[Ballroom A (floor L4)]", "[Ballroom B (floor L4)]");

  merge = merge_site (f);
  g_assert_cmpuint (lectern_site_merge_get_differences (merge)->len, ==, 3);

  d = find (merge, "_projects/tri.md", "affiliation");
  g_assert_nonnull (d);
  g_assert_cmpstr (d->ours, ==, "Stanford University, Princeton University, Together");
  g_assert_cmpstr (d->theirs, ==, "Princeton University");
  said = lectern_merge_difference_describe (d);
  g_assert_cmpstr (said, ==, "_projects/tri.md: affiliation “Stanford University, Princeton University, Together” "
                             "→ “Princeton University”");
  g_assert_nonnull (d = find (merge, "_projects/lea.md", "card"));
  g_assert_cmpint (d->kind, ==, LECTERN_MERGE_NEW_CARD);
  g_assert_nonnull (d = find (merge, "_pages/about.md", "room"));
  g_assert_cmpstr (d->theirs, ==, "Ballroom B (floor L4)");

  /* the new card only: nothing is overwritten */
  lectern_site_merge_accept_new (merge);
  g_assert_cmpuint (lectern_site_merge_apply (merge, &error), ==, 1);
  g_assert_no_error (error);
  lea = lectern_test_find_person (f->store, "Léa Dubois");
  g_assert_nonnull (lea);
  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Stanford University, Princeton University, Together");
  g_clear_object (&tri);

  /* the rest, accepted: one undo step */
  again = merge_site (f);
  g_assert_cmpuint (lectern_site_merge_get_differences (again)->len, ==, 2);
  lectern_site_merge_accept_all (again);
  g_assert_cmpuint (lectern_site_merge_apply (again, &error), ==, 2);
  g_assert_no_error (error);
  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Princeton University");
  event = lectern_store_get_event (f->store, &error);
  g_assert_cmpstr (lectern_event_get_room (event), ==, "Ballroom B (floor L4)");
  g_clear_object (&tri);
  g_clear_object (&event);

  g_assert_true (lectern_store_undo (f->store, &error));
  g_assert_no_error (error);
  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Stanford University, Princeton University, Together");
  event = lectern_store_get_event (f->store, &error);
  g_assert_cmpstr (lectern_event_get_room (event), ==, "Ballroom A (floor L4)");
}

/* An edit made in Lectern since the last export is the organizers'
 * newer one: the site's older text is not offered over it */
static void
test_newer_in_lectern (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LecternSiteMerge) merge = NULL;
  g_autoptr(LecternPerson) tri = lectern_test_find_person (f->store, "Tri Dao");
  g_autoptr(GError) error = NULL;

  lectern_test_export (f->store, f->site);

  lectern_person_set_affiliation (tri, "Together AI");
  g_assert_true (lectern_store_update_person (f->store, tri, &error));
  g_assert_no_error (error);

  merge = merge_site (f);
  g_assert_null (find (merge, "_projects/tri.md", "affiliation"));
  g_assert_cmpuint (lectern_site_merge_get_differences (merge)->len, ==, 0);

  /* but a hand edit of the same card afterwards is the site's */
  g_clear_object (&merge);
  lectern_test_replace_in_file (f->site, "_projects/tri.md", "redirect: https://tridao.me", "redirect: https://tridao.me/new");
  merge = merge_site (f);
  g_assert_nonnull (find (merge, "_projects/tri.md", "link"));
  /* key by key: the affiliation there is still what Lectern wrote */
  g_assert_null (find (merge, "_projects/tri.md", "affiliation"));
  g_assert_cmpuint (lectern_site_merge_get_differences (merge)->len, ==, 1);
}

static int
start_of (LecternStore *store,
          const char   *title)
{
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);
  g_autoptr(LecternDay) day = g_list_model_get_item (days, 0);
  g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (lectern_slot_get_title (slot), title))
        return lectern_slot_get_start (slot);
    }
  return -1;
}

/* The schedule table edited by hand: one difference, taken whole; a
 * schedule changed in Lectern since, with the page as Lectern left it,
 * is the organizers' and not offered */
static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LecternSiteMerge) merge = NULL;
  g_autoptr(LecternSiteMerge) again = NULL;
  g_autoptr(GError) error = NULL;
  LecternMergeDifference *d;

  /* nothing edited: nothing */
  merge = merge_site (f);
  g_assert_null (find (merge, "_pages/about.md", "schedule table"));
  g_clear_object (&merge);

  lectern_test_replace_in_file (f->site, "_pages/about.md", "| 3:15pm  | *Coffee break* ", "| 3:20pm  | *Coffee break* ");
  merge = merge_site (f);
  d = find (merge, "_pages/about.md", "schedule table");
  g_assert_nonnull (d);
  g_assert_cmpstr (d->ours, ==, "19 slots");
  g_assert_cmpstr (d->theirs, ==, "19 slots");
  d->accepted = TRUE;
  g_assert_cmpuint (lectern_site_merge_apply (merge, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (start_of (f->store, "Poster Session"), ==, 13 * 60);
  g_assert_cmpint (start_of (f->store, "Panel: Large Language Models Tooling Across Industry and Academia"), ==, 14 * 60 + 15);
  {
    g_autoptr(GListModel) days = lectern_store_list_days (f->store, NULL);
    g_autoptr(LecternDay) day = g_list_model_get_item (days, 0);
    g_autoptr(GListModel) slots = lectern_store_list_slots (f->store, lectern_day_get_id (day), NULL);
    gboolean moved = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (days), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 19);
    for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
      {
        g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

        moved |= g_str_equal (lectern_slot_get_title (slot), "Coffee break") &&
                 lectern_slot_get_start (slot) == 15 * 60 + 20;
      }
    g_assert_true (moved);
  }

  /* exported, then changed in Lectern: the site's older table is not offered */
  lectern_test_export (f->store, f->site);
  {
    g_autoptr(GListModel) days = lectern_store_list_days (f->store, NULL);
    g_autoptr(LecternDay) day = g_list_model_get_item (days, 0);
    g_autoptr(GListModel) slots = lectern_store_list_slots (f->store, lectern_day_get_id (day), NULL);
    g_autoptr(LecternSlot) first = g_list_model_get_item (slots, 0);

    lectern_slot_set_title (first, "Welcome");
    g_assert_true (lectern_store_update_slot (f->store, first, &error));
    g_assert_no_error (error);
  }
  again = merge_site (f);
  g_assert_null (find (again, "_pages/about.md", "schedule table"));
}

static void
count_changed (LecternStore   *store,
               LecternChanges *changes,
               guint          *n)
{
  (*n)++;
}

/* An export from another connection (the app exports on a worker's)
 * notes what the site has now: no change to the workshop, so a window
 * neither re-reads nor says a colleague changed it; a real edit does */
static void
test_record_is_bookkeeping (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) other = lectern_store_open (lectern_store_get_path (f->store), &error);
  g_autoptr(LecternPerson) tri = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed), &n);
  lectern_test_replace_in_file (f->site, "_projects/tri.md", "importance: 2", "importance: 7");

  lectern_test_export (other, f->site);
  g_assert_false (lectern_store_poll_changes (f->store));
  g_assert_cmpuint (n, ==, 0);

  tri = lectern_test_find_person (other, "Tri Dao");
  lectern_person_set_affiliation (tri, "Together AI");
  g_assert_true (lectern_store_update_person (other, tri, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_store_poll_changes (f->store));
  g_assert_cmpuint (n, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add ("/site-merge/same-site", Fixture, NULL, fixture_set_up, test_same_site, lectern_test_site_tear_down);
  g_test_add ("/site-merge/hand-edits", Fixture, NULL, fixture_set_up, test_hand_edits, lectern_test_site_tear_down);
  g_test_add ("/site-merge/schedule", Fixture, NULL, fixture_set_up, test_schedule, lectern_test_site_tear_down);
  g_test_add ("/site-merge/record-is-bookkeeping", Fixture, NULL, fixture_set_up, test_record_is_bookkeeping,
              lectern_test_site_tear_down);
  g_test_add ("/site-merge/newer-in-lectern", Fixture, NULL, fixture_set_up, test_newer_in_lectern, lectern_test_site_tear_down);

  return g_test_run ();
}
