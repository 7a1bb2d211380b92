/* lectern-test-window.h: helpers of the tests of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-list-page.h"
#include "lectern-test-gui.h"
#include "lectern-window.h"

G_BEGIN_DECLS

void             lectern_test_demo_set_up         (LecternTestWorkshop *w,
                                                   gconstpointer        data);
void             lectern_test_flush               (void);
LecternWindow   *lectern_test_open_window         (LecternApplication  *app,
                                                   const char          *path);
void             lectern_test_close_dialogs       (void);
void             lectern_test_close_window        (LecternWindow       *window);
void             lectern_test_settle              (LecternWindow       *window);
void             lectern_test_show_page           (LecternWindow       *window,
                                                   const char          *name);
LecternListPage *lectern_test_list_page           (LecternWindow       *window,
                                                   const char          *name);
gpointer         lectern_test_template_child      (gpointer             widget,
                                                   GType                type,
                                                   const char          *name);
gpointer         lectern_test_person_editor_child (LecternWindow       *window,
                                                   const char          *page,
                                                   const char          *name);
gboolean         lectern_test_has_mapped_label    (GtkWidget           *widget,
                                                   const char          *text);
void             lectern_test_select_row          (LecternWindow       *window,
                                                   const char          *page,
                                                   guint                position);
gpointer         lectern_test_find_toplevel       (GType                type);

G_END_DECLS
