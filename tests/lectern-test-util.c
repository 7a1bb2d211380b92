/* lectern-test-util.c: helpers the tests without a display share
 *
 * Temporary folders and files, a peek at a workshop file with a plain
 * SQLite connection, the demo workshop, and waiting on the main loop.
 * Every helper asserts what it needs, so that a test reads as its steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* dl_iterate_phdr() */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <sanitizer/lsan_interface.h>

/* from libasan (sanitizer/allocator_interface.h, which GCC 12 does not ship) */
extern int    __sanitizer_get_ownership      (const volatile void *p);
extern size_t __sanitizer_get_allocated_size (const volatile void *p);
#endif

#include "lectern-exporter.h"
#include "lectern-site-import.h"
#include "lectern-test-util.h"
#include "lectern-workshop-loader.h"

/* The longest a wait sleeps before it looks at its condition again:
 * some conditions change with nothing to wake this main context (a file
 * a worker thread writes, a commit by another connection).
 */
#define POLL_MS 10

/* LeakSanitizer */

#if defined(__SANITIZE_ADDRESS__)
/* GLib's quark table: 2,048 string pointers, in libglib's own data. */
#define QUARK_BLOCK_SIZE 2048

static int
find_quark_block_cb (struct dl_phdr_info *info,
                     size_t               size,
                     void                *data)
{
  const char *one = g_quark_to_string (1);
  const char *two = g_quark_to_string (2);

  if (strstr (info->dlpi_name, "libglib-2.0.so") == NULL || one == NULL || two == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + segment->p_vaddr;
      guintptr end = start + segment->p_memsz;

      if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W))
        continue;

      for (guintptr p = (start + 7) & ~(guintptr) 7; p + sizeof (gpointer) <= end; p += sizeof (gpointer))
        {
          const char * const *block = *(const char * const * const *) p;

          /* only dereferenced once the allocator vouches for it */
          if (block != NULL && __sanitizer_get_ownership (block) &&
              __sanitizer_get_allocated_size (block) == QUARK_BLOCK_SIZE * sizeof (char *) &&
              block[1] == one && block[2] == two)
            {
              *(gconstpointer *) data = block;
              return 1;
            }
        }
    }

  return 0;
}
#endif

/**
 * lectern_test_keep_quark_block:
 *
 * GLib drops its first block of quarks, on purpose, once a process has
 * made more than 2,048 quarks (gquark.c: "This leaks the old quarks
 * array", so that looking a quark up needs no lock); a GTK test passes
 * that mark, and LeakSanitizer then reports the 16 KiB block as leaked.
 * Its stack ends in g_malloc (libglib has no frame pointers), so no
 * suppression can tell it from a leak of ours. This finds that one block
 * (pointed to from libglib's data, 16 KiB, holding quarks 1 and 2) and
 * tells LeakSanitizer to leave it alone; every other leak is reported.
 * Call it first thing in main(). Does nothing without AddressSanitizer.
 */
void
lectern_test_keep_quark_block (void)
{
#if defined(__SANITIZE_ADDRESS__)
  gconstpointer block = NULL;

  dl_iterate_phdr (find_quark_block_cb, &block);
  if (block != NULL)
    __lsan_ignore_object (block);
  else
    g_printerr ("lectern-test: GLib's quark block was not found; LeakSanitizer may report it\n");
#endif
}

/* Files and folders */

/* A new, empty folder under the temporary directory, named @tmpl with
 * its XXXXXX replaced; for lectern_test_rm_rf(), then g_free().
 */
char *
lectern_test_make_tmpdir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and all below it, as rm -rf does: a symbolic link goes
 * as a link (what it points to stays), and a file a test made read-only
 * goes too. Returns whether nothing is left at @path, for the callers
 * that assert it.
 */
gboolean
lectern_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return errno == ENOENT;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          lectern_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      /* not through a link: chmod would change its target */
      if (S_ISREG (st.st_mode))
        g_chmod (path, 0644);
      g_unlink (path);
    }

  return g_lstat (path, &st) != 0 && errno == ENOENT;
}

/* The text of @relative under @dir. */
char *
lectern_test_read_file (const char *dir,
                        const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Writes @text to @relative under @dir, making the folders it needs. */
void
lectern_test_write_file (const char *dir,
                         const char *relative,
                         const char *text)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Copies the folder @from to @to, byte for byte. */
void
lectern_test_copy_tree (const char *from,
                        const char *to)
{
  g_autoptr(GDir) d = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        lectern_test_copy_tree (src, dst);
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (dst, contents, length, NULL));
        }
    }
}

/* A new folder, named after the test program (whose is a folder left
 * behind), and the path of workshop.lectern in it.
 */
void
lectern_test_workshop_set_up (LecternTestWorkshop *w,
                              gconstpointer        data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname () ? g_get_prgname () : "test");
  g_autofree char *tmpl = g_strdup_printf ("lectern-%s-XXXXXX", program);

  w->dir = lectern_test_make_tmpdir (tmpl);
  w->path = g_build_filename (w->dir, "workshop.lectern", NULL);
}

