/* lectern-test-window.c: helpers of the tests of the main window
 *
 * Opening a window on a workshop file and closing it (checking that
 * nothing else holds it), showing its pages, letting it settle, finding
 * what it shows. Shared by test-window.c and test-schedule-page.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-list-page.h"
#include "lectern-person-editor.h"
#include "lectern-test-window.h"
#include "lectern-window.h"

/* A test's own copy of the demo workshop. Not written as the window's
 * organizer: their Undo does not undo the demo. */
void
lectern_test_demo_set_up (LecternTestWorkshop *w,
                          gconstpointer        data)
{
  g_autoptr(LecternStore) store = NULL;

  w->dir = lectern_test_make_tmpdir ("lectern-test-window-XXXXXX");
  w->path = g_build_filename (w->dir, "demo.lectern", NULL);
  store = lectern_test_create_demo (w->path, "demo-loader@test");
}

void
lectern_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}


/* Opens a window on @path, with its own store, and waits until it is
 * drawn. Returns a reference of the caller's, for close_window().
 */
LecternWindow *
lectern_test_open_window (LecternApplication *app,
                          const char         *path)
{
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LecternWindow *window;

  store = lectern_store_open (path, &error);
  g_assert_no_error (error);

  window = g_object_ref (lectern_window_new (GTK_APPLICATION (app), store));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}


/* Closes the dialogs left open, if any. */
void
lectern_test_close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) || ADW_IS_ABOUT_WINDOW (toplevel))
        gtk_window_destroy (GTK_WINDOW (toplevel));
    }
  lectern_test_flush ();
}


/* Closes @window and checks that nothing else holds it. */
void
lectern_test_close_window (LecternWindow *window)
{
  lectern_test_close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (window));
  lectern_test_flush ();
  g_assert_finalize_object (window);
}


/* The window after an edit: the queued reload done, and drawn. */
void
lectern_test_settle (LecternWindow *window)
{
  lectern_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  lectern_test_flush ();
}


void
lectern_test_show_page (LecternWindow *window,
           const char    *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  g_assert_cmpstr (lectern_window_get_visible_page (window), ==, name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}


LecternListPage *
lectern_test_list_page (LecternWindow *window,
           const char    *name)
{
  GtkWidget *page = lectern_window_get_page (window, name);

  g_assert_true (LECTERN_IS_LIST_PAGE (page));
  return LECTERN_LIST_PAGE (page);
}


gpointer
lectern_test_template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}


gpointer
lectern_test_person_editor_child (LecternWindow *window,
                     const char    *page,
                     const char    *name)
{
  GtkWidget *editor = lectern_list_page_get_editor (lectern_test_list_page (window, page));

  g_assert_true (LECTERN_IS_PERSON_EDITOR (editor));
  return lectern_test_template_child (editor, LECTERN_TYPE_PERSON_EDITOR, name);
}


/* Is there a label showing @text, on screen, under @widget? */
gboolean
lectern_test_has_mapped_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_realized (widget) &&
      gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (lectern_test_has_mapped_label (child, text))
        return TRUE;
    }

  return FALSE;
}


/* Selects the row at @position of a list, as a click does. */
void
lectern_test_select_row (LecternWindow *window,
            const char    *page,
            guint          position)
{
  lectern_test_show_page (window, page);
  gtk_single_selection_set_selected (lectern_list_page_get_selection (lectern_test_list_page (window, page)),
                                     position);
  lectern_test_settle (window);
}


/* The toplevel of @type now open, if any. */
gpointer
lectern_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

