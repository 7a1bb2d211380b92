/* lectern-availability-editor.h: when a person can be scheduled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_AVAILABILITY_EDITOR (lectern_availability_editor_get_type ())

G_DECLARE_FINAL_TYPE (LecternAvailabilityEditor, lectern_availability_editor, LECTERN, AVAILABILITY_EDITOR, AdwPreferencesGroup)

void lectern_availability_editor_set_person (LecternAvailabilityEditor *self,
                                             LecternStore              *store,
                                             LecternPerson             *person);

G_END_DECLS
