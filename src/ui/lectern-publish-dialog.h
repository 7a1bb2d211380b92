/* lectern-publish-dialog.h: "Publish…": where to, the token, what changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-publish-target.h"
#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PUBLISH_DIALOG (lectern_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LecternPublishDialog, lectern_publish_dialog, LECTERN, PUBLISH_DIALOG, AdwWindow)

LecternPublishDialog *lectern_publish_dialog_new        (GtkWindow                  *parent,
                                                         LecternStore               *store);
void                  lectern_publish_dialog_set_target (LecternPublishDialog       *self,
                                                         const LecternPublishTarget *target,
                                                         const char                 *token);

/* Where this machine publishes a workshop file (GSettings, never the
 * shared file); NULL if it was never published from here.
 */
LecternPublishTarget *lectern_publish_get_remembered_target (const char                 *workshop_path);
void                  lectern_publish_remember_target       (const char                 *workshop_path,
                                                             const LecternPublishTarget *target);

G_END_DECLS
