/* lectern-site-folder.c: a site checkout on disk, read and written safely
 *
 * The one place where Lectern reads and writes a site folder. Three
 * promises:
 *
 * - Nothing is written outside the site. Every folder is opened from
 *   the site's root one component at a time, never following a link;
 *   a link is followed only when it resolves inside the site, and a
 *   path that leads outside is refused, before anything is written,
 *   with an error naming it. A file that is itself a link is replaced
 *   by a regular file, never written through.
 *
 * - A crash leaves each file old or new, and nothing Jekyll could take
 *   for content. Each changed file is written beside its target under a
 *   name Jekyll skips (".<name>.lectern-XXXXXX~": a leading dot and a
 *   trailing tilde), all of them are made durable with one syncfs(),
 *   then renamed into place, then the renames are made durable. The
 *   next export removes any such file an interrupted one left (and the
 *   "<name>.XXXXXX" files older versions of Lectern left), and
 *   lectern_site_folder_compare() reports them.
 *
 * - An unchanged site costs one open and, when the size matches, one
 *   read per file; nothing is written and no mtime changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-folder"
#define _GNU_SOURCE

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lectern-site-folder.h"
#include "lectern-site-memo.h"
#include "lectern-site-page.h"

#define MAX_LINKS 16

struct _LecternSiteFolder
{
  GObject     parent_instance;

  char       *path;      /* as the organizer chose it, made absolute */
  char       *real;      /* the same, every link resolved */
  int         root_fd;
  GHashTable *folders;   /* relative folder -> open fd (as pointer, fd + 1) */
};

G_DEFINE_FINAL_TYPE (LecternSiteFolder, lectern_site_folder, G_TYPE_OBJECT)

static void
lectern_site_folder_finalize (GObject *object)
{
  LecternSiteFolder *self = (LecternSiteFolder *) object;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->folders);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    close (GPOINTER_TO_INT (value) - 1);
  g_clear_pointer (&self->folders, g_hash_table_unref);

  if (self->root_fd >= 0)
    close (self->root_fd);
  g_free (self->path);
  g_free (self->real);

  G_OBJECT_CLASS (lectern_site_folder_parent_class)->finalize (object);
}

static void
lectern_site_folder_class_init (LecternSiteFolderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_site_folder_finalize;
}

static void
lectern_site_folder_init (LecternSiteFolder *self)
{
  self->root_fd = -1;
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* "Could not write “_projects/tri.md” in the site: No space left on
 * device": @format says what failed, errno @saved why. Always FALSE.
 */
gboolean
lectern_set_errno_error (GError     **error,
                 int          saved,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: %s", what, g_strerror (saved));
  return FALSE;
}

/* The site's folder: it must exist and be a folder. The folder itself
 * may be reached through a link (the organizer chose it); what is
 * inside it may not lead out of it.
 */
LecternSiteFolder *
lectern_site_folder_open (const char  *path,
                          GError     **error)
{
  g_autoptr(LecternSiteFolder) self = g_object_new (LECTERN_TYPE_SITE_FOLDER, NULL);
  char *real;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_canonicalize_filename (path, NULL);
  self->root_fd = open (self->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->root_fd < 0 || (real = realpath (self->path, NULL)) == NULL)
    {
      int saved = errno;

      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   saved == ENOTDIR || saved == ENOENT ? _("“%s” is not a folder.")
                                                       : _("Could not open the site folder “%s”."),
                   self->path);
      return NULL;
    }

  self->real = g_strdup (real);
  free (real);

  return g_steal_pointer (&self);
}

const char *
lectern_site_folder_get_path (LecternSiteFolder *self)
{
  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), NULL);

  return self->path;
}

static void
split_path (const char  *path,
            char       **folder,
            const char **base)
{
  const char *slash = strrchr (path, '/');

  *folder = slash ? g_strndup (path, slash - path) : g_strdup ("");
  *base = slash ? slash + 1 : path;
}

