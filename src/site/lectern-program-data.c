/* lectern-program-data.c: the scheduled program, read once from the
 * workshop file, for the calendar and the conference-app formats
 *
 * The site's export renders the calendar (lectern-site-ical.c) and the
 * apps' files (lectern-site-frab.c) from one read of the schedule, on
 * the render's threads (lectern-site-render.c), beside the cards: what
 * they read is plain arrays and id tables, which reading from two
 * threads does not change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include "lectern-entity.h"
#include "lectern-cfp-deadline.h"
#include "lectern-program-data.h"
#include "lectern-store-cfp.h"

void
lectern_program_data_free (LecternProgramData *data)
{
  if (data == NULL)
    return;

  g_free (data->path);
  g_free (data->uuid);
  g_clear_object (&data->event);
  g_clear_pointer (&data->days, g_ptr_array_unref);
  g_clear_pointer (&data->day_slots, g_ptr_array_unref);
  g_clear_pointer (&data->rooms, g_ptr_array_unref);
  g_clear_pointer (&data->rooms_by_id, g_hash_table_unref);
  g_clear_pointer (&data->sessions_by_id, g_hash_table_unref);
  g_clear_pointer (&data->deadlines, g_ptr_array_unref);
  g_free (data);
}


/**
 * lectern_program_data_new:
 * @path: the workshop file's path, for messages
 * @uuid: (nullable): the workshop's own identifier
 * @event: the workshop
 * @days: (element-type LecternDay): its days, in order
 * @slots: (element-type LecternSlot): the slots of every day, in the
 *   order of lectern_store_list_slots()
 * @sessions: its sessions
 * @rooms: its rooms
 *
 * The program from what was read already (the site's render reads it
 * for the schedule's table too). Keeps references to what it is given.
 */
LecternProgramData *
lectern_program_data_new (const char   *path,
                          const char   *uuid,
                          LecternEvent *event,
                          GPtrArray    *days,
                          GPtrArray    *slots,
                          GListModel   *sessions,
                          GListModel   *rooms)
{
  LecternProgramData *data = g_new0 (LecternProgramData, 1);
  g_autoptr(GHashTable) day_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_sessions = g_list_model_get_n_items (sessions);

  data->path = g_strdup (path);
  data->uuid = g_strdup (uuid);
  data->event = g_object_ref (event);
  data->days = g_ptr_array_new_full (days->len, g_object_unref);
  data->day_slots = g_ptr_array_new_full (days->len, (GDestroyNotify) g_ptr_array_unref);
  data->rooms = lectern_object_array_from_model (rooms);
  data->rooms_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->sessions_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  data->deadlines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint d = 0; d < days->len; d++)
    {
      LecternDay *day = g_ptr_array_index (days, d);
      gint64 id = lectern_day_get_id (day);

      g_ptr_array_add (data->days, g_object_ref (day));
      g_ptr_array_add (data->day_slots, g_ptr_array_new_with_free_func (g_object_unref));
      g_hash_table_insert (day_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (d + 1));
    }
  for (guint i = 0; i < slots->len; i++)
    {
      LecternSlot *slot = g_ptr_array_index (slots, i);
      gint64 day_id = lectern_slot_get_day_id (slot);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (day_index, &day_id));

      if (d == 0)
        continue;
      g_ptr_array_add (g_ptr_array_index (data->day_slots, d - 1), g_object_ref (slot));
      data->any_scheduled |= lectern_slot_is_scheduled (slot);
    }

  for (guint r = 0; r < data->rooms->len; r++)
    {
      LecternRoom *room = g_ptr_array_index (data->rooms, r);
      gint64 id = lectern_room_get_id (room);

      g_hash_table_insert (data->rooms_by_id, g_memdup2 (&id, sizeof id), room);
    }
  for (guint s = 0; s < n_sessions; s++)
    {
      LecternSession *session = g_list_model_get_item (sessions, s);
      gint64 id = lectern_session_get_id (session);

      g_hash_table_insert (data->sessions_by_id, g_memdup2 (&id, sizeof id), session);
    }

  return data;
}

/**
 * lectern_program_data_read:
 * @store: the workshop file
 * @error: where to say why it could not be read
 *
 * Returns: (transfer full) (nullable): the program, or %NULL with
 *   @error set
 */
LecternProgramData *
lectern_program_data_read (LecternStore  *store,
                           GError       **error)
{
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GPtrArray) day_array = NULL;
  g_autoptr(GPtrArray) slot_array = NULL;
  g_autoptr(LecternProgramData) data = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  if (!(event = lectern_store_get_event (store, error)) ||
      !(days = lectern_store_list_days (store, error)) ||
      !(slots = lectern_store_list_slots (store, 0, error)) ||
      !(sessions = lectern_store_list_sessions (store, error)) ||
      !(rooms = lectern_store_list_rooms (store, error)))
    return NULL;

  uuid = lectern_store_get_workshop_uuid (store);
  day_array = lectern_object_array_from_model (days);
  slot_array = lectern_object_array_from_model (slots);

  data = lectern_program_data_new (lectern_store_get_path (store), uuid, event, day_array, slot_array,
                                   sessions, rooms);
  if (!lectern_program_data_read_deadlines (data, store, error))
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * lectern_program_data_read_deadlines:
 *
 * Adds the call for papers' dates (all but the workshop's own day,
 * which the program is), when the call is published: the calendar
 * gives them too.
 */
gboolean
lectern_program_data_read_deadlines (LecternProgramData  *data,
                                     LecternStore        *store,
                                     GError             **error)
{
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, error);
  g_autoptr(GListModel) dates = NULL;

  if (cfp == NULL)
    return FALSE;
  if (!lectern_cfp_get_published (cfp))
    return TRUE;
  if (!(dates = lectern_store_list_cfp_dates (store, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      if (lectern_cfp_date_is_set (date) && g_strcmp0 (lectern_cfp_date_get_kind (date), "workshop") != 0)
        g_ptr_array_add (data->deadlines, g_steal_pointer (&date));
    }
  return TRUE;
}

/* The slot's room, or NULL (the event's) */
LecternRoom *
lectern_program_data_room (LecternProgramData *data,
                           LecternSlot        *slot)
{
  gint64 id = lectern_slot_get_room_id (slot);

  return id != 0 ? g_hash_table_lookup (data->rooms_by_id, &id) : NULL;
}

/* The slot's session, or NULL */
LecternSession *
lectern_program_data_session (LecternProgramData *data,
                              LecternSlot        *slot)
{
  gint64 id = lectern_slot_get_session_id (slot);

  return id != 0 ? g_hash_table_lookup (data->sessions_by_id, &id) : NULL;
}
