/* lectern-merge-dialog.c: "Take Changes from Site…": the differences
 * between the site and the workshop file, accepted one by one
 *
 * The site is read and compared when the dialog opens (nothing is
 * written): cards and sponsors new on the site are ticked, each field
 * the site changed (with the workshop file's value and the site's) is
 * not, so that nothing is overwritten unless the organizer asks for it.
 * Take Changes applies the ticked ones in one undo step; the decisions
 * are the core's (lectern-site-merge.c), this is their view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-merge-dialog.h"
#include "lectern-site-merge.h"
#include "lectern-ui-util.h"

struct _LecternMergeDialog
{
  AdwWindow         parent_instance;

  LecternStore     *store;
  LecternSiteMerge *merge;
  GtkWidget        *take_button;
  GPtrArray        *checks;      /* GtkCheckButton, one per difference */
};

G_DEFINE_FINAL_TYPE (LecternMergeDialog, lectern_merge_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lectern_merge_dialog_dispose (GObject *object)
{
  LecternMergeDialog *self = LECTERN_MERGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_merge_dialog_parent_class)->dispose (object);
}

static void
lectern_merge_dialog_class_init (LecternMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_merge_dialog_dispose;

  /**
   * LecternMergeDialog::merged:
   * @n: how many differences were taken
   */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lectern_merge_dialog_init (LecternMergeDialog *self)
{
  self->checks = g_ptr_array_new ();
}

static void
update_take_button (LecternMergeDialog *self)
{
  guint n = 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));

  label = n == 0 ? g_strdup (_("_Take Changes"))
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Take %u Change", "_Take %u Changes", n), n);
  gtk_button_set_label (GTK_BUTTON (self->take_button), label);
  gtk_widget_set_sensitive (self->take_button, n > 0);
}

static void
on_check_toggled (GtkCheckButton     *check,
                  LecternMergeDialog *self)
{
  update_take_button (self);
}

/**
 * lectern_merge_dialog_take:
 *
 * Takes the ticked differences into the workshop file (one undo step),
 * emits ::merged and closes; on a failure, says why and stays open.
 */
gboolean
lectern_merge_dialog_take (LecternMergeDialog *self)
{
  GPtrArray *differences = lectern_site_merge_get_differences (self->merge);
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint i = 0; i < differences->len; i++)
    ((LecternMergeDifference *) g_ptr_array_index (differences, i))->accepted =
      gtk_check_button_get_active (g_ptr_array_index (self->checks, i));

  n = lectern_site_merge_apply (self->merge, &error);
  if (error != NULL)
    {
      lectern_ui_show_error (GTK_WIDGET (self), _("The Changes Were Not Taken"), error);
      return FALSE;
    }

  g_signal_emit (self, signals[MERGED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_take_clicked (GtkButton          *button,
                 LecternMergeDialog *self)
{
  lectern_merge_dialog_take (self);
}

static GtkWidget *
difference_row (LecternMergeDialog           *self,
                const LecternMergeDifference *d)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gboolean is_new = d->kind == LECTERN_MERGE_NEW_CARD || d->kind == LECTERN_MERGE_NEW_SPONSOR;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (is_new)
    {
      title = g_markup_escape_text (d->theirs, -1);
      subtitle = g_markup_printf_escaped (_("New %s, %s"), d->field, d->path);
    }
  else
    {
      /* Translators: "Tri Dao: affiliation" */
      title = g_markup_printf_escaped (_("%s: %s"), d->subject, d->field);
      subtitle = g_markup_printf_escaped (_("“%s” here, “%s” on the site (%s)"),
                                          *d->ours ? d->ours : _("nothing"),
                                          *d->theirs ? d->theirs : _("nothing"), d->path);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_new);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  /* a screen reader hears what ticking it takes */
  name = lectern_merge_difference_describe (d);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, is_new ? title : name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
build (LecternMergeDialog *self,
       const char         *site_dir)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *new_group = NULL;
  GtkWidget *changed_group = NULL;
  GPtrArray *differences = lectern_site_merge_get_differences (self->merge);
  GPtrArray *notes = lectern_site_merge_get_notes (self->merge);
  guint n_new = 0, n_changed = 0;

  (void) n_new;
  (void) n_changed;

  gtk_window_set_title (GTK_WINDOW (self), _("Take Changes from Site"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->take_button = gtk_button_new_with_mnemonic (_("_Take Changes"));
  gtk_widget_add_css_class (self->take_button, "suggested-action");
  g_signal_connect (self->take_button, "clicked", G_CALLBACK (on_take_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->take_button);

  for (guint i = 0; i < differences->len; i++)
    {
      LecternMergeDifference *d = g_ptr_array_index (differences, i);
      gboolean is_new = d->kind == LECTERN_MERGE_NEW_CARD || d->kind == LECTERN_MERGE_NEW_SPONSOR;

      if (is_new && new_group == NULL)
        {
          new_group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (new_group), _("New on the Site"));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (new_group),
                                                 _("Cards and sponsors the workshop file does not have yet."));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (new_group));
        }
      if (!is_new && changed_group == NULL)
        {
          changed_group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (changed_group), _("Changed on the Site"));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (changed_group),
                                                 _("Edited by hand since Lectern last wrote them. Tick those to "
                                                   "take; the others stay as the workshop file has them."));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (changed_group));
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (is_new ? new_group : changed_group),
                                 difference_row (self, d));
      n_new += is_new;
      n_changed += !is_new;
    }

  if (differences->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      g_autofree char *description = g_markup_printf_escaped (_("The site in %s says what the workshop file says."),
                                                              site_dir);

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing to Take"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
      gtk_box_append (GTK_BOX (view), header);
      gtk_box_append (GTK_BOX (view), status);
      gtk_widget_set_vexpand (status, TRUE);
      adw_window_set_content (ADW_WINDOW (self), view);
      update_take_button (self);
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }

  if (notes->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes->len),
                                                notes->len);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What the Import Noticed"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), count);
      for (guint i = 0; i < notes->len; i++)
        {
          GtkWidget *label = gtk_label_new (g_ptr_array_index (notes, i));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (self), view);
  update_take_button (self);
  lectern_ui_name_controls (GTK_WIDGET (self));
}

