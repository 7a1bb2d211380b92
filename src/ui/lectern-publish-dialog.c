/* lectern-publish-dialog.c: "Publish…": where to, the token, what changes
 *
 * The first time an organizer publishes a workshop: where the site goes
 * (a GitHub repository and branch, or a local clone), the token (kept
 * in the keyring), and, checked as they type, the files that will be
 * committed. Publishing runs off the main thread and shows its steps; a
 * protected branch is offered a pull request instead. Where to publish
 * is remembered on this machine, per workshop file (GSettings).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-publish-dialog.h"
#include "lectern-ui-util.h"
#include "lectern-publisher.h"
#include "lectern-token.h"

#define PREVIEW_DELAY_MS 700

struct _LecternPublishDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *publish_button;
  GtkButton           *preview_button;
  AdwComboRow         *kind_row;
  AdwEntryRow         *repository_row;
  AdwEntryRow         *branch_row;
  AdwEntryRow         *token_row;
  AdwEntryRow         *api_row;
  AdwActionRow        *clone_row;
  GtkLabel            *hint_label;
  AdwPreferencesGroup *changes_group;
  GtkListBox          *changes_list;

  /* Owned */
  LecternStore        *store;
  char                *clone_dir;
  char                *kept_token;    /* as the keyring has it */
  GCancellable        *cancellable;   /* the preview's, or the publish's */
  GtkNativeDialog     *chooser;
  guint                preview_source;
  gboolean             publishing;
};

G_DEFINE_FINAL_TYPE (LecternPublishDialog, lectern_publish_dialog, ADW_TYPE_WINDOW)

enum { PUBLISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* The remembered target                                               */

LecternPublishTarget *
lectern_publish_get_remembered_target (const char *workshop_path)
{
  g_autoptr(GVariant) target = lectern_ui_lookup_per_workshop ("publish-targets", workshop_path,
                                                               G_VARIANT_TYPE ("(ssss)"));

  return target != NULL ? lectern_publish_target_from_variant (target) : NULL;
}

void
lectern_publish_remember_target (const char                 *workshop_path,
                                 const LecternPublishTarget *target)
{
  g_return_if_fail (target != NULL);

  lectern_ui_remember_per_workshop ("publish-targets", workshop_path,
                                    lectern_publish_target_to_variant (target));
}

/* ------------------------------------------------------------------ */
/* The form                                                            */

static LecternPublishKind
get_kind (LecternPublishDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? LECTERN_PUBLISH_CLONE
                                                          : LECTERN_PUBLISH_GITHUB;
}

static LecternPublishTarget *
get_target (LecternPublishDialog *self)
{
  LecternPublishTarget *target = lectern_publish_target_new (get_kind (self));
  const char *branch = gtk_editable_get_text (GTK_EDITABLE (self->branch_row));
  const char *api = gtk_editable_get_text (GTK_EDITABLE (self->api_row));

  target->repository = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->repository_row))));
  target->branch = *branch != '\0' ? g_strstrip (g_strdup (branch)) : NULL;
  target->api_url = *api != '\0' ? g_strstrip (g_strdup (api)) : NULL;
  target->clone_dir = g_strdup (self->clone_dir);

  return target;
}

static const char *
get_token (LecternPublishDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->token_row));
}

static void
show_message (LecternPublishDialog *self,
              const char           *icon_name,
              const char           *title,
              const char           *subtitle,
              const char           *css_class)
{
  lectern_ui_list_box_clear (self->changes_list);
  gtk_list_box_append (self->changes_list, lectern_ui_message_row_new (icon_name, title, subtitle, css_class));
}

static void
show_busy (LecternPublishDialog *self,
           const char           *step)
{
  lectern_ui_list_box_show_busy (self->changes_list, step);
}

/* What the publish would commit, with its message */
static void
show_changes (LecternPublishDialog *self,
              LecternPublishResult *result)
{
  GPtrArray *changes = lectern_publish_result_get_changes (result);
  const char *message = lectern_publish_result_get_message (result);
  g_autofree char *first = NULL;

  lectern_ui_list_box_clear (self->changes_list);

  if (changes->len == 0)
    {
      adw_preferences_group_set_description (self->changes_group, NULL);
      show_message (self, "object-select-symbolic", _("Nothing to publish: the site is up to date."),
                    NULL, "success");
      return;
    }

  first = message != NULL ? g_strndup (message, strcspn (message, "\n")) : NULL;
  adw_preferences_group_set_description (self->changes_group, first);

  for (guint i = 0; i < changes->len; i++)
    {
      const LecternPublishChange *change = g_ptr_array_index (changes, i);

      gtk_list_box_append (self->changes_list,
                           lectern_ui_message_row_new (change->is_new ? "document-new-symbolic" : "document-edit-symbolic",
                                    change->path, change->is_new ? _("New") : _("Changed"), NULL));
    }
}

