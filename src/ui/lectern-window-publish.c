/* lectern-window-publish.c: the window's Publish button
 *
 * The first time, the dialog (where to, the token, what will change).
 * Once this machine knows where the workshop is published and the
 * keyring has the token, one click: a toast while it runs, and one
 * that links to the commit (or the pull request) when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-publish-dialog.h"
#include "lectern-publisher.h"
#include "lectern-token.h"
#include "lectern-window-publish.h"

typedef struct
{
  LecternWindow        *window;
  LecternPublishTarget *target;
  AdwToast             *busy;    /* borrowed: the overlay owns it */
} QuickPublish;

static void
quick_publish_free (QuickPublish *quick)
{
  g_clear_object (&quick->window);
  lectern_publish_target_free (quick->target);
  g_clear_object (&quick->busy);
  g_free (quick);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuickPublish, quick_publish_free)

static void
set_busy (LecternWindow *window,
          gboolean       busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.publish", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.publish-dialog", !busy);
}

/* The toast for what was published, linking to it */
static AdwToast *
published_toast (LecternPublishResult *result)
{
  const char *message = lectern_publish_result_get_message (result);
  const char *url = lectern_publish_result_get_pull_request_url (result);
  g_autofree char *first = message != NULL ? g_strndup (message, strcspn (message, "\n")) : NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (lectern_publish_result_is_nothing (result) && lectern_publish_result_get_published (result))
    return adw_toast_new (_("Pushed the commit that was waiting in the clone"));

  if (lectern_publish_result_is_nothing (result))
    return adw_toast_new (_("Nothing to publish: the site is up to date"));

  if (url != NULL)
    title = g_strdup_printf (_("Opened a pull request: %s"), first);
  else
    {
      title = g_strdup_printf (_("Published: %s"), first);
      url = lectern_publish_result_get_commit_url (result);
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (url != NULL && g_str_has_prefix (url, "http"))
    {
      adw_toast_set_button_label (toast, lectern_publish_result_get_pull_request_url (result)
                                         ? _("_View Pull Request") : _("_View Commit"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (url));
    }

  return toast;
}

static void
dialog_published_cb (LecternPublishDialog *dialog,
                     LecternPublishResult *result,
                     LecternWindow        *window)
{
  lectern_window_add_toast (window, published_toast (result));
}

void
lectern_window_publish_dialog (LecternWindow *window)
{
  LecternPublishDialog *dialog;

  g_return_if_fail (LECTERN_IS_WINDOW (window));

  dialog = lectern_publish_dialog_new (GTK_WINDOW (window), lectern_window_get_store (window));
  g_signal_connect_object (dialog, "published", G_CALLBACK (dialog_published_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quick_published_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(QuickPublish) quick = data;
  g_autoptr(LecternPublishResult) published = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  published = lectern_publisher_publish_finish (LECTERN_PUBLISHER (object), result, &error);
  set_busy (quick->window, FALSE);
  adw_toast_dismiss (quick->busy);

  if (published != NULL)
    toast = published_toast (published);
  else
    {
      /* the dialog shows it in full, and offers the ways on */
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.publish-dialog");
    }

  lectern_window_add_toast (quick->window, toast);
}

/* The toast says each step as it comes */
static void
progress_cb (LecternPublisher *publisher,
             const char       *step,
             AdwToast         *toast)
{
  adw_toast_set_title (toast, step);
}

static void
run (QuickPublish *quick,
     const char   *token)
{
  g_autoptr(LecternPublisher) publisher = NULL;
  g_autofree char *where = lectern_publish_target_describe (quick->target);
  g_autofree char *title = g_strdup_printf (_("Publishing to %s…"), where);

  quick->busy = g_object_ref (adw_toast_new (title));
  adw_toast_set_timeout (quick->busy, 0);
  lectern_window_add_toast (quick->window, quick->busy);

  publisher = lectern_publisher_new (lectern_window_get_store (quick->window), quick->target, token);
  g_signal_connect_object (publisher, "progress", G_CALLBACK (progress_cb), quick->busy, 0);
  lectern_publisher_publish_async (publisher, LECTERN_PUBLISH_DEFAULT, NULL, quick_published_cb, quick);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  QuickPublish *quick = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lectern_token_lookup_finish (result, &error);

  if (token == NULL)
    {
      /* no keyring, or no token in it: ask */
      set_busy (quick->window, FALSE);
      lectern_window_publish_dialog (quick->window);
      quick_publish_free (quick);
      return;
    }

  run (quick, token);
}

void
lectern_window_publish (LecternWindow *window)
{
  LecternStore *store;
  LecternPublishTarget *target;
  QuickPublish *quick;

  g_return_if_fail (LECTERN_IS_WINDOW (window));

  store = lectern_window_get_store (window);
  target = lectern_publish_get_remembered_target (lectern_store_get_path (store));
  if (target == NULL || !lectern_publish_target_validate (target, NULL))
    {
      lectern_publish_target_free (target);
      lectern_window_publish_dialog (window);
      return;
    }

  /* what is being typed is saved first */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  quick = g_new0 (QuickPublish, 1);
  quick->window = g_object_ref (window);
  quick->target = target;
  set_busy (window, TRUE);

  if (target->kind == LECTERN_PUBLISH_GITHUB)
    lectern_token_lookup_async (target->api_url, NULL, token_found_cb, quick);
  else
    run (quick, NULL);
}