void
lectern_test_workshop_tear_down (LecternTestWorkshop *w,
                                 gconstpointer        data)
{
  lectern_test_rm_rf (w->dir);
  g_free (w->dir);
  g_free (w->path);
}

/* The folder @name of tests/fixtures ($LECTERN_FIXTURES under meson
 * test, which runs the tests from the build directory).
 */
char *
lectern_test_fixture_path (const char *name)
{
  const char *fixtures = g_getenv ("LECTERN_FIXTURES");
  char *path = g_build_filename (fixtures ? fixtures : "fixtures", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  return path;
}

/* A copy of the real site (the es-fomo-2023 fixture) as @dir/site,
 * without its cards: an export test cannot pass by leaving the
 * fixture's cards in place. Returns the copy's path.
 */
char *
lectern_test_copy_site (const char *dir)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *projects = NULL;
  char *site = g_build_filename (dir, "site", NULL);

  lectern_test_copy_tree (fixture, site);
  projects = g_build_filename (site, "_projects", NULL);
  g_assert_true (lectern_test_rm_rf (projects));
  g_assert_cmpint (g_mkdir (projects, 0755), ==, 0);

  return site;
}

/* Runs git in @cwd (a work tree, or a bare repository) with the
 * arguments that follow, up to NULL, and is its output without the
 * last newline; a git that fails fails the test, with what it said.
 * No shell, and no configuration but the environment's.
 */
char *
lectern_test_git (const char *cwd,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "git");
  va_start (args, cwd);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", (char *) argv->pdata[1], err);

  return g_strchomp (g_steal_pointer (&out));
}

/* A bare repository, @dir/site.git, whose branch main has one commit:
 * the site of lectern_test_copy_site(), as its organizers left it.
 */
char *
lectern_test_make_site_repository (const char *dir)
{
  g_autofree char *site = lectern_test_copy_site (dir);
  char *git_dir = g_build_filename (dir, "site.git", NULL);

  g_free (lectern_test_git (dir, "init", "-q", "--bare", "-b", "main", git_dir, NULL));
  g_free (lectern_test_git (site, "init", "-q", "-b", "main", NULL));
  g_free (lectern_test_git (site, "add", "-A", NULL));
  g_free (lectern_test_git (site, "commit", "-q", "-m", "The site as its organizers left it", NULL));
  g_free (lectern_test_git (site, "push", "-q", git_dir, "main", NULL));

  return git_dir;
}

/* A workshop file, as another program sees it */

/* The first column of the first row of @sql, -1 for no row; on a
 * connection of its own, as the store's caches do not see it.
 */
