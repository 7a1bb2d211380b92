/* test-site-folder.c: the export writes only inside the site, cleans up
 * after a crash, and refuses what it must
 *
 * Hostile site folders (links out of the site, in each folder the export
 * writes), a card file that is a link, temporary files an interrupted
 * export left (of this version and of older ones), and a workshop file
 * from a newer Lectern. Each time: the export's verdict, and the bytes
 * of the site and of the folder outside it, before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lectern-exporter.h"
#include "lectern-store.h"
#include "lectern-test-util.h"

typedef struct
{
  char         *dir;
  char         *site;
  char         *outside;
  char         *store_path;
  LecternStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 600, 600);
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(GBytes) photo = NULL;
  char *buffer = NULL;
  gsize size = 0;

  f->dir = lectern_test_make_tmpdir ("lectern-site-folder-XXXXXX");
  f->site = lectern_test_copy_site (f->dir);
  f->outside = g_build_filename (f->dir, "outside", NULL);
  g_assert_cmpint (g_mkdir (f->outside, 0755), ==, 0);
  f->store_path = g_build_filename (f->dir, "ws.lectern", NULL);
  f->store = lectern_test_create_demo (f->store_path, NULL);

  /* an uploaded photo, so that the export writes into assets/img too */
  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  photo = g_bytes_new_take (buffer, size);
  tri = lectern_test_find_person (f->store, "Tri Dao");
  lectern_person_set_image_path (tri, NULL);
  lectern_person_set_photo (tri, photo);
  lectern_store_update_person (f->store, tri, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->site);
  g_free (f->outside);
  g_free (f->store_path);
}

/* Every file and link under dir, with a checksum of its bytes (or the
 * link's target), one per line, sorted: equal strings, equal trees.
 */
