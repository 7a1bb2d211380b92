/* lectern-export-dialog.c: "Export to Site…", with a preview
 *
 * Shows, before anything is written, the files the export would change
 * and what the site would show wrong; exports off the main thread and
 * reports what it did. The site folder is remembered on this machine,
 * per workshop file, in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-dialog.h"
#include "lectern-ui-util.h"
#include "lectern-exporter.h"
#include "lectern-site-diff.h"
#include "lectern-readiness-list.h"

struct _LecternExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *export_button;
  AdwActionRow    *folder_row;
  GtkListBox      *changes_list;
  LecternReadinessList *readiness_list;
  AdwPreferencesGroup *changes_group;
  AdwToastOverlay *toasts;

  /* Owned */
  LecternStore    *store;
  char            *site_dir;
  GCancellable    *cancellable;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (LecternExportDialog, lectern_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* The remembered site folder                                          */

char *
lectern_export_get_remembered_site (const char *workshop_path)
{
  g_autoptr(GVariant) site = lectern_ui_lookup_per_workshop ("site-folders", workshop_path,
                                                             G_VARIANT_TYPE_STRING);

  return site != NULL ? g_variant_dup_string (site, NULL) : NULL;
}

void
lectern_export_remember_site (const char *workshop_path,
                              const char *site_dir)
{
  g_return_if_fail (site_dir != NULL);

  lectern_ui_remember_per_workshop ("site-folders", workshop_path, g_variant_new_string (site_dir));
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void
show_message (GtkListBox *list,
              const char *icon_name,
              const char *title,
              const char *css_class)
{
  lectern_ui_list_box_clear (list);
  gtk_list_box_append (list, lectern_ui_message_row_new (icon_name, title, NULL, css_class));
}

static void
fill_readiness (LecternExportDialog *self)
{
  g_assert (LECTERN_IS_EXPORT_DIALOG (self));

  lectern_readiness_list_update (self->readiness_list, self->store, self->site_dir);
}

static void
fill_changes (LecternExportDialog *self,
              LecternExportResult *plan)
{
  GPtrArray *files = lectern_export_result_get_files (plan);
  guint n_renumbered = 0;
  const char *renumbering = lectern_export_result_get_renumbering (plan, &n_renumbered);

  g_assert (LECTERN_IS_EXPORT_DIALOG (self));

  lectern_ui_list_box_clear (self->changes_list);

  /* first: the one reason many cards change */
  if (renumbering != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card numbered again",
                                                             "%u cards numbered again", n_renumbered),
                                                n_renumbered);

      gtk_list_box_append (self->changes_list,
                           lectern_ui_message_row_new ("view-sort-ascending-symbolic", title, renumbering, NULL));
    }

  for (guint i = 0; i < files->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (files, i);

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      /* cards only numbered again are one row, with the reason */
      if (renumbering != NULL && lectern_site_is_renumbered (file))
        continue;

      gtk_list_box_append (self->changes_list,
                           lectern_ui_message_row_new (file->change == LECTERN_EXPORT_NEW ? "document-new-symbolic"
                                                                      : "document-edit-symbolic",
                                    file->path,
                                    file->reason != NULL ? file->reason
                                    : file->change == LECTERN_EXPORT_NEW ? _("New file") : _("Changed"),
                                    NULL));
    }


  for (guint i = 0; i < lectern_export_result_get_leftovers (plan)->len; i++)
    gtk_list_box_append (self->changes_list,
                         lectern_ui_message_row_new ("user-trash-symbolic",
                                  g_ptr_array_index (lectern_export_result_get_leftovers (plan), i),
                                  _("Left by an interrupted export: will be removed"),
                                  NULL));

  {
    guint n = lectern_export_result_count_changes (plan);
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u File Will Change", "%u Files Will Change", n), n);

    adw_preferences_group_set_title (self->changes_group, n > 0 ? title : _("Files That Will Change"));
  }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)) == NULL)
    show_message (self->changes_list, "emblem-ok-symbolic",
                  _("Nothing to change: the site is up to date."), "success");
}

