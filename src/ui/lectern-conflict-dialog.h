/* lectern-conflict-dialog.h: both versions of a row changed by someone else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One field the dialog compares: a property of the model object, and
 * the name the organizer knows it by.
 */
typedef struct
{
  const char *property;
  const char *label;
} LecternConflictField;

#define LECTERN_TYPE_CONFLICT_DIALOG (lectern_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LecternConflictDialog, lectern_conflict_dialog, LECTERN, CONFLICT_DIALOG, AdwMessageDialog)

GtkWidget *lectern_conflict_dialog_new        (GtkWindow                  *parent,
                                               const char                 *what,
                                               gpointer                    theirs,
                                               gpointer                    mine,
                                               const LecternConflictField *fields,
                                               guint                       n_fields);
gpointer   lectern_conflict_dialog_get_theirs (LecternConflictDialog      *self);
gpointer   lectern_conflict_dialog_get_mine   (LecternConflictDialog      *self);
guint      lectern_conflict_dialog_get_n_differences (LecternConflictDialog *self);

G_END_DECLS