/* Where the link at `path` (relative to the site) leads, relative to the
 * site; NULL and an error naming it when that is outside the site or
 * nowhere.
 */
static char *
resolve_inside (LecternSiteFolder  *self,
                const char         *path,
                GError            **error)
{
  g_autofree char *full = g_build_filename (self->real, path, NULL);
  g_autofree char *target = g_file_read_link (full, NULL);
  char *resolved = realpath (full, NULL);
  gsize len = strlen (self->real);
  char *inside = NULL;

  if (resolved != NULL && strncmp (resolved, self->real, len) == 0 &&
      (resolved[len] == '\0' || resolved[len] == '/' || g_str_equal (self->real, "/")))
    inside = g_strdup (resolved[len] == '/' ? resolved + len + 1 : resolved + len);

  if (inside == NULL && resolved == NULL)
    g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                 _("“%s” in the site is a link to “%s”, which does not exist. Lectern writes only inside the site folder: replace the link with a folder or file of the site. Nothing was written."),
                 path, target ? target : "?");
  else if (inside == NULL)
    g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                 _("“%s” in the site is a link to “%s”, outside the site folder “%s”. Lectern writes only inside the site folder: replace the link with the folder or file itself. Nothing was written."),
                 path, resolved, self->path);

  free (resolved);
  return inside;
}

static int
cached_folder (LecternSiteFolder *self,
               const char        *folder)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->folders, folder)) - 1;
}

static gboolean open_folder (LecternSiteFolder *self, const char *folder, gboolean create,
                             guint depth, int *out_fd, GError **error);

/* One component below an open folder: a folder, a link that stays
 * inside the site, or (with create) a new folder. -1 when missing.
 */
static gboolean
open_component (LecternSiteFolder  *self,
                int                 parent,
                const char         *name,
                const char         *path,
                gboolean            create,
                guint               depth,
                int                *out_fd,
                GError            **error)
{
  struct stat st;

  *out_fd = -1;

  while (fstatat (parent, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    {
      if (errno != ENOENT)
        return lectern_set_errno_error (error, errno, _("Could not read the folder “%s” of the site"), path);
      if (!create)
        return TRUE;
      if (mkdirat (parent, name, 0755) != 0 && errno != EEXIST)
        return lectern_set_errno_error (error, errno, _("Could not create the folder “%s” in the site"), path);
    }

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *inside = resolve_inside (self, path, error);
      int target = -1;

      if (inside == NULL || !open_folder (self, inside, create, depth + 1, &target, error))
        return FALSE;
      if (target >= 0 && (*out_fd = dup (target)) < 0)
        return lectern_set_errno_error (error, errno, _("Could not open the folder “%s” of the site"), path);
      return TRUE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                   _("“%s” in the site is a file where Lectern needs a folder. Nothing was written."), path);
      return FALSE;
    }

  *out_fd = openat (parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (*out_fd < 0)
    return lectern_set_errno_error (error, errno, _("Could not open the folder “%s” of the site"), path);

  return TRUE;
}

/* The open folder at `folder` (relative to the site, "" for the root),
 * reached without leaving the site; -1 when it does not exist (and
 * create is FALSE).
 */
static gboolean
open_folder (LecternSiteFolder  *self,
             const char         *folder,
             gboolean            create,
             guint               depth,
             int                *out_fd,
             GError            **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);
  int fd = self->root_fd;

  *out_fd = -1;

  if (folder[0] == '\0')
    {
      *out_fd = self->root_fd;
      return TRUE;
    }

  if (depth > MAX_LINKS)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                   _("“%s” in the site is reached through too many links. Nothing was written."), folder);
      return FALSE;
    }

  parts = g_strsplit (folder, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int child;

      if (prefix->len > 0)
        g_string_append_c (prefix, '/');
      g_string_append (prefix, parts[i]);

      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                       _("The path “%s” would leave its folder. Nothing was written."), folder);
          return FALSE;
        }

      child = cached_folder (self, prefix->str);
      if (child < 0)
        {
          if (!open_component (self, fd, parts[i], prefix->str, create, depth, &child, error))
            return FALSE;
          if (child < 0)
            return TRUE;
          g_hash_table_insert (self->folders, g_strdup (prefix->str), GINT_TO_POINTER (child + 1));
        }
      fd = child;
    }

  *out_fd = fd;
  return TRUE;
}