gint64
lectern_test_sql_int (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Runs @sql on @path behind the store's back (an old schema, another
 * program's change).
 */
void
lectern_test_sql_exec (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The store */

/* A new file at @path holding the demo workshop (ES-FoMo 2023), written
 * as @actor when not NULL (so that another actor's Undo leaves it be).
 */
LecternStore *
lectern_test_create_demo (const char *path,
                          const char *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_store_create (path, NULL, &error);

  g_assert_no_error (error);
  if (actor != NULL)
    lectern_store_set_actor (store, actor);
  lectern_workshop_loader_load_resource (store, LECTERN_DEMO_RESOURCE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

LecternPerson *
lectern_test_add_person (LecternStore *store,
                         const char   *name,
                         const char   *affiliation)
{
  g_autoptr(GError) error = NULL;
  LecternPerson *person = lectern_person_new ();

  lectern_person_set_name (person, name);
  lectern_person_set_affiliation (person, affiliation);
  lectern_store_add_person (store, person, &error);
  g_assert_no_error (error);

  return person;
}

/* The person named @name; the test stops if there is none. */
LecternPerson *
lectern_test_find_person (LecternStore *store,
                          const char   *name)
{
  g_autoptr(GListModel) people = lectern_store_list_people (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LecternPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (lectern_person_get_name (person), name) == 0)
        return g_steal_pointer (&person);
    }

  g_error ("no person “%s”", name);
  return NULL;
}

/* The main loop */

/* A GAsyncReadyCallback keeping (a reference to) the result in the
 * GAsyncResult * that @user_data points to, for the test to wait on.
 */
void
lectern_test_keep_result (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* One iteration of the default main context, blocking until something
 * happens, for POLL_MS at the most, and not past @deadline (monotonic
 * time). Returns FALSE, without iterating, once @deadline has passed.
 * What lectern_test_wait_until() turns.
 */
gboolean
lectern_test_iterate (gint64 deadline)
{
  gint64 left = deadline - g_get_monotonic_time ();
  GSource *wake;

  if (left <= 0)
    return FALSE;

  wake = g_timeout_source_new ((guint) MIN ((left + 999) / 1000, POLL_MS));
  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (wake);
  g_source_unref (wake);

  return TRUE;
}

/* A synthetic workshop of n_people (each with a card, the roles in
 * turn), n_slots talks over 3 days and 10 rooms, and n_sponsors, for
 * the benchmarks and the crash test.
 */
LecternStore *
lectern_test_create_big (const char  *path,
                         int          n_people,
                         int          n_slots,
                         int          n_sponsors,
                         GError     **error)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) days = NULL;
  gint64 room_ids[10];

  store = lectern_store_create (path, "Benchmark workshop", error);
  if (store == NULL || !lectern_store_begin (store, error))
    return NULL;

  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(LecternPerson) p = lectern_person_new ();
      g_autofree char *name = g_strdup_printf ("Person%d Family%d", i, i);
      g_autofree char *url = g_strdup_printf ("https://example.org/~p%d", i);
      g_autoptr(LecternCard) card = NULL;

      lectern_person_set_name (p, name);
      lectern_person_set_affiliation (p, i % 3 ? "University of Somewhere" : "Lab, Inc.");
      lectern_person_set_homepage (p, url);
      if (!lectern_store_add_person (store, p, error))
        return NULL;
      card = lectern_store_add_card (store, p, (LecternRole) (i % LECTERN_N_ROLES), NULL, error);
      if (card == NULL)
        return NULL;
      g_ptr_array_add (people, g_steal_pointer (&p));
    }

  for (int i = 0; i < n_sponsors; i++)
    {
      g_autoptr(LecternSponsor) s = lectern_sponsor_new ();
      g_autofree char *name = g_strdup_printf ("Sponsor %d", i);

      lectern_sponsor_set_name (s, name);
      lectern_sponsor_set_url (s, "https://sponsor.example");
      if (!lectern_store_add_sponsor (store, s, error))
        return NULL;
    }

  for (int d = 0; d < 3; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-07-%02d", 20 + d);
      g_autoptr(LecternDay) day = lectern_store_add_day (store, date, error);

      if (day == NULL)
        return NULL;
    }
  for (int r = 0; r < 10; r++)
    {
      g_autofree char *name = g_strdup_printf ("Room %d", r);
      g_autoptr(LecternRoom) room = lectern_store_add_room (store, name, NULL, error);

      if (room == NULL)
        return NULL;
      room_ids[r] = lectern_room_get_id (room);
    }

  days = lectern_store_list_days (store, error);
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
      if (!lectern_store_add_slot (store, slot, error))
        return NULL;
    }

  if (!lectern_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* @dir/@file with the first @from replaced by @to (which must be there) */
void
lectern_test_replace_in_file (const char *dir,
                              const char *file,
                              const char *from,
                              const char *to)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
}

/* A copy of the real 2023 site as @dir/site, imported into the new
 * workshop file @dir/w.lectern */
LecternStore *
lectern_test_import_site (const char  *dir,
                          char       **site)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2023");
  g_autofree char *path = g_build_filename (dir, "w.lectern", NULL);
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;
  LecternStore *store;

  *site = g_build_filename (dir, "site", NULL);
  lectern_test_copy_tree (fixture, *site);
  store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_site_import (store, *site, &counts, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* An export of @store into @site, as `lectern export` makes it */
void
lectern_test_export (LecternStore *store,
                     const char   *site)
{
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (store, site);
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = lectern_exporter_plan (exporter, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_exporter_write (exporter, plan, &error));
  g_assert_no_error (error);
}

void
lectern_test_site_set_up (LecternTestSite *f,
                          gconstpointer    data)
{
  f->store = lectern_test_demo_in_tmpdir ("lectern-site-XXXXXX", &f->dir);
  f->site = lectern_test_copy_site (f->dir);
}

void
lectern_test_site_tear_down (LecternTestSite *f,
                             gconstpointer    data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->site, g_free);
}

/* The demo workshop in a new folder (@dir, to remove) */
LecternStore *
lectern_test_demo_in_tmpdir (const char  *dir_template,
                             char       **dir)
{
  g_autofree char *path = NULL;

  *dir = lectern_test_make_tmpdir (dir_template);
  path = g_build_filename (*dir, "demo.lectern", NULL);
  return lectern_test_create_demo (path, NULL);
}

/* The files an export of @store into @site would change, "a b c" in
 * the plan's order ("" when none); NULL and @error when the plan fails */
char *
lectern_test_plan_changes (LecternStore  *store,
                           const char    *site,
                           GError       **error)
{
  g_autoptr(LecternExporter) exporter = lectern_exporter_new (store, site);
  g_autoptr(LecternExportResult) plan = lectern_exporter_plan (exporter, error);
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *files;

  if (plan == NULL)
    return NULL;
  files = lectern_export_result_get_files (plan);
  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);

      if (file->change != LECTERN_EXPORT_UNCHANGED)
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", file->path);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
