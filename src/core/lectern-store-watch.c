/* lectern-store-watch.c: changes made by others
 *
 * Another connection's commit (a colleague's window, the CLI, a hook) is
 * seen through PRAGMA data_version: at once on this machine through a
 * file monitor on the file's folder, and by a poll where monitors do not
 * fire (network shares). What it changed is read from the history
 * (_lectern_store_collect_changes()) and emitted as ::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include "lectern-store-private.h"

/* ------------------------------------------------------------------ */
/* Changes by others                                                   */

/* Returns TRUE, and emits ::changed and ::history-changed, when another
 * connection has committed since the last look.
 */
gboolean
lectern_store_poll_changes (LecternStore *self)
{
  gint64 version;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;

  version = _lectern_store_query_int (self, "PRAGMA data_version", self->data_version);
  if (version == self->data_version)
    return FALSE;

  /* the version and the history from one snapshot: a commit that lands
   * in between is not taken for a write from outside Lectern later */
  {
    g_autoptr(LecternChanges) changes = NULL;
    gboolean snapshot = _lectern_store_exec (self, "BEGIN", NULL);
    gboolean stepped = TRUE;
    gint64 site_version;

    self->data_version = _lectern_store_query_int (self, "PRAGMA data_version", version);
    changes = _lectern_store_collect_changes (self, &stepped);
    site_version = _lectern_store_query_int (self, "SELECT value FROM meta WHERE key = 'site_version'", 0);
    if (snapshot)
      _lectern_store_exec (self, "COMMIT", NULL);

    /* an export noting what the site has now (lectern-store-site.c) is
     * the file's bookkeeping, not a change to the workshop: nothing to
     * re-read, and no colleague to tell of */
    if (!stepped && site_version != self->site_version)
      {
        self->site_version = site_version;
        return FALSE;
      }
    self->site_version = site_version;

    _lectern_store_emit_changed (self, changes);
  }
  _lectern_store_emit_history_changed (self);

  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  lectern_store_poll_changes (LECTERN_STORE (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_soon_cb (gpointer user_data)
{
  LecternStore *self = user_data;

  self->poll_soon_id = 0;
  lectern_store_poll_changes (self);
  return G_SOURCE_REMOVE;
}

/* The file, its journal or its write-ahead log changed: look soon (the
 * events of one commit come in a burst). */
static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    LecternStore      *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *ours = g_path_get_basename (self->path);

  if (!g_str_has_prefix (name, ours) || self->poll_soon_id != 0)
    return;

  self->poll_soon_id = g_timeout_add (50, poll_soon_cb, self);
}

/* Follows changes made by other processes, on the thread-default main
 * context: a file monitor on the file's folder sees a colleague's commit
 * on this machine at once (the file, its journal, its log); every
 * interval_ms the file is also asked (PRAGMA data_version), which sees
 * writes made from another machine of a network share, where monitors do
 * not fire. 0 stops both.
 */
void
lectern_store_watch (LecternStore *self,
                     guint         interval_ms)
{
  g_return_if_fail (LECTERN_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->poll_soon_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  if (interval_ms == 0)
    return;

  self->watch_id = g_timeout_add (interval_ms, watch_cb, self);

  {
    g_autoptr(GFile) file = g_file_new_for_path (self->path);
    g_autoptr(GFile) folder = g_file_get_parent (file);

    /* best effort: the poll is there when no monitor is */
    self->monitor = folder ? g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, NULL) : NULL;
    if (self->monitor != NULL)
      g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  }
}