/* The whole of an open file; size is what fstat said (a hint). */
static GBytes *
read_fd (int          fd,
         gsize        size,
         const char  *path,
         GError     **error)
{
  gsize capacity = size + 1;
  gsize length = 0;
  char *data = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      if (length == capacity)
        data = g_realloc (data, capacity *= 2);

      n = read (fd, data + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_free (data);
          lectern_set_errno_error (error, errno, _("Could not read “%s” in the site"), path);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  return g_bytes_new_take (data, length);
}

typedef enum
{
  FOUND_NOTHING,
  FOUND_FILE,
  FOUND_LINK,
} Found;

/* Opens `path` without following a link (-1 and FOUND_LINK or
 * FOUND_NOTHING when it is not a regular file of the site).
 */
static gboolean
open_file (LecternSiteFolder  *self,
           const char         *path,
           int                *out_fd,
           struct stat        *st,
           Found              *found,
           GError            **error)
{
  g_autofree char *folder = NULL;
  const char *base;
  int dfd;

  *out_fd = -1;
  *found = FOUND_NOTHING;

  split_path (path, &folder, &base);
  if (!open_folder (self, folder, FALSE, 0, &dfd, error))
    return FALSE;
  if (dfd < 0)
    return TRUE;

  *out_fd = openat (dfd, base, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (*out_fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      if (errno == ELOOP)
        {
          *found = FOUND_LINK;
          return TRUE;
        }
      return lectern_set_errno_error (error, errno, _("Could not read “%s” in the site"), path);
    }

  if (fstat (*out_fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      close (*out_fd);
      *out_fd = -1;
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                   _("“%s” in the site is not a regular file where Lectern keeps a file. Nothing was written."),
                   path);
      return FALSE;
    }

  *found = FOUND_FILE;
  return TRUE;
}

static GBytes *
read_path (LecternSiteFolder  *self,
           const char         *path,
           guint               depth,
           GError            **error)
{
  struct stat st;
  Found found;
  int fd;
  GBytes *bytes;

  if (!open_file (self, path, &fd, &st, &found, error))
    return NULL;

  if (found == FOUND_LINK)
    {
      g_autofree char *inside = NULL;

      if (depth > MAX_LINKS)
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                       _("“%s” in the site is reached through too many links."), path);
          return NULL;
        }
      inside = resolve_inside (self, path, error);
      return inside ? read_path (self, inside, depth + 1, error) : NULL;
    }

  if (found == FOUND_NOTHING)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The site has no “%s”"), path);
      return NULL;
    }

  bytes = read_fd (fd, st.st_size, path, error);
  close (fd);
  return bytes;
}

/* The bytes of a file of the site (relative path), read without
 * leaving the site; G_FILE_ERROR_NOENT when it does not exist.
 */
