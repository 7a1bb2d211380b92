/* lectern-sponsor-editor.h: a sponsor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_SPONSOR_EDITOR (lectern_sponsor_editor_get_type ())

G_DECLARE_FINAL_TYPE (LecternSponsorEditor, lectern_sponsor_editor, LECTERN, SPONSOR_EDITOR, GtkWidget)

GtkWidget      *lectern_sponsor_editor_new          (void);
void            lectern_sponsor_editor_set_store    (LecternSponsorEditor *self,
                                                     LecternStore         *store);
void            lectern_sponsor_editor_set_sponsor  (LecternSponsorEditor *self,
                                                     LecternSponsor       *sponsor);
LecternSponsor *lectern_sponsor_editor_get_sponsor  (LecternSponsorEditor *self);
void            lectern_sponsor_editor_set_position (LecternSponsorEditor *self,
                                                     guint                 position,
                                                     guint                 n_positions);
void            lectern_sponsor_editor_flush        (LecternSponsorEditor *self);

void                  lectern_sponsor_editor_focus_field (LecternSponsorEditor *self,
                                                          const char           *field);

G_END_DECLS
