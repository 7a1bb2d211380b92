/* lectern-store-site.c: what the site had when Lectern last wrote it,
 * or imported it; and the workshop's own identifier
 *
 * The table site_file keeps, per file of the site Lectern owns, the
 * hash of the bytes Lectern last wrote there (or read there, on an
 * import), and for a card its list, its position and its bytes. It is
 * the file's bookkeeping: an export that writes it is no edit of the
 * workshop, and no undo step records it. What it answers:
 *  - the positions the site gives its cards, which an export keeps while
 *    the order allows (ties included: a site's own ties are the site's;
 *    a tie someone makes by hand afterwards is not);
 *  - whether a file was edited by hand since (its hash differs), and
 *    what in it (its bytes then).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lectern-store-private.h"
#include "lectern-store-site.h"

LecternSiteRecord *
lectern_site_record_new (const char *path,
                         GBytes     *bytes,
                         const char *category,
                         int         position)
{
  LecternSiteRecord *record = g_new0 (LecternSiteRecord, 1);

  record->path = g_strdup (path);
  record->sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);
  record->category = g_strdup (category);
  record->position = position;
  record->contents = category != NULL ? g_bytes_ref (bytes) : NULL;
  return record;
}

void
lectern_site_record_free (LecternSiteRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->path);
  g_free (record->sha1);
  g_free (record->category);
  g_clear_pointer (&record->contents, g_bytes_unref);
  g_free (record);
}

/**
 * lectern_store_get_site_records:
 *
 * Returns: (transfer full): path -> #LecternSiteRecord (empty for a
 *   file that never met a site, or one older than this table)
 */
GHashTable *
lectern_store_get_site_records (LecternStore  *self,
                                GError       **error)
{
  return lectern_store_get_site_positions_or_records (self, TRUE, error);
}

/**
 * lectern_store_get_site_positions_or_records:
 * @with_contents: %FALSE for the lists and positions alone (what a
 *   render needs), without each card's bytes
 *
 * Returns: (transfer full): path -> #LecternSiteRecord
 */
