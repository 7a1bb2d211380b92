/* fuzz-schedule.c: libFuzzer target for the schedule-table reader and
 * the event details of a home page
 *
 * Whatever the bytes, the readers give a schedule (perhaps empty, with
 * notes) or a clear error, and never crash, leak or read out of bounds.
 * What they give is checked for sense: every slot starts within the day
 * or after it, lasts a positive time, and has a title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "lectern-event-reader.h"
#include "lectern-schedule-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternReadSchedule) schedule = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  schedule = lectern_schedule_read ((const char *) data, size, "_pages/about.md", 2026, &error);
  if (schedule == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);

  for (guint d = 0; d < schedule->days->len; d++)
    {
      LecternReadDay *day = g_ptr_array_index (schedule->days, d);

      for (guint i = 0; i < day->slots->len; i++)
        {
          LecternReadSlot *slot = g_ptr_array_index (day->slots, i);

          g_assert_cmpint (slot->start, >=, 0);
          g_assert_cmpint (slot->duration, >, 0);
          g_assert_nonnull (slot->title);
          g_assert_true (slot->session < (int) day->sessions->len);
          g_assert_true (g_utf8_validate (slot->title, -1, NULL));
        }
    }

  event = lectern_event_new ();
  notes = g_ptr_array_new_with_free_func (g_free);
  lectern_site_read_event (event, (const char *) data, size, NULL, schedule, notes);

  return 0;
}