static void
digest_into (const char *dir,
             const char *relative,
             GPtrArray  *lines)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *rel = relative[0] ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (dir, rel, NULL);
      g_autofree char *target = g_file_read_link (full, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (target != NULL)
        g_ptr_array_add (lines, g_strdup_printf ("%s -> %s", rel, target));
      else if (g_file_test (full, G_FILE_TEST_IS_DIR))
        digest_into (dir, rel, lines);
      else if (g_file_get_contents (full, &contents, &length, NULL))
        {
          g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

          g_ptr_array_add (lines, g_strdup_printf ("%s %s", rel, sum));
        }
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
digest (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  digest_into (dir, "", lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static LecternExportResult *
export (Fixture  *f,
        GError  **error)
{
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);
  g_autoptr(LecternExportResult) result = lectern_exporter_plan (exporter, error);

  if (result == NULL || !lectern_exporter_write (exporter, result, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* Moves site/folder (or creates it) to outside/folder-elsewhere and
 * leaves a link to it in its place.
 */
static void
link_out (Fixture    *f,
          const char *folder)
{
  g_autofree char *inside = g_build_filename (f->site, folder, NULL);
  g_autofree char *flat = g_strdelimit (g_strdup (folder), "/", '-');
  g_autofree char *elsewhere = g_build_filename (f->outside, flat, NULL);
  g_autofree char *parent = g_path_get_dirname (inside);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  if (g_file_test (inside, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (inside, elsewhere), ==, 0);
  else
    g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);

  /* an unrelated file the organizer keeps there */
  lectern_test_write_file (elsewhere, "tri.md", "not a card: my notes\n");
  g_assert_cmpint (symlink (elsewhere, inside), ==, 0);
}

/* A link out of the site in any folder the export writes: refused with
 * an error naming it, nothing written inside or outside.
 */
static void
test_link_outside (Fixture       *f,
                   gconstpointer  data)
{
  const char *folder = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  g_autofree char *site_before = NULL;
  g_autofree char *outside_before = NULL;
  g_autofree char *site_after = NULL;
  g_autofree char *outside_after = NULL;

  link_out (f, folder);
  site_before = digest (f->site);
  outside_before = digest (f->outside);

  result = export (f, &error);
  g_assert_null (result);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "outside the site folder"));
  g_assert_nonnull (strstr (error->message, "Nothing was written"));

  site_after = digest (f->site);
  outside_after = digest (f->outside);
  g_assert_cmpstr (site_after, ==, site_before);
  g_assert_cmpstr (outside_after, ==, outside_before);
}

/* A link that stays inside the site is followed. */
static void
test_link_inside (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  g_autofree char *real = g_build_filename (f->site, "data-real", NULL);
  g_autofree char *link = g_build_filename (f->site, "_data", NULL);
  g_autofree char *written = NULL;
  g_autofree char *still_link = NULL;

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (symlink ("data-real", link), ==, 0);

  result = export (f, &error);
  g_assert_no_error (error);
  written = lectern_test_read_file (real, "schedule.yml");
  g_assert_true (g_str_has_prefix (written, "# Written by Lectern"));
  still_link = g_file_read_link (link, NULL);
  g_assert_cmpstr (still_link, ==, "data-real");
}

/* A card file that is a link is replaced by a file, never written
 * through; the file it pointed to is left as it was.
 */
static void
test_linked_card (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  g_autofree char *target = g_build_filename (f->outside, "tri.md", NULL);
  g_autofree char *card = g_build_filename (f->site, "_projects", "tri.md", NULL);
  g_autofree char *outside_after = NULL;
  g_autofree char *written = NULL;
  g_autofree char *link = NULL;

  lectern_test_write_file (f->outside, "tri.md", "keep me\n");
  g_assert_cmpint (symlink (target, card), ==, 0);

  result = export (f, &error);
  g_assert_no_error (error);

  outside_after = lectern_test_read_file (f->outside, "tri.md");
  g_assert_cmpstr (outside_after, ==, "keep me\n");
  link = g_file_read_link (card, NULL);
  g_assert_null (link);
  written = lectern_test_read_file (f->site, "_projects/tri.md");
  g_assert_true (g_str_has_prefix (written, "---\nlayout: page\n"));
}

/* Temporary files of an interrupted export (this version's, and the
 * "<card>.XXXXXX" of older versions, which Jekyll renders as cards) are
 * reported by the plan and removed by the next write; nothing else is.
 */
static void
test_leftovers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) first = NULL;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(LecternExportResult) again = NULL;
  g_autoptr(LecternExporter) exporter = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *leftovers;
  const char *card = "---\nlayout: page\ntitle: a torn card\ncategory: speaker\n---\n";

  first = export (f, &error);
  g_assert_no_error (error);

  lectern_test_write_file (f->site, "_projects/.tri.md.lectern-a1b2c3~", card);
  lectern_test_write_file (f->site, "_projects/tri.md.Ab12Cd", card);
  lectern_test_write_file (f->site, "_data/.schedule.yml.lectern-00ff00~", "x");
  /* not Lectern's: no card of that name, or not the temporary pattern */
  lectern_test_write_file (f->site, "_projects/handmade.md.Ab12Cd", card);
  lectern_test_write_file (f->site, "_projects/tri.md.orig", card);
  lectern_test_write_file (f->site, "_projects/.hidden~", card);

  exporter = lectern_exporter_new (f->store, f->site);
  plan = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_count_changes (plan), ==, 0);

  leftovers = lectern_export_result_get_leftovers (plan);
  g_assert_cmpuint (leftovers->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (leftovers, "_projects/.tri.md.lectern-a1b2c3~", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (leftovers, "_projects/tri.md.Ab12Cd", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (leftovers, "_data/.schedule.yml.lectern-00ff00~", g_str_equal, NULL));

  problems = lectern_export_result_list_problems (plan);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "interrupted export"));

  g_assert_true (lectern_exporter_write (exporter, plan, &error));
  g_assert_no_error (error);
  summary = lectern_export_result_summarize (plan);
  g_assert_cmpstr (summary, ==, "The site is up to date; temporary files of an interrupted export removed");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_build_filename (f->site, g_ptr_array_index (leftovers, i), NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (const char * const *kept = (const char *[]) { "_projects/handmade.md.Ab12Cd", "_projects/tri.md.orig",
                                                     "_projects/.hidden~", NULL }; *kept; kept++)
    {
      g_autofree char *path = g_build_filename (f->site, *kept, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  again = export (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_export_result_get_leftovers (again)->len, ==, 0);
}

/* A file from a newer Lectern opens read-only; its export is refused
 * before anything is read from the site or written to it.
 */
static void
test_newer_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExportResult) result = NULL;
  g_autofree char *before = digest (f->site);
  g_autofree char *after = NULL;

  g_clear_object (&f->store);
  lectern_test_sql_exec (f->store_path, "PRAGMA user_version = 99");
  f->store = lectern_store_open (f->store_path, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_get_read_only (f->store));

  result = export (f, &error);
  g_assert_null (result);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NEWER_FILE);
  g_assert_nonnull (strstr (error->message, "newer version of Lectern"));

  after = digest (f->site);
  g_assert_cmpstr (after, ==, before);
}

/* A truncated workshop file is called what it is, and left alone. */
static void
test_truncated_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *cut = g_build_filename (f->dir, "cut.lectern", NULL);
  g_autofree char *after = NULL;
  gsize length = 0;

  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (f->store_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  store = lectern_store_open (cut, &error);
  g_assert_null (store);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged or truncated"));
  g_assert_nonnull (strstr (error->message, "left untouched"));

  g_assert_true (g_file_get_contents (cut, &after, &length, NULL));
  g_assert_cmpmem (after, length, contents, length);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/site-folder/link-outside/projects", "_projects", test_link_outside);
  ADD ("/site-folder/link-outside/pages", "_pages", test_link_outside);
  ADD ("/site-folder/link-outside/data", "_data", test_link_outside);
  ADD ("/site-folder/link-outside/images", "assets/img", test_link_outside);
  ADD ("/site-folder/link-outside/assets", "assets", test_link_outside);
  ADD ("/site-folder/link-inside", NULL, test_link_inside);
  ADD ("/site-folder/linked-card", NULL, test_linked_card);
  ADD ("/site-folder/leftovers", NULL, test_leftovers);
  ADD ("/site-folder/newer-file", NULL, test_newer_file);
  ADD ("/site-folder/truncated-file", NULL, test_truncated_file);

  return g_test_run ();
}
