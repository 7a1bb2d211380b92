/* lectern-changes.h: what a change to the workshop file touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_CHANGES (lectern_changes_get_type ())

typedef struct _LecternChanges LecternChanges;

GType           lectern_changes_get_type      (void) G_GNUC_CONST;
LecternChanges *lectern_changes_new           (void);
LecternChanges *lectern_changes_new_everything (void);
LecternChanges *lectern_changes_ref           (LecternChanges *self);
void            lectern_changes_unref         (LecternChanges *self);

void            lectern_changes_add_row       (LecternChanges *self,
                                               const char     *table,
                                               gint64          id);
void            lectern_changes_add_table     (LecternChanges *self,
                                               const char     *table);

gboolean        lectern_changes_is_everything (LecternChanges *self);
gboolean        lectern_changes_is_empty      (LecternChanges *self);
gboolean        lectern_changes_touches       (LecternChanges *self,
                                               const char     *table);
gboolean        lectern_changes_touches_any   (LecternChanges     *self,
                                               const char * const *tables);
gboolean        lectern_changes_touches_row   (LecternChanges *self,
                                               const char     *table,
                                               gint64          id);
gint64         *lectern_changes_get_rows      (LecternChanges *self,
                                               const char     *table,
                                               guint          *n_rows);
char           *lectern_changes_to_string     (LecternChanges *self);

/* The tables the schedule is read from (LecternSchedule, the timeline). */
extern const char * const lectern_changes_schedule_tables[];
/* The tables the people, cards and sponsors pages are read from. */
extern const char * const lectern_changes_directory_tables[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternChanges, lectern_changes_unref)

G_END_DECLS