GBytes *
lectern_site_folder_read (LecternSiteFolder  *self,
                          const char         *path,
                          GError            **error)
{
  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return read_path (self, path, 0, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder of the site, sorted; empty when it does not
 * exist.
 */
GPtrArray *
lectern_site_folder_list (LecternSiteFolder  *self,
                          const char         *folder,
                          GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *entry;
  DIR *dir;
  int fd;

  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!open_folder (self, folder, FALSE, 0, &fd, error))
    return NULL;
  if (fd < 0)
    return g_steal_pointer (&names);

  /* fdopendir owns the fd it is given: give it a copy of the cached one */
  fd = openat (fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || (dir = fdopendir (fd)) == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      lectern_set_errno_error (error, saved, _("Could not list the folder “%s” of the site"), folder);
      return NULL;
    }

  while ((entry = readdir (dir)) != NULL)
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      g_ptr_array_add (names, g_strdup (entry->d_name));
  closedir (dir);

  g_ptr_array_sort (names, compare_names);

  return g_steal_pointer (&names);
}

/* ".tri.md.lectern-a1B2c3~": the name this file gives its temporary
 * files. Jekyll skips it twice over (a leading dot, a trailing tilde).
 */
gboolean
lectern_site_is_temporary_name (const char *name)
{
  return name != NULL && name[0] == '.' && strstr (name, ".lectern-") != NULL &&
         g_str_has_suffix (name, "~");
}

/* "tri.md.A1b2C3", the temporary name of older versions of Lectern
 * (GLib's g_file_set_contents), next to a file Lectern owns.
 */
static gboolean
is_old_temporary_name (const char      *folder,
                       const char      *name,
                       LecternSiteTree *tree)
{
  gsize len = strlen (name);
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  if (len < 8 || name[len - 7] != '.')
    return FALSE;
  for (gsize i = len - 6; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  base = g_strndup (name, len - 7);
  path = folder[0] ? g_strconcat (folder, "/", base, NULL) : g_strdup (base);

  return lectern_site_tree_lookup (tree, path) != NULL;
}

static gboolean
find_leftovers (LecternSiteFolder    *self,
                LecternSiteTree      *tree,
                LecternExportResult  *result,
                GError              **error)
{
  g_autoptr(GPtrArray) folders = lectern_site_tree_get_folders (tree);

  for (guint i = 0; i < folders->len; i++)
    {
      const char *folder = g_ptr_array_index (folders, i);
      g_autoptr(GPtrArray) names = lectern_site_folder_list (self, folder, error);

      if (names == NULL)
        return FALSE;

      for (guint j = 0; j < names->len; j++)
        {
          const char *name = g_ptr_array_index (names, j);

          if (lectern_site_is_temporary_name (name) || is_old_temporary_name (folder, name, tree))
            {
              g_autofree char *path = folder[0] ? g_strconcat (folder, "/", name, NULL) : g_strdup (name);

              lectern_export_result_add_leftover (result, path);
            }
        }
    }

  return TRUE;
}

/* Compares one file of the tree with the site. */
static gboolean
compare_file (LecternSiteFolder      *self,
              LecternSiteTree        *tree,
              const LecternSiteFile  *file,
              LecternExportResult    *result,
              GError                **error)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) wanted = NULL;
  LecternExportChange change = LECTERN_EXPORT_NEW;
  struct stat st;
  Found found;
  int fd;

  if (!open_file (self, file->path, &fd, &st, &found, error))
    return FALSE;

  if (found == FOUND_LINK && file->ownership == LECTERN_SITE_OWN_BLOCK)
    {
      /* the site's own page, through a link inside the site */
      if (!(current = lectern_site_folder_read (self, file->path, error)))
        return FALSE;
    }
  else if (found == FOUND_LINK)
    change = LECTERN_EXPORT_CHANGED;   /* the link is replaced by a file */
  else if (found == FOUND_FILE)
    {
      /* a file Lectern owns whole and of another size: no need to read
       * it, but for a card, which may say the same in other bytes
       * (lectern-site-adapt.c), and the calendar, whose events keep
       * their stamps (lectern-site-ical.c) */
      if (file->ownership == LECTERN_SITE_OWN_WHOLE && file->kind != LECTERN_SITE_FILE_CARD &&
          file->kind != LECTERN_SITE_FILE_PROGRAM &&
          (guint64) st.st_size != g_bytes_get_size (file->contents))
        change = LECTERN_EXPORT_CHANGED;
      else
        current = read_fd (fd, st.st_size, file->path, error);
      close (fd);
      if (change == LECTERN_EXPORT_NEW && current == NULL)
        return FALSE;
    }

  /* no home page: not the site; no other page (the call's): said by
   * the tree, with what the page should hold */
  if (current == NULL && found == FOUND_NOTHING && file->ownership == LECTERN_SITE_OWN_BLOCK &&
      g_strcmp0 (file->path, LECTERN_SITE_PAGE) == 0)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   _("“%s” does not look like the workshop’s site: it has no %s. Nothing was written."),
                   self->path, file->path);
      return FALSE;
    }

  wanted = lectern_site_tree_resolve (tree, file, current, error);
  if (wanted == NULL)
    return FALSE;

  if (current != NULL)
    change = g_bytes_equal (current, wanted) ? LECTERN_EXPORT_UNCHANGED : LECTERN_EXPORT_CHANGED;

  lectern_export_result_add_file (result, file->path, wanted, file->kind, change);
  return TRUE;
}

