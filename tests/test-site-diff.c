/* test-site-diff.c: what an export changes, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-test-util.h"

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

#define CARD(title, importance, category, end) \
  "---\nlayout: page\ntitle: " title "\ndescription: MIT\nimg: assets/img/a.jpg\nredirect: https://a.org\n" \
  "importance: " importance "\ncategory: " category "\n---" end

static char *
describe (const char          *old,
          const char          *now,
          LecternSiteFileKind  kind)
{
  g_autoptr(GBytes) before = old != NULL ? text (old) : NULL;
  g_autoptr(GBytes) after = text (now);

  return lectern_site_describe_change ("_projects/a.md", kind, before, after);
}

static void
test_describe (void)
{
  g_autofree char *moved = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Ann</b>", "7", "speaker", "\n"),
                                     LECTERN_SITE_FILE_CARD);
  g_autofree char *hidden = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Ann</b>", "1", "none", "\n"),
                                      LECTERN_SITE_FILE_CARD);
  g_autofree char *renamed = describe (CARD ("<b>Ann</b>", "3", "speaker", "\n"), CARD ("<b>Anne</b>", "3", "speaker", "\n"),
                                       LECTERN_SITE_FILE_CARD);
  g_autofree char *newline = describe (CARD ("<b>Ann</b>", "3", "speaker", ""), CARD ("<b>Ann</b>", "3", "speaker", "\n"),
                                       LECTERN_SITE_FILE_CARD);
  g_autofree char *fresh = describe (NULL, CARD ("<b>Ann</b>", "3", "speaker", "\n"), LECTERN_SITE_FILE_CARD);
  g_autofree char *page = describe ("a\nb\nc\n", "a\nB\nc\nd\n", LECTERN_SITE_FILE_PAGE);
  g_autoptr(GHashTable) front = NULL;
  g_autoptr(GBytes) card = text (CARD ("<b>Ann</b> <br> Lee", "3", "speaker", "\nBody.\n"));

  g_assert_cmpstr (moved, ==, "position 3 → 7");
  g_assert_cmpstr (hidden, ==, "position 3 → 1, list speaker → none");
  g_assert_cmpstr (renamed, ==, "name");
  g_assert_true (g_str_has_prefix (newline, "Formatting only"));
  g_assert_cmpstr (fresh, ==, "New card");
  g_assert_cmpstr (page, ==, "The schedule: 2 lines change");

  front = lectern_site_read_front_matter (card);
  g_assert_nonnull (front);
  g_assert_cmpstr (g_hash_table_lookup (front, "title"), ==, "<b>Ann</b> <br> Lee");
  g_assert_cmpstr (g_hash_table_lookup (front, "importance"), ==, "3");
}

/* The real ES-FoMo 2023 site and one new speaker: the renumbering is
 * one sentence with its reason (the site had ties), each card says
 * what changes.
 */
static void
test_explain_real_site (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-site-diff-XXXXXX");
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *path = g_build_filename (dir, "w.lectern", NULL);
  g_autoptr(LecternStore) store = lectern_test_create_demo (path, NULL);
  g_autoptr(LecternPerson) lea = lectern_test_add_person (store, "Léa Dubois", "Inria");
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *why;
  guint n = 0;
  GPtrArray *files;

  card = lectern_store_add_card (store, lea, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  lectern_test_copy_tree (fixture, site);

  exporter = lectern_exporter_new (store, site);
  plan = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);

  why = lectern_export_result_get_renumbering (plan, &n);
  g_assert_nonnull (why);
  g_assert_cmpuint (n, >=, 10);
  g_assert_nonnull (strstr (why, "had the same position"));

  files = lectern_export_result_get_files (plan);
  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;
      g_assert_nonnull (file->reason);
      if (g_str_equal (file->path, "_projects/lea.md"))
        g_assert_cmpstr (file->reason, ==, "New card");
      if (g_str_equal (file->path, "_projects/ce.md"))
        g_assert_cmpstr (file->reason, ==, "position 1 → 2");
      if (g_str_equal (file->path, "_projects/deepak.md"))
        g_assert_true (g_str_has_prefix (file->reason, "Formatting only"));
    }

  lectern_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add_func ("/site-diff/describe", test_describe);
  g_test_add_func ("/site-diff/explain-real-site", test_explain_real_site);

  return g_test_run ();
}
