/* test-merge-dialog.c: "Take Changes from Site…" under Xvfb
 *
 * The real 2023 site, imported, then edited by hand (a new card, an
 * affiliation, the room): the dialog lists the new card ticked and the
 * changed fields unticked, each with both values and an accessible
 * name; taking one changed field and the new card leaves the rest as the
 * workshop file has it, in one undo step. The same site again: nothing
 * to take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-merge-dialog.h"
#include "lectern-test-gui.h"

typedef struct
{
  char         *dir;
  char         *site;
  LecternStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = lectern_test_make_tmpdir ("lectern-merge-dialog-XXXXXX");
  f->store = lectern_test_import_site (f->dir, &f->site);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_assert_true (lectern_test_rm_rf (f->dir));
  g_free (f->dir);
  g_free (f->site);
}

static void
merged_cb (LecternMergeDialog *dialog,
           guint               n,
           guint              *out)
{
  *out = n;
}

/* The first widget of @type under @root */
static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
check_of (GtkWidget *row)
{
  return find_type (row, GTK_TYPE_CHECK_BUTTON);
}

static void
test_take_some (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternPerson) lea = NULL;
  g_autoptr(LecternEvent) event = NULL;
  LecternMergeDialog *dialog;
  GtkWidget *row;
  guint taken = 0;

  lectern_test_replace_in_file (f->site, "_projects/tri.md", "description: Stanford University, Princeton University, Together",
              "description: Princeton University");
  lectern_test_replace_in_file (f->site, "_pages/about.md", "[Ballroom A (floor L4)]", "[Ballroom B (floor L4)]");
  lectern_test_write_file (f->site, "_projects/lea.md",
                           "---\nlayout: page\ntitle: <b>Léa</b> <br> Dubois\ndescription: Inria\nimg:\n"
                           "redirect:\nimportance: 9\ncategory: speaker\n---\n");

  dialog = lectern_merge_dialog_new (NULL, f->store, f->site, &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "merged", G_CALLBACK (merged_cb), &taken);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (lectern_merge_dialog_get_n_differences (dialog), ==, 3);

  /* the new card ticked, the changed fields not */
  row = lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Léa Dubois");
  g_assert_nonnull (row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_of (row))));
  row = lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Tri Dao: affiliation");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "“Stanford University, Princeton University, Together” here, “Princeton University” on the site "
                   "(_projects/tri.md)");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_of (row))));
  g_assert_nonnull (lectern_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Event: room"));

  lectern_test_screenshot ("take-changes");

  /* take the affiliation (activating its row ticks it), not the room */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_of (row))));
  g_assert_true (lectern_merge_dialog_take (dialog));
  g_assert_cmpuint (taken, ==, 2);

  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Princeton University");
  lea = lectern_test_find_person (f->store, "Léa Dubois");
  g_assert_nonnull (lea);
  event = lectern_store_get_event (f->store, &error);
  g_assert_cmpstr (lectern_event_get_room (event), ==, "Ballroom A (floor L4)");

  g_assert_finalize_object (dialog);

  /* one undo step */
  g_assert_true (lectern_store_undo (f->store, &error));
  g_clear_object (&tri);
  tri = lectern_test_find_person (f->store, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Stanford University, Princeton University, Together");
}

static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LecternMergeDialog *dialog = lectern_merge_dialog_new (NULL, f->store, f->site, &error);

  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (lectern_merge_dialog_get_n_differences (dialog), ==, 0);
  g_assert_nonnull (find_type (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* a folder that is no site: said, no dialog */
  dialog = lectern_merge_dialog_new (NULL, f->store, f->dir, &error);
  g_assert_null (dialog);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  if (!lectern_test_gui_init (&argc, &argv, "/merge-dialog/display"))
    return g_test_run ();

  g_test_add ("/merge-dialog/take-some", Fixture, NULL, fixture_setup, test_take_some, fixture_teardown);
  g_test_add ("/merge-dialog/nothing", Fixture, NULL, fixture_setup, test_nothing, fixture_teardown);

  return g_test_run ();
}