/* Every file of the tree, with the bytes it should have and whether
 * that differs from the site, and the temporary files interrupted
 * exports left. Reads the site, writes nothing. Fails, naming the path,
 * when a file or folder of the tree would lead outside the site.
 */
LecternExportResult *
lectern_site_folder_compare (LecternSiteFolder  *self,
                             LecternSiteTree    *tree,
                             GError            **error)
{
  g_autoptr(LecternExportResult) result = lectern_export_result_new ();
  guint n;

  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), NULL);
  g_return_val_if_fail (LECTERN_IS_SITE_TREE (tree), NULL);

  n = lectern_site_tree_get_n_files (tree);

  for (guint i = 0; i < n; i++)
    if (!compare_file (self, tree, lectern_site_tree_get_file (tree, i), result, error))
      return NULL;

  if (!find_leftovers (self, tree, result, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* The memo's files, read and hashed on two threads */
typedef struct
{
  LecternSiteFolder *self;
  GPtrArray         *files;    /* LecternSiteMemoFile */
  GBytes           **bytes;    /* each file's, once it matched */
  gint               next;     /* the next file to read (atomic) */
  gint               missed;   /* a file differs, or could not be read (atomic) */
} MemoRead;

static gpointer
memo_read_run (gpointer data)
{
  MemoRead *m = data;
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&m->next, 1);
      const LecternSiteMemoFile *file;
      GBytes *current;
      struct stat st;
      Found found;
      gboolean opened;
      int fd;

      if (i >= m->files->len || g_atomic_int_get (&m->missed))
        break;
      file = g_ptr_array_index (m->files, i);

      /* every folder is in the cache already: nothing is written to it */
      opened = open_file (m->self, file->path, &fd, &st, &found, NULL);

      /* not the file it was, or not a plain file of the site: the
       * render's compare says what (and refuses what it must) */
      if (!opened || found != FOUND_FILE)
        {
          if (fd >= 0)
            close (fd);
          g_atomic_int_set (&m->missed, TRUE);
          break;
        }
      current = read_fd (fd, st.st_size, file->path, NULL);
      close (fd);
      if (current == NULL)
        {
          g_atomic_int_set (&m->missed, TRUE);
          break;
        }

      g_checksum_reset (sha1);
      g_checksum_update (sha1, g_bytes_get_data (current, NULL), g_bytes_get_size (current));
      if (!g_str_equal (g_checksum_get_string (sha1), file->sha1))
        {
          g_bytes_unref (current);
          g_atomic_int_set (&m->missed, TRUE);
          break;
        }
      m->bytes[i] = current;
    }

  return NULL;
}

/**
 * lectern_site_folder_compare_memo:
 * @files: (element-type LecternSiteMemoFile): what the last export left
 *   (lectern_site_memo_parse())
 *
 * The plan of a no-op export, known without rendering: each file is
 * opened as lectern_site_folder_compare() opens it and read once, on two
 * threads.
 *
 * Returns: (transfer full) (nullable): the plan, every file unchanged,
 *   when the site still has each of @files as it was left; %NULL when
 *   it does not (a file edited, removed, made a link, unreadable: the
 *   render's compare then says what, and refuses what it must)
 */
