/* test-readiness.c: what the site would show wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-readiness.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

/* The site's page: no loop shows the panelists' cards. */
static const char about_page[] =
  "## 📆 the plan\n\n"
  "{%- assign p = site.projects | sort: \"importance\" | where: \"category\", \"speaker\" -%}\n"
  "{%- assign p = site.projects | sort: 'importance' | where: 'category', 'organizer' -%}\n"
  "{%- assign p = site.projects | where: \"category\",\"sponsor\" -%}\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-ready-XXXXXX");
  f->site = g_build_filename (f->dir, "site", NULL);
  path = g_build_filename (f->dir, "w.lectern", NULL);
  f->store = lectern_test_create_demo (path, NULL);

  lectern_test_write_file (f->site, "_pages/about.md", about_page);
}

static gboolean
has_item (GPtrArray             *items,
          LecternReadinessLevel  level,
          const char            *slug,
          const char            *fragment)
{
  for (guint i = 0; i < items->len; i++)
    {
      LecternReadinessItem *item = g_ptr_array_index (items, i);

      if (item->level == level && g_strcmp0 (item->slug, slug) == 0 &&
          strstr (item->message, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_categories (void)
{
  g_autoptr(GPtrArray) shown = lectern_site_shown_categories (
    "where: \"category\", \"speaker\" x where:'category','panelist' where: \"category\", \"speaker\"");

  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, "speaker");
  g_assert_cmpstr (g_ptr_array_index (shown, 1), ==, "panelist");
}

/* The demo alone: Susan Zhang has no affiliation (as on the real site). */
static void
test_file_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = lectern_readiness_check (f->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (has_item (items, LECTERN_READINESS_WARNING, "susan", "no affiliation"));
  g_assert_false (has_item (items, LECTERN_READINESS_WARNING, "tri", "no affiliation"));
  g_assert_false (has_item (items, LECTERN_READINESS_WARNING, "tri", "no photo"));
  g_assert_false (has_item (items, LECTERN_READINESS_ERROR, "anna", "does not list"));
}

/* A page without the panelists' loop hides every panelist card, a
 * hand-made card in an unlisted category hides too, and two files
 * differing only in case collide.
 */
static void
test_with_site (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(LecternSiteFolder) site = NULL;
  g_autoptr(LecternPerson) cy = lectern_person_new ();
  g_autoptr(LecternCard) card = NULL;
  LecternReadinessItem *first;

  lectern_test_write_file (f->site, "_projects/keynote.md",
                           "---\nlayout: page\ntitle: K\ncategory: keynote\n---");
  lectern_test_write_file (f->site, "_projects/old.md",
                           "---\nlayout: page\ntitle: O\ncategory: none\n---");
  lectern_test_write_file (f->site, "_projects/Tri.md",
                           "---\nlayout: page\ntitle: T\ncategory: organizer\n---");

  lectern_person_set_name (cy, "Cy Nophoto");
  lectern_store_add_person (f->store, cy, &error);
  g_assert_no_error (error);
  card = lectern_store_add_card (f->store, cy, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);

  site = lectern_site_folder_open (f->site, &error);
  g_assert_no_error (error);
  items = lectern_readiness_check (f->store, site, &error);
  g_assert_no_error (error);

  g_assert_true (has_item (items, LECTERN_READINESS_ERROR, "anna", "does not list"));
  g_assert_true (has_item (items, LECTERN_READINESS_ERROR, "abhi", "does not list"));
  g_assert_false (has_item (items, LECTERN_READINESS_ERROR, "tri", "does not list"));
  g_assert_true (has_item (items, LECTERN_READINESS_ERROR, "keynote", "keynote"));
  g_assert_false (has_item (items, LECTERN_READINESS_ERROR, "old", "does not list"));
  g_assert_true (has_item (items, LECTERN_READINESS_ERROR, "tri", "differs only in case"));
  g_assert_true (has_item (items, LECTERN_READINESS_WARNING, "cy", "no photo"));
  g_assert_true (has_item (items, LECTERN_READINESS_WARNING, "cy", "no link"));

  /* most serious first */
  first = g_ptr_array_index (items, 0);
  g_assert_cmpint (first->level, ==, LECTERN_READINESS_ERROR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readiness/categories", test_categories);
  g_test_add ("/readiness/file-only", Fixture, NULL, fixture_set_up, test_file_only, lectern_test_site_tear_down);
  g_test_add ("/readiness/with-site", Fixture, NULL, fixture_set_up, test_with_site, lectern_test_site_tear_down);

  return g_test_run ();
}
