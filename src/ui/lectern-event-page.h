/* lectern-event-page.h: the workshop's details, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_EVENT_PAGE (lectern_event_page_get_type ())

G_DECLARE_FINAL_TYPE (LecternEventPage, lectern_event_page, LECTERN, EVENT_PAGE, GtkWidget)

LecternStore *lectern_event_page_get_store (LecternEventPage  *self);
void          lectern_event_page_set_store (LecternEventPage  *self,
                                            LecternStore      *store);
gboolean      lectern_event_page_reload    (LecternEventPage  *self,
                                            GError           **error);
LecternEvent *lectern_event_page_get_event (LecternEventPage  *self);

G_END_DECLS