LecternExportResult *
lectern_site_folder_compare_memo (LecternSiteFolder *self,
                                  GPtrArray         *files)
{
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(LecternSiteTree) tree = NULL;
  MemoRead m = { self, files, NULL, 0, FALSE };
  GThread *helper;
  gboolean missed;

  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  /* the folders first, on this thread: the two threads then only look
   * them up in the cache */
  for (guint i = 0; i < files->len; i++)
    {
      const LecternSiteMemoFile *file = g_ptr_array_index (files, i);
      g_autofree char *folder = NULL;
      const char *base;
      int fd;

      split_path (file->path, &folder, &base);
      if (cached_folder (self, folder) < 0 && folder[0] != '\0' &&
          (!open_folder (self, folder, FALSE, 0, &fd, NULL) || fd < 0))
        return NULL;
    }

  m.bytes = g_new0 (GBytes *, files->len);
  helper = g_thread_new ("lectern-memo", memo_read_run, &m);
  memo_read_run (&m);
  g_thread_join (helper);
  missed = m.missed;

  if (!missed)
    {
      plan = lectern_export_result_new ();
      tree = lectern_site_tree_new ();
      for (guint i = 0; i < files->len; i++)
        {
          const LecternSiteMemoFile *file = g_ptr_array_index (files, i);

          lectern_site_tree_add (tree, file->path, m.bytes[i], file->kind);
          lectern_export_result_add_file (plan, file->path, m.bytes[i], file->kind, LECTERN_EXPORT_UNCHANGED);
        }
    }
  for (guint i = 0; i < files->len; i++)
    g_clear_pointer (&m.bytes[i], g_bytes_unref);
  g_free (m.bytes);

  if (missed || !find_leftovers (self, tree, plan, NULL))
    return NULL;

  return g_steal_pointer (&plan);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct
{
  int   folder_fd;    /* borrowed from the cache */
  char *temporary;
  char *name;
  char *path;
} Staged;

static void
staged_clear (Staged *staged)
{
  g_free (staged->temporary);
  g_free (staged->name);
  g_free (staged->path);
}

static gboolean
write_all (int           fd,
           GBytes       *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      size -= n;
    }

  return TRUE;
}

/* The file's new bytes beside it, under a temporary name. */
static gboolean
stage (LecternSiteFolder  *self,
       LecternExportFile  *file,
       Staged             *staged,
       GError            **error)
{
  g_autofree char *folder = NULL;
  const char *base;
  int fd = -1;

  split_path (file->path, &folder, &base);
  if (!open_folder (self, folder, TRUE, 0, &staged->folder_fd, error))
    return FALSE;

  while (fd < 0)
    {
      g_free (staged->temporary);
      staged->temporary = g_strdup_printf (".%s.lectern-%06x~", base, g_random_int_range (0, 0xffffff));
      fd = openat (staged->folder_fd, staged->temporary,
                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0 && errno != EEXIST)
        {
          g_clear_pointer (&staged->temporary, g_free);
          return lectern_set_errno_error (error, errno, _("Could not write “%s” in the site"), file->path);
        }
    }

  staged->name = g_strdup (base);
  staged->path = g_strdup (file->path);

  if (!write_all (fd, file->contents))
    {
      int saved = errno;

      close (fd);
      return lectern_set_errno_error (error, saved, _("Could not write “%s” in the site"), file->path);
    }
  if (close (fd) != 0)
    return lectern_set_errno_error (error, errno, _("Could not write “%s” in the site"), file->path);

  return TRUE;
}

/* One syncfs() per file system the folders are on (one, nearly
 * always): the data of every staged file, or every rename, is durable
 * when it returns.
 */