/* ------------------------------------------------------------------ */
/* Preview and export                                                  */

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LecternExportDialog) self = user_data;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = lectern_exporter_plan_finish (LECTERN_EXPORTER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (plan == NULL)
    {
      show_message (self->changes_list, "dialog-error-symbolic", error->message, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  fill_changes (self, plan);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            (lectern_export_result_count_changes (plan) > 0 ||
                             lectern_export_result_get_leftovers (plan)->len > 0) &&
                            !lectern_store_get_read_only (self->store));
}

static void
refresh (LecternExportDialog *self)
{
  g_autoptr(LecternExporter) exporter = NULL;

  g_assert (LECTERN_IS_EXPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  if (self->site_dir == NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, _("Not chosen yet"));
      show_message (self->changes_list, "folder-symbolic",
                    _("Choose the folder of your checkout of the workshop’s site."), NULL);
      fill_readiness (self);
      return;
    }

  adw_action_row_set_subtitle (self->folder_row, self->site_dir);
  lectern_ui_list_box_show_busy (self->changes_list, _("Comparing with the site…"));
  fill_readiness (self);

  self->cancellable = g_cancellable_new ();
  exporter = lectern_exporter_new (self->store, self->site_dir);
  lectern_exporter_plan_async (exporter, self->cancellable, plan_cb, g_object_ref (self));
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LecternExportDialog) self = user_data;
  g_autoptr(LecternExportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  plan = lectern_exporter_export_finish (LECTERN_EXPORTER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (plan == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
      return;
    }

  lectern_export_remember_site (lectern_store_get_path (self->store), self->site_dir);
  summary = lectern_export_result_summarize (plan);
  g_signal_emit (self, signals[EXPORTED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (LecternExportDialog *self)
{
  g_autoptr(LecternExporter) exporter = NULL;

  g_assert (LECTERN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->site_dir != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  lectern_ui_list_box_show_busy (self->changes_list, _("Writing the site’s files…"));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  exporter = lectern_exporter_new (self->store, self->site_dir);
  lectern_exporter_export_async (exporter, self->cancellable, export_cb, g_object_ref (self));
}

static void
chooser_response_cb (LecternExportDialog *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) folder = NULL;

  g_assert (LECTERN_IS_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (folder != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        lectern_export_dialog_set_site_dir (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (LecternExportDialog *self)
{
  GtkFileChooserNative *chooser;

  g_assert (LECTERN_IS_EXPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Choose the Site Folder"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (self->site_dir != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->site_dir);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------ */

static void
lectern_export_dialog_dispose (GObject *object)
{
  LecternExportDialog *self = (LecternExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (lectern_export_dialog_parent_class)->dispose (object);
}

static void
lectern_export_dialog_finalize (GObject *object)
{
  LecternExportDialog *self = (LecternExportDialog *) object;

  g_clear_pointer (&self->site_dir, g_free);

  G_OBJECT_CLASS (lectern_export_dialog_parent_class)->finalize (object);
}

static void
lectern_export_dialog_class_init (LecternExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (LECTERN_TYPE_READINESS_LIST);

  object_class->dispose = lectern_export_dialog_dispose;
  object_class->finalize = lectern_export_dialog_finalize;

  /**
   * LecternExportDialog::exported:
   * @summary: what the export changed ("3 cards updated, schedule unchanged")
   */
  signals[EXPORTED] = g_signal_new ("exported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, readiness_list);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, changes_group);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
}

static void
lectern_export_dialog_init (LecternExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));
}

LecternExportDialog *
lectern_export_dialog_new (GtkWindow    *parent,
                           LecternStore *store)
{
  LecternExportDialog *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  self = g_object_new (LECTERN_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->site_dir = lectern_export_get_remembered_site (lectern_store_get_path (store));
  refresh (self);

  return self;
}

const char *
lectern_export_dialog_get_site_dir (LecternExportDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_DIALOG (self), NULL);

  return self->site_dir;
}

void
lectern_export_dialog_set_site_dir (LecternExportDialog *self,
                                    const char          *site_dir)
{
  g_return_if_fail (LECTERN_IS_EXPORT_DIALOG (self));

  if (g_strcmp0 (self->site_dir, site_dir) == 0)
    return;

  g_free (self->site_dir);
  self->site_dir = g_strdup (site_dir);
  refresh (self);
}