static void
update_sensitivity (LecternPublishDialog *self)
{
  g_autoptr(LecternPublishTarget) target = get_target (self);
  g_autoptr(GError) error = NULL;
  gboolean github = target->kind == LECTERN_PUBLISH_GITHUB;
  gboolean valid = lectern_publish_target_validate (target, &error) &&
                   (!github || *get_token (self) != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->repository_row), github);
  gtk_widget_set_visible (GTK_WIDGET (self->branch_row), github);
  gtk_widget_set_visible (GTK_WIDGET (self->token_row), github);
  gtk_widget_set_visible (GTK_WIDGET (self->api_row), github);
  gtk_widget_set_visible (GTK_WIDGET (self->clone_row), !github);

  if (error != NULL)
    gtk_label_set_text (self->hint_label, error->message);
  else if (github && *get_token (self) == '\0')
    gtk_label_set_text (self->hint_label,
                        _("A fine-grained personal access token with Contents: write on this "
                          "repository (and Pull requests: write, for a protected branch). "
                          "It is kept in your keyring, never in the workshop file."));
  else if (github)
    gtk_label_set_text (self->hint_label, _("One commit with the files that changed; the branch is never forced."));
  else
    gtk_label_set_text (self->hint_label,
                        _("Lectern exports into the clone, commits only the files it wrote and "
                          "pushes; the repository’s own hooks run."));

  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), valid && !self->publishing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), valid && !self->publishing);
}

/* ------------------------------------------------------------------ */
/* The preview: a dry run                                              */

static void
previewed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(LecternPublishDialog) self = data;
  g_autoptr(LecternPublishResult) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = lectern_publisher_publish_finish (LECTERN_PUBLISHER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->publishing)
    return;

  if (preview == NULL)
    show_message (self, "dialog-warning-symbolic", error->message, NULL, "warning");
  else
    show_changes (self, preview);
}

static void
preview_progress_cb (LecternPublisher     *publisher,
                     const char           *step,
                     LecternPublishDialog *self)
{
  if (!self->publishing)
    show_busy (self, step);
}

static void
preview (LecternPublishDialog *self)
{
  g_autoptr(LecternPublishTarget) target = get_target (self);
  g_autoptr(LecternPublisher) publisher = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->publishing || !gtk_widget_get_sensitive (GTK_WIDGET (self->preview_button)))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  publisher = lectern_publisher_new (self->store, target, get_token (self));
  g_signal_connect_object (publisher, "progress", G_CALLBACK (preview_progress_cb), self, 0);
  lectern_publisher_publish_async (publisher, LECTERN_PUBLISH_DRY_RUN, self->cancellable,
                                   previewed_cb, g_object_ref (self));
}

static gboolean
preview_timeout_cb (gpointer data)
{
  LecternPublishDialog *self = data;

  self->preview_source = 0;
  preview (self);
  return G_SOURCE_REMOVE;
}

static void
form_changed_cb (LecternPublishDialog *self)
{
  update_sensitivity (self);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->preview_button)))
    self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
  else
    show_message (self, NULL, _("Fill in where to publish to see what will change."), NULL, NULL);
}

static void
preview_clicked_cb (LecternPublishDialog *self)
{
  preview (self);
}

/* ------------------------------------------------------------------ */
/* Publishing                                                          */

static void publish (LecternPublishDialog *self, LecternPublishFlags flags);

static void
pull_request_response_cb (AdwMessageDialog     *dialog,
                          const char           *response,
                          LecternPublishDialog *self)
{
  if (g_strcmp0 (response, "pull-request") == 0)
    publish (self, LECTERN_PUBLISH_PULL_REQUEST);
}

static void
offer_pull_request (LecternPublishDialog *self,
                    const GError         *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Branch Is Protected"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "pull-request", _("Open a _Pull Request"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "pull-request", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "pull-request");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (pull_request_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
published_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(LecternPublishDialog) self = data;
  g_autoptr(LecternPublishResult) published = NULL;
  g_autoptr(GError) error = NULL;

  published = lectern_publisher_publish_finish (LECTERN_PUBLISHER (object), result, &error);
  self->publishing = FALSE;
  update_sensitivity (self);

  if (published != NULL)
    {
      g_signal_emit (self, signals[PUBLISHED], 0, published);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_message (self, "dialog-error-symbolic", error->message, NULL, "error");
  if (g_error_matches (error, LECTERN_PUBLISH_ERROR, LECTERN_PUBLISH_ERROR_PROTECTED))
    offer_pull_request (self, error);
}

static void
publish_progress_cb (LecternPublisher     *publisher,
                     const char           *step,
                     LecternPublishDialog *self)
{
  show_busy (self, step);
}

static void
token_kept_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;

  /* the publish goes on with the token as typed; it is asked again next time */
  if (!lectern_token_store_finish (result, &error))
    g_message ("Could not keep the GitHub token in the keyring: %s", error->message);
}