/**
 * lectern_merge_dialog_new:
 * @parent: (nullable): the workshop's window
 * @site_dir: the site's checkout
 *
 * Reads the site and compares it with @store (writes nothing).
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL with
 *   @error set when the site cannot be read
 */
LecternMergeDialog *
lectern_merge_dialog_new (GtkWindow     *parent,
                          LecternStore  *store,
                          const char    *site_dir,
                          GError       **error)
{
  g_autoptr(LecternSiteMerge) merge = lectern_site_merge_new (store, site_dir, error);
  LecternMergeDialog *self;

  if (merge == NULL)
    return NULL;

  self = g_object_new (LECTERN_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->merge = g_steal_pointer (&merge);
  build (self, site_dir);
  return self;
}

guint
lectern_merge_dialog_get_n_differences (LecternMergeDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_DIALOG (self), 0);
  return self->checks->len;
}

void
lectern_merge_dialog_set_accepted (LecternMergeDialog *self,
                                   guint               index,
                                   gboolean            accepted)
{
  g_return_if_fail (LECTERN_IS_MERGE_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), accepted);
}

/* ------------------------------------------------------------------ */
/* From the window                                                     */

static void
on_merged (LecternMergeDialog *dialog,
           guint               n,
           GtkWidget          *window)
{
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Took %u change from the site",
                                                         "Took %u changes from the site", n), n);

  lectern_ui_toast_undo (window, label);
}

/**
 * lectern_merge_dialog_open:
 * @window: the workshop's window
 * @site_dir: the site's checkout
 *
 * Shows the differences between the site and @store, or says why the
 * site cannot be read.
 */
void
lectern_merge_dialog_open (GtkWindow    *window,
                           LecternStore *store,
                           const char   *site_dir)
{
  g_autoptr(GError) error = NULL;
  LecternMergeDialog *dialog = lectern_merge_dialog_new (window, store, site_dir, &error);

  if (dialog == NULL)
    {
      lectern_ui_show_error (GTK_WIDGET (window), _("The Site Cannot Be Read"), error);
      return;
    }

  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_folder_chosen (GtkNativeDialog *chooser,
                  int              response,
                  GtkWindow       *window)
{
  LecternStore *store = g_object_get_data (G_OBJECT (chooser), "store");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        lectern_merge_dialog_open (window, store, path);
    }

  g_object_unref (chooser);
}

/**
 * lectern_merge_dialog_choose:
 * @remembered: (nullable): the site folder this workshop was last
 *   exported to, offered first
 *
 * Asks for the site's checkout, then shows its differences.
 */
void
lectern_merge_dialog_choose (GtkWindow    *window,
                             LecternStore *store,
                             const char   *remembered)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Site’s Checkout"), window,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (remembered != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (remembered);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_object_set_data_full (G_OBJECT (chooser), "store", g_object_ref (store), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
