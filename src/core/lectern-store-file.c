/* lectern-store-file.c: the workshop file itself, before SQLite reads it
 *
 * What opening a file needs besides SQL: telling a Lectern file from any
 * other file by its header (and a truncated one by the length its header
 * promises), and the backup copy made before an older file is upgraded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lectern-store-private.h"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

void
_lectern_store_set_damaged_error (const char  *path,
                                  GError     **error)
{
  g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_DAMAGED,
               _("“%s” is a damaged or truncated workshop file (shorter than its own header says, or unreadable). It was left untouched; open an earlier copy of it."),
               path);
}

/* Read the header ourselves: SQLite would happily "open" any file, and
 * reports a truncated one as no database at all. The header's page size
 * (offset 16) and page count (offset 28, valid when the counter at 92
 * matches the change counter at 24) tell how long the file must be.
 */
gboolean
_lectern_store_check_header (const char  *path,
                             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100] = { 0 };
  GStatBuf st;
  FILE *file;
  size_t n;
  guint32 page_size;
  guint32 n_pages;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, LECTERN_STORE_ERROR,
                   saved == ENOENT ? LECTERN_STORE_ERROR_NOT_FOUND : LECTERN_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Lectern workshop file (it is not an SQLite database). It was left untouched."),
                   path);
      return FALSE;
    }

  if (n < sizeof header || g_stat (path, &st) != 0)
    {
      _lectern_store_set_damaged_error (path, error);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);

  if (read_be32 (header + 92) == read_be32 (header + 24) &&
      (guint64) st.st_size < (guint64) page_size * n_pages)
    {
      _lectern_store_set_damaged_error (path, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_lectern_store_make_backup (LecternStore  *self,
                            int            version,
                            GError       **error)
{
  g_autofree char *target = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  target = g_strdup_printf ("%s.v%d.bak", self->path, version);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.v%d-%u.bak", self->path, version, i);
    }

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_FAILED,
                   _("Could not back up the workshop file to “%s” before upgrading it: %s"),
                   target, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (target);
      return FALSE;
    }

  sqlite3_close (dest);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);

  return TRUE;
}
