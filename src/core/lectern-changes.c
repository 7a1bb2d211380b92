/* lectern-changes.c: what a change to the workshop file touched
 *
 * The store's ::changed signal carries one: the tables a commit (a
 * colleague's, or an undo or redo) wrote, and in each the rows, named by
 * their first key column (a slot's id for its appearances and links).
 * A table may be touched as a whole (its key is not a number), and a
 * change of unknown extent (a write made outside Lectern, which left no
 * step in the history) touches everything: a view then reads it all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lectern-changes.h"

struct _LecternChanges
{
  gatomicrefcount  ref_count;
  gboolean         everything;
  GHashTable      *tables;      /* interned name -> GHashTable of gint64, or NULL: all rows */
};

G_DEFINE_BOXED_TYPE (LecternChanges, lectern_changes, lectern_changes_ref, lectern_changes_unref)

const char * const lectern_changes_schedule_tables[] = {
  "event", "day", "room", "session", "slot", "appearance", "slot_link",
  "person", "sponsor", "availability", "check_severity", NULL,
};

const char * const lectern_changes_directory_tables[] = {
  "event", "person", "card", "sponsor", "availability", NULL,
};

static void
row_set_free (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

/**
 * lectern_changes_new:
 *
 * Returns: (transfer full): a change that touched nothing yet
 */
LecternChanges *
lectern_changes_new (void)
{
  LecternChanges *self = g_new0 (LecternChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, row_set_free);

  return self;
}

/**
 * lectern_changes_new_everything:
 *
 * Returns: (transfer full): a change that may have touched anything
 */
LecternChanges *
lectern_changes_new_everything (void)
{
  LecternChanges *self = lectern_changes_new ();

  self->everything = TRUE;
  return self;
}

LecternChanges *
lectern_changes_ref (LecternChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lectern_changes_unref (LecternChanges *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->tables);
      g_free (self);
    }
}

void
lectern_changes_add_row (LecternChanges *self,
                         const char     *table,
                         gint64          id)
{
  const char *name;
  GHashTable *rows;

  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL);

  name = g_intern_string (table);
  if (!g_hash_table_lookup_extended (self->tables, name, NULL, (gpointer *) &rows))
    {
      rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->tables, (gpointer) name, rows);
    }

  /* NULL: the whole table is touched already */
  if (rows != NULL)
    g_hash_table_add (rows, g_memdup2 (&id, sizeof id));
}

/* Every row of @table may have changed. */
void
lectern_changes_add_table (LecternChanges *self,
                           const char     *table)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL);

  g_hash_table_insert (self->tables, (gpointer) g_intern_string (table), NULL);
}

gboolean
lectern_changes_is_everything (LecternChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->everything;
}

gboolean
lectern_changes_is_empty (LecternChanges *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !self->everything && g_hash_table_size (self->tables) == 0;
}

gboolean
lectern_changes_touches (LecternChanges *self,
                         const char     *table)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (table != NULL, TRUE);

  return self->everything || g_hash_table_contains (self->tables, table);
}

/* @tables: NULL-terminated */
gboolean
lectern_changes_touches_any (LecternChanges     *self,
                             const char * const *tables)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (tables != NULL, TRUE);

  for (guint i = 0; tables[i] != NULL; i++)
    if (lectern_changes_touches (self, tables[i]))
      return TRUE;

  return FALSE;
}

gboolean
lectern_changes_touches_row (LecternChanges *self,
                             const char     *table,
                             gint64          id)
{
  GHashTable *rows;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (table != NULL, TRUE);

  if (self->everything)
    return TRUE;
  if (!g_hash_table_lookup_extended (self->tables, table, NULL, (gpointer *) &rows))
    return FALSE;

  return rows == NULL || g_hash_table_contains (rows, &id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * lectern_changes_get_rows:
 * @n_rows: (out): how many
 *
 * Returns: (transfer full) (nullable) (array length=n_rows): the ids of
 * the rows of @table that changed, in order; %NULL when every row may
 * have (the whole table, or everything, is touched). An untouched table
 * gives an empty array.
 */
gint64 *
lectern_changes_get_rows (LecternChanges *self,
                          const char     *table,
                          guint          *n_rows)
{
  GHashTable *rows = NULL;
  GHashTableIter iter;
  gpointer key;
  gint64 *ids;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  *n_rows = 0;
  if (self->everything)
    return NULL;
  if (!g_hash_table_lookup_extended (self->tables, table, NULL, (gpointer *) &rows))
    return g_new0 (gint64, 1);
  if (rows == NULL)
    return NULL;

  ids = g_new (gint64, g_hash_table_size (rows) + 1);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ids[n++] = *(gint64 *) key;
  qsort (ids, n, sizeof *ids, compare_ids);

  *n_rows = n;
  return ids;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "slot 3 7; appearance 3; meta *", tables in name order: for logs and
 * tests. */
char *
lectern_changes_to_string (LecternChanges *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree gpointer *names = NULL;
  guint n_names = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->everything)
    return g_strdup ("*");

  names = g_hash_table_get_keys_as_array (self->tables, &n_names);
  qsort (names, n_names, sizeof *names, compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree gint64 *ids = NULL;
      guint n_ids = 0;

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, names[i]);

      ids = lectern_changes_get_rows (self, names[i], &n_ids);
      if (ids == NULL)
        g_string_append (out, " *");
      for (guint j = 0; j < n_ids; j++)
        g_string_append_printf (out, " %" G_GINT64_FORMAT, ids[j]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