GHashTable *
lectern_store_get_site_positions_or_records (LecternStore  *self,
                                             gboolean       with_contents,
                                             GError       **error)
{
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) lectern_site_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (lectern_store_get_schema_version (self) < 5)
    return g_steal_pointer (&records);

  stmt = _lectern_store_prepare (self, with_contents
                                       ? "SELECT path, sha1, category, position, contents FROM site_file"
                                       : "SELECT path, sha1, category, position, NULL FROM site_file", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSiteRecord *record = g_new0 (LecternSiteRecord, 1);

      record->path = g_strdup (_lectern_store_column_text (stmt, 0));
      record->sha1 = g_strdup (_lectern_store_column_text (stmt, 1));
      record->category = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                         ? NULL : g_strdup (_lectern_store_column_text (stmt, 2));
      record->position = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3);
      record->contents = _lectern_store_column_blob (stmt, 4);
      g_hash_table_replace (records, record->path, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _lectern_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* For the other connections' watch: a write of the site's bookkeeping
 * alone is no change to the workshop (lectern-store-watch.c). Inside
 * the write. */
static gboolean
bump_site_version (LecternStore  *self,
                   GError       **error)
{
  if (!_lectern_store_exec (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('site_version',"
                                  " COALESCE ((SELECT value FROM meta WHERE key = 'site_version'), 0) + 1)",
                            error))
    return FALSE;
  self->site_version = _lectern_store_query_int (self, "SELECT value FROM meta WHERE key = 'site_version'", 0);
  return TRUE;
}

/**
 * lectern_store_set_site_records:
 * @records: (element-type LecternSiteRecord): the files as the site has
 *   them now
 * @prefix: (nullable): the records under this folder ("_projects/") not
 *   in @records are removed: the site has those files no more
 *
 * Inside an action (an import) it is part of it; otherwise it is a
 * write of its own, which no undo step records.
 */
gboolean
lectern_store_set_site_records (LecternStore  *self,
                                GPtrArray     *records,
                                const char    *prefix,
                                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (lectern_store_get_schema_version (self) < 5 || lectern_store_get_read_only (self))
    return TRUE;   /* a record is a help, never a reason to fail */

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  ok = TRUE;
  if (prefix != NULL)
    {
      g_autofree char *pattern = g_strconcat (prefix, "%", NULL);

      stmt = _lectern_store_prepare (self, "DELETE FROM site_file WHERE path LIKE ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          _lectern_store_bind_text (stmt, 1, pattern);
          ok = _lectern_store_step_done (self, stmt, error);   /* finalizes it */
        }
      stmt = NULL;
    }

  if (ok)
    stmt = _lectern_store_prepare (self, "INSERT OR REPLACE INTO site_file (path, sha1, category, position, contents)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  ok = ok && stmt != NULL;

  for (guint i = 0; ok && i < records->len; i++)
    {
      LecternSiteRecord *record = g_ptr_array_index (records, i);
      int rc;

      sqlite3_reset (stmt);
      _lectern_store_bind_text (stmt, 1, record->path);
      _lectern_store_bind_text (stmt, 2, record->sha1);
      if (record->category != NULL)
        _lectern_store_bind_text (stmt, 3, record->category);
      else
        sqlite3_bind_null (stmt, 3);
      if (record->position >= 0)
        sqlite3_bind_int (stmt, 4, record->position);
      else
        sqlite3_bind_null (stmt, 4);
      if (record->contents != NULL)
        sqlite3_bind_blob (stmt, 5, g_bytes_get_data (record->contents, NULL),
                           (int) g_bytes_get_size (record->contents), SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        ok = _lectern_store_set_error_from_db (self, rc, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return _lectern_store_write_end (self, ok && bump_site_version (self, error), error);
}

/**
 * lectern_store_get_workshop_uuid:
 *
 * The workshop's own identifier, made once when the file was created or
 * upgraded: the calendar and conference-app exports derive their slots'
 * ids from it, so they stay the same across exports and edits.
 *
 * Returns: (transfer full) (nullable): "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
 */
/* A value of the meta table, or NULL */
static char *
meta_text (LecternStore *self,
           const char   *key)
{
  sqlite3_stmt *stmt = _lectern_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  _lectern_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_lectern_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

char *
lectern_store_get_workshop_uuid (LecternStore *self)
{
  char *uuid;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  uuid = meta_text (self, "workshop_uuid");
  return uuid != NULL && g_uuid_string_is_valid (uuid) ? uuid : (g_free (uuid), NULL);
}

/* One value into the digest: its type, then its bytes (text and blobs
 * with their length first, so no two rows hash alike by shifting bytes
 * from one column to the next) */
static void
digest_value (GChecksum    *checksum,
              sqlite3_stmt *stmt,
              int           column)
{
  int type = sqlite3_column_type (stmt, column);
  guint8 tag = (guint8) type;

  g_checksum_update (checksum, &tag, 1);
  if (type == SQLITE_INTEGER)
    {
      gint64 v = sqlite3_column_int64 (stmt, column);

      g_checksum_update (checksum, (const guchar *) &v, sizeof v);
    }
  else if (type == SQLITE_FLOAT)
    {
      double v = sqlite3_column_double (stmt, column);

      g_checksum_update (checksum, (const guchar *) &v, sizeof v);
    }
  else if (type == SQLITE_TEXT || type == SQLITE_BLOB)
    {
      const void *data = sqlite3_column_blob (stmt, column);
      gint64 n = sqlite3_column_bytes (stmt, column);

      g_checksum_update (checksum, (const guchar *) &n, sizeof n);
      if (n > 0)
        g_checksum_update (checksum, data, n);
    }
}

static gboolean
digest_query (LecternStore  *self,
              GChecksum     *checksum,
              const char    *sql,
              GError       **error)
{
  sqlite3_stmt *stmt = _lectern_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  g_checksum_update (checksum, (const guchar *) sql, -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);

      g_checksum_update (checksum, (const guchar *) "\n", 1);
      for (int i = 0; i < n; i++)
        digest_value (checksum, stmt, i);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _lectern_store_set_error_from_db (self, rc, error);
  return TRUE;
}

/**
 * lectern_store_digest_contents:
 * @checksum: fed with the file's contents
 *
 * Feeds @checksum with everything in the file a site is made from:
 * every row of every table, whatever the table (a column or table a
 * later version adds is in it without a word here), but the undo
 * history, the bytes of the site's cards as last written (their hashes
 * are in), and the bookkeeping of the site's record itself. Two files
 * that give the same digest give the same site; any edit changes it.
 * One read transaction, so the digest is of one state of the file.
 */
gboolean
lectern_store_digest_contents (LecternStore  *self,
                               GChecksum     *checksum,
                               GError       **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (checksum != NULL, FALSE);

  if (!_lectern_store_exec (self, "SAVEPOINT lectern_digest", error))
    return FALSE;

  g_checksum_update (checksum, (const guchar *) &self->schema_version, sizeof self->schema_version);
  ok = digest_query (self, checksum, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name", error);

  stmt = ok ? _lectern_store_prepare (self, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE 'sqlite_%' ORDER BY name", error) : NULL;
  ok = ok && stmt != NULL;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (_lectern_store_column_text (stmt, 0)));
  if (stmt != NULL)
    {
      sqlite3_finalize (stmt);
      if (ok && rc != SQLITE_DONE)
        ok = _lectern_store_set_error_from_db (self, rc, error);
    }

  for (guint i = 0; ok && i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;

      if (g_str_equal (table, "history"))
        continue;
      if (g_str_equal (table, "site_file"))
        sql = g_strdup ("SELECT path, sha1, category, position FROM site_file ORDER BY path");
      else if (g_str_equal (table, "meta"))
        sql = g_strdup ("SELECT * FROM meta WHERE key NOT IN ('site_version', 'site_memo') ORDER BY key");
      else
        {
          char *quoted = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);

          sql = g_strdup (quoted);
          sqlite3_free (quoted);
        }
      ok = digest_query (self, checksum, sql, error);
    }

  _lectern_store_exec (self, "RELEASE lectern_digest", NULL);
  return ok;
}

/**
 * lectern_store_get_site_memo:
 *
 * Returns: (transfer full) (nullable): what the last export noted of
 *   the site it left (lectern-site-memo.c), or %NULL
 */
char *
lectern_store_get_site_memo (LecternStore *self)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  return meta_text (self, "site_memo");
}

/**
 * lectern_store_set_site_memo:
 * @memo: (nullable): the note, or %NULL to forget it
 *
 * Bookkeeping, like the site's record: no undo step, and no change of
 * the workshop for the other connections' watch.
 */
gboolean
lectern_store_set_site_memo (LecternStore  *self,
                             const char    *memo,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  if (lectern_store_get_read_only (self))
    return TRUE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  stmt = _lectern_store_prepare (self, memo != NULL ? "INSERT OR REPLACE INTO meta (key, value) VALUES ('site_memo', ?1)"
                                                    : "DELETE FROM meta WHERE key = 'site_memo'", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (memo != NULL)
        _lectern_store_bind_text (stmt, 1, memo);
      ok = _lectern_store_step_done (self, stmt, error);   /* finalizes it */
    }
  return _lectern_store_write_end (self, ok && bump_site_version (self, error), error);
}

/**
 * lectern_store_count_unusual_images:
 *
 * Returns: how many photos and logos in the file are neither PNG nor
 *   JPEG, by their first bytes (an image only a loader module reads:
 *   GIF, SVG, TIFF, WebP…), or -1 with @error set
 */
gint64
lectern_store_count_unusual_images (LecternStore  *self,
                                    GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), -1);

  stmt = _lectern_store_prepare (self,
                                 "SELECT (SELECT COUNT (*) FROM person WHERE photo IS NOT NULL"
                                 "         AND hex (substr (photo, 1, 4)) <> '89504E47'"
                                 "         AND hex (substr (photo, 1, 3)) <> 'FFD8FF')"
                                 "     + (SELECT COUNT (*) FROM sponsor WHERE logo IS NOT NULL"
                                 "         AND hex (substr (logo, 1, 4)) <> '89504E47'"
                                 "         AND hex (substr (logo, 1, 3)) <> 'FFD8FF')", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _lectern_store_set_error_from_db (self, rc, error);
  sqlite3_finalize (stmt);

  return n;
}

/**
 * lectern_store_get_change_stamp:
 * @data_version: (out): moves when another connection commits
 * @own_changes: (out): moves with every row this connection writes
 *
 * Two stamps equal: nobody wrote the file in between.
 */
void
lectern_store_get_change_stamp (LecternStore *self,
                                gint64       *data_version,
                                gint64       *own_changes)
{
  g_return_if_fail (LECTERN_IS_STORE (self));

  *data_version = _lectern_store_query_int (self, "PRAGMA data_version", -1);
  *own_changes = sqlite3_total_changes64 (self->db);
}
