/* lectern-start-window.c: where Lectern starts with no workshop open
 *
 * A new organizer meets this, not a workshop that is not theirs: New
 * Workshop, Open…, the recent files, and Try the Demo. A file that could
 * not be opened says why here, with those ways on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-start-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-start-window.h"
#include "lectern-ui-util.h"

struct _LecternStartWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwStatusPage        *status_page;
  GtkWidget            *error_box;
  GtkLabel             *error_heading;
  GtkLabel             *error_message;
  GtkWidget            *new_button;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
};

G_DEFINE_FINAL_TYPE (LecternStartWindow, lectern_start_window, ADW_TYPE_APPLICATION_WINDOW)

static void
lectern_start_window_class_init (LecternStartWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-start-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, error_box);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, error_heading);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, error_message);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, LecternStartWindow, recent_list);
}

static void
lectern_start_window_init (LecternStartWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), self->new_button);
}

LecternStartWindow *
lectern_start_window_new (GtkApplication *application)
{
  return g_object_new (LECTERN_TYPE_START_WINDOW, "application", application, NULL);
}

/* The files opened last on this machine, newest first; those that are
 * gone are left out.
 */
void
lectern_start_window_set_recent (LecternStartWindow *self,
                                 const char * const *paths)
{
  guint n = 0;

  g_return_if_fail (LECTERN_IS_START_WINDOW (self));

  lectern_ui_list_box_clear (self->recent_list);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;

      name = g_path_get_basename (paths[i]);
      folder = g_path_get_dirname (paths[i]);
      row = lectern_ui_message_row_new ("document-open-recent-symbolic", name, folder, NULL);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (paths[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

/* Why a file could not be opened, above the ways on; NULL hides it */
void
lectern_start_window_set_error (LecternStartWindow *self,
                                const char         *heading,
                                const char         *message)
{
  g_return_if_fail (LECTERN_IS_START_WINDOW (self));

  gtk_label_set_text (self->error_heading, heading != NULL ? heading : "");
  gtk_label_set_text (self->error_message, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, heading != NULL);
}

const char *
lectern_start_window_get_error (LecternStartWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_START_WINDOW (self), NULL);

  return gtk_widget_get_visible (self->error_box) ? gtk_label_get_text (self->error_message) : NULL;
}