static gboolean
sync_folders (LecternSiteFolder  *self,
              GArray             *staged,
              GError            **error)
{
  g_autoptr(GArray) devices = g_array_new (FALSE, FALSE, sizeof (dev_t));

  for (guint i = 0; i < staged->len; i++)
    {
      Staged *s = &g_array_index (staged, Staged, i);
      struct stat st;
      gboolean seen = FALSE;

      if (fstat (s->folder_fd, &st) != 0)
        return lectern_set_errno_error (error, errno, _("Could not write “%s” in the site"), s->path);

      for (guint j = 0; j < devices->len && !seen; j++)
        seen = g_array_index (devices, dev_t, j) == st.st_dev;
      if (seen)
        continue;

      g_array_append_val (devices, st.st_dev);
      if (syncfs (s->folder_fd) != 0)
        return lectern_set_errno_error (error, errno, _("Could not save “%s” to disk"), s->path);
    }

  return TRUE;
}

static void
unlink_staged (GArray *staged,
               guint   from)
{
  for (guint i = from; i < staged->len; i++)
    {
      Staged *s = &g_array_index (staged, Staged, i);

      if (s->temporary != NULL)
        unlinkat (s->folder_fd, s->temporary, 0);
    }
}

static void
remove_leftovers (LecternSiteFolder   *self,
                  LecternExportResult *result)
{
  GPtrArray *leftovers = lectern_export_result_get_leftovers (result);

  for (guint i = 0; i < leftovers->len; i++)
    {
      g_autofree char *folder = NULL;
      const char *base;
      int dfd;

      split_path (g_ptr_array_index (leftovers, i), &folder, &base);
      if (open_folder (self, folder, FALSE, 0, &dfd, NULL) && dfd >= 0)
        unlinkat (dfd, base, 0);
    }
}

static gboolean
write_locked (LecternSiteFolder    *self,
              LecternExportResult  *result,
              GArray               *staged,
              GError              **error)
{
  GPtrArray *files = lectern_export_result_get_files (result);

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);
      Staged s = { -1, NULL, NULL, NULL };

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      g_array_append_val (staged, s);
      if (!stage (self, file, &g_array_index (staged, Staged, staged->len - 1), error))
        {
          unlink_staged (staged, 0);
          return FALSE;
        }
    }

  if (!sync_folders (self, staged, error))
    {
      unlink_staged (staged, 0);
      return FALSE;
    }

  for (guint i = 0; i < staged->len; i++)
    {
      Staged *s = &g_array_index (staged, Staged, i);

      if (renameat (s->folder_fd, s->temporary, s->folder_fd, s->name) != 0)
        {
          int saved = errno;

          unlink_staged (staged, i);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not replace “%s” in the site: %s. Each file is either as before or complete."),
                       s->path, g_strerror (saved));
          return FALSE;
        }
      g_clear_pointer (&s->temporary, g_free);
    }

  remove_leftovers (self, result);

  return sync_folders (self, staged, error);
}

/* Writes the files of the result that differ from the site and removes
 * the temporary files interrupted exports left. Each file is replaced
 * whole (old or new after a crash, never torn); writes nothing when
 * nothing differs. Two exports into one site take turns.
 */
gboolean
lectern_site_folder_write (LecternSiteFolder    *self,
                           LecternExportResult  *result,
                           GError              **error)
{
  g_autoptr(GArray) staged = NULL;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_SITE_FOLDER (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_RESULT (result), FALSE);

  if (lectern_export_result_count_changes (result) == 0 &&
      lectern_export_result_get_leftovers (result)->len == 0)
    {
      lectern_export_result_set_written (result, TRUE);
      return TRUE;
    }

  staged = g_array_new (FALSE, TRUE, sizeof (Staged));
  g_array_set_clear_func (staged, (GDestroyNotify) staged_clear);

  /* best effort: some network file systems have no flock() on folders */
  flock (self->root_fd, LOCK_EX);
  ok = write_locked (self, result, staged, error);
  flock (self->root_fd, LOCK_UN);

  lectern_export_result_set_written (result, ok);
  return ok;
}