static void
publish (LecternPublishDialog *self,
         LecternPublishFlags   flags)
{
  g_autoptr(LecternPublishTarget) target = get_target (self);
  g_autoptr(LecternPublisher) publisher = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  lectern_publish_remember_target (lectern_store_get_path (self->store), target);
  if (target->kind == LECTERN_PUBLISH_GITHUB && g_strcmp0 (get_token (self), self->kept_token) != 0)
    {
      lectern_token_store_async (target->api_url, get_token (self), NULL, token_kept_cb, NULL);
      g_free (self->kept_token);
      self->kept_token = g_strdup (get_token (self));
    }

  self->publishing = TRUE;
  update_sensitivity (self);
  show_busy (self, _("Publishing…"));

  publisher = lectern_publisher_new (self->store, target, get_token (self));
  g_signal_connect_object (publisher, "progress", G_CALLBACK (publish_progress_cb), self, 0);
  lectern_publisher_publish_async (publisher, flags, self->cancellable, published_cb, g_object_ref (self));
}

static void
publish_clicked_cb (LecternPublishDialog *self)
{
  /* what is being typed is taken as it is */
  publish (self, LECTERN_PUBLISH_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* The clone's folder                                                  */

static void
set_clone_dir (LecternPublishDialog *self,
               const char           *clone_dir)
{
  g_free (self->clone_dir);
  self->clone_dir = g_strdup (clone_dir);
  adw_action_row_set_subtitle (self->clone_row, clone_dir != NULL ? clone_dir : _("Not chosen yet"));
  form_changed_cb (self);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     LecternPublishDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        set_clone_dir (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (LecternPublishDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Clone of the Site"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------ */

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(LecternPublishDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lectern_token_lookup_finish (result, &error);

  if (token == NULL)
    {
      if (error != NULL)
        g_debug ("No keyring: %s", error->message);
      return;
    }

  /* typed meanwhile: what was typed wins */
  if (*get_token (self) != '\0')
    return;

  g_free (self->kept_token);
  self->kept_token = g_strdup (token);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

static void
lectern_publish_dialog_dispose (GObject *object)
{
  LecternPublishDialog *self = LECTERN_PUBLISH_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (lectern_publish_dialog_parent_class)->dispose (object);
}

static void
lectern_publish_dialog_finalize (GObject *object)
{
  LecternPublishDialog *self = LECTERN_PUBLISH_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->clone_dir);
  g_free (self->kept_token);

  G_OBJECT_CLASS (lectern_publish_dialog_parent_class)->finalize (object);
}

static void
lectern_publish_dialog_class_init (LecternPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_publish_dialog_dispose;
  object_class->finalize = lectern_publish_dialog_finalize;

  /**
   * LecternPublishDialog::published:
   * @result: what was published
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                     LECTERN_TYPE_PUBLISH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/lectern-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, repository_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, branch_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, api_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, clone_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, LecternPublishDialog, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
}

static void
lectern_publish_dialog_init (LecternPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_ui_name_controls (GTK_WIDGET (self));
}

LecternPublishDialog *
lectern_publish_dialog_new (GtkWindow    *parent,
                            LecternStore *store)
{
  LecternPublishDialog *self;
  g_autoptr(LecternPublishTarget) target = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  self = g_object_new (LECTERN_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  target = lectern_publish_get_remembered_target (lectern_store_get_path (store));
  if (target != NULL)
    {
      adw_combo_row_set_selected (self->kind_row, target->kind == LECTERN_PUBLISH_CLONE ? 1 : 0);
      gtk_editable_set_text (GTK_EDITABLE (self->repository_row), target->repository ? target->repository : "");
      gtk_editable_set_text (GTK_EDITABLE (self->branch_row), target->branch ? target->branch : "main");
      gtk_editable_set_text (GTK_EDITABLE (self->api_row), target->api_url ? target->api_url : "");
      set_clone_dir (self, target->clone_dir);
    }

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->branch_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->token_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->api_row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  form_changed_cb (self);

  /* the first thing to fill in, or Publish when all is known */
  if (get_kind (self) == LECTERN_PUBLISH_GITHUB &&
      *gtk_editable_get_text (GTK_EDITABLE (self->repository_row)) == '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->repository_row));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->publish_button));

  lectern_token_lookup_async (target != NULL ? target->api_url : NULL, NULL, token_found_cb,
                              g_object_ref (self));

  return self;
}

/* Publishing as the dialog would, without it: for one click once the
 * target is known.
 */
void
lectern_publish_dialog_set_target (LecternPublishDialog       *self,
                                   const LecternPublishTarget *target,
                                   const char                 *token)
{
  g_return_if_fail (LECTERN_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (target != NULL);

  adw_combo_row_set_selected (self->kind_row, target->kind == LECTERN_PUBLISH_CLONE ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->repository_row), target->repository ? target->repository : "");
  gtk_editable_set_text (GTK_EDITABLE (self->branch_row), target->branch ? target->branch : "main");
  gtk_editable_set_text (GTK_EDITABLE (self->api_row), target->api_url ? target->api_url : "");
  if (token != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
  set_clone_dir (self, target->clone_dir);
}
