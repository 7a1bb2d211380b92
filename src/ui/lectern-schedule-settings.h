/* lectern-schedule-settings.h: the workshop's schedule settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SCHEDULE_SETTINGS (lectern_schedule_settings_get_type ())

G_DECLARE_FINAL_TYPE (LecternScheduleSettings, lectern_schedule_settings, LECTERN, SCHEDULE_SETTINGS, AdwPreferencesGroup)

void lectern_schedule_settings_set_store (LecternScheduleSettings *self,
                                          LecternStore            *store);
void lectern_schedule_settings_reload    (LecternScheduleSettings *self);

G_END_DECLS
