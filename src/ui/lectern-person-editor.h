/* lectern-person-editor.h: a person and their cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PERSON_EDITOR (lectern_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (LecternPersonEditor, lectern_person_editor, LECTERN, PERSON_EDITOR, GtkWidget)

GtkWidget     *lectern_person_editor_new              (void);
LecternStore  *lectern_person_editor_get_store        (LecternPersonEditor *self);
void           lectern_person_editor_set_store        (LecternPersonEditor *self,
                                                       LecternStore        *store);
void           lectern_person_editor_set_item         (LecternPersonEditor *self,
                                                       LecternPerson       *person,
                                                       LecternCard         *card);
LecternPerson *lectern_person_editor_get_person       (LecternPersonEditor *self);
void           lectern_person_editor_set_position     (LecternPersonEditor *self,
                                                       guint                position,
                                                       guint                n_positions);
void           lectern_person_editor_set_remove_label (LecternPersonEditor *self,
                                                       const char          *label);
void           lectern_person_editor_flush            (LecternPersonEditor *self);

void                 lectern_person_editor_focus_field (LecternPersonEditor *self,
                                                        const char          *field);

G_END_DECLS
